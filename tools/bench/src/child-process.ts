import { type ChildProcess, fork } from 'node:child_process';
import { resolve } from 'node:path';

/** The workspace root: ts-node and tsconfig-paths resolve from there. */
export const WORKSPACE_ROOT = resolve(__dirname, '../../..');
const TSCONFIG = resolve(__dirname, '../tsconfig.json');

const running = new Set<ChildProcess>();
process.once('exit', () => running.forEach((child) => child.kill('SIGKILL')));

/**
 * Forks one of the bench's TypeScript entry points (`src/**\/*.main.ts`) with an IPC channel. The
 * child is killed if the bench exits first; its stderr passes through, its stdout is kept.
 */
export function forkBenchProcess(entry: string, args: string[] = [], env: Record<string, string> = {}) {
  const child = fork(resolve(__dirname, entry), args, {
    cwd: WORKSPACE_ROOT,
    execArgv: ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register'],
    env: { ...process.env, TS_NODE_PROJECT: TSCONFIG, ...env },
    stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
  });
  running.add(child);
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolveExit) =>
    child.once('exit', (code) => {
      running.delete(child);
      resolveExit(code);
    }),
  );
  return { child, exited, output: () => output };
}

/** The next IPC message of `child` that satisfies `accept`; rejects if the child exits first. */
export function nextMessage<T>(child: ChildProcess, accept: (message: unknown) => message is T): Promise<T> {
  return new Promise<T>((resolveMessage, reject) => {
    const onMessage = (message: unknown) => {
      if (accept(message)) {
        cleanUp();
        resolveMessage(message);
      }
    };
    const onExit = (code: number | null) => {
      cleanUp();
      reject(new Error(`the bench child process exited (code ${code}) before answering`));
    };
    const cleanUp = () => {
      child.off('message', onMessage);
      child.off('exit', onExit);
    };
    child.on('message', onMessage);
    child.once('exit', onExit);
  });
}
