/*
 * The development SMTP catcher started by `npm start`. It is @mailroute/testing's test SMTP
 * server run standalone, on purpose: the product talks to the same server in development as in
 * its integration tests (real TLS, STARTTLS, AUTH), so what works against one works against the other.
 */
import { parseDevSmtpArgs, USAGE, UsageError } from './dev-smtp-options';
import { type DevSmtp, startDevSmtp } from './dev-smtp';
import { type DevSmtpReadyMessage, removeReadyFileSync } from './ready-file';

async function main(): Promise<void> {
  let options;
  try {
    options = parseDevSmtpArgs(process.argv.slice(2), process.cwd(), process.env);
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`dev-smtp: ${error.message}\n\n${USAGE}`);
      process.exitCode = 2;
      return;
    }
    throw error;
  }
  if (options === 'help') {
    console.log(USAGE);
    return;
  }
  const { dataDir } = options;

  // Set before ready.json is written: a launcher may signal as soon as it reads that file.
  // Also on a crash: a stale ready.json would send a launcher to a dead port.
  process.on('exit', () => removeReadyFileSync(dataDir));
  let catcher: DevSmtp | undefined = undefined;
  let stopping = false;
  const stop = (): void => {
    // Ctrl-C reaches every process of the terminal's group, and a launcher (nx, npm) may pass the
    // same signal on: a repeat while closing is the same request, not a reason to fail. Closing is
    // bounded (open sessions are destroyed), so no second signal is needed to end it.
    if (stopping) {
      return;
    }
    stopping = true;
    (catcher?.close() ?? Promise.resolve()).then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(`dev-smtp: error while closing: ${explain(error)}`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  // Started by a launcher with an IPC channel (`npm start`): its end is ours, so a launcher that
  // was killed outright leaves no catcher behind holding the ports.
  process.on('disconnect', stop);

  catcher = await startDevSmtp(options, { cwd: process.cwd(), print: (text) => console.log(text) });
  const message: DevSmtpReadyMessage = { type: 'dev-smtp-ready', ready: catcher.ready };
  process.send?.(message);
}

function explain(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

main().catch((error: unknown) => {
  console.error(`dev-smtp: ${explain(error)}`);
  process.exit(1);
});
