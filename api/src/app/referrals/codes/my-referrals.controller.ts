import {
  API_PATHS,
  MyProgramme,
  MyReferrals,
  ReferralFunnel,
} from '@advocacy/shared';
import { Body, Controller, Get, Header, Put, Query } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { toBuffer } from 'qrcode';
import { AuthUser, CurrentUser, Roles } from '../../common/access';
import { MyProgrammeQueryDto, VanityCodeDto } from './dto/my-referrals.dto';
import { ReferralCodesService } from './referral-codes.service';
import { ReferralFunnelService } from './referral-funnel.service';

@ApiTags('referrals')
@Controller()
export class MyReferralsController {
  constructor(
    private readonly codes: ReferralCodesService,
    private readonly funnel: ReferralFunnelService,
  ) {}

  @Get(API_PATHS.referrals.my)
  @Roles('advocate')
  @ApiOperation({
    summary: 'My programmes with my share links (made on first visit)',
  })
  my(@CurrentUser() user: AuthUser): Promise<MyReferrals> {
    return this.codes.my(user);
  }

  @Put(API_PATHS.referrals.myVanity)
  @Roles('advocate')
  @ApiOperation({
    summary: 'Set my vanity code in a programme (replaces my previous one)',
  })
  vanity(
    @CurrentUser() user: AuthUser,
    @Body() body: VanityCodeDto,
  ): Promise<MyProgramme> {
    return this.codes.setVanity(user, body.programmeId, body.code);
  }

  @Get(API_PATHS.referrals.myStats)
  @Roles('advocate')
  @ApiOperation({ summary: 'My funnel in a programme: clicks to rewards' })
  stats(
    @CurrentUser() user: AuthUser,
    @Query() query: MyProgrammeQueryDto,
  ): Promise<ReferralFunnel> {
    return this.funnel.funnel(user, query.programmeId);
  }

  @Get(API_PATHS.referrals.myQr)
  @Roles('advocate')
  @Header('Content-Type', 'image/png')
  @Header('Cache-Control', 'private, max-age=300')
  @ApiProduces('image/png')
  @ApiOperation({ summary: 'A QR code (PNG) of my share link' })
  async qr(
    @CurrentUser() user: AuthUser,
    @Query() query: MyProgrammeQueryDto,
  ): Promise<Buffer> {
    const { code, vanity } = await this.codes.forProgramme(
      user,
      query.programmeId,
    );
    return toBuffer(this.codes.shareUrl(vanity?.code ?? code.code), {
      type: 'png',
      width: 320,
      margin: 2,
      errorCorrectionLevel: 'M',
    });
  }
}
