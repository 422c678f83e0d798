import { API_PATHS } from '@advocacy/shared';
import { Body, Controller, Get, Patch, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Ctx, RequestContext, Roles } from '../common/access';
import { IdParam } from '../common/http/id-param';
import { CustomersService } from './customers.service';
import {
  CreateCustomerDto,
  UpdateCustomerDto,
} from './dto/create-customer.dto';
import { ListCustomersQueryDto } from './dto/list-customers-query.dto';

@ApiTags('customers')
@Controller()
export class CustomersController {
  constructor(private readonly customers: CustomersService) {}

  @Get(API_PATHS.customers.list)
  @Roles('manager', 'brand', 'admin')
  @ApiOperation({
    summary:
      'Customers with their current segment, searched, filtered, sorted and paginated',
  })
  list(@Query() query: ListCustomersQueryDto) {
    return this.customers.list(query);
  }

  @Get(API_PATHS.customers.byId)
  @Roles('manager', 'brand', 'admin')
  @ApiOperation({
    summary:
      'One customer with purchases, consent, NPS history and segment history',
  })
  detail(@IdParam() id: string) {
    return this.customers.detail(id);
  }

  @Post(API_PATHS.customers.list)
  @Roles('manager', 'brand', 'admin')
  @ApiOperation({ summary: 'Add a customer' })
  create(@Ctx() ctx: RequestContext, @Body() body: CreateCustomerDto) {
    return this.customers.create(ctx, body);
  }

  @Patch(API_PATHS.customers.byId)
  @Roles('manager', 'brand', 'admin')
  @ApiOperation({ summary: 'Change a customer; only the fields sent change' })
  update(
    @Ctx() ctx: RequestContext,
    @IdParam() id: string,
    @Body() body: UpdateCustomerDto,
  ) {
    return this.customers.update(ctx, id, body);
  }
}
