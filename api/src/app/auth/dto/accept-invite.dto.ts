import { AcceptInviteRequest } from '@advocacy/shared';
import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';

export class AcceptInviteDto implements AcceptInviteRequest {
  @ApiProperty()
  @IsString()
  @MinLength(10, { message: 'is invalid' })
  @MaxLength(200)
  token: string;

  @ApiProperty({ minLength: 8, maxLength: 128 })
  @IsString()
  password: string;
}
