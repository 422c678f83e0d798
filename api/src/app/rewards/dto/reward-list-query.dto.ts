import { REWARD_STATES, RewardListQuery, RewardState } from '@advocacy/shared';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { PageQueryDto } from '../../common/pagination/page-query.dto';

export class RewardListQueryDto
  extends PageQueryDto
  implements RewardListQuery
{
  @ApiPropertyOptional({ enum: REWARD_STATES })
  @IsOptional()
  @IsIn(REWARD_STATES, {
    message: `must be one of ${REWARD_STATES.join(', ')}`,
  })
  state?: RewardState;

  @ApiPropertyOptional({ enum: ['approvals'] })
  @IsOptional()
  @IsIn(['approvals'], { message: 'must be approvals' })
  queue?: 'approvals';

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID('all', { message: 'must be a customer id' })
  customerId?: string;
}
