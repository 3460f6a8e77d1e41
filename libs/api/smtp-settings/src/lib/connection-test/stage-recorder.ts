import type {
  ConnectionTestReport,
  ConnectionTestStage,
  ConnectionTestStageResult,
} from '@mailroute/shared/contracts';
import type { Deadline } from './deadline';
import { describeFailure, type FailureContext } from './failure-description';
import type { SecretRedactor } from '@mailroute/api/mail';
import type { StageSuccess } from './stage-outcome';

/** Thrown by `StageRecorder.run` once a stage failed and was recorded: the test stops there. */
export class TestStopped extends Error {
  constructor(readonly stage: ConnectionTestStage) {
    super(`The connection test stopped at the ${stage} stage`);
    this.name = 'TestStopped';
  }
}

/**
 * Runs the stages one after the other and records each result, in the order they ran, with its
 * duration. A stage ends at the test's deadline whatever it is doing, and the first failure
 * stops the test.
 */
export class StageRecorder {
  private readonly results: ConnectionTestStageResult[] = [];

  constructor(
    private readonly deadline: Deadline,
    private readonly redactor: SecretRedactor,
    private readonly context: FailureContext,
  ) {}

  async run<T>(stage: ConnectionTestStage, work: () => Promise<StageSuccess<T>>): Promise<T> {
    const startedAt = performance.now();
    const duration = (): number => Math.round(performance.now() - startedAt);
    try {
      const success = await this.deadline.race(work(), `the ${stage} stage to finish`);
      this.results.push({
        stage,
        ok: true,
        durationMs: duration(),
        detail: success.detail,
        hint: success.hint ?? null,
        ...success.facts,
      });
      return success.value;
    } catch (error) {
      const failure = describeFailure(stage, error, this.context);
      this.results.push({
        stage,
        ok: false,
        durationMs: duration(),
        detail: failure.detail,
        hint: failure.hint,
        ...failure.facts,
      });
      throw new TestStopped(stage);
    }
  }

  /** The report of the stages run so far, with the password removed from anything a server wrote. */
  report(
    fields: Pick<ConnectionTestReport, 'startedAt' | 'testRecipient' | 'messageId'>,
  ): ConnectionTestReport {
    const last = this.results[this.results.length - 1];
    return this.redactor.redactDeep({
      ok: last?.stage === 'send' && this.results.every((result) => result.ok),
      stages: this.results,
      startedAt: fields.startedAt,
      durationMs: this.deadline.elapsedMs(),
      testRecipient: fields.testRecipient,
      messageId: fields.messageId,
    });
  }
}
