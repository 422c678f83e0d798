import { API_PATHS } from '@advocacy/shared';
import { Body, Controller, Get, Patch, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Ctx, RequestContext, Roles } from '../common/access';
import { IdParam } from '../common/http/id-param';
import { InviteStaffDto } from './dto/invite-staff.dto';
import { ListUsersQueryDto } from './dto/list-users-query.dto';
import { UpdateUserDto } from './dto/update-user.dto';
import { UsersService } from './users.service';

@ApiTags('users')
@Controller()
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get(API_PATHS.users.list)
  @Roles('admin')
  @ApiOperation({ summary: 'Users, newest first, filtered and paginated' })
  list(@Query() query: ListUsersQueryDto) {
    return this.users.list(query);
  }

  @Post(API_PATHS.users.invite)
  @Roles('admin')
  @ApiOperation({
    summary: 'Invite a staff member; the invite link is shown once',
  })
  invite(@Ctx() ctx: RequestContext, @Body() body: InviteStaffDto) {
    return this.users.invite(ctx, body);
  }

  @Patch(API_PATHS.users.byId)
  @Roles('admin')
  @ApiOperation({ summary: 'Disable, enable or change the role of a user' })
  update(
    @Ctx() ctx: RequestContext,
    @IdParam() id: string,
    @Body() body: UpdateUserDto,
  ) {
    return this.users.update(ctx, id, body);
  }
}
