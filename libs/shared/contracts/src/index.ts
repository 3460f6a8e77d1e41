export * from './lib/locale';
export * from './lib/auth';
export * from './lib/api-error';
export * from './lib/health';
export * from './lib/email';
export * from './lib/smtp-settings';
export * from './lib/page';
export * from './lib/members';
