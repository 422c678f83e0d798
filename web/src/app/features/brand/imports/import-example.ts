import { IMPORT_COLUMNS, ImportKindName } from '@advocacy/shared';

/** A CSV holding only the header row, so a user can start from the right columns. */
export function exampleHeader(kind: ImportKindName): Blob {
  const header = IMPORT_COLUMNS[kind].map((column) => column.name).join(',');
  return new Blob([`${header}\n`], { type: 'text/csv;charset=utf-8' });
}
