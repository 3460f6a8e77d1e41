import { connect, type Socket } from 'node:net';
import type { ConnectionResources } from './connection-resources';
import type { StepBudget } from './deadline';
import { SmtpConnectionClosedError, SmtpTimeoutError } from './smtp-errors';

/**
 * A TCP connection to an address the policy allowed (never a host name: resolving again here
 * would let a changed DNS answer take us elsewhere). Rejects with the system error
 * (`ECONNREFUSED`, `EHOSTUNREACH`…) or an `SmtpTimeoutError`.
 */
export async function connectTcp(
  address: string,
  port: number,
  budget: StepBudget,
  resources: ConnectionResources,
): Promise<Socket> {
  const socket = resources.track(connect({ host: address, port, noDelay: true }));
  await socketReady(socket, 'connect', budget, 'the TCP connection to be accepted');
  return socket;
}

/**
 * Resolves when a socket being set up emits `event` (connected, or TLS established) within the
 * step's budget. On an error or the timeout the socket is destroyed and the promise rejects; a
 * socket destroyed from outside (the test ended) rejects at once rather than when the timer fires.
 */
export function socketReady(
  socket: Socket,
  event: 'connect' | 'secureConnect',
  budget: StepBudget,
  waitingFor: string,
): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const settle = (): void => {
      clearTimeout(timer);
      socket.off(event, onReady);
      socket.off('error', onError);
      socket.off('close', onClose);
    };
    const onReady = (): void => {
      settle();
      resolve();
    };
    const onError = (error: Error): void => {
      settle();
      socket.destroy();
      reject(error);
    };
    const onClose = (): void => {
      settle();
      reject(new SmtpConnectionClosedError(waitingFor));
    };
    const timer = setTimeout(() => {
      settle();
      socket.destroy();
      reject(new SmtpTimeoutError(budget, waitingFor));
    }, budget.ms);
    socket.once(event, onReady);
    socket.once('error', onError);
    socket.once('close', onClose);
  });
}
