import { ValueTransformer } from 'typeorm';

/** pg returns bigint as a string; ledger amounts stay far below 2^53, so numbers are safe. */
export const bigintNumber: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | null) => (value === null ? null : Number(value)),
};
