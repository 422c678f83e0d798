import { MyProgrammeQuery, VanityCodeRequest } from '@advocacy/shared';
import { ApiProperty } from '@nestjs/swagger';
import { IsString, IsUUID, MaxLength } from 'class-validator';

export class MyProgrammeQueryDto implements MyProgrammeQuery {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'must be a UUID' })
  programmeId: string;
}

export class VanityCodeDto implements VanityCodeRequest {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'must be a UUID' })
  programmeId: string;

  @ApiProperty({ description: '4–32 letters, digits and hyphens' })
  @IsString({ message: 'is required' })
  @MaxLength(64, { message: 'must be at most 32 characters' })
  code: string;
}
