import { CUSTOMER_SORTS, CustomerSort } from '@advocacy/shared';

/** Maps the table's sort header to the API's `sort` value; an unsorted table uses the server default. */
export function sortOf(sort: {
  active: string;
  direction: 'asc' | 'desc' | '';
}): CustomerSort | undefined {
  if (!sort.direction) return undefined;
  const value = `${sort.direction === 'desc' ? '-' : ''}${sort.active}`;
  return (CUSTOMER_SORTS as readonly string[]).includes(value)
    ? (value as CustomerSort)
    : undefined;
}
