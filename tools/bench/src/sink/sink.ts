import { forkBenchProcess, nextMessage } from '../child-process';
import { isSinkReport, type SinkRequest } from './sink-protocol';

/** Where the sink listens and the CA (its self-signed certificate) a client must trust. */
export interface SinkAddress {
  readonly host: string;
  readonly port: number;
  readonly ca: string;
}

export interface Sink extends SinkAddress {
  /**
   * Watches for the next `count` messages. Call it before sending; `done` resolves with
   * `performance.now()` when the last of them has been accepted.
   */
  expect(count: number): Promise<{ done: Promise<number> }>;
  connections(): Promise<{ active: number; total: number; accepted: number }>;
  stop(): Promise<void>;
}

/** Starts the sink process with an account for each of `accounts` organizations. */
export async function startSink(accounts: number): Promise<Sink> {
  const sink = forkBenchProcess('sink/sink.main.ts', [String(accounts)]);
  const { child, exited } = sink;
  const ready = await Promise.race([
    nextMessage(sink, isSinkReport('ready')),
    nextMessage(sink, isSinkReport('failed')).then((failed) => {
      throw new Error(`The SMTP sink did not start: ${failed.error}`);
    }),
  ]);
  const ask = (request: SinkRequest) => child.send(request);
  const connections = async () => {
    const answer = nextMessage(sink, isSinkReport('connections'));
    ask({ type: 'connections' });
    const { active, total, accepted } = await answer;
    return { active, total, accepted };
  };
  return {
    host: '127.0.0.1',
    port: ready.port,
    ca: ready.ca,
    async expect(count) {
      const target = (await connections()).accepted + count;
      const done = nextMessage(
        sink,
        (message): message is { type: 'reached'; target: number } =>
          isSinkReport('reached')(message) && message.target === target,
      ).then(() => performance.now());
      ask({ type: 'notify-at', target });
      return { done };
    },
    connections,
    async stop() {
      child.disconnect();
      await exited;
    },
  };
}
