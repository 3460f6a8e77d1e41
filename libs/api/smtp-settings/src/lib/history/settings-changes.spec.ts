import { settingsChanges, type TrackedSettings } from './settings-changes';

const stored: TrackedSettings = {
  host: 'smtp.acme.test',
  port: 587,
  security: 'starttls',
  username: 'app@acme.test',
  senderAddress: 'notify@acme.test',
  senderName: null,
  replyTo: null,
  caCertificate: null,
  failurePolicy: 'hold',
};

describe('settingsChanges', () => {
  it('lists every field set on activation, and the password only as changed', () => {
    const changes = settingsChanges(null, stored, true);
    expect(changes.map((change) => change.field)).toEqual([
      'host',
      'port',
      'security',
      'username',
      'password',
      'senderAddress',
      'failurePolicy',
    ]);
    expect(changes.find((change) => change.field === 'password')).toEqual({
      field: 'password',
      from: null,
      to: null,
    });
    expect(changes[0]).toEqual({ field: 'host', from: null, to: 'smtp.acme.test' });
  });

  it('lists only what differs on an update, old → new', () => {
    expect(
      settingsChanges(stored, { ...stored, port: 465, security: 'tls', senderName: 'Acme' }, false),
    ).toEqual([
      { field: 'port', from: '587', to: '465' },
      { field: 'security', from: 'starttls', to: 'tls' },
      { field: 'senderName', from: null, to: 'Acme' },
    ]);
  });

  it('lists every field removed on deletion', () => {
    expect(settingsChanges(stored, null, true).every((change) => change.to === null)).toBe(true);
  });
});
