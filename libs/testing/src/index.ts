/**
 * @mailroute/testing: real servers for tests (imported by tests and dev tools only).
 */
export { startTestSmtpServer } from './lib/smtp/test-smtp-server';
export type {
  SmtpSecurity,
  SmtpUser,
  TestSmtpServer,
  TestSmtpServerOptions,
} from './lib/smtp/test-smtp-server.types';
export type { ReceivedMessage } from './lib/smtp/received-message';
export type {
  SmtpDropFault,
  SmtpFault,
  SmtpReplyFault,
  SmtpStage,
  SmtpStallFault,
} from './lib/smtp/smtp-fault';
export { startBlackholeServer } from './lib/smtp/blackhole-server';
export type { BlackholeServer } from './lib/smtp/blackhole-server';

export { createTestCertificate, defaultTestCertificate } from './lib/tls/test-certificate';
export type { TestCertificate, TestCertificateOptions } from './lib/tls/test-certificate';

export { startThrowawayPostgres } from './lib/postgres/throwaway-postgres';
export type { ThrowawayPostgres, ThrowawayPostgresOptions } from './lib/postgres/throwaway-postgres';
export { startThrowawayRedis } from './lib/redis/throwaway-redis';
export type { ThrowawayRedis, ThrowawayRedisOptions } from './lib/redis/throwaway-redis';
export { describeWithPostgres, describeWithRedis, requireService } from './lib/services/service-availability';
export type { ThrowawayService } from './lib/services/service-availability';

export { builtApiBundle, startBuiltApi } from './lib/api-process/built-api-process';
export type { BuiltApiExit, BuiltApiOptions, BuiltApiProcess } from './lib/api-process/built-api-process';

export { findFreePort } from './lib/net/free-port';
export { forkTypeScript } from './lib/process/typescript-process';
export type { TypeScriptProcess, TypeScriptProcessOptions } from './lib/process/typescript-process';
export { waitUntil } from './lib/polling/wait-until';
export type { WaitUntilOptions } from './lib/polling/wait-until';
