import { DestroyRef, Injector } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { NonNullableFormBuilder } from '@angular/forms';
import type { SmtpSettingsView } from '@mailroute/shared/contracts';
import { SmtpSettingsForm } from './smtp-settings-form';

const stored: SmtpSettingsView = {
  mode: 'custom',
  host: 'smtp.acme.test',
  port: 587,
  security: 'starttls',
  username: 'app@acme.test',
  hasPassword: true,
  senderAddress: 'notify@acme.test',
  senderName: 'Acme',
  replyTo: null,
  caCertificate: null,
  failurePolicy: 'fallback',
  health: { state: 'ok', lastSuccessAt: null, lastFailure: null, held: false },
  activeSince: '2025-03-01T10:00:00.000Z',
  updatedAt: '2025-03-01T10:00:00.000Z',
  updatedBy: { id: 'u1', email: 'ada@acme.test' },
};

const platform: SmtpSettingsView = {
  ...stored,
  mode: 'platform',
  host: null,
  port: null,
  security: null,
  username: null,
  hasPassword: false,
  senderAddress: null,
  senderName: null,
  failurePolicy: 'hold',
};

function createForm(): SmtpSettingsForm {
  const injector = TestBed.inject(Injector);
  return new SmtpSettingsForm(
    TestBed.inject(NonNullableFormBuilder),
    injector.get(DestroyRef),
    'ada@acme.test',
  );
}

function fillValid(form: SmtpSettingsForm): void {
  form.group.patchValue({
    host: 'smtp.acme.test',
    username: 'app@acme.test',
    password: 'secret-1',
    senderAddress: 'notify@acme.test',
  });
}

