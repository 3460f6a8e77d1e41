import type {
  AuditDetailView,
  AuditView,
  QuestionView,
  RespondentAccessView,
  RespondentDetailView,
} from '@mailroute/shared/contracts';

export const AUDIT_ID = '0b9f8a55-6a3e-4a63-9d2e-6a9e4c7c1f01';

export const questions: QuestionView[] = [
  {
    id: 'q-1',
    text: 'Do you keep a register of processing activities?',
    kind: 'yes_no',
    required: true,
    position: 0,
  },
  { id: 'q-2', text: 'Who is your DPO?', kind: 'text', required: true, position: 1 },
  { id: 'q-3', text: 'Anything else?', kind: 'text', required: false, position: 2 },
];

export const auditLine: AuditView = {
  id: AUDIT_ID,
  title: 'Annual GDPR audit',
  dueDate: '2999-06-30',
  createdAt: '2025-03-01T10:00:00.000Z',
  createdById: 'u1',
  questionCount: 3,
  respondentCount: 2,
  answeredCount: 1,
};

export const invited: RespondentDetailView = {
  id: 'r-1',
  email: 'ada@partner.test',
  name: 'Ada',
  locale: 'fr',
  status: 'invited',
  invitedAt: '2025-03-02T09:00:00.000Z',
  lastRemindedAt: null,
  reminderCount: 0,
  answeredAt: null,
  linkExpiresAt: '2999-06-30T23:59:59.999Z',
  answers: null,
};

export const answered: RespondentDetailView = {
  id: 'r-2',
  email: 'bob@partner.test',
  name: null,
  locale: null,
  status: 'answered',
  invitedAt: '2025-03-02T09:00:00.000Z',
  lastRemindedAt: '2025-03-04T09:00:00.000Z',
  reminderCount: 1,
  answeredAt: '2025-03-05T09:00:00.000Z',
  linkExpiresAt: '2999-06-30T23:59:59.999Z',
  answers: [
    { questionId: 'q-1', value: true },
    { questionId: 'q-2', value: 'Grace Hopper' },
  ],
};

export function auditDetail(overrides: Partial<AuditDetailView> = {}): AuditDetailView {
  return {
    ...auditLine,
    questions,
    canReadAnswers: true,
    respondents: [invited, answered],
    ...overrides,
  };
}

export function accessView(overrides: Partial<RespondentAccessView> = {}): RespondentAccessView {
  return {
    auditTitle: 'Annual GDPR audit',
    dueDate: '2999-06-30',
    organizationName: 'Acme',
    respondent: { email: 'ada@partner.test', name: 'Ada' },
    locale: 'en',
    linkExpiresAt: '2999-06-30T23:59:59.999Z',
    questions,
    answeredAt: null,
    answers: null,
    ...overrides,
  };
}

/** Polls for something that appears a few ticks later (a request, a render), bounded. */
export async function eventually<T>(probe: () => T | null | undefined | false): Promise<T> {
  for (let tick = 0; tick < 50; tick++) {
    const found = probe();
    if (found !== null && found !== undefined && found !== false) {
      return found;
    }
    await new Promise((resolve) => setTimeout(resolve));
  }
  throw new Error('Condition not met in time');
}
