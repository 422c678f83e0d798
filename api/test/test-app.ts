import { Role } from '@advocacy/shared';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { PasswordService } from '../src/app/auth/password.service';
import { TokenService } from '../src/app/auth/token.service';
import { createApp } from '../src/app/bootstrap/create-app';
import { Customer } from '../src/app/customers/entities/customer.entity';
import { User } from '../src/app/users/entities/user.entity';
import { toSessionUser } from '../src/app/users/users.service';

export const TEST_PASSWORD = 'correct-horse-battery-staple';

export async function createTestApp(): Promise<NestFastifyApplication> {
  const app = await createApp();
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  return app;
}

export interface TestUser {
  id: string;
  email: string;
  role: Role;
  customerId: string | null;
  token: string;
}

let passwordHash: Promise<string> | undefined;

export type TestAdvocate = TestUser & { customerId: string };

/** A user with a unique email, signed in; advocates also get their customer record. */
export async function createUser(
  app: NestFastifyApplication,
  role: 'advocate',
): Promise<TestAdvocate>;
export async function createUser(
  app: NestFastifyApplication,
  role: Role,
): Promise<TestUser>;
export async function createUser(
  app: NestFastifyApplication,
  role: Role,
): Promise<TestUser> {
  const db = app.get(DataSource);
  passwordHash ??= app.get(PasswordService).hash(TEST_PASSWORD);
  const email = `${role}-${randomUUID()}@test.example`;
  let customerId: string | null = null;
  if (role === 'advocate') {
    customerId = (
      await db.getRepository(Customer).save({ email, name: `Test ${role}` })
    ).id;
  }
  const user = await db.getRepository(User).save({
    email,
    name: `Test ${role}`,
    role,
    passwordHash: await passwordHash,
    customerId,
  });
  const { session } = await app.get(TokenService).issue(toSessionUser(user));
  return { id: user.id, email, role, customerId, token: session.accessToken };
}

export async function signIn(
  app: NestFastifyApplication,
  email: string,
  password: string,
): Promise<string> {
  const response = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { email, password },
  });
  if (response.statusCode !== 200)
    throw new Error(`Sign-in failed: ${response.statusCode} ${response.body}`);
  return response.json<{ accessToken: string }>().accessToken;
}

export const bearer = (user: TestUser) => ({
  authorization: `Bearer ${user.token}`,
});
