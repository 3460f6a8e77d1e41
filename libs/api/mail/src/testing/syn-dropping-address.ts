import { spawn } from 'node:child_process';
import { connect, type Socket } from 'node:net';

/** A loopback address whose connection attempts are never answered (the SYN is dropped). */
export interface SynDroppingAddress {
  readonly host: string;
  readonly port: number;
  close(): Promise<void>;
}

// listen(0) and never accept(): once its accept queue holds one connection, Linux drops further
// SYNs (tcp_conn_request: "acceptq is full"; even with syncookies), so a client's connect() sees
// no answer at all, like a firewall that swallows packets. It exits when its stdin closes, which
// happens when the test process goes away.
const LISTENER = `
import socket, sys
s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
s.bind(('127.0.0.1', 0))
s.listen(0)
print(s.getsockname()[1], flush=True)
sys.stdin.read()
`;

/** How long a connection must stay unanswered for the address to count as swallowing SYNs. */
const UNANSWERED_MS = 300;
const MAX_FILLERS = 4;

/**
 * Starts a listener (a python3 child) whose full accept queue swallows every further SYN, and
 * fills its queue from this process. Verifies the effect before resolving: a connection attempt
 * must stay unanswered for 300 ms, or it throws.
 */
export async function startSynDroppingAddress(): Promise<SynDroppingAddress> {
  const host = '127.0.0.1';
  const listener = spawn('python3', ['-c', LISTENER], { stdio: ['pipe', 'pipe', 'pipe'] });
  // 'error' without 'exit' when python3 cannot be started at all.
  const exited = new Promise<void>((resolve) => {
    listener.once('exit', () => resolve());
    listener.once('error', () => resolve());
  });
  const fillers: Socket[] = [];
  const close = async (): Promise<void> => {
    fillers.forEach((socket) => socket.destroy());
    listener.stdin?.end();
    if (listener.exitCode === null && listener.signalCode === null) {
      listener.kill('SIGKILL');
    }
    await exited;
  };

  try {
    const port = await new Promise<number>((resolve, reject) => {
      let output = '';
      listener.once('error', (error) => reject(new Error(`python3 could not be started: ${error.message}`)));
      void exited.then(() => reject(new Error(`The python3 listener exited before listening: ${output}`)));
      listener.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
      listener.stdout?.once('data', (chunk: Buffer) => resolve(Number(chunk.toString().trim())));
    });
    for (let filled = 0; filled <= MAX_FILLERS; filled += 1) {
      const socket = connect(port, host);
      socket.on('error', () => undefined);
      const answered = await new Promise<boolean>((resolve) => {
        const timer = setTimeout(() => resolve(false), UNANSWERED_MS);
        socket.once('connect', () => {
          clearTimeout(timer);
          resolve(true);
        });
      });
      if (!answered) {
        socket.destroy();
        return { host, port, close };
      }
      fillers.push(socket);
    }
    throw new Error(
      `Connections to a full accept queue were still answered after ${MAX_FILLERS} fillers: SYNs are not dropped on this machine`,
    );
  } catch (error) {
    await close();
    throw error;
  }
}
