/** What `npm run bench -- [options]` measures. */
export interface BenchOptions {
  smoke: boolean;
  postgres: boolean;
  redis: boolean;
  /** Runs of each throughput and many-organizations measurement (the median is reported). */
  runs: number;
  /** N: messages of the ceiling and of the mailroute scenarios. */
  messages: number;
  /** Messages of the naive baseline (a transport per message is slow: fewer are enough). */
  naiveMessages: number;
  /** Organizations of scenario 4. */
  organizations: number;
  /** Scenario 5: peak RSS with this many organizations, against `fewOrganizations`. */
  manyOrganizations: number;
  fewOrganizations: number;
  saveAndTestRounds: number;
  /** Connections of the ceiling's pooled transport and of each organization's (MAIL_POOL_CONNECTIONS). */
  poolConnections: number;
  /** Concurrency of the second naive run, as the dispatcher's (MAIL_CONCURRENCY default). */
  concurrency: number;
  /** Where to write the results as JSON. */
  json: string | null;
}

const FULL: BenchOptions = {
  smoke: false,
  postgres: false,
  redis: false,
  runs: 3,
  messages: 2000,
  naiveMessages: 300,
  organizations: 50,
  manyOrganizations: 10_000,
  fewOrganizations: 100,
  saveAndTestRounds: 15,
  poolConnections: 5,
  concurrency: 16,
  json: null,
};

/** Small enough for CI: proves every scenario still runs, measures nothing worth reading. */
const SMOKE: Partial<BenchOptions> = {
  smoke: true,
  runs: 1,
  messages: 60,
  naiveMessages: 20,
  organizations: 5,
  manyOrganizations: 40,
  fewOrganizations: 10,
  saveAndTestRounds: 2,
};

const NUMBERS: Record<string, keyof BenchOptions> = {
  '--runs': 'runs',
  '--messages': 'messages',
  '--naive-messages': 'naiveMessages',
  '--organizations': 'organizations',
  '--many-organizations': 'manyOrganizations',
  '--few-organizations': 'fewOrganizations',
  '--save-and-test-rounds': 'saveAndTestRounds',
  '--pool': 'poolConnections',
  '--concurrency': 'concurrency',
};

export const USAGE = `npm run bench -- [--smoke] [--postgres] [--redis] [--json <file>] ${Object.keys(NUMBERS)
  .map((flag) => `[${flag} <n>]`)
  .join(' ')}`;

export function parseBenchOptions(argv: readonly string[]): BenchOptions {
  const options: BenchOptions = { ...FULL, ...(argv.includes('--smoke') ? SMOKE : {}) };
  for (let index = 0; index < argv.length; index += 1) {
    const [flag, inline] = argv[index].split('=', 2);
    const value = () => inline ?? argv[++index];
    if (flag === '--smoke') {
      continue;
    } else if (flag === '--postgres' || flag === '--redis') {
      options[flag === '--postgres' ? 'postgres' : 'redis'] = true;
    } else if (flag === '--json') {
      options.json = value() ?? null;
    } else if (flag in NUMBERS) {
      const number = Number(value());
      if (!Number.isInteger(number) || number < 1) {
        throw new Error(`${flag} needs a whole number of at least 1\nUsage: ${USAGE}`);
      }
      (options as unknown as Record<string, number>)[NUMBERS[flag]] = number;
    } else {
      throw new Error(`Unknown option ${argv[index]}\nUsage: ${USAGE}`);
    }
  }
  return options;
}
