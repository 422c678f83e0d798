import {
  MarkPaidRequest,
  ReverseRewardRequest,
  ReviewRewardRequest,
} from '@advocacy/shared';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';

export class ReviewRewardDto implements ReviewRewardRequest {
  @ApiProperty({ enum: ['approve', 'reject'] })
  @IsIn(['approve', 'reject'], { message: 'must be approve or reject' })
  decision: 'approve' | 'reject';

  @ApiProperty({ description: 'Shown to the advocate' })
  @IsString()
  @MinLength(3, { message: 'must say why, in a few words' })
  @MaxLength(500)
  reason: string;
}

export class MarkPaidDto implements MarkPaidRequest {
  @ApiProperty({ description: 'Bank transfer id, gift card order number…' })
  @IsString()
  @MinLength(1, { message: 'is required' })
  @MaxLength(200)
  payoutReference: string;
}

export class ReverseRewardDto implements ReverseRewardRequest {
  @ApiProperty({ description: 'Shown to the advocate' })
  @IsString()
  @MinLength(3, { message: 'must say why, in a few words' })
  @MaxLength(500)
  reason: string;

  @ApiPropertyOptional({
    description: 'Partial clawback of a delivered reward, in its units',
  })
  @IsOptional()
  @IsInt({ message: 'must be a whole number' })
  @Min(1, { message: 'must be at least 1' })
  amount?: number;
}
