import { createHash } from 'node:crypto';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { signIn } from '@mailroute/api/core/testing';
import { findFreePort, startBuiltApi, type BuiltApiProcess } from '@mailroute/testing';

/** encodeURIComponent, except that a lone surrogate becomes the bytes a careless client sends. */
const percentEncoded = (text: string): string =>
  text
    .split(/(\p{Cs})/u)
    .map((part) => (/\p{Cs}/u.test(part) ? '%ED%A0%80' : encodeURIComponent(part)))
    .join('');

const ADMIN = { email: 'owner@fuzz.test', password: 'fuzz-admin-password-0001' };
/** Fixed, so a failure replays: `SEED=<n>` to explore others. */
const SEED = Number(process.env['SEED'] ?? 20261207);
const CASES_PER_OPERATION = 60;

interface OpenApiSchema {
  type?: string;
  enum?: unknown[];
  example?: unknown;
  properties?: Record<string, OpenApiSchema>;
  items?: OpenApiSchema;
  required?: string[];
  $ref?: string;
  oneOf?: OpenApiSchema[];
}
interface Operation {
  method: string;
  path: string;
  query: string[];
  body: OpenApiSchema | null;
}
interface FuzzCase {
  auth: 'admin' | 'none' | 'forged';
  pathValues: Record<string, string>;
  query: [string, string][];
  body: { json: unknown } | { raw: string; headers: Record<string, string> } | null;
}

/**
 * Every endpoint of the OpenAPI document, each sent generated malformed path parameters, queries
 * and bodies (plus some plausible ones) by the built API on SQLite: no answer is a 5xx, and a
 * refused write (4xx) leaves every stored row as it was. Emails are stored but not sent
 * (MAIL_DISPATCHER=false), so nothing changes the database behind the requests' backs.
 */
