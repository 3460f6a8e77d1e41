import { messageOfType } from '../child-process';

/** What the many-organizations child process is asked to do (argv[2]) and what it reports. */
export type ManyOrganizationsPhase = 'seed' | 'deliver';

export interface ManyOrganizationsSpec {
  env: Record<string, string>;
  sink: { host: string; port: number; ca: string };
  organizations: number;
}

export interface ManyOrganizationsReport {
  type: 'report';
  /** Peak resident set size of the delivering process (from start-up to idle), bytes. */
  peakRssBytes: number;
  peakLiveTransports: number;
  liveTransportsWhenIdle: number;
  transportCacheSize: number;
  statuses: Record<string, number>;
}

export type ManyOrganizationsMessage =
  { type: 'seeded' } | { type: 'delivering' } | ManyOrganizationsReport | { type: 'failed'; error: string };

/** Tells a message of the given type from the others. */
export const isManyOrganizationsMessage = messageOfType<ManyOrganizationsMessage>();
