import { outboundEmailJob } from './outbound-email-jobs';

describe('outboundEmailJob', () => {
  const id = '3f1c2a9e-0d4b-4c55-9a51-1b2f3e4d5c6a';

  it('names the email only, under an id per attempt', () => {
    const job = outboundEmailJob({ id, attempts: 2 });
    expect(job.data).toEqual({ emailId: id });
    expect(job.opts.jobId).toBe(`${id}#2`);
    expect(outboundEmailJob({ id, attempts: 3 }).opts.jobId).not.toBe(job.opts.jobId);
  });

  it('uses an id BullMQ accepts (no colon)', () => {
    expect(outboundEmailJob({ id, attempts: 0 }).opts.jobId).not.toContain(':');
  });

  it('leaves retries to the outbox and keeps no finished job in Redis', () => {
    expect(outboundEmailJob({ id, attempts: 0 }).opts).toMatchObject({
      attempts: 1,
      removeOnComplete: true,
      removeOnFail: true,
    });
  });
});
