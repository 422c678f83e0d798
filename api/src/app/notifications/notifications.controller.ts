import {
  API_PATHS,
  NotificationPage,
  NotificationView,
} from '@advocacy/shared';
import { Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, Roles } from '../common/access';
import { IdParam } from '../common/http/id-param';
import { PageQueryDto } from '../common/pagination/page-query.dto';
import { NotificationsService } from './notifications.service';

@ApiTags('notifications')
@Controller()
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get(API_PATHS.notifications.list)
  @Roles('advocate', 'brand', 'manager', 'admin')
  @ApiOperation({
    summary: 'My notifications, newest first, with the unread count',
  })
  @ApiOkResponse({ description: 'A page of notifications and `unread`' })
  list(
    @CurrentUser() user: AuthUser,
    @Query() query: PageQueryDto,
  ): Promise<NotificationPage> {
    return this.notifications.list(user, query);
  }

  @Post(API_PATHS.notifications.read)
  @Roles('advocate', 'brand', 'manager', 'admin')
  @HttpCode(200)
  @ApiOperation({ summary: 'Mark one of my notifications read' })
  read(
    @CurrentUser() user: AuthUser,
    @IdParam() id: string,
  ): Promise<NotificationView> {
    return this.notifications.markRead(user, id);
  }

  @Post(API_PATHS.notifications.readAll)
  @Roles('advocate', 'brand', 'manager', 'admin')
  @HttpCode(200)
  @ApiOperation({ summary: 'Mark all my notifications read' })
  readAll(@CurrentUser() user: AuthUser): Promise<{ updated: number }> {
    return this.notifications.markAllRead(user);
  }
}
