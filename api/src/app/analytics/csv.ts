export type CsvCell = string | number | boolean | null;

// Spreadsheet apps run a cell that starts with these as a formula (CSV injection).
const FORMULA_START = /^[=+\-@\t\r]/;

function cell(value: CsvCell, text: boolean): string {
  if (value === null) return '';
  let out = String(value);
  if (text && FORMULA_START.test(out)) out = `'${out}`;
  return /[",\r\n]/.test(out) ? `"${out.replace(/"/g, '""')}"` : out;
}

/** RFC 4180 CSV; columns listed in `textColumns` hold free text and are defused. */
export function toCsv(
  header: string[],
  rows: CsvCell[][],
  textColumns: ReadonlySet<number> = new Set(),
): string {
  const lines = [header.join(',')];
  for (const row of rows) {
    lines.push(
      row.map((value, i) => cell(value, textColumns.has(i))).join(','),
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}
