import type { SchemaParts } from '@mailroute/api/core';
import { CreateAudits1764500000000 } from './1764500000000-create-audits';
import { AuditRespondent } from './audit-respondent.entity';
import { Audit } from './audit.entity';

export const auditsSchema = {
  entities: [Audit, AuditRespondent],
  migrations: [CreateAudits1764500000000],
} satisfies SchemaParts;
