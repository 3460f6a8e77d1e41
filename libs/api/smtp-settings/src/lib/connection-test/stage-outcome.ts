import type { ConnectionTestStageResult, LocalizedText } from '@mailroute/shared/contracts';

/** The structured facts a stage may add to its result. */
export type StageFacts = Partial<
  Pick<
    ConnectionTestStageResult,
    'tls' | 'addresses' | 'extensions' | 'authMechanisms' | 'serverResponse' | 'queueId'
  >
>;

/** What a stage runner returns when its stage passed: the value the next stages need, and the facts. */
export interface StageSuccess<T> {
  value: T;
  detail: string;
  /** A caveat on a success, rarely. */
  hint?: LocalizedText | null;
  facts?: StageFacts;
}

/** A stage runner's verdict that its stage failed, with what the admin needs to know. */
export class StageFailure extends Error {
  constructor(
    readonly detail: string,
    readonly hint: LocalizedText | null,
    readonly facts: StageFacts = {},
  ) {
    super(detail);
    this.name = 'StageFailure';
  }
}
