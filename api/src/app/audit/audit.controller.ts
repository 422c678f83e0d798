import { API_PATHS } from '@advocacy/shared';
import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../common/access';
import { AuditService } from './audit.service';
import { AuditQueryDto } from './dto/audit-query.dto';

@ApiTags('audit')
@Controller()
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get(API_PATHS.audit.list)
  @Roles('admin')
  @ApiOperation({
    summary: 'Audit entries, newest first, filtered and paginated',
  })
  list(@Query() query: AuditQueryDto) {
    return this.audit.list(query);
  }

  @Get(API_PATHS.audit.actions)
  @Roles('admin')
  @ApiOperation({ summary: 'The distinct actions recorded so far' })
  actions() {
    return this.audit.actions();
  }
}
