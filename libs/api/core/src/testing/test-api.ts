import type { AddressInfo } from 'node:net';
import type { DynamicModule, ForwardReference, Type } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import { DataSource } from 'typeorm';
import { type AppConfig, configureHttpApp, CoreModule, type SchemaParts } from '../index';
import { testConfig } from './test-config';

type Importable = Type<unknown> | DynamicModule | Promise<DynamicModule> | ForwardReference;

export interface TestApiOptions {
  /** Extra environment, e.g. `{ DATABASE_URL: postgres.url }`; defaults to a temporary SQLite file. */
  env?: Record<string, string>;
  /** The modules under test, beside CoreModule. */
  imports?: Importable[];
  schema?: SchemaParts[];
  /** Controllers only the test needs (e.g. to exercise a guard). */
  controllers?: Type<unknown>[];
  /** Providers replaced for the test, e.g. a resolver that answers without real DNS. */
  overrides?: { provide: unknown; useValue: unknown }[];
}

export interface TestApi {
  app: NestExpressApplication;
  config: AppConfig;
  dataSource: DataSource;
  /** http://127.0.0.1:<port> — the API listens on a random loopback port. */
  baseUrl: string;
  call: ApiCall;
  close(): Promise<void>;
}

/** Calls the API as the bearer of `token` (signed out when null), with a JSON body when given one. */
export type ApiCall = (
  token: string | null,
  method: string,
  path: string,
  body?: unknown,
) => Promise<Response>;

/** The real API (same modules, pipes, guards and filters as production) on 127.0.0.1:0. */
export async function startTestApi(options: TestApiOptions = {}): Promise<TestApi> {
  const config = testConfig(options.env);
  const builder = Test.createTestingModule({
    imports: [CoreModule.forRoot({ config, schema: options.schema ?? [] }), ...(options.imports ?? [])],
    controllers: options.controllers ?? [],
  });
  for (const override of options.overrides ?? []) {
    builder.overrideProvider(override.provide).useValue(override.useValue);
  }
  const moduleRef = await builder.compile();
  const app = moduleRef.createNestApplication<NestExpressApplication>({ logger: false });
  configureHttpApp(app, config);
  try {
    await app.listen(0, '127.0.0.1');
  } catch (error) {
    await app.close();
    throw error;
  }
  const { port } = app.getHttpServer().address() as AddressInfo;
  const baseUrl = `http://127.0.0.1:${port}`;
  return {
    app,
    config,
    dataSource: app.get(DataSource),
    baseUrl,
    call: (token, method, path, body) =>
      fetch(`${baseUrl}${path}`, {
        method,
        headers: {
          ...(token ? { authorization: `Bearer ${token}` } : {}),
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      }),
    close: () => app.close(),
  };
}
