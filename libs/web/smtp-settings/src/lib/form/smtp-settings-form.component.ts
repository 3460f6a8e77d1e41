import {
  ChangeDetectionStrategy,
  ChangeDetectorRef,
  Component,
  computed,
  DestroyRef,
  effect,
  ElementRef,
  inject,
  input,
  output,
  untracked,
} from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatRadioButton, MatRadioGroup } from '@angular/material/radio';
import {
  SMTP_FAILURE_POLICIES,
  SMTP_SECURITY_MODES,
  type FieldError,
  type SmtpFailurePolicy,
  type SmtpSecurityMode,
  type SmtpSettingsInput,
  type SmtpSettingsView,
} from '@mailroute/shared/contracts';
import { SessionService } from '@mailroute/web/core';
import { I18nService, LocalDatePipe, type TranslationKey, TranslatePipe } from '@mailroute/web/i18n';
import { NoticeComponent } from '@mailroute/web/ui';
import { type SmtpSettingsField, SmtpSettingsForm } from './smtp-settings-form';

/** What the SMTP page is waiting for: a save and test, a test only, or going back to the platform. */
export type SmtpPendingAction = 'save' | 'test' | 'revert';

const SECURITY_KEYS: { readonly [S in SmtpSecurityMode]: TranslationKey } = {
  tls: 'smtp.security.tls',
  starttls: 'smtp.security.starttls',
};
const POLICY_KEYS: { readonly [P in SmtpFailurePolicy]: TranslationKey } = {
  hold: 'smtp.policy.hold',
  fallback: 'smtp.policy.fallback',
};

/**
 * The SMTP settings form: its fields and their errors (the API's 400 reasons included), the
 * port/security pairing notice, and "Save and test" / "Test without saving". It sends nothing:
 * a valid submit emits the request body, the page runs it and says how it went through `pending`
 * and `problem`. Filled again from `view` each time the page has new stored settings.
 */
@Component({
  selector: 'mr-smtp-settings-form',
  imports: [
    NoticeComponent,
    ReactiveFormsModule,
    MatButton,
    MatFormField,
    MatLabel,
    MatHint,
    MatError,
    MatInput,
    MatRadioGroup,
    MatRadioButton,
    MatProgressBar,
    TranslatePipe,
    LocalDatePipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './smtp-settings-form.component.html',
  styleUrl: './smtp-settings-form.component.css',
})
export class SmtpSettingsFormComponent {
  private readonly i18n = inject(I18nService);
  private readonly element = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly changeDetector = inject(ChangeDetectorRef);

  /** The stored settings; the form is filled from each new value. */
  readonly view = input.required<SmtpSettingsView>();
  /** While an action runs the buttons are disabled; a test in progress shows on its button. */
  readonly pending = input<SmtpPendingAction | null>(null);
  /** What went wrong that no field shows alone (invalid form, rate limit, unexpected answer). */
  readonly problem = input<string | null>(null);

  /** A valid submit of "Save and test" (or Enter in a field). */
  readonly saveAndTest = output<SmtpSettingsInput>();
  /** A valid "Test without saving". */
  readonly testOnly = output<SmtpSettingsInput>();
  /** A submit while a field is invalid: the fields show why and the first one has the focus. */
  readonly invalidSubmit = output<void>();

  protected readonly form = new SmtpSettingsForm(
    inject(NonNullableFormBuilder),
    inject(DestroyRef),
    inject(SessionService).currentUser()?.email ?? '',
  );
  protected readonly securityModes = SMTP_SECURITY_MODES;
  protected readonly policies = SMTP_FAILURE_POLICIES;
  protected readonly securityKeys = SECURITY_KEYS;
  protected readonly policyKeys = POLICY_KEYS;

  protected readonly pairingText = computed(() => {
    const notice = this.form.pairingNotice();
    if (notice === null) {
      return null;
    }
    const params = { port: notice.port, security: this.i18n.t(SECURITY_KEYS[notice.security]) };
    return this.i18n.t(
      notice.kind === 'security' ? 'smtp.form.securityAdjusted' : 'smtp.form.portAdjusted',
      params,
    );
  });

  constructor() {
    effect(() => {
      const view = this.view();
      untracked(() => this.form.load(view));
    });
  }

  /** Puts the API's 400 reasons on their fields and focuses the first; returns those no field shows. */
  showServerErrors(errors: readonly FieldError[]): FieldError[] {
    const unplaced = this.form.applyServerErrors(errors);
    this.changeDetector.markForCheck();
    this.focusFirstInvalidField();
    return unplaced;
  }

  protected message(field: SmtpSettingsField): string | null {
    const message = this.form.message(field);
    return message === null ? null : this.i18n.t(message.key, message.params);
  }

  protected submit(mode: 'save' | 'test'): void {
    if (this.form.group.invalid) {
      this.form.group.markAllAsTouched();
      this.focusFirstInvalidField();
      this.invalidSubmit.emit();
      return;
    }
    const body = this.form.toInput();
    if (mode === 'save') {
      this.saveAndTest.emit(body);
    } else {
      this.testOnly.emit(body);
    }
  }

  private focusFirstInvalidField(): void {
    // After the error messages rendered.
    setTimeout(() => {
      this.element.nativeElement.querySelector<HTMLElement>('form .ng-invalid[formControlName]')?.focus();
    });
  }
}
