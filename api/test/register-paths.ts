import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { register } from 'tsconfig-paths';

// Jest resolves path aliases for test files but not for globalSetup, which runs outside its module system.
const root = resolve(__dirname, '../..');
const base = JSON.parse(
  readFileSync(resolve(root, 'tsconfig.base.json'), 'utf8'),
) as {
  compilerOptions: { paths: Record<string, string[]> };
};
register({ baseUrl: root, paths: base.compilerOptions.paths });
