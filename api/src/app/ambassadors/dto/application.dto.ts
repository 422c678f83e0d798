import {
  APPLICATION_STATES,
  ApplicationAnswers,
  ApplicationListQuery,
  ApplicationState,
  BulkDecisionRequest,
  ConfirmApplicationEmailRequest,
  Decision,
  DECISIONS,
  DecisionRequest,
  DraftRequest,
  FunnelEventRequest,
  InviteNextRequest,
  NoteRequest,
  PublicApplyRequest,
  REJECTION_REASONS,
  RejectionReason,
} from '@advocacy/shared';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsDateString,
  IsDefined,
  IsEmail,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { PageQueryDto } from '../../common/pagination/page-query.dto';

const VISITOR_ID = /^[A-Za-z0-9_-]{8,64}$/;

export class DraftDto implements DraftRequest {
  /** Missing answers are reported question by question, like empty ones. */
  @ApiPropertyOptional({ type: 'object', additionalProperties: true })
  @IsOptional()
  @IsObject({ message: 'must be an object of answers by question key' })
  answers: ApplicationAnswers = {};
}

export class PublicApplyDto implements PublicApplyRequest {
  @ApiProperty()
  @IsEmail({}, { message: 'must be a valid email address' })
  @MaxLength(254)
  email: string;

  @ApiProperty()
  @IsString()
  @MinLength(1, { message: 'is required' })
  @MaxLength(120)
  name: string;

  @ApiProperty({ type: 'object', additionalProperties: true })
  @IsObject({ message: 'must be an object of answers by question key' })
  answers: ApplicationAnswers;

  @ApiPropertyOptional()
  @IsOptional()
  @Matches(VISITOR_ID, { message: 'must be 8–64 letters, digits, - or _' })
  visitorId?: string;
}

export class FunnelEventDto implements FunnelEventRequest {
  @ApiProperty({ enum: ['visited', 'started'] })
  @IsIn(['visited', 'started'], { message: 'must be visited or started' })
  stage: 'visited' | 'started';

  @ApiProperty()
  @Matches(VISITOR_ID, { message: 'must be 8–64 letters, digits, - or _' })
  visitorId: string;
}

export class ConfirmApplicationEmailDto
  implements ConfirmApplicationEmailRequest
{
  @ApiProperty({ description: 'The token from the emailed link' })
  @MaxLength(200, { message: 'is not a confirmation link' })
  @IsString({ message: 'is not a confirmation link' })
  @IsDefined({ message: 'is required' })
  token: string;
}

export class ApplicationListQueryDto
  extends PageQueryDto
  implements ApplicationListQuery
{
  @ApiPropertyOptional({ enum: APPLICATION_STATES })
  @IsOptional()
  @IsIn(APPLICATION_STATES, {
    message: `must be one of ${APPLICATION_STATES.join(', ')}`,
  })
  state?: ApplicationState;

  @ApiPropertyOptional({ description: 'Segment key of the snapshot' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  segment?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'must be a whole number' })
  minScore?: number;

  @ApiPropertyOptional()
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'must be a whole number' })
  maxScore?: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsDateString({}, { message: 'must be an ISO date' })
  from?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsDateString({}, { message: 'must be an ISO date' })
  to?: string;

  @ApiPropertyOptional({ enum: ['submitted', 'score'] })
  @IsOptional()
  @IsIn(['submitted', 'score'], { message: 'must be submitted or score' })
  sort?: 'submitted' | 'score';
}

export class DecisionDto implements DecisionRequest {
  @ApiProperty({ enum: DECISIONS })
  @IsIn(DECISIONS, { message: 'must be review, approve, reject or waitlist' })
  decision: Decision;

  @ApiPropertyOptional({ enum: REJECTION_REASONS })
  @IsOptional()
  @IsIn(REJECTION_REASONS, {
    message: `must be one of ${REJECTION_REASONS.join(', ')}`,
  })
  reasonCode?: RejectionReason;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  message?: string;
}

export class BulkDecisionDto
  extends DecisionDto
  implements BulkDecisionRequest
{
  @ApiProperty({ type: [String] })
  @IsArray()
  @ArrayMinSize(1, { message: 'must list at least one application' })
  @ArrayMaxSize(200, { message: 'may list at most 200 applications' })
  @ArrayUnique()
  @IsUUID('4', { each: true, message: 'must be UUIDs' })
  ids: string[];
}

export class InviteNextDto implements InviteNextRequest {
  @ApiProperty({ minimum: 1, maximum: 200 })
  @IsInt({ message: 'must be a whole number' })
  @Min(1, { message: 'must be between 1 and 200' })
  @Max(200, { message: 'must be between 1 and 200' })
  count: number;
}

export class NoteDto implements NoteRequest {
  @ApiProperty()
  @IsString()
  @MinLength(1, { message: 'is required' })
  @MaxLength(4000)
  body: string;
}
