import { createTransport, type SendMailOptions } from 'nodemailer';
import { type ThroughputRun, timed, within } from '../measurement';
import type { Sink } from '../sink/sink';
import { BASELINE_ACCOUNT } from '../sink/sink-protocol';

type MessageFor = (index: number) => SendMailOptions;

function connectionOptions(sink: Sink) {
  return {
    host: sink.host,
    port: sink.port,
    secure: true,
    auth: { user: BASELINE_ACCOUNT.username, pass: BASELINE_ACCOUNT.password },
    tls: { ca: [sink.ca], minVersion: 'TLSv1.2' as const },
  };
}

/** 1. ceiling: one pooled nodemailer transport, every message handed to it at once. */
export async function measureCeiling(
  sink: Sink,
  messageFor: MessageFor,
  count: number,
  poolConnections: number,
): Promise<ThroughputRun> {
  const transport = createTransport({
    ...connectionOptions(sink),
    pool: true,
    maxConnections: poolConnections,
  });
  try {
    const { done } = await sink.expect(count);
    return await timed(count, async () => {
      await Promise.all(Array.from({ length: count }, (_, index) => transport.sendMail(messageFor(index))));
      return within(done, 60_000, async () => `the sink counted ${(await sink.connections()).accepted}`);
    });
  } finally {
    transport.close();
  }
}

/**
 * 2. naive: a new (unpooled) transport per message, `concurrency` at a time — the connection,
 * TLS handshake and AUTH paid for every message.
 */
export async function measureNaive(
  sink: Sink,
  messageFor: MessageFor,
  count: number,
  concurrency: number,
): Promise<ThroughputRun> {
  const { done } = await sink.expect(count);
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const index = next++;
      const transport = createTransport(connectionOptions(sink));
      try {
        await transport.sendMail(messageFor(index));
      } finally {
        transport.close();
      }
    }
  };
  return timed(count, async () => {
    await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
    return within(done, 60_000, async () => `the sink counted ${(await sink.connections()).accepted}`);
  });
}
