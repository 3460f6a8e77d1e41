export interface ConfigProblem {
  variable: string;
  reason: string;
}

/** Thrown at start-up when the environment is incomplete or malformed; lists every bad variable. */
export class ConfigError extends Error {
  constructor(readonly problems: ConfigProblem[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p.variable}: ${p.reason}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}
