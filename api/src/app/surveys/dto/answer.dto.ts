import {
  COMMENT_MAX_LENGTH,
  CreateSurveyLinkRequest,
  IntakeResponseRequest,
  PortalAnswerRequest,
  SubmitAnswerRequest,
} from '@advocacy/shared';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsEmail,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
} from 'class-validator';

export class SubmitAnswerDto implements SubmitAnswerRequest {
  @ApiProperty({ minimum: 0, maximum: 10, description: 'NPS 0–10, CSAT 1–5' })
  @IsInt({ message: 'must be a whole number' })
  @Min(0, { message: 'must be between 0 and 10' })
  @Max(10, { message: 'must be between 0 and 10' })
  score: number;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(COMMENT_MAX_LENGTH)
  comment?: string | null;
}

export class PortalAnswerDto
  extends SubmitAnswerDto
  implements PortalAnswerRequest
{
  @ApiProperty()
  @IsUUID('all', { message: 'must be a UUID' })
  surveyId: string;
}

export class CreateSurveyLinkDto implements CreateSurveyLinkRequest {
  @ApiProperty()
  @IsUUID('all', { message: 'must be a UUID' })
  customerId: string;

  @ApiPropertyOptional({ default: 30 })
  @IsOptional()
  @IsInt({ message: 'must be a whole number of days' })
  @Min(1)
  @Max(365)
  expiresInDays?: number;
}

export class IntakeResponseDto
  extends SubmitAnswerDto
  implements IntakeResponseRequest
{
  @ApiProperty({
    description: 'Your id for this response; the same id is stored once',
  })
  @IsString()
  @Matches(/^\S{1,120}$/, {
    message: 'must be 1–120 characters without spaces',
  })
  externalId: string;

  @ApiProperty()
  @IsUUID('all', { message: 'must be a UUID' })
  surveyId: string;

  @ApiPropertyOptional({
    description: 'Your CRM id of the customer (this or customerEmail)',
  })
  @ValidateIf((body: IntakeResponseDto) => body.customerEmail === undefined)
  @IsString({ message: 'or customerEmail is required' })
  @MaxLength(120)
  customerExternalId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsEmail({}, { message: 'must be a valid email address' })
  customerEmail?: string;

  @ApiProperty({ description: 'When the customer answered (ISO 8601)' })
  @IsISO8601({ strict: true }, { message: 'must be an ISO 8601 date-time' })
  respondedAt: string;
}
