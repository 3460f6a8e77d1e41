/*
 * `npm run bench`: measures, side by side in one run, raw SMTP against Mailroute's durable
 * per-organization pipeline, and prints the medians, the spread and the ratios. See
 * docs/benchmarks.md for the method and the latest figures.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, release, totalmem, type } from 'node:os';
import { dirname, resolve } from 'node:path';
import { MailerService } from '@mailroute/api/mail';
import { insertOrganizations } from '@mailroute/api/mail/testing';
import { summarize, type ThroughputRun, throughputOf } from './measurement';
import { startBenchApp } from './mailroute/bench-app';
import { benchNotificationData, benchNotificationTemplate } from './mailroute/bench-template';
import { Deployment } from './mailroute/deployment';
import { type BenchOptions, parseBenchOptions } from './options';
import { printReport } from './report/print-report';
import type { BenchResults, ManyOrganizationsResult, ThroughputResult } from './report/results';
import { measureManyOrganizations, type ManyOrganizationsRun } from './scenarios/many-organizations';
import { measureMailroute } from './scenarios/mailroute-throughput';
import { measureCeiling, measureNaive } from './scenarios/nodemailer-baselines';
import { measureSaveAndTest } from './scenarios/save-and-test';
import { baselineMessage } from './scenarios/sample-message';
import { type Sink, startSink } from './sink/sink';

const WORKSPACE_ROOT = resolve(__dirname, '../../..');

async function main(): Promise<void> {
  const options = parseBenchOptions(process.argv.slice(2));
  const sink = await startSink(
    Math.max(options.organizations, options.manyOrganizations, options.fewOrganizations),
  );
  const deployment = await Deployment.start(options, sink);
  try {
    const results = await measureEverything(options, sink, deployment);
    console.log(printReport(results));
    const json = resolve(WORKSPACE_ROOT, options.json ?? 'test-output/bench/latest.json');
    mkdirSync(dirname(json), { recursive: true });
    writeFileSync(json, `${JSON.stringify(results, null, 2)}\n`);
    console.log(`(results written to ${json})`);
  } finally {
    await deployment.stop();
    await sink.stop();
  }
}

async function measureEverything(
  options: BenchOptions,
  sink: Sink,
  deployment: Deployment,
): Promise<BenchResults> {
  const progress = (text: string) => process.stderr.write(`bench: ${text}\n`);
  const messageFor = await sampleMessage(deployment);
  const runs: Record<'ceiling' | 'naive' | 'naiveConcurrent' | 'one' | 'many', ThroughputRun[]> = {
    ceiling: [],
    naive: [],
    naiveConcurrent: [],
    one: [],
    many: [],
  };
  // Rounds interleave the scenarios, so a drift of the machine affects each of them alike.
  for (let round = 1; round <= options.runs; round += 1) {
    progress(`round ${round}/${options.runs}: ceiling`);
    runs.ceiling.push(await measureCeiling(sink, messageFor, options.messages, options.poolConnections));
    progress(`round ${round}/${options.runs}: naive`);
    runs.naive.push(await measureNaive(sink, messageFor, options.naiveMessages, 1));
    runs.naiveConcurrent.push(
      await measureNaive(sink, messageFor, options.naiveMessages, options.concurrency),
    );
    progress(`round ${round}/${options.runs}: mailroute, 1 organization`);
    runs.one.push(await measureMailroute(deployment, sink, 1, options.messages));
    progress(`round ${round}/${options.runs}: mailroute, ${options.organizations} organizations`);
    runs.many.push(await measureMailroute(deployment, sink, options.organizations, options.messages));
  }
  const scale: Record<'few' | 'many', ManyOrganizationsRun[]> = { few: [], many: [] };
  for (let round = 1; round <= options.runs; round += 1) {
    for (const [size, organizations] of [
      ['few', options.fewOrganizations],
      ['many', options.manyOrganizations],
    ] as const) {
      progress(`round ${round}/${options.runs}: ${organizations} organizations, one email each`);
      scale[size].push(await measureManyOrganizations(deployment, sink, organizations));
    }
  }
  progress(`save and test, ${options.saveAndTestRounds} rounds`);
  const saveAndTest = await measureSaveAndTest(deployment, sink, options.saveAndTestRounds);
  return {
    date: new Date().toISOString(),
    machine: {
      cpu: cpus()[0]?.model.trim() ?? 'unknown CPU',
      cores: cpus().length,
      memoryGb: Math.round(totalmem() / 1024 ** 3),
      node: process.versions.node,
      os: `${type()} ${release()}`,
    },
    deployment: deployment.label,
    options,
    ceiling: throughput(runs.ceiling),
    naive: throughput(runs.naive),
    naiveConcurrent: throughput(runs.naiveConcurrent),
    oneOrganization: throughput(runs.one),
    manyOrganizationsThroughput: throughput(runs.many),
    few: scaleResult(scale.few),
    many: scaleResult(scale.many),
    saveAndTest: {
      mailrouteMs: summarize(saveAndTest.mailroute),
      baselineMs: summarize(saveAndTest.baseline),
    },
  };
}

/** The rendered bench notification, as the baselines send it. */
async function sampleMessage(deployment: Deployment) {
  const app = await startBenchApp(await deployment.freshEnvironment({ MAIL_DISPATCHER: 'false' }));
  try {
    const [organizationId] = await insertOrganizations(app, 1, () => 'bench-sample');
    const email = await app.get(MailerService).compose({
      organizationId,
      kind: 'notification',
      to: 'reader@recipients.bench.test',
      template: benchNotificationTemplate,
      data: benchNotificationData(0),
    });
    return (index: number) => baselineMessage(email, index);
  } finally {
    await app.close();
  }
}

function throughput(runs: ThroughputRun[]): ThroughputResult {
  return {
    rate: summarize(runs.map(throughputOf)),
    cpuMsPerMessage: summarize(runs.map((run) => run.cpuMsPerMessage)),
  };
}

function scaleResult(runs: ManyOrganizationsRun[]): ManyOrganizationsResult {
  const failures = runs.filter((run) => run.statuses['sent'] !== run.organizations);
  if (failures.length > 0) {
    throw new Error(`Not every email was sent: ${JSON.stringify(failures.map((run) => run.statuses))}`);
  }
  return {
    organizations: runs[0].organizations,
    peakRssMb: summarize(runs.map((run) => run.peakRssBytes / 1024 ** 2)),
    peakLiveTransports: Math.max(...runs.map((run) => run.peakLiveTransports)),
    transportCacheSize: runs[0].transportCacheSize,
    liveTransportsWhenIdle: Math.max(...runs.map((run) => run.liveTransportsWhenIdle)),
    openSocketsWhenIdle: Math.max(...runs.map((run) => run.openSocketsWhenIdle)),
    rate: summarize(runs.map((run) => run.organizations / run.deliverySeconds)),
  };
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exit(1);
  },
);
