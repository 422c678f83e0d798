import { ImportJobSummary, ImportKindName, Page } from '@advocacy/shared';
import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Queue } from 'bullmq';
import { rm } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { RequestContext } from '../common/access';
import { DomainError, invalid, notFound } from '../common/errors';
import { toPage } from '../common/pagination/page-query.dto';
import { AppConfig } from '../config/app-config';
import { ImportJobs, QUEUES } from '../queues/queue-names';
import { assertColumns, parseHeader } from './csv-sniff';
import { ListImportsQueryDto } from './dto/import-query.dto';
import { ImportJob } from './entities/import-job.entity';
import { ImportRowError } from './entities/import-row-error.entity';
import { toImportSummary } from './import-mapping';
import { storeUpload } from './upload-store';

export interface UploadedFile {
  filename: string;
  stream: Readable & { truncated?: boolean };
}

@Injectable()
export class ImportsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @InjectQueue(QUEUES.imports) private readonly queue: Queue,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
  ) {}

  /** Stores the upload, checks it looks like the expected CSV, then queues it; rows are read by the worker. */
  async create(
    ctx: RequestContext,
    kind: ImportKindName,
    file: UploadedFile,
  ): Promise<ImportJobSummary> {
    const stored = await storeUpload(file.stream, this.config.UPLOAD_DIR);
    try {
      if (file.stream.truncated) {
        const mb = Math.floor(this.config.IMPORT_MAX_BYTES / 1_048_576);
        throw new DomainError(
          'PAYLOAD_TOO_LARGE',
          `The file is larger than the ${mb} MB limit`,
          {
            file: `must be at most ${mb} MB`,
          },
        );
      }
      if (stored.size === 0)
        throw invalid({ file: 'is empty' }, 'The file is empty');
      assertColumns(kind, parseHeader(stored.headerLine));
    } catch (error) {
      await rm(stored.path, { force: true });
      throw error;
    }
    const job = await this.db.transaction(async (manager) => {
      const repository = manager.getRepository(ImportJob);
      const saved = await repository.save(
        repository.create({
          kind,
          filename: file.filename.slice(0, 255) || 'upload.csv',
          storagePath: stored.path,
          sizeBytes: String(stored.size),
          createdBy: ctx.user?.id ?? null,
        }),
      );
      await this.audit.record(
        ctx,
        {
          action: 'import.created',
          entityType: 'import',
          entityId: saved.id,
          after: toImportSummary(saved),
        },
        manager,
      );
      return saved;
    });
    // One attempt: a bad file fails the same way every time, and the job row says why.
    await this.queue.add(
      'run',
      { importId: job.id } satisfies ImportJobs['run'],
      { jobId: job.id, attempts: 1 },
    );
    return toImportSummary(job);
  }

  async list(query: ListImportsQueryDto): Promise<Page<ImportJobSummary>> {
    const [rows, total] = await this.db.getRepository(ImportJob).findAndCount({
      where: query.kind ? { kind: query.kind } : {},
      order: { createdAt: 'DESC', id: 'ASC' },
      skip: query.offset,
      take: query.pageSize,
    });
    return toPage(rows.map(toImportSummary), total, query);
  }

  async get(id: string): Promise<ImportJobSummary> {
    const job = await this.db.getRepository(ImportJob).findOneBy({ id });
    if (!job) throw notFound('Import');
    return toImportSummary(job);
  }

  /** The refused rows as CSV (`row,column,reason`), streamed page by page. */
  async *errorReport(id: string): AsyncGenerator<string> {
    await this.get(id);
    yield 'row,column,reason\n';
    const repository = this.db.getRepository(ImportRowError);
    let after = '0';
    for (;;) {
      const rows = await repository
        .createQueryBuilder('e')
        .where('e.import_id = :id AND e.id > :after', { id, after })
        .orderBy('e.id')
        .limit(5000)
        .getMany();
      if (rows.length === 0) return;
      yield rows
        .map(
          (row) =>
            `${row.rowNumber},${csvCell(row.columnName)},${csvCell(row.reason)}\n`,
        )
        .join('');
      after = rows[rows.length - 1].id;
    }
  }
}

function csvCell(value: string): string {
  // A leading = + - @ would run as a formula in spreadsheets.
  const safe = /^[=+\-@]/.test(value) ? `'${value}` : value;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
