import { API_PATHS, AuthSession, SessionUser } from '@advocacy/shared';
import {
  Body,
  Controller,
  Get,
  HttpCode,
  Post,
  Req,
  Res,
} from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { FastifyReply, FastifyRequest } from 'fastify';
import {
  AuthUser,
  Ctx,
  CurrentUser,
  Public,
  RequestContext,
  Roles,
} from '../common/access';
import { ROLES } from '@advocacy/shared';
import { DomainError } from '../common/errors';
import { AppConfig } from '../config/app-config';
import { UsersService, toSessionUser } from '../users/users.service';
import { AuthService } from './auth.service';
import { AcceptInviteDto } from './dto/accept-invite.dto';
import { JoinDto } from './dto/join.dto';
import { LoginDto } from './dto/login.dto';
import { IssuedSession } from './token.service';

export const REFRESH_COOKIE = 'advocacy_rt';
const COOKIE_PATH = '/api/v1/auth';

@ApiTags('auth')
@Controller()
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly users: UsersService,
    private readonly config: AppConfig,
  ) {}

  @Post(API_PATHS.auth.login)
  @HttpCode(200)
  @Public()
  @ApiOperation({
    summary: 'Sign in with email and password; sets the refresh cookie',
  })
  async login(
    @Ctx() ctx: RequestContext,
    @Body() body: LoginDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.withCookie(reply, await this.auth.login(ctx, body));
  }

  @Post(API_PATHS.auth.refresh)
  @HttpCode(200)
  @Public()
  @ApiOperation({
    summary:
      'Trade the refresh cookie for a new access token (the cookie rotates)',
  })
  async refresh(
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    try {
      return this.withCookie(
        reply,
        await this.auth.refresh(request.cookies[REFRESH_COOKIE]),
      );
    } catch (error) {
      reply.clearCookie(REFRESH_COOKIE, { path: COOKIE_PATH });
      throw error;
    }
  }

  @Post(API_PATHS.auth.logout)
  @HttpCode(204)
  @Public()
  @ApiOperation({
    summary:
      'End the session: revokes the refresh token family and clears the cookie',
  })
  async logout(
    @Ctx() ctx: RequestContext,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    await this.auth.logout(ctx, request.cookies[REFRESH_COOKIE]);
    reply.clearCookie(REFRESH_COOKIE, { path: COOKIE_PATH });
  }

  @Get(API_PATHS.auth.me)
  @Roles(...ROLES)
  @ApiOperation({ summary: 'The signed-in user' })
  async me(@CurrentUser() current: AuthUser): Promise<SessionUser> {
    const user = await this.users.findById(current.id);
    if (!user || user.disabledAt)
      throw new DomainError(
        'UNAUTHENTICATED',
        'Your session has ended; sign in again',
      );
    return toSessionUser(user);
  }

  @Post(API_PATHS.auth.acceptInvite)
  @HttpCode(200)
  @Public()
  @ApiOperation({
    summary: 'Set the password of an invited staff member and sign in',
  })
  async acceptInvite(
    @Ctx() ctx: RequestContext,
    @Body() body: AcceptInviteDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.withCookie(reply, await this.auth.acceptInvite(ctx, body));
  }

  @Post(API_PATHS.auth.join)
  @Public()
  @ApiOperation({ summary: 'Join as an advocate and sign in' })
  async join(
    @Ctx() ctx: RequestContext,
    @Body() body: JoinDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.withCookie(reply, await this.auth.join(ctx, body));
  }

  private withCookie(reply: FastifyReply, issued: IssuedSession): AuthSession {
    reply.setCookie(REFRESH_COOKIE, issued.refreshToken, {
      httpOnly: true,
      sameSite: 'strict',
      secure: this.config.isProduction,
      path: COOKIE_PATH,
      expires: issued.refreshExpiresAt,
    });
    return issued.session;
  }
}
