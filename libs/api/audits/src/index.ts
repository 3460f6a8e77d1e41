export * from './lib/audits.module';
export * from './lib/audits-schema';
export type { AuditView, AuditDetailView, RespondentView, RespondentAccessView } from './lib/audit-views';
