import { queueIdOf } from './queue-id';

describe('queueIdOf', () => {
  it.each([
    ['250 2.0.0 Ok: queued as 4Bq3T91y2Lz5', '4Bq3T91y2Lz5'],
    ['250 Ok: queued as <A1B2C3>', 'A1B2C3'],
    ['250 OK id=1rXyZa-0004Qm-2B', '1rXyZa-0004Qm-2B'],
    [
      '250 2.6.0 <abc@mailroute.test> [InternalId=12345678901, Hostname=AM0PR01MB1234.eurprd01.prod.outlook.com] Queued mail for delivery',
      '12345678901',
    ],
    [
      '250 2.0.0 OK  1700000000 a1-20020a05600c000000b0040b4c2ef1fdsi12345wmq.1 - gsmtp',
      'a1-20020a05600c000000b0040b4c2ef1fdsi12345wmq.1',
    ],
  ])('finds the id in %j', (line, id) => {
    expect(queueIdOf(line)).toBe(id);
  });

  it('returns null when the reply names no id', () => {
    expect(queueIdOf('250 OK: message queued')).toBeNull();
    expect(queueIdOf('250 Great success')).toBeNull();
  });
});
