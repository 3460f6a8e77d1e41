import { emlFileName } from './mail-store';

describe('emlFileName', () => {
  it('names a message by its UTC arrival time and sequence, without colons', () => {
    expect(emlFileName(new Date('2030-01-02T03:04:05.006Z'), 7)).toBe('2030-01-02T03-04-05.006Z-000007.eml');
  });

  it('sorts names in arrival order', () => {
    const names = [
      emlFileName(new Date('2030-01-02T10:00:00.000Z'), 3),
      emlFileName(new Date('2030-01-02T09:59:59.999Z'), 2),
      emlFileName(new Date('2030-01-02T10:00:00.000Z'), 12),
      emlFileName(new Date('2029-12-31T23:00:00.000Z'), 1),
    ];
    expect([...names].sort()).toEqual([names[3], names[1], names[0], names[2]]);
  });
});
