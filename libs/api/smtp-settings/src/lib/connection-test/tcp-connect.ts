import { connect, type Socket } from 'node:net';
import type { ConnectionResources } from './connection-resources';
import type { StepBudget } from './deadline';
import { SmtpConnectionClosedError, SmtpTimeoutError } from './smtp-errors';

/**
 * A TCP connection to an address the policy allowed (never a host name: resolving again here
 * would let a changed DNS answer take us elsewhere). Rejects with the system error
 * (`ECONNREFUSED`, `EHOSTUNREACH`…) or an `SmtpTimeoutError`.
 */
export function connectTcp(
  address: string,
  port: number,
  budget: StepBudget,
  resources: ConnectionResources,
): Promise<Socket> {
  return new Promise<Socket>((resolve, reject) => {
    const socket = resources.track(connect({ host: address, port, noDelay: true }));
    const settle = (): void => {
      clearTimeout(timer);
      socket.off('connect', onConnect);
      socket.off('error', onError);
      socket.off('close', onClose);
    };
    const onConnect = (): void => {
      settle();
      resolve(socket);
    };
    const onError = (error: Error): void => {
      settle();
      socket.destroy();
      reject(error);
    };
    // Destroyed from outside (the test ended): settle now rather than when the timer fires.
    const onClose = (): void => {
      settle();
      reject(new SmtpConnectionClosedError('the TCP connection to be accepted'));
    };
    const timer = setTimeout(() => {
      settle();
      socket.destroy();
      reject(new SmtpTimeoutError(budget, 'the TCP connection to be accepted'));
    }, budget.ms);
    socket.once('connect', onConnect);
    socket.once('error', onError);
    socket.once('close', onClose);
  });
}