describe('every endpoint under malformed input (built API, SQLite)', () => {
  let api: BuiltApiProcess;
  let token: string;
  let operations: Operation[];
  let schemas: Record<string, OpenApiSchema>;
  let database: Database.Database;
  const ids: Record<string, string[]> = {};
  let closedPort: number;

  beforeAll(async () => {
    api = await startBuiltApi({
      env: {
        ADMIN_EMAIL: ADMIN.email,
        ADMIN_PASSWORD: ADMIN.password,
        MAIL_DISPATCHER: 'false',
        LOGIN_RATE_LIMIT: '1000',
        SMTP_SETTINGS_RATE_LIMIT: '1000',
      },
    });
    token = await signIn(api.baseUrl, ADMIN);
    closedPort = await findFreePort();
    const document = (await (await fetch(`${api.baseUrl}/api/docs-json`)).json()) as {
      paths: Record<
        string,
        Record<
          string,
          {
            parameters?: { in: string; name: string }[];
            requestBody?: { content?: Record<string, { schema?: OpenApiSchema }> };
          }
        >
      >;
      components: { schemas: Record<string, OpenApiSchema> };
    };
    schemas = document.components.schemas;
    operations = Object.entries(document.paths).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, operation]) => ({
        method: method.toUpperCase(),
        path,
        query: (operation.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name),
        body: operation.requestBody?.content?.['application/json']?.schema ?? null,
      })),
    );
    // Destructive operations last, so the others meet the fixtures below.
    operations.sort((a, b) => Number(a.method === 'DELETE') - Number(b.method === 'DELETE'));
    await createFixtures();
    database = new Database(join(api.dataDir, 'mailroute.sqlite'), { readonly: true, fileMustExist: true });
  });

  afterAll(async () => {
    database?.close();
    await api?.stop();
  });

  const request = (method: string, path: string, body?: unknown) =>
    fetch(`${api.baseUrl}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  const created = async (path: string, body: unknown): Promise<string> => {
    const response = await request('POST', path, body);
    expect({ path, status: response.status }).toEqual({ path, status: 201 });
    return ((await response.json()) as { id: string }).id;
  };

  /** Real ids for the path parameters, so the generated bodies reach the handlers behind them. */
  async function createFixtures(): Promise<void> {
    const me = (await (await request('GET', '/api/me')).json()) as { id: string };
    const activity = await created('/api/processing-activities', {
      name: 'Payroll',
      description: 'Salaries',
    });
    const task = await created('/api/tasks', { title: 'Review', assigneeId: me.id });
    const dsr = await created('/api/data-subject-requests', {
      type: 'access',
      subjectName: 'Jane Doe',
      subjectEmail: 'jane@fuzz.test',
    });
    const audit = await created('/api/audits', {
      title: 'Audit',
      questions: [{ text: 'Register?', kind: 'yes_no', required: true }],
    });
    const respondent = await created(`/api/audits/${audit}/respondents`, { email: 'dpo@fuzz.test' });
    const invitation = await created('/api/invitations', { email: 'ada@fuzz.test', role: 'member' });
    const notification = (await (await request('GET', '/api/notifications')).json()) as {
      items: { id: string }[];
    };
    const email = (await (await request('GET', '/api/organizations/current/emails')).json()) as {
      items: { id: string }[];
    };
    Object.assign(ids, {
      userId: [me.id],
      assigneeId: [me.id],
      processingActivityId: [activity],
      rid: [respondent],
      token: ['a'.repeat(43)],
      '/api/processing-activities': [activity],
      '/api/tasks': [task],
      '/api/data-subject-requests': [dsr],
      '/api/audits': [audit],
      '/api/invitations': [invitation],
      '/api/users': [me.id],
      '/api/notifications': notification.items.map((item) => item.id),
      '/api/organizations/current/emails': email.items.map((item) => item.id),
    });
  }

  /** A digest of every row of every table: what "nothing stored changed" is checked against. */
  const storedRows = (): string => {
    const hash = createHash('sha256');
    const tables = database
      .prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
      .all();
    for (const { name } of tables) {
      hash.update(name);
      hash.update(JSON.stringify(database.prepare(`SELECT * FROM "${name}" ORDER BY rowid`).raw().all()));
    }
    return hash.digest('hex');
  };

  const lone = '\ud800';
  const nastyString = fc.oneof(
    fc.constantFrom(
      '',
      ' ',
      '\r\n',
      'a\r\nBcc: x@y',
      '\u0000',
      '\u202e',
      `a${lone}@fuzz.test`,
      lone,
      'é'.repeat(300),
    ),
    fc.constantFrom('x'.repeat(20_000), '1e308', '-1', 'NaN', '__proto__', '../../etc/passwd', '<script>'),
    fc.string({ unit: 'binary', maxLength: 40 }),
  );
  const deep = (levels: number, leaf: unknown): unknown =>
    Array.from({ length: levels }).reduce<unknown>((inner) => ({ a: inner }), leaf);
  const nasty: fc.Arbitrary<unknown> = fc.oneof(
    nastyString,
    fc.constantFrom(null, true, false, 0, -1, 1.5, 1e308, -1e308, Number.MAX_SAFE_INTEGER + 2),
    fc.constantFrom([], {}, [null], { __proto__: 1 }, { constructor: { prototype: 1 } }),
    fc.constant(null).map(() => deep(60, 1)),
    fc.array(nastyString, { maxLength: 3 }),
    fc.dictionary(fc.string({ maxLength: 8 }), nastyString, { maxKeys: 3 }),
  );

  const resolve = (schema: OpenApiSchema): OpenApiSchema =>
    schema.$ref ? resolve(schemas[schema.$ref.split('/').pop() ?? ''] ?? {}) : schema;

  /** A value the schema allows, sometimes, so the request reaches past the first field check. */
  const plausible = (name: string, schema: OpenApiSchema, depth = 0): fc.Arbitrary<unknown> => {
    const resolved = resolve(schema);
    // Connection tests point at a closed local port: no DNS, no waiting on a real server.
    if (name === 'host') {
      return fc.constant('127.0.0.1');
    }
    if (name === 'port') {
      return fc.constant(closedPort);
    }
    if (name.endsWith('Id')) {
      return fc.constantFrom(...(ids[name] ?? Object.values(ids).flat()));
    }
    if (resolved.enum) {
      return fc.constantFrom(...resolved.enum);
    }
    if (resolved.example !== undefined) {
      return fc.constant(resolved.example);
    }
    if (resolved.oneOf) {
      return fc.oneof(...resolved.oneOf.map((option) => plausible(name, option, depth)));
    }
    switch (resolved.type ?? 'string') {
      case 'boolean':
        return fc.boolean();
      case 'number':
      case 'integer':
        return fc.integer({ min: 0, max: 100 });
      case 'array':
        return depth > 2
          ? fc.constant([])
          : fc.array(field(name, resolved.items ?? {}, depth + 1), { maxLength: 3 });
      case 'object':
        return resolved.properties ? objectOf(resolved, depth + 1) : fc.string({ maxLength: 20 });
      default:
        return fc.string({ maxLength: 20 });
    }
  };
  /** Mostly plausible, sometimes null (a value `@IsOptional()` lets through), sometimes malformed. */
  const field = (name: string, schema: OpenApiSchema, depth: number): fc.Arbitrary<unknown> =>
    fc.oneof(
      { weight: 4, arbitrary: plausible(name, schema, depth) },
      { weight: 1, arbitrary: fc.constant(null) },
      { weight: 2, arbitrary: nasty },
    );
  const objectOf = (schema: OpenApiSchema, depth: number): fc.Arbitrary<unknown> => {
    const properties = Object.entries(resolve(schema).properties ?? {});
    return fc.record(
      Object.fromEntries(properties.map(([name, property]) => [name, field(name, property, depth)])),
      { requiredKeys: [] },
    );
  };
  /** Every field plausible: a request that may well succeed. */
  const plausibleObject = (schema: OpenApiSchema): fc.Arbitrary<Record<string, unknown>> => {
    const properties = Object.entries(resolve(schema).properties ?? {});
    return fc.record(
      Object.fromEntries(properties.map(([name, property]) => [name, plausible(name, property)])),
    ) as fc.Arbitrary<Record<string, unknown>>;
  };
  /**
   * All fields plausible but one, which is null, malformed or left out: the others pass, so the
   * odd one reaches its own checks (and, if they let it through, the service and the database).
   */
  const oneFieldWrong = (schema: OpenApiSchema): fc.Arbitrary<unknown> => {
    const names = Object.keys(resolve(schema).properties ?? {});
    if (names.length === 0) {
      return nasty;
    }
    return fc
      .tuple(
        plausibleObject(schema),
        fc.constantFrom(...names),
        fc.oneof(fc.constant(null), nasty, fc.constant(undefined)),
      )
      .map(([body, name, value]) => ({ ...body, [name]: value }));
  };

  const bodyOf = (schema: OpenApiSchema): fc.Arbitrary<FuzzCase['body']> =>
    fc.oneof(
      { weight: 6, arbitrary: oneFieldWrong(schema).map((json) => ({ json })) },
      { weight: 2, arbitrary: objectOf(schema, 0).map((json) => ({ json })) },
      { weight: 1, arbitrary: plausibleObject(schema).map((json) => ({ json })) },
      {
        weight: 1,
        arbitrary: fc
          .tuple(plausibleObject(schema), fc.string({ maxLength: 10 }), nasty)
          .map(([json, key, value]) => ({ json: { ...json, [key || 'extra']: value } })),
      },
      { weight: 1, arbitrary: nasty.map((json) => ({ json })) },
      {
        weight: 1,
        arbitrary: fc
          .tuple(
            fc.constantFrom(
              '{"a":',
              'null',
              '"text"',
              '{"a":1}{',
              '['.repeat(5000),
              '{"__proto__":{"x":1}}',
              '',
            ),
            fc.constantFrom<Record<string, string>>(
              { 'content-type': 'application/json' },
              { 'content-type': 'application/json', 'content-encoding': 'gzip' },
              { 'content-type': 'application/json; charset=latin-9' },
              { 'content-type': 'application/x-www-form-urlencoded' },
              { 'content-type': 'text/plain' },
            ),
          )
          .map(([raw, headers]) => ({ raw, headers })),
      },
    );

  const pathValue = (name: string, collection: string): fc.Arbitrary<string> =>
    fc.oneof(
      {
        weight: 6,
        arbitrary: fc.constantFrom(...[...(ids[name] ?? []), ...(ids[collection] ?? []), 'none']),
      },
      {
        weight: 2,
        arbitrary: fc.constantFrom(
          'not-an-id',
          '00000000-0000-4000-8000-000000000000',
          '%00',
          '%ED%A0%80',
          '%',
          '1e308',
          '-1',
          'x'.repeat(3000),
          '..%2F..',
        ),
      },
      { weight: 1, arbitrary: fc.string({ maxLength: 20 }).map(percentEncoded) },
    );

  const caseOf = (operation: Operation): fc.Arbitrary<FuzzCase> => {
    const names = [...operation.path.matchAll(/\{(\w+)\}/g)].map((match) => match[1] as string);
    const collection = operation.path.replace(/\/\{.*$/, '');
    return fc.record({
      auth: fc.oneof(
        { weight: 8, arbitrary: fc.constant<FuzzCase['auth']>('admin') },
        { weight: 1, arbitrary: fc.constantFrom<FuzzCase['auth']>('none', 'forged') },
      ),
      pathValues: fc.record(Object.fromEntries(names.map((name) => [name, pathValue(name, collection)]))),
      query: fc.oneof(
        { weight: 3, arbitrary: fc.constant<[string, string][]>([]) },
        {
          weight: 2,
          arbitrary: fc.array(
            fc.tuple(
              fc.oneof(fc.constantFrom(...operation.query, 'page', 'pageSize'), fc.string({ maxLength: 6 })),
              fc.oneof(fc.constantFrom('1', '2', 'me', 'true', 'open'), nastyString).map(percentEncoded),
            ),
            { maxLength: 3 },
          ),
        },
      ),
      body: operation.body ? bodyOf(operation.body) : fc.constant(null),
    });
  };

  const send = (operation: Operation, fuzz: FuzzCase): Promise<Response> => {
    const path = operation.path.replace(/\{(\w+)\}/g, (_, name: string) => fuzz.pathValues[name] ?? '');
    const query = fuzz.query.map(([key, value]) => `${percentEncoded(key)}=${value}`).join('&');
    const headers: Record<string, string> = {
      ...(fuzz.auth === 'admin' ? { authorization: `Bearer ${token}` } : {}),
      ...(fuzz.auth === 'forged' ? { authorization: `Bearer ${token.slice(0, -4)}AAAA` } : {}),
    };
    let body: string | undefined;
    if (fuzz.body && 'json' in fuzz.body) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(fuzz.body.json) ?? 'null';
    } else if (fuzz.body) {
      Object.assign(headers, fuzz.body.headers);
      body = fuzz.body.raw;
    }
    return fetch(`${api.baseUrl}${path}${query ? `?${query}` : ''}`, {
      method: operation.method,
      headers,
      body,
    });
  };

  it('enumerates every endpoint of the API', () => {
    expect(operations.length).toBeGreaterThan(45);
    const bodies = operations.filter((operation) => operation.body).map((o) => `${o.method} ${o.path}`);
    expect(bodies).toEqual(
      expect.arrayContaining([
        'POST /api/tasks',
        'PATCH /api/tasks/{id}',
        'PUT /api/me/notification-preferences',
      ]),
    );
  });

  /** Sends one case; a 5xx, or a refused write that changed stored rows, is a failure. */
  const statuses = new Map<number, number>();
  const failures: string[] = [];
  let before = '';
  /** Successful writes seen to change the digest: proof that it sees what a write stores. */
  let storedWrites = 0;
  const check = async (operation: Operation, fuzz: FuzzCase): Promise<void> => {
    before ||= storedRows();
    const response = await send(operation, fuzz);
    const text = await response.text();
    statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
    const after = storedRows();
    const what = `${operation.method} ${operation.path} ${JSON.stringify(fuzz).slice(0, 400)}`;
    if (response.status >= 500) {
      failures.push(`${response.status} ${what} → ${text.slice(0, 200)}`);
    } else if (response.status >= 400 && operation.method !== 'GET' && after !== before) {
      failures.push(`stored rows changed on a refused ${response.status}: ${what}`);
    } else if (response.status < 300 && after !== before) {
      storedWrites += 1;
    }
    before = after;
  };

  it('answers 4xx to null, a lone surrogate or deep nesting in each field of each body', async () => {
    failures.length = 0;
    for (const [index, operation] of operations.entries()) {
      if (!operation.body) {
        continue;
      }
      const [base] = fc.sample(plausibleObject(operation.body), { numRuns: 1, seed: SEED + index });
      const pathValues = Object.fromEntries(
        [...operation.path.matchAll(/\{(\w+)\}/g)].map(([, name = '']) => {
          const known = ids[name] ?? ids[operation.path.replace(/\/\{.*$/, '')] ?? ['none'];
          return [name, known[0] ?? 'none'];
        }),
      );
      for (const name of Object.keys(resolve(operation.body).properties ?? {})) {
        for (const value of [null, `a${lone}@fuzz.test`, deep(40, 'x'), [deep(40, 'x')], [[]]]) {
          await check(operation, {
            auth: 'admin',
            pathValues,
            query: [],
            body: { json: { ...base, [name]: value } },
          });
        }
      }
    }
    expect(failures).toEqual([]);
  }, 60_000);

  it('never answers 5xx to generated requests, and a refused write changes nothing stored', async () => {
    failures.length = 0;
    for (const [index, operation] of operations.entries()) {
      for (const fuzz of fc.sample(caseOf(operation), { numRuns: CASES_PER_OPERATION, seed: SEED + index })) {
        await check(operation, fuzz);
      }
    }
    expect(failures).toEqual([]);
    // The generator reached past validation too: some requests succeeded and stored something.
    expect(storedWrites).toBeGreaterThan(0);
    expect([...statuses.keys()].some((status) => status >= 400 && status < 500)).toBe(true);
  }, 120_000);
});
