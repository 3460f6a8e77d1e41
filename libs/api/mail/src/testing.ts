// Test-only entry point (`@mailroute/api/mail/testing`). Lint forbids it outside tests.
export * from './testing/in-memory-route-source';
export * from './testing/mail-test-harness';
export * from './testing/two-organizations';
export * from './testing/attempt-timeline';
export * from './testing/dispatcher-process';
export * from './testing/organizations';
export * from './testing/syn-dropping-address';
export { TransportResolver } from './lib/transport/transport-resolver';
export * from './testing/numbered-notice';
export * from './testing/email-links';
