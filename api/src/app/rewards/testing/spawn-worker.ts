import { ChildProcess, spawn } from 'node:child_process';
import { resolve } from 'node:path';

const ROOT = resolve(__dirname, '../../../../..');

/**
 * Starts `main.ts worker` (the same code as `npm run worker`) as a real child process on the test
 * database and Redis prefix, so a test can SIGKILL it mid-job.
 */
export function spawnWorker(env: Record<string, string>): {
  child: ChildProcess;
  output: () => string;
} {
  let output = '';
  const child = spawn(
    process.execPath,
    ['-r', '@swc-node/register', resolve(ROOT, 'api/src/main.ts'), 'worker'],
    {
      cwd: ROOT,
      env: {
        ...process.env,
        SWC_NODE_PROJECT: resolve(ROOT, 'api/tsconfig.source.json'),
        LOG_LEVEL: 'warn',
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return { child, output: () => output };
}

export function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null)
    return Promise.resolve();
  return new Promise((done) => {
    child.once('exit', () => done());
    child.kill('SIGKILL');
  });
}