describe('SmtpSettingsForm', () => {
  describe('new settings', () => {
    it('pre-fills port 25 with STARTTLS and the signed-in admin as test recipient', () => {
      const form = createForm();
      form.load(platform);

      expect(form.controls.port.value).toBe(25);
      expect(form.controls.security.value).toBe('starttls');
      expect(form.controls.testRecipient.value).toBe('ada@acme.test');
      expect(form.controls.failurePolicy.value).toBe('hold');
    });

    it('requires a password when none is stored', () => {
      const form = createForm();
      form.load(platform);
      fillValid(form);
      form.controls.password.setValue('');

      expect(form.controls.password.enabled).toBe(true);
      expect(form.controls.password.hasError('required')).toBe(true);
      expect(form.group.valid).toBe(false);
    });

    it('sends the typed password and empty optional fields as null', () => {
      const form = createForm();
      form.load(platform);
      fillValid(form);

      expect(form.toInput()).toEqual({
        host: 'smtp.acme.test',
        port: 25,
        security: 'starttls',
        username: 'app@acme.test',
        password: 'secret-1',
        senderAddress: 'notify@acme.test',
        senderName: null,
        replyTo: null,
        failurePolicy: 'hold',
        testRecipient: 'ada@acme.test',
      });
    });
  });

  describe('port and security pairing', () => {
    it('suggests implicit TLS when the port becomes 465, and says so', () => {
      const form = createForm();
      form.controls.port.setValue(465);

      expect(form.controls.security.value).toBe('tls');
      expect(form.pairingNotice()).toEqual({ kind: 'security', port: 465, security: 'tls' });
    });

    it('suggests STARTTLS when the port becomes 587', () => {
      const form = createForm();
      form.controls.security.setValue('tls');
      form.controls.port.setValue(587);

      expect(form.controls.security.value).toBe('starttls');
    });

    it('suggests port 465 when implicit TLS is chosen on a usual STARTTLS port', () => {
      const form = createForm();
      form.controls.security.setValue('tls');

      expect(form.controls.port.value).toBe(465);
      expect(form.pairingNotice()).toEqual({ kind: 'port', port: 465, security: 'tls' });
    });

    it('suggests port 587 when STARTTLS is chosen on port 465', () => {
      const form = createForm();
      form.controls.port.setValue(465);
      form.controls.security.setValue('starttls');

      expect(form.controls.port.value).toBe(587);
    });

    it('keeps a port typed on purpose, whatever the security mode', () => {
      const form = createForm();
      form.controls.port.setValue(2525);
      form.controls.security.setValue('tls');

      expect(form.controls.port.value).toBe(2525);
      expect(form.controls.security.value).toBe('tls');
      expect(form.pairingNotice()).toBeNull();
    });
  });

  describe('validation', () => {
    const messageFor = (form: SmtpSettingsForm, field: Parameters<SmtpSettingsForm['message']>[0]) => {
      form.controls[field].markAsTouched();
      return form.message(field);
    };

    it('shows nothing for an untouched empty field', () => {
      const form = createForm();

      expect(form.message('host')).toBeNull();
    });

    it.each([
      ['host', '', 'smtp.error.required'],
      ['host', 'smtp://smtp.acme.test:587', 'smtp.error.host'],
      ['host', 'smtp.acme.test/path', 'smtp.error.host'],
      ['senderAddress', 'a@b.test, c@d.test', 'smtp.error.email'],
      ['senderAddress', 'Acme <notify@acme.test>', 'smtp.error.email'],
      ['replyTo', 'not-an-address', 'smtp.error.email'],
      ['username', 'app\r\nRCPT TO:<x@y.test>', 'smtp.error.controlCharacters'],
      ['senderName', 'Acme\nBcc: x@y.test', 'smtp.error.controlCharacters'],
      ['caCertificate', 'not a certificate', 'smtp.error.pem'],
    ] as const)('refuses %s %j with %s', (field, value, key) => {
      const form = createForm();
      form.controls[field].setValue(value);

      expect(messageFor(form, field)?.key).toBe(key);
    });

    it.each([0, 65536, 25.5])('refuses port %s', (port) => {
      const form = createForm();
      form.controls.port.setValue(port);

      expect(messageFor(form, 'port')?.key).toBe('smtp.error.port');
    });

    it('says how long a field may be', () => {
      const form = createForm();
      form.controls.senderName.setValue('x'.repeat(129));

      expect(messageFor(form, 'senderName')).toEqual({ key: 'smtp.error.maxLength', params: { max: 128 } });
    });

    it('accepts host names, IPv4 and IPv6 addresses and a PEM certificate', () => {
      const form = createForm();
      for (const host of ['smtp.acme.test', '127.0.0.1', '::1', 'mail']) {
        form.controls.host.setValue(host);
        expect({ host, valid: form.controls.host.valid }).toEqual({ host, valid: true });
      }
      form.controls.caCertificate.setValue('-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n');
      expect(form.controls.caCertificate.valid).toBe(true);
    });

    it('puts the API’s reasons on their fields and returns the others', () => {
      const form = createForm();
      form.controls.host.setValue('smtp.acme.test');
      const unplaced = form.applyServerErrors([
        { field: 'host', reason: 'must be a host name' },
        { field: 'somethingElse', reason: 'is odd' },
      ]);

      expect(form.message('host')).toEqual({
        key: 'smtp.error.server',
        params: { reason: 'must be a host name' },
      });
      expect(unplaced).toEqual([{ field: 'somethingElse', reason: 'is odd' }]);
    });
  });

  describe('write-only password', () => {
    it('never fills the password from the stored settings and keeps it closed', () => {
      const form = createForm();
      form.load(stored);

      expect(form.controls.password.value).toBe('');
      expect(form.controls.password.disabled).toBe(true);
      expect(form.passwordStored()).toBe(true);
      expect(form.keepsStoredPassword()).toBe(true);
      expect(form.group.valid).toBe(true);
    });

    it('leaves the password out of the request so the API keeps the stored one', () => {
      const form = createForm();
      form.load(stored);

      expect(form.toInput()).not.toHaveProperty('password');
      expect(form.toInput()).toMatchObject({ host: 'smtp.acme.test', port: 587, failurePolicy: 'fallback' });
    });

    it('opens and requires the password on "change password", and sends it', () => {
      const form = createForm();
      form.load(stored);
      form.startChangingPassword();

      expect(form.controls.password.enabled).toBe(true);
      expect(form.group.valid).toBe(false);
      form.controls.password.setValue('new-secret');
      expect(form.toInput().password).toBe('new-secret');
    });

    it('forgets a typed password when the admin keeps the stored one after all', () => {
      const form = createForm();
      form.load(stored);
      form.startChangingPassword();
      form.controls.password.setValue('typed-by-mistake');
      form.keepStoredPassword();

      expect(form.controls.password.value).toBe('');
      expect(form.toInput()).not.toHaveProperty('password');
    });

    it.each([
      ['host', () => ({ host: 'smtp.other.test' })],
      ['port', () => ({ port: 2525 })],
      ['username', () => ({ username: 'someone@acme.test' })],
    ] as const)('asks for the password again when the %s changes', (_field, change) => {
      const form = createForm();
      form.load(stored);
      form.group.patchValue(change());

      expect(form.passwordNeededAgain()).toBe(true);
      expect(form.controls.password.enabled).toBe(true);
      expect(form.controls.password.hasError('required')).toBe(true);
    });

    it('closes the password again when the host is changed back', () => {
      const form = createForm();
      form.load(stored);
      form.controls.host.setValue('smtp.other.test');
      form.controls.host.setValue('SMTP.acme.test');

      expect(form.keepsStoredPassword()).toBe(true);
      expect(form.controls.password.disabled).toBe(true);
    });
  });
});
