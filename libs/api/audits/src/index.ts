export * from './lib/audits.module';
export * from './lib/audits-schema';
