import type { Summary } from '../measurement';
import { type BenchResults, type ManyOrganizationsResult, ratiosOf, type ThroughputResult } from './results';

const rate = (summary: Summary) =>
  [`${Math.round(summary.median)} msg/s`, `${Math.round(summary.min)}–${Math.round(summary.max)}`] as const;
const ms = (summary: Summary) =>
  [`${summary.median.toFixed(1)} ms`, `${summary.min.toFixed(1)}–${summary.max.toFixed(1)}`] as const;
const cpu = (summary: Summary) => `${summary.median.toFixed(3)} ms`;

/** The table, the ratios against their targets, and one closing summary line. */
export function printReport(results: BenchResults): string {
  const { options } = results;
  const throughputRow = (label: string, result: ThroughputResult) => [
    label,
    ...rate(result.rate),
    cpu(result.cpuMsPerMessage),
    String(result.rate.samples.length),
  ];
  const rows: string[][] = [
    ['scenario', 'median', 'spread (min–max)', 'client CPU / msg', 'runs'],
    throughputRow(
      `1 ceiling: one pooled transport (${options.poolConnections} conn.), ${options.messages} msgs`,
      results.ceiling,
    ),
    throughputRow(
      `2 naive: a new transport per message, one at a time, ${options.naiveMessages} msgs`,
      results.naive,
    ),
    throughputRow(`  naive, ${options.concurrency} at once (reference)`, results.naiveConcurrent),
    throughputRow(`3 mailroute, 1 organization, ${options.messages} msgs`, results.oneOrganization),
    throughputRow(
      `4 mailroute, ${options.organizations} organizations, ${options.messages} msgs`,
      results.manyOrganizationsThroughput,
    ),
    ...[results.few, results.many].map((run) => manyRow(run)),
    [
      '6 save and test (connection test + test email)',
      ...ms(results.saveAndTest.mailrouteMs),
      '',
      String(results.saveAndTest.mailrouteMs.samples.length),
    ],
    [
      '6 baseline: nodemailer verify() + sendMail()',
      ...ms(results.saveAndTest.baselineMs),
      '',
      String(results.saveAndTest.baselineMs.samples.length),
    ],
  ];
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
  const line = (row: string[]) =>
    row
      .map((cell, column) => cell.padEnd(widths[column]))
      .join('  ')
      .trimEnd();
  const ratios = ratiosOf(results);
  const bounded = [results.few, results.many].every(
    (run) => run.peakLiveTransports <= run.transportCacheSize,
  );
  const idle = [results.few, results.many].every(
    (run) => run.openSocketsWhenIdle === 0 && run.liveTransportsWhenIdle === 0,
  );
  const lines = [
    `Mailroute bench — ${results.deployment}${options.smoke ? ' — SMOKE MODE: too small to mean anything' : ''}`,
    `${results.machine.cpu} ×${results.machine.cores}, ${results.machine.memoryGb} GB, Node ${results.machine.node}, ${results.machine.os}; ${results.date}`,
    '',
    line(rows[0]),
    ...rows.slice(1).map(line),
    '',
    ...[results.few, results.many].map(
      (run) =>
        `5 ${run.organizations} organizations: live transports peaked at ${run.peakLiveTransports} (bound ${run.transportCacheSize}), ` +
        `${run.liveTransportsWhenIdle} left and ${run.openSocketsWhenIdle} SMTP sockets open once idle`,
    ),
    '',
    'Ratios (medians of the same run):',
    ...ratios.map(
      (ratio) =>
        `  ${ratio.label.padEnd(48)} ${ratio.text.padStart(7)}   target ${ratio.target.padEnd(6)} ${ratio.met ? 'met' : 'MISSED'}`,
    ),
    '',
    `Summary: ${ratios.map((ratio) => `${ratio.label.split(' ')[0]} ${ratio.text}${ratio.met ? '' : ' (missed)'}`).join(', ')}; ` +
      `transports within the bound: ${bounded ? 'yes' : 'NO'}; no socket once idle: ${idle ? 'yes' : 'NO'}` +
      `${options.smoke ? ' (smoke mode)' : ` — ${ratios.filter((ratio) => ratio.met).length}/${ratios.length} targets met`}`,
  ];
  return lines.join('\n');
}

function manyRow(run: ManyOrganizationsResult): string[] {
  return [
    `5 ${run.organizations} organizations, 1 email each: peak RSS`,
    `${run.peakRssMb.median.toFixed(0)} MB`,
    `${run.peakRssMb.min.toFixed(0)}–${run.peakRssMb.max.toFixed(0)}`,
    `(${Math.round(run.rate.median)} emails/s, boot incl.)`,
    String(run.peakRssMb.samples.length),
  ];
}
