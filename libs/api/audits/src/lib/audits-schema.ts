import type { SchemaParts } from '@mailroute/api/core';
import { CreateAudits1764500000000 } from './migrations/1764500000000-create-audits';
import { AddAuditQuestionsAndAnswers1796605761071 } from './migrations/1796605761071-add-audit-questions-and-answers';
import { AuditAnswer } from './audit-answer.entity';
import { AuditQuestion } from './audit-question.entity';
import { AuditRespondent } from './audit-respondent.entity';
import { Audit } from './audit.entity';

export const auditsSchema = {
  entities: [Audit, AuditRespondent, AuditQuestion, AuditAnswer],
  migrations: [CreateAudits1764500000000, AddAuditQuestionsAndAnswers1796605761071],
} satisfies SchemaParts;
