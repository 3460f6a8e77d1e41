import type { BenchOptions } from '../options';
import type { Summary } from '../measurement';

export interface ThroughputResult {
  /** Messages per second. */
  rate: Summary;
  cpuMsPerMessage: Summary;
}

export interface ManyOrganizationsResult {
  organizations: number;
  peakRssMb: Summary;
  peakLiveTransports: number;
  transportCacheSize: number;
  liveTransportsWhenIdle: number;
  openSocketsWhenIdle: number;
  /** Emails per second, the delivering process's start-up included. */
  rate: Summary;
}

export interface BenchResults {
  date: string;
  machine: { cpu: string; cores: number; memoryGb: number; node: string; os: string };
  deployment: string;
  options: BenchOptions;
  ceiling: ThroughputResult;
  /** One message at a time, each on a new transport. */
  naive: ThroughputResult;
  /** The same, `concurrency` at once: shown for reference, no target. */
  naiveConcurrent: ThroughputResult;
  oneOrganization: ThroughputResult;
  manyOrganizationsThroughput: ThroughputResult;
  few: ManyOrganizationsResult;
  many: ManyOrganizationsResult;
  saveAndTest: { mailrouteMs: Summary; baselineMs: Summary };
}

export interface Ratio {
  label: string;
  value: number;
  target: string;
  met: boolean;
  /** How the value is written: `0.93×`, `41×`. */
  text: string;
}

export function ratiosOf(results: BenchResults): Ratio[] {
  const ceiling = results.ceiling.rate.median;
  const oneOrgTarget = results.options.postgres ? 0.8 : 0.9;
  const ratio = (label: string, value: number, target: string, met: boolean, digits = 2): Ratio => ({
    label,
    value,
    target,
    met,
    text: `${value.toFixed(digits)}×`,
  });
  const oneOrg = results.oneOrganization.rate.median / ceiling;
  const manyOrgs = results.manyOrganizationsThroughput.rate.median / ceiling;
  const overNaive = results.oneOrganization.rate.median / results.naive.rate.median;
  const rss = results.many.peakRssMb.median / results.few.peakRssMb.median;
  const saveAndTest = results.saveAndTest.mailrouteMs.median / results.saveAndTest.baselineMs.median;
  return [
    ratio('3/1 mailroute 1 organization ÷ ceiling', oneOrg, `≥ ${oneOrgTarget}`, oneOrg >= oneOrgTarget),
    ratio(
      `4/1 mailroute ${results.options.organizations} organizations ÷ ceiling`,
      manyOrgs,
      '≥ 0.8',
      manyOrgs >= 0.8,
    ),
    ratio('3/2 mailroute 1 organization ÷ naive', overNaive, '≥ 25', overNaive >= 25, 0),
    ratio(
      `5 peak RSS ${results.many.organizations} ÷ ${results.few.organizations} organizations`,
      rss,
      '≤ 1.5',
      rss <= 1.5,
    ),
    ratio('6 save and test ÷ verify() + sendMail()', saveAndTest, '≤ 1.3', saveAndTest <= 1.3),
  ];
}
