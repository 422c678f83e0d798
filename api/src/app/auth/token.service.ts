import { AuthSession, SessionUser } from '@advocacy/shared';
import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomBytes, randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { sha256 } from '../common/crypto/hash';
import { DomainError } from '../common/errors';
import { queryReturning } from '../database/sql';
import { RefreshToken } from './entities/refresh-token.entity';

export interface IssuedSession {
  session: AuthSession;
  refreshToken: string;
  refreshExpiresAt: Date;
}

@Injectable()
export class TokenService {
  constructor(
    private readonly jwt: JwtService,
    private readonly config: AppConfig,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  async issue(
    user: SessionUser,
    familyId: string = randomUUID(),
  ): Promise<IssuedSession> {
    const refreshToken = randomBytes(32).toString('base64url');
    const refreshExpiresAt = new Date(
      Date.now() + this.config.REFRESH_TOKEN_TTL_DAYS * 86_400_000,
    );
    await this.db.getRepository(RefreshToken).insert({
      userId: user.id,
      familyId,
      tokenHash: sha256(refreshToken),
      expiresAt: refreshExpiresAt,
    });
    const accessToken = await this.jwt.signAsync(
      {
        sub: user.id,
        email: user.email,
        role: user.role,
        cid: user.customerId,
      },
      { expiresIn: this.config.ACCESS_TOKEN_TTL_SECONDS },
    );
    return {
      session: {
        accessToken,
        expiresIn: this.config.ACCESS_TOKEN_TTL_SECONDS,
        user,
      },
      refreshToken,
      refreshExpiresAt,
    };
  }

  /**
   * Marks the presented token rotated in one conditional update, so two concurrent uses
   * cannot both succeed; presenting an already rotated token revokes its whole family.
   */
  async rotate(
    refreshToken: string,
  ): Promise<{ userId: string; familyId: string }> {
    const tokenHash = sha256(refreshToken);
    const [rotated] = await queryReturning<{
      user_id: string;
      family_id: string;
    }>(
      this.db,
      `UPDATE refresh_tokens SET rotated_at = now()
        WHERE token_hash = $1 AND rotated_at IS NULL AND revoked_at IS NULL AND expires_at > now()
        RETURNING user_id, family_id`,
      [tokenHash],
    );
    if (rotated)
      return { userId: rotated.user_id, familyId: rotated.family_id };

    const known = await this.db
      .getRepository(RefreshToken)
      .findOneBy({ tokenHash });
    if (known?.rotatedAt && !known.revokedAt) {
      await this.revokeFamily(known.familyId);
      throw new DomainError(
        'TOKEN_REUSED',
        'This session was ended because its token was used twice; sign in again',
      );
    }
    throw new DomainError(
      'UNAUTHENTICATED',
      'Your session has ended; sign in again',
    );
  }

  async revoke(refreshToken: string): Promise<void> {
    const known = await this.db
      .getRepository(RefreshToken)
      .findOneBy({ tokenHash: sha256(refreshToken) });
    if (known) await this.revokeFamily(known.familyId);
  }

  async revokeAllForUser(userId: string): Promise<void> {
    await this.db.query(
      'UPDATE refresh_tokens SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL',
      [userId],
    );
  }

  private async revokeFamily(familyId: string): Promise<void> {
    await this.db.query(
      'UPDATE refresh_tokens SET revoked_at = now() WHERE family_id = $1 AND revoked_at IS NULL',
      [familyId],
    );
  }
}
