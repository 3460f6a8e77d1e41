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

export function isManyOrganizationsMessage<T extends ManyOrganizationsMessage['type']>(type: T) {
  return (message: unknown): message is Extract<ManyOrganizationsMessage, { type: T }> =>
    typeof message === 'object' && message !== null && (message as { type?: unknown }).type === type;
}
