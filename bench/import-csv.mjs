// Writes a responses CSV of `rows` rows for the benchmark, streaming so memory stays flat.
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';

const COMMENTS = [
  'Great service',
  'Delivery was slow',
  'Love the product; will buy again',
  'Support, "finally", answered',
];

export async function writeResponsesCsv(path, rows, surveyId, customerIds) {
  const out = createWriteStream(path);
  out.write(
    'survey_id,customer_external_id,score,responded_at,comment,external_id\n',
  );
  const start = Date.UTC(2024, 0, 1);
  let chunk = '';
  for (let i = 0; i < rows; i++) {
    const customer = customerIds[i % customerIds.length];
    const score = (i * 7919) % 11;
    // One second apart per row keeps the natural key unique, like a real export would be.
    const at = new Date(start + i * 1000).toISOString();
    const comment =
      i % 3 === 0
        ? `"${COMMENTS[i % COMMENTS.length].replace(/"/g, '""')}"`
        : '';
    chunk += `${surveyId},${customer},${score},${at},${comment},bench-${i}\n`;
    if (chunk.length > 1 << 20) {
      if (!out.write(chunk)) await once(out, 'drain');
      chunk = '';
    }
  }
  out.end(chunk);
  await once(out, 'finish');
}
