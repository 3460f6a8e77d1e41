import { resolve } from 'node:path';
import { forkTypeScript, type TypeScriptProcess } from '@mailroute/testing';

/** Forks one of the bench's entry points (`src/**\/*.main.ts`), with an IPC channel. */
export function forkBenchProcess(entry: string, args: string[] = [], env: Record<string, string> = {}) {
  return forkTypeScript(resolve(__dirname, entry), { args, env });
}

/** The next IPC message of `process` that satisfies `accept`; rejects, with its output, if it exits first. */
export function nextMessage<T>(
  process: TypeScriptProcess,
  accept: (message: unknown) => message is T,
): Promise<T> {
  const { child } = process;
  return new Promise<T>((resolveMessage, reject) => {
    const onMessage = (message: unknown) => {
      if (accept(message)) {
        cleanUp();
        resolveMessage(message);
      }
    };
    const onExit = (code: number | null) => {
      cleanUp();
      reject(
        new Error(`the bench child process exited (code ${code}) before answering:\n${process.output()}`),
      );
    };
    const cleanUp = () => {
      child.off('message', onMessage);
      child.off('exit', onExit);
    };
    child.on('message', onMessage);
    child.once('exit', onExit);
  });
}

/** A type guard maker for a protocol of messages tagged by `type`: `messageOfType<Protocol>()('ready')`. */
export function messageOfType<M extends { type: string }>() {
  return <T extends M['type']>(type: T) =>
    (message: unknown): message is Extract<M, { type: T }> =>
      typeof message === 'object' && message !== null && (message as { type?: unknown }).type === type;
}
