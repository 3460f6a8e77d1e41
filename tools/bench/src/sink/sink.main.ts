/*
 * The bench's SMTP sink, in its own process so that it never competes with what is measured for
 * the bench's event loop: the project's TLS test server with AUTH required, counting (not
 * parsing) what it accepts. Argument: the number of organization accounts to create.
 */
import { startTestSmtpServer } from '@mailroute/testing';
import { BASELINE_ACCOUNT, sinkAccount, type SinkReport, type SinkRequest } from './sink-protocol';

async function main(): Promise<void> {
  const accounts = Number(process.argv[2] ?? '0');
  const users = [BASELINE_ACCOUNT, ...Array.from({ length: accounts }, (_, index) => sinkAccount(index))];
  const targets: number[] = [];
  let accepted = 0;
  const server = await startTestSmtpServer({
    security: 'tls',
    users,
    parseMessages: false,
    retainMessages: false,
    onAccepted: (count) => {
      accepted = count;
      while (targets.length > 0 && targets[0] <= count) {
        tell({ type: 'reached', target: targets.shift() ?? count, accepted: count });
      }
    },
  });
  process.on('message', (request: SinkRequest) => {
    switch (request.type) {
      case 'notify-at':
        if (request.target <= accepted) {
          tell({ type: 'reached', target: request.target, accepted });
        } else {
          targets.push(request.target);
          targets.sort((a, b) => a - b);
        }
        return;
      case 'connections':
        tell({
          type: 'connections',
          active: server.activeConnections(),
          total: server.totalConnections(),
          accepted: server.acceptedMessages(),
        });
        return;
    }
  });
  process.once('disconnect', () => void server.close().then(() => process.exit(0)));
  tell({ type: 'ready', port: server.port, ca: server.ca });
}

function tell(report: SinkReport): void {
  process.send?.(report);
}

main().catch((error: unknown) => {
  tell({ type: 'failed', error: error instanceof Error ? error.message : String(error) });
  process.exit(1);
});
