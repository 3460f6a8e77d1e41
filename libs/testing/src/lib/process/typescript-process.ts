import { type ChildProcess, fork } from 'node:child_process';
import { resolve } from 'node:path';

/** The workspace root, where ts-node, tsconfig-paths and tsconfig.base.json are found. */
const WORKSPACE_ROOT = resolve(__dirname, '../../../../..');

export interface TypeScriptProcessOptions {
  args?: string[];
  /** The child's environment, on top of PATH (nothing else of this process's is passed on). */
  env?: Record<string, string>;
}

export interface TypeScriptProcess {
  readonly child: ChildProcess;
  /** Resolves once the process is gone. */
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** What it wrote so far on stdout and stderr, interleaved. */
  output(): string;
}

const running = new Set<ChildProcess>();
let exitHookInstalled = false;

/**
 * Runs a TypeScript entry point of this workspace in a child process — ts-node (transpile only)
 * with the workspace's path aliases — with an IPC channel. A child still running when this process
 * exits is killed, so none outlives the test or the bench that started it.
 */
export function forkTypeScript(entry: string, options: TypeScriptProcessOptions = {}): TypeScriptProcess {
  if (!exitHookInstalled) {
    exitHookInstalled = true;
    process.once('exit', () => running.forEach((child) => child.kill('SIGKILL')));
  }
  const child = fork(entry, options.args ?? [], {
    cwd: WORKSPACE_ROOT,
    execArgv: ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register'],
    env: {
      PATH: process.env['PATH'] ?? '/usr/bin:/bin',
      // tsconfig.base.json states the path aliases relative to itself; `require` needs CommonJS.
      TS_NODE_PROJECT: resolve(WORKSPACE_ROOT, 'tsconfig.base.json'),
      TS_NODE_COMPILER_OPTIONS: JSON.stringify({ module: 'commonjs' }),
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  running.add(child);
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolveExit) =>
    child.once('exit', (code, signal) => {
      running.delete(child);
      resolveExit({ code, signal });
    }),
  );
  return { child, exited, output: () => output };
}
