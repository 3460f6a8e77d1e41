/** Options of {@link waitUntil}. */
export interface WaitUntilOptions {
  /** What is awaited, in words; it names the condition in the timeout error. */
  description: string;
  /** Give up after this long. Default 5000 ms. */
  timeoutMs?: number;
  /** Pause between two probes. Default 25 ms. */
  intervalMs?: number;
}

/**
 * Polls `probe` until it returns a value other than `undefined`, `null` or `false`, and resolves
 * with that value. A probe that throws counts as "not yet"; its last error is quoted when the
 * bounded wait times out, so a failing test says what it was waiting for and why it never came.
 */
export async function waitUntil<T>(
  probe: () => T | undefined | null | false | Promise<T | undefined | null | false>,
  options: WaitUntilOptions,
): Promise<T> {
  const timeoutMs = options.timeoutMs ?? 5000;
  const intervalMs = options.intervalMs ?? 25;
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined && value !== null && value !== false) {
        return value;
      }
    } catch (error) {
      lastError = error;
    }
    if (Date.now() >= deadline) {
      const cause = lastError === undefined ? '' : ` (last attempt: ${describeError(lastError)})`;
      throw new Error(`Timed out after ${timeoutMs} ms waiting for ${options.description}${cause}`);
    }
    await new Promise<void>((resolve) =>
      setTimeout(resolve, Math.min(intervalMs, Math.max(deadline - Date.now(), 0))),
    );
  }
}

function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
