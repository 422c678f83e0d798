import { API_PATHS, ImportJobSummary } from '@advocacy/shared';
import {
  Controller,
  Get,
  HttpCode,
  Post,
  Query,
  Req,
  Res,
} from '@nestjs/common';
import { ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import { FastifyReply, FastifyRequest } from 'fastify';
import { Readable } from 'node:stream';
import { Ctx, RequestContext, Roles } from '../common/access';
import { DomainError, invalid } from '../common/errors';
import { IdParam } from '../common/http/id-param';
import {
  ListImportsQueryDto,
  UploadImportQueryDto,
} from './dto/import-query.dto';
import { ImportsService } from './imports.service';

@ApiTags('imports')
@Controller()
export class ImportsController {
  constructor(private readonly imports: ImportsService) {}

  @Post(API_PATHS.imports.list)
  @Roles('manager', 'brand', 'admin')
  @HttpCode(202)
  @ApiConsumes('multipart/form-data')
  @ApiOperation({
    summary:
      'Upload a CSV of customers or responses (field "file"); it is processed in the background',
  })
  async upload(
    @Ctx() ctx: RequestContext,
    @Query() query: UploadImportQueryDto,
    @Req() request: FastifyRequest,
  ): Promise<ImportJobSummary> {
    if (!request.isMultipart()) {
      throw new DomainError(
        'UNSUPPORTED_MEDIA_TYPE',
        'Upload the file as multipart/form-data',
        {
          file: 'must be sent as multipart/form-data',
        },
      );
    }
    const part = await request.file();
    if (!part)
      throw invalid({ file: 'is required' }, 'Choose a CSV file to upload');
    return this.imports.create(ctx, query.kind, {
      filename: part.filename,
      stream: part.file,
    });
  }

  @Get(API_PATHS.imports.list)
  @Roles('manager', 'brand', 'admin')
  @ApiOperation({ summary: 'Imports, newest first' })
  list(@Query() query: ListImportsQueryDto) {
    return this.imports.list(query);
  }

  @Get(API_PATHS.imports.byId)
  @Roles('manager', 'brand', 'admin')
  @ApiOperation({ summary: 'One import with its progress and results' })
  get(@IdParam() id: string) {
    return this.imports.get(id);
  }

  @Get(API_PATHS.imports.errors)
  @Roles('manager', 'brand', 'admin')
  @ApiOperation({
    summary: 'The refused rows of an import as CSV: row,column,reason',
  })
  async errors(
    @IdParam() id: string,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const report = this.imports.errorReport(id);
    const first = await report.next();
    const body = Readable.from(
      (async function* () {
        if (!first.done) yield first.value;
        yield* report;
      })(),
    );
    await reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header(
        'content-disposition',
        `attachment; filename="import-${id}-errors.csv"`,
      )
      .send(body);
  }
}
