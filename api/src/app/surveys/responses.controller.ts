import { API_PATHS, IntakeResponseResult } from '@advocacy/shared';
import { Body, Controller, Post, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { FastifyReply } from 'fastify';
import { ApiKeyScope } from '../common/access';
import { IntakeResponseDto } from './dto/answer.dto';
import { ResponseIntakeService } from './response-intake.service';

@ApiTags('responses')
@Controller()
export class ResponsesController {
  constructor(private readonly intake: ResponseIntakeService) {}

  @Post(API_PATHS.responses.intake)
  @ApiKeyScope('responses:write')
  @ApiOperation({
    summary:
      'A brand system stores a response; the same externalId is stored once (201 new, 200 replay)',
  })
  async create(
    @Body() body: IntakeResponseDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<IntakeResponseResult> {
    const result = await this.intake.intake(body);
    reply.status(result.created ? 201 : 200);
    return result;
  }
}
