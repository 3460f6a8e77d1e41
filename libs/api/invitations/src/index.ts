export * from './lib/invitations.module';
export * from './lib/invitations-schema';
