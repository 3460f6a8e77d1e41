export * from './testing/smtp-settings-harness';
export * from './testing/static-host-resolver';
export * from './testing/stored-smtp-settings';
