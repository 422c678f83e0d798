import { JoinRequest } from '@advocacy/shared';
import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, IsString, MaxLength, MinLength } from 'class-validator';

export class JoinDto implements JoinRequest {
  @ApiProperty()
  @IsEmail({}, { message: 'must be a valid email address' })
  @MaxLength(254)
  email: string;

  @ApiProperty()
  @IsString()
  @MinLength(1, { message: 'is required' })
  @MaxLength(120)
  name: string;

  @ApiProperty({ minLength: 8, maxLength: 128 })
  @IsString()
  password: string;
}
