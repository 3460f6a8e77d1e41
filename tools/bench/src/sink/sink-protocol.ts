import { messageOfType } from '../child-process';

/** Accounts of the sink: one per organization the bench may create, plus the baselines'. */
export function sinkAccount(index: number): { username: string; password: string } {
  return { username: `bench-org-${index}`, password: `bench-password-${index}` };
}

export const BASELINE_ACCOUNT = { username: 'bench-baseline', password: 'bench-baseline-password' };

/** The sink's messages to the bench. */
export type SinkReport =
  | { type: 'ready'; port: number; ca: string }
  | { type: 'reached'; target: number; accepted: number }
  | { type: 'connections'; active: number; total: number; accepted: number }
  | { type: 'failed'; error: string };

/** The bench's requests to the sink. */
export type SinkRequest = { type: 'notify-at'; target: number } | { type: 'connections' };

/** Tells a message of the given type from the others. */
export const isSinkReport = messageOfType<SinkReport>();
