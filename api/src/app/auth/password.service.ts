import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@advocacy/shared';
import { Algorithm, hash, verify } from '@node-rs/argon2';
import { Injectable } from '@nestjs/common';
import commonPasswords from 'fxa-common-password-list';
import { invalid } from '../common/errors';

/** OWASP's minimum for argon2id: 19 MiB, two passes, one lane. */
const ARGON2_OPTIONS = {
  algorithm: Algorithm.Argon2id,
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
};

@Injectable()
export class PasswordService {
  /** Verified against when the user does not exist, so both paths cost the same time. */
  private readonly dummyHash = hash(
    'timing-equaliser-not-a-password',
    ARGON2_OPTIONS,
  );

  async hash(password: string): Promise<string> {
    this.assertAcceptable(password);
    return hash(password, ARGON2_OPTIONS);
  }

  async verify(
    passwordHash: string | null,
    password: string,
  ): Promise<boolean> {
    const target = passwordHash ?? (await this.dummyHash);
    const matches = await verify(target, password).catch(() => false);
    return passwordHash !== null && matches;
  }

  assertAcceptable(password: string, field = 'password'): void {
    if (
      password.length < PASSWORD_MIN_LENGTH ||
      password.length > PASSWORD_MAX_LENGTH
    ) {
      throw invalid({
        [field]: `must be ${PASSWORD_MIN_LENGTH}-${PASSWORD_MAX_LENGTH} characters`,
      });
    }
    if (
      commonPasswords.test(password) ||
      commonPasswords.test(password.toLowerCase())
    ) {
      throw invalid({
        [field]: 'is too common; choose a less guessable password',
      });
    }
  }
}
