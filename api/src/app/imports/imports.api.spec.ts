import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import {
  bearer,
  createTestApp,
  createUser,
  TestUser,
} from '../../../test/test-app';
import { waitFor } from '../../../test/wait-for';
import { Customer } from '../customers/entities/customer.entity';
import { ImportRunnerService } from './import-runner.service';
import { Survey } from '../surveys/entities/survey.entity';

// The real queue worker runs the imports in this file; the upload limit is small so 413 is cheap to reach.
process.env['RUN_WORKERS'] = 'true';
process.env['IMPORT_MAX_BYTES'] = '65536';

function multipart(content: Buffer | string, filename = 'data.csv') {
  const boundary = `----test${randomUUID()}`;
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: text/csv\r\n\r\n`,
    ),
    Buffer.isBuffer(content) ? content : Buffer.from(content),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return {
    payload,
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

describe('imports (API, real worker)', () => {
  let app: NestFastifyApplication;
  let brand: TestUser;
  let npsId: string;
  let csatId: string;
  let people: Customer[];

  beforeAll(async () => {
    app = await createTestApp();
    brand = await createUser(app, 'brand');
    const db = app.get(DataSource);
    const surveys = await db.getRepository(Survey).save([
      { kind: 'nps', name: 'Import NPS', question: 'Would you recommend us?' },
      { kind: 'csat', name: 'Import CSAT', question: 'How satisfied are you?' },
    ]);
    [npsId, csatId] = surveys.map((s) => s.id);
    people = await db.getRepository(Customer).save(
      [1, 2, 3].map((i) => ({
        email: `imp-${i}-${randomUUID()}@test.example`,
        name: `Imp ${i}`,
        externalId: `imp-${i}-${randomUUID()}`,
      })),
    );
  });

  afterAll(async () => {
    await app.close();
  });

  async function upload(
    kind: string,
    content: Buffer | string,
    filename?: string,
  ) {
    const { payload, headers } = multipart(content, filename);
    return app.inject({
      method: 'POST',
      url: `/api/v1/imports?kind=${kind}`,
      headers: { ...bearer(brand), ...headers },
      payload,
    });
  }

  async function finished(id: string) {
    for (let i = 0; i < 100; i++) {
      const job = (
        await app.inject({
          method: 'GET',
          url: `/api/v1/imports/${id}`,
          headers: bearer(brand),
        })
      ).json();
      if (job.status === 'completed' || job.status === 'failed') return job;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error('import did not finish');
  }

  it('imports responses through the queue, reports bad rows, and adds nothing the second time', async () => {
    const [a, b] = people;
    const csv = [
      'survey_id;customer_external_id;customer_email;score;responded_at;comment;external_id',
      `${npsId};${a.externalId};;10;2025-01-15T10:00:00Z;"Love it; really";`,
      `${npsId};;${b.email};6;2025-01-16;;`,
      `${csatId};${a.externalId};;5;2025-01-17;;csat-${a.id}`,
      `${npsId};${a.externalId};;11;2025-01-18;;`,
      `${npsId};${a.externalId};;nine;2025-01-18;;`,
      `${csatId};${a.externalId};;0;2025-01-18;;`,
      `${npsId};nobody-here;;8;2025-01-18;;`,
      `${npsId};${a.externalId};;8;18/01/2025;;`,
      `${npsId};${a.externalId};;10;2025-01-15T10:00:00Z;duplicate in the same file;`,
    ].join('\n');
    const accepted = await upload('responses', csv);
    expect(accepted.statusCode).toBe(202);
    expect(accepted.json().processedBytes).toBe(0);
    const job = await finished(accepted.json().id);
    expect(job).toMatchObject({
      status: 'completed',
      processedRows: 9,
      insertedRows: 3,
      duplicateRows: 1,
      errorRows: 5,
    });
    // A finished job has read the whole file: the progress bar ends full.
    expect(job.processedBytes).toBe(Buffer.byteLength(csv));
    expect(job.sizeBytes).toBe(Buffer.byteLength(csv));

    const report = await app.inject({
      method: 'GET',
      url: `/api/v1/imports/${job.id}/errors.csv`,
      headers: bearer(brand),
    });
    expect(report.headers['content-type']).toMatch(/text\/csv/);
    const lines = report.body.trim().split('\n');
    expect(lines[0]).toBe('row,column,reason');
    expect(lines.slice(1).sort()).toEqual([
      '5,score,must be a whole number from 0 to 10',
      '6,score,must be a whole number from 0 to 10',
      '7,score,must be a whole number from 1 to 5',
      '8,customer_external_id,no customer matches this reference',
      '9,responded_at,"must be an ISO date, e.g. 2025-03-01 or 2025-03-01T10:30:00Z"',
    ]);

    const again = await finished((await upload('responses', csv)).json().id);
    expect(again).toMatchObject({
      status: 'completed',
      insertedRows: 0,
      duplicateRows: 4,
    });
    const stored = await app
      .get(DataSource)
      .query(
        'SELECT count(*)::int AS n FROM survey_responses WHERE customer_id = ANY($1::uuid[])',
        [[a.id, b.id]],
      );
    expect(stored[0].n).toBe(3);

    const history = await app.inject({
      method: 'GET',
      url: '/api/v1/imports?kind=responses',
      headers: bearer(brand),
    });
    expect(history.json().total).toBeGreaterThanOrEqual(2);
  });

  it('opens a follow-up case for a recent detractor answer that arrives by import', async () => {
    const [, , c] = people;
    const yesterday = new Date(Date.now() - 86_400_000).toISOString();
    const csv = [
      'survey_id,customer_external_id,score,responded_at,comment',
      `${npsId},${c.externalId},3,${yesterday},Parcel arrived broken`,
    ].join('\n');
    const job = await finished((await upload('responses', csv)).json().id);
    expect(job).toMatchObject({ status: 'completed', insertedRows: 1 });
    // Cases are a follow-up of the committed import, opened just after it.
    const cases = await waitFor(
      'the follow-up case',
      async () => {
        const rows: { reason: string; state: string }[] = await app
          .get(DataSource)
          .query(
            `SELECT reason, state FROM followup_cases WHERE customer_id = $1`,
            [c.id],
          );
        return rows.length > 0 && rows;
      },
      5_000,
    );
    expect(cases).toEqual([{ reason: 'detractor', state: 'open' }]);
  });

  it('imports customers with a tab delimiter and skips existing emails', async () => {
    const email = `new-${randomUUID()}@test.example`;
    const csv = `email\tname\tpurchase_count\tconsent_email\n${email}\tNew Person\t2\tyes\n${people[2].email}\tAlready Here\t1\tno\nbad-email\tX\t1\tyes\n`;
    const job = await finished((await upload('customers', csv)).json().id);
    expect(job).toMatchObject({
      status: 'completed',
      insertedRows: 1,
      duplicateRows: 1,
      errorRows: 1,
    });
    const created = await app
      .get(DataSource)
      .getRepository(Customer)
      .findOneByOrFail({ email });
    expect(created).toMatchObject({
      name: 'New Person',
      purchaseCount: 2,
      consentEmail: true,
    });
  });

  it('refuses empty, binary, oversized and badly headed files before queueing anything', async () => {
    const empty = await upload('responses', '');
    expect(empty.statusCode).toBe(400);
    expect(empty.json().message).toBe('The file is empty');

    const binary = await upload(
      'responses',
      Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0xff, 0x10]),
      'sheet.csv',
    );
    expect(binary.statusCode).toBe(415);
    expect(binary.json()).toMatchObject({
      code: 'UNSUPPORTED_MEDIA_TYPE',
      message: 'This file is not a CSV text file',
    });

    const huge = await upload(
      'responses',
      `survey_id,score,responded_at,customer_email\n${'x'.repeat(70_000)}`,
    );
    expect(huge.statusCode).toBe(413);
    expect(huge.json().code).toBe('PAYLOAD_TOO_LARGE');

    const missing = await upload('responses', 'score,comment\n5,hi\n');
    expect(missing.statusCode).toBe(400);
    expect(missing.json().errors.file).toBe(
      'is missing the columns: survey_id, responded_at, customer_external_id or customer_email',
    );

    const badKind = await upload('orders', 'a,b\n');
    expect(badKind.statusCode).toBe(400);
    expect(badKind.json().errors.kind).toBeDefined();

    const jobs = await app
      .get(DataSource)
      .query(
        "SELECT count(*)::int AS n FROM import_jobs WHERE status = 'queued'",
      );
    expect(jobs[0].n).toBe(0);
  });

  it('marks an import failed with the reason when its loading thread fails, and imports nothing', async () => {
    const db = app.get(DataSource);
    const [job]: { id: string }[] = await db.query(
      `INSERT INTO import_jobs (kind, filename, storage_path, size_bytes, status)
       VALUES ('responses', 'gone.csv', $1, 10, 'queued') RETURNING id`,
      [join(tmpdir(), `missing-${randomUUID()}.csv`)],
    );
    const before = await db.query('SELECT count(*) AS n FROM survey_responses');
    await app.get(ImportRunnerService).run(job.id);
    const failed = await finished(job.id);
    expect(failed.status).toBe('failed');
    expect(failed.failureReason).toMatch(/ENOENT|no such file/);
    expect(
      await db.query('SELECT count(*) AS n FROM survey_responses'),
    ).toEqual(before);
  });

  it('keeps advocates away from imports', async () => {
    const advocate = await createUser(app, 'advocate');
    const list = await app.inject({
      method: 'GET',
      url: '/api/v1/imports',
      headers: bearer(advocate),
    });
    expect(list.statusCode).toBe(403);
    const { payload, headers } = multipart('email,name\n');
    const post = await app.inject({
      method: 'POST',
      url: '/api/v1/imports?kind=customers',
      headers: { ...bearer(advocate), ...headers },
      payload,
    });
    expect(post.statusCode).toBe(403);
  });
});
