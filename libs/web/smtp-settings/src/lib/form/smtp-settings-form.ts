import { computed, DestroyRef, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { type NonNullableFormBuilder, Validators } from '@angular/forms';
import {
  DEFAULT_SMTP_PORT,
  type FieldError,
  SMTP_SETTINGS_LIMITS as LIMITS,
  type SmtpFailurePolicy,
  type SmtpSecurityMode,
  type SmtpSettingsInput,
  type SmtpSettingsView,
} from '@mailroute/shared/contracts';
import { applyFieldErrors, type FieldMessage, fieldMessage, type FieldTexts } from '@mailroute/web/core';
import { portForSecurity, securityForPort } from './port-security-pairing';
import {
  headerSafeText,
  pemCertificates,
  singleAddress,
  smtpHost,
  smtpPort,
} from './smtp-settings-validators';

/** What the form changed by itself after the admin picked a port or a security mode. */
export type PairingNotice =
  | { kind: 'security'; port: number; security: SmtpSecurityMode }
  | { kind: 'port'; port: number; security: SmtpSecurityMode };

/** What the form says under a field (see fieldMessage of web/core), its own validators in this order. */
export const SMTP_FIELD_TEXTS: FieldTexts = {
  required: 'smtp.error.required',
  maxLength: 'smtp.error.maxLength',
  byError: {
    host: 'smtp.error.host',
    port: 'smtp.error.port',
    email: 'smtp.error.email',
    controlCharacters: 'smtp.error.controlCharacters',
    pem: 'smtp.error.pem',
  },
  server: 'smtp.error.server',
  invalid: 'smtp.error.invalid',
};

function buildGroup(fb: NonNullableFormBuilder, testRecipient: string) {
  return fb.group({
    host: fb.control('', [Validators.required, Validators.maxLength(LIMITS.hostLength), smtpHost]),
    port: fb.control<number | null>(DEFAULT_SMTP_PORT, [Validators.required, smtpPort]),
    security: fb.control<SmtpSecurityMode>('starttls'),
    username: fb.control('', [
      Validators.required,
      Validators.maxLength(LIMITS.usernameLength),
      headerSafeText,
    ]),
    password: fb.control('', [Validators.required, Validators.maxLength(LIMITS.passwordLength)]),
    senderAddress: fb.control('', [
      Validators.required,
      Validators.maxLength(LIMITS.addressLength),
      singleAddress,
    ]),
    senderName: fb.control('', [Validators.maxLength(LIMITS.senderNameLength), headerSafeText]),
    replyTo: fb.control('', [Validators.maxLength(LIMITS.addressLength), singleAddress]),
    caCertificate: fb.control('', [Validators.maxLength(LIMITS.caCertificateLength), pemCertificates]),
    failurePolicy: fb.control<SmtpFailurePolicy>('hold'),
    testRecipient: fb.control(testRecipient, [
      Validators.required,
      Validators.maxLength(LIMITS.addressLength),
      singleAddress,
    ]),
  });
}

export type SmtpSettingsFormGroup = ReturnType<typeof buildGroup>;
export type SmtpSettingsField = keyof SmtpSettingsFormGroup['controls'];

/**
 * The form of `general-settings/smtp` and its rules: the port/security pairing (465 ↔ tls,
 * 587 ↔ starttls, both ways) and the write-only password. The stored password is never sent
 * to the browser: with one stored, the password field stays closed (and is left out of the
 * request, so the API keeps it) until the admin chooses "change password" — or changes the host,
 * port or username, because the API only hands the stored password to the server it was saved for.
 */
export class SmtpSettingsForm {
  readonly group: SmtpSettingsFormGroup;
  readonly controls: SmtpSettingsFormGroup['controls'];

  private readonly hasStoredPassword = signal(false);
  private readonly changingPassword = signal(false);
  private readonly credentialsChanged = signal(false);
  private readonly notice = signal<PairingNotice | null>(null);
  private stored: Pick<SmtpSettingsView, 'host' | 'port' | 'username'> | null = null;

  /** A password is stored and the admin has not chosen to replace it. */
  readonly keepsStoredPassword = computed(
    () => this.hasStoredPassword() && !this.changingPassword() && !this.credentialsChanged(),
  );
  /** A password is stored but must be typed again because the host, port or username changed. */
  readonly passwordNeededAgain = computed(
    () => this.hasStoredPassword() && !this.changingPassword() && this.credentialsChanged(),
  );
  readonly passwordStored = this.hasStoredPassword.asReadonly();
  readonly pairingNotice = this.notice.asReadonly();

  constructor(fb: NonNullableFormBuilder, destroyRef: DestroyRef, testRecipient: string) {
    this.group = buildGroup(fb, testRecipient);
    this.controls = this.group.controls;
    const { port, security, host, username } = this.controls;

    port.valueChanges.pipe(takeUntilDestroyed(destroyRef)).subscribe((value) => {
      const suggested = securityForPort(value);
      if (suggested !== null && value !== null && suggested !== security.value) {
        security.setValue(suggested, { emitEvent: false });
        this.notice.set({ kind: 'security', port: value, security: suggested });
      } else {
        this.notice.set(null);
      }
      this.syncPassword();
    });
    security.valueChanges.pipe(takeUntilDestroyed(destroyRef)).subscribe((value) => {
      const suggested = portForSecurity(value, port.value);
      if (suggested !== null) {
        port.setValue(suggested, { emitEvent: false });
        this.notice.set({ kind: 'port', port: suggested, security: value });
        this.syncPassword();
      } else {
        this.notice.set(null);
      }
    });
    host.valueChanges.pipe(takeUntilDestroyed(destroyRef)).subscribe(() => this.syncPassword());
    username.valueChanges.pipe(takeUntilDestroyed(destroyRef)).subscribe(() => this.syncPassword());
  }

  /** Fills the form from the stored settings; the password field stays empty whatever is stored. */
  load(view: SmtpSettingsView): void {
    this.stored = view.mode === 'custom' ? view : null;
    this.hasStoredPassword.set(view.mode === 'custom' && view.hasPassword);
    this.changingPassword.set(false);
    this.credentialsChanged.set(false);
    this.notice.set(null);
    if (view.mode === 'custom') {
      this.group.patchValue(
        {
          host: view.host ?? '',
          port: view.port ?? DEFAULT_SMTP_PORT,
          security: view.security ?? 'starttls',
          username: view.username ?? '',
          password: '',
          senderAddress: view.senderAddress ?? '',
          senderName: view.senderName ?? '',
          replyTo: view.replyTo ?? '',
          caCertificate: '',
          failurePolicy: view.failurePolicy,
        },
        { emitEvent: false },
      );
    } else {
      this.controls.password.setValue('', { emitEvent: false });
      this.controls.failurePolicy.setValue(view.failurePolicy, { emitEvent: false });
    }
    this.syncPassword();
    this.group.markAsPristine();
    this.group.markAsUntouched();
  }

  startChangingPassword(): void {
    this.changingPassword.set(true);
    this.syncPassword();
  }

  keepStoredPassword(): void {
    this.changingPassword.set(false);
    this.syncPassword();
  }

  /**
   * The request body: optional texts as null when empty; no password when the stored one is
   * kept, and no CA certificate when the field is empty (the API keeps the stored one).
   */
  toInput(): SmtpSettingsInput {
    const value = this.group.getRawValue();
    const optional = (text: string) => (text.trim() === '' ? null : text.trim());
    return {
      host: value.host.trim(),
      port: value.port ?? DEFAULT_SMTP_PORT,
      security: value.security,
      username: value.username,
      ...(this.keepsStoredPassword() ? {} : { password: value.password }),
      senderAddress: value.senderAddress.trim(),
      senderName: optional(value.senderName),
      replyTo: optional(value.replyTo),
      ...(optional(value.caCertificate) === null ? {} : { caCertificate: value.caCertificate.trim() }),
      failurePolicy: value.failurePolicy,
      testRecipient: value.testRecipient.trim(),
    };
  }

  /** Puts the API's 400 reasons on their fields; returns the reasons no field of the form shows. */
  applyServerErrors(errors: readonly FieldError[]): FieldError[] {
    return applyFieldErrors(this.group, errors);
  }

  /** The message to show under a field, or null while it is valid or not yet touched. */
  message(field: SmtpSettingsField): FieldMessage | null {
    return fieldMessage(this.controls[field], SMTP_FIELD_TEXTS);
  }

  private syncPassword(): void {
    const { host, port, username, password } = this.controls;
    const stored = this.stored;
    this.credentialsChanged.set(
      stored !== null &&
        (host.value.trim().toLowerCase() !== (stored.host ?? '') ||
          port.value !== stored.port ||
          username.value !== (stored.username ?? '')),
    );
    if (this.keepsStoredPassword()) {
      password.setValue('', { emitEvent: false });
      password.disable({ emitEvent: false });
    } else {
      password.enable({ emitEvent: false });
    }
  }
}
