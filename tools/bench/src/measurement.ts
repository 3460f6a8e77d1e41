/** The median and the spread of repeated measurements. */
export interface Summary {
  median: number;
  min: number;
  max: number;
  samples: number[];
}

export function summarize(samples: readonly number[]): Summary {
  if (samples.length === 0) {
    throw new Error('Nothing was measured');
  }
  const sorted = [...samples].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  return { median, min: sorted[0], max: sorted[sorted.length - 1], samples: [...samples] };
}

/** One timed run of a throughput scenario. */
export interface ThroughputRun {
  messages: number;
  seconds: number;
  /** CPU time of the measuring process (user + system) per message: what the client side costs. */
  cpuMsPerMessage: number;
}

export function throughputOf(run: ThroughputRun): number {
  return run.messages / run.seconds;
}

/** Measures `work` from its start to the time it resolves with (a `performance.now()` value). */
export async function timed(
  messages: number,
  work: (start: number) => Promise<number>,
): Promise<ThroughputRun> {
  const cpu = process.cpuUsage();
  const start = performance.now();
  const end = await work(start);
  const used = process.cpuUsage(cpu);
  return {
    messages,
    seconds: (end - start) / 1000,
    cpuMsPerMessage: (used.user + used.system) / 1000 / messages,
  };
}

/** Rejects with `describe()` if `promise` has not settled within `ms`: a stuck run fails loudly. */
export async function within<T>(
  promise: Promise<T>,
  ms: number,
  describe: () => Promise<string>,
): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<'expired'>((resolve) => {
    timer = setTimeout(() => resolve('expired'), ms);
  });
  try {
    const result = await Promise.race([promise, expired]);
    if (result === 'expired') {
      throw new Error(`Gave up after ${Math.round(ms / 1000)} s: ${await describe()}`);
    }
    return result;
  } finally {
    clearTimeout(timer);
  }
}
