import { InviteStaffRequest } from '@advocacy/shared';
import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, IsIn, IsString, MaxLength, MinLength } from 'class-validator';

const STAFF = ['manager', 'brand', 'admin'] as const;

export class InviteStaffDto implements InviteStaffRequest {
  @ApiProperty()
  @IsEmail({}, { message: 'must be a valid email address' })
  @MaxLength(254)
  email: string;

  @ApiProperty()
  @IsString()
  @MinLength(1, { message: 'is required' })
  @MaxLength(120)
  name: string;

  @ApiProperty({ enum: STAFF })
  @IsIn(STAFF, { message: 'must be manager, brand or admin' })
  role: (typeof STAFF)[number];
}
