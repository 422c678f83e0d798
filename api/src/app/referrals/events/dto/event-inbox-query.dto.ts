import {
  EVENT_PROCESSING_STATES,
  EventInboxQuery,
  EventProcessingState,
} from '@advocacy/shared';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { PageQueryDto } from '../../../common/pagination/page-query.dto';

export class EventInboxQueryDto
  extends PageQueryDto
  implements EventInboxQuery
{
  @ApiPropertyOptional({ enum: EVENT_PROCESSING_STATES })
  @IsOptional()
  @IsIn(EVENT_PROCESSING_STATES, {
    message: `must be one of ${EVENT_PROCESSING_STATES.join(', ')}`,
  })
  state?: EventProcessingState;
}
