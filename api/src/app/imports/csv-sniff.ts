import { IMPORT_COLUMNS, ImportKindName } from '@advocacy/shared';
import { DomainError, invalid } from '../common/errors';

export type CsvDelimiter = ',' | ';' | '\t';

export interface CsvHeader {
  delimiter: CsvDelimiter;
  /** Lower-cased column names in file order. */
  columns: string[];
}

export const NOT_CSV = 'This file is not a CSV text file';

/** Refuses binary content early: NUL bytes or bytes that are not UTF-8 text. */
export class TextSniffer {
  private readonly decoder = new TextDecoder('utf-8', { fatal: true });
  private checked = 0;
  private header = '';
  private headerDone = false;

  constructor(private readonly checkBytes = 64 * 1024) {}

  /** Throws on binary content; collects the header line on the way. */
  inspect(chunk: Buffer): void {
    if (this.checked >= this.checkBytes && this.headerDone) return;
    if (chunk.includes(0)) throw notCsv();
    let text: string;
    try {
      text = this.decoder.decode(chunk, { stream: true });
    } catch {
      throw notCsv();
    }
    this.checked += chunk.length;
    if (!this.headerDone) {
      const end = text.search(/\r?\n/);
      this.header += end === -1 ? text : text.slice(0, end);
      this.headerDone = end !== -1 || this.header.length > this.checkBytes;
    }
  }

  get headerLine(): string {
    return this.header.replace(/^\uFEFF/, '');
  }
}

function notCsv(): DomainError {
  return new DomainError('UNSUPPORTED_MEDIA_TYPE', NOT_CSV, {
    file: 'is not a CSV text file',
  });
}

/** The delimiter is whichever of `,` `;` or tab appears most often in the header line. */
export function parseHeader(line: string): CsvHeader {
  if (line.trim() === '')
    throw invalid({ file: 'is empty' }, 'The file is empty');
  const candidates: CsvDelimiter[] = [',', ';', '\t'];
  const counts = candidates.map((d) => line.split(d).length - 1);
  const delimiter = candidates[counts.indexOf(Math.max(...counts))];
  const columns = line.split(delimiter).map((name) =>
    name
      .trim()
      .replace(/^"(.*)"$/, '$1')
      .trim()
      .toLowerCase(),
  );
  return { delimiter, columns };
}

/** A 400 naming every missing column, so the user can fix the file in one go. */
export function assertColumns(kind: ImportKindName, header: CsvHeader): void {
  const missing = IMPORT_COLUMNS[kind]
    .filter(
      (column) => column.required && !header.columns.includes(column.name),
    )
    .map((column) => column.name);
  if (
    kind === 'responses' &&
    !header.columns.includes('customer_external_id') &&
    !header.columns.includes('customer_email')
  ) {
    missing.push('customer_external_id or customer_email');
  }
  if (missing.length > 0) {
    throw invalid(
      { file: `is missing the columns: ${missing.join(', ')}` },
      `The file is missing the columns: ${missing.join(', ')}`,
    );
  }
}
