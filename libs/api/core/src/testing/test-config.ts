import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type AppConfig, loadAppConfig } from '../index';

/**
 * A real, validated configuration for a test: NODE_ENV=test, its own temporary data folder
 * (so its SQLite file and generated files never collide with another test's), a fresh
 * SECRETS_KEY, and no web app. `env` overrides or adds variables (e.g. DATABASE_URL).
 */
export function testConfig(env: Record<string, string> = {}): AppConfig {
  const dataDir = mkdtempSync(join(tmpdir(), 'mailroute-test-'));
  return loadAppConfig(
    {
      NODE_ENV: 'test',
      DATA_DIR: dataDir,
      SECRETS_KEY: randomBytes(32).toString('base64'),
      SERVE_WEB: 'false',
      LOG_LEVEL: 'silent',
      HOST: '127.0.0.1',
      ...env,
    },
    { cwd: dataDir },
  );
}
