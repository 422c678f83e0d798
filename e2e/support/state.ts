/** Set by global setup; test workers inherit the environment of the process that started them. */
export interface E2eState {
  baseUrl: string;
  pid: number;
  databaseUrl: string;
  redisPrefix: string;
}

const KEY = 'ADVOCACY_E2E_STATE';

export function writeState(state: E2eState): void {
  process.env[KEY] = JSON.stringify(state);
}

export function readState(): E2eState {
  const raw = process.env[KEY];
  if (!raw) throw new Error('The e2e global setup did not run');
  return JSON.parse(raw) as E2eState;
}
