import {
  BinaryLocation,
  FileProbe,
  locatePostgresBinDir,
  locateRedisServer,
  nodeFileProbe,
} from './binary-discovery';

/** A server a suite can start a throwaway instance of. */
export type ThrowawayService = 'postgres' | 'redis';

/** The environment variables availability depends on. */
export interface ServiceEnvironment {
  CI?: string;
  PATH?: string;
  PG_BIN_DIR?: string;
}

/** What a suite that needs a service does on this machine. */
export type SuitePlan =
  { kind: 'run'; location: string } | { kind: 'skip'; warning: string } | { kind: 'fail'; error: string };

const SERVICES: Record<
  ThrowawayService,
  {
    label: string;
    programs: string;
    install: string;
    locate(env: ServiceEnvironment, probe: FileProbe): BinaryLocation;
  }
> = {
  postgres: {
    label: 'PostgreSQL',
    programs: 'initdb and postgres',
    install: 'apt-get install -y postgresql (or set PG_BIN_DIR to the directory holding initdb and postgres)',
    locate: (env, probe) => locatePostgresBinDir(env, probe),
  },
  redis: {
    label: 'Redis',
    programs: 'redis-server',
    install: 'apt-get install -y redis-server',
    locate: (env, probe) => locateRedisServer(env, probe),
  },
};

/**
 * The product's CI policy for suites that need a service: run when its programs are installed;
 * otherwise FAIL when `CI=true` (a CI image without PostgreSQL must not pass by skipping), and
 * skip with a loud warning elsewhere, so a laptop without Redis can still run the rest.
 */
export function planSuite(
  service: ThrowawayService,
  suiteName: string,
  env: ServiceEnvironment,
  probe: FileProbe = nodeFileProbe,
): SuitePlan {
  const spec = SERVICES[service];
  const location = spec.locate(env, probe);
  if (location.found) {
    return { kind: 'run', location: location.path };
  }
  const problem = `${spec.label} is not installed: ${spec.programs} not found (searched ${location.searched.join(', ')}). Install it with: ${spec.install}`;
  if (env.CI === 'true') {
    return { kind: 'fail', error: `"${suiteName}" needs ${spec.label} and CI=true. ${problem}` };
  }
  const rule = '!'.repeat(100);
  return {
    kind: 'skip',
    warning: `\n${rule}\nSKIPPED "${suiteName}": ${problem}\nThis suite FAILS when CI=true.\n${rule}\n`,
  };
}

/**
 * For runners other than Jest (Playwright, scripts): true when the service can be started;
 * throws under CI=true when it cannot; otherwise warns loudly and returns false, and the caller
 * skips its work.
 */
export function requireService(
  service: ThrowawayService,
  suiteName = service,
  env: ServiceEnvironment = process.env,
): boolean {
  const plan = planSuite(service, suiteName, env);
  switch (plan.kind) {
    case 'run':
      return true;
    case 'fail':
      throw new Error(plan.error);
    case 'skip':
      console.warn(plan.warning);
      return false;
  }
}

/** `describe` for a Jest suite that starts a throwaway PostgreSQL; see {@link planSuite} for when it runs. */
export function describeWithPostgres(name: string, fn: () => void): void {
  describeWithService('postgres', name, fn);
}

/** `describe` for a Jest suite that starts a throwaway Redis; see {@link planSuite} for when it runs. */
export function describeWithRedis(name: string, fn: () => void): void {
  describeWithService('redis', name, fn);
}

function describeWithService(service: ThrowawayService, name: string, fn: () => void): void {
  const jest = jestGlobals();
  const plan = planSuite(service, name, process.env);
  switch (plan.kind) {
    case 'run':
      jest.describe(name, fn);
      return;
    case 'fail':
      // A failing test rather than a throw at collection time: the report names the reason.
      jest.describe(name, () => {
        jest.it(`needs ${SERVICES[service].label}`, () => {
          throw new Error(plan.error);
        });
      });
      return;
    case 'skip':
      console.warn(plan.warning);
      jest.describe.skip(name, fn);
      return;
  }
}

interface JestGlobals {
  describe: { (name: string, fn: () => void): void; skip(name: string, fn: () => void): void };
  it(name: string, fn: () => void): void;
}

// Read at call time instead of typed through @types/jest, so projects compiled without Jest's
// types (Playwright, tools) can still import this library.
function jestGlobals(): JestGlobals {
  const candidate = globalThis as unknown as Partial<JestGlobals>;
  if (typeof candidate.describe !== 'function' || typeof candidate.it !== 'function') {
    throw new Error(
      'describeWithPostgres/describeWithRedis need Jest globals; in other runners call requireService()',
    );
  }
  return candidate as JestGlobals;
}
