import {
  ChangeDetectionStrategy,
  Component,
  computed,
  DestroyRef,
  ElementRef,
  inject,
  type OnInit,
  signal,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatRadioButton, MatRadioGroup } from '@angular/material/radio';
import {
  SMTP_FAILURE_POLICIES,
  SMTP_SECURITY_MODES,
  type ConnectionTestReport,
  type SmtpFailurePolicy,
  type SmtpSecurityMode,
  type SmtpSettingsHistoryEntry,
  type SmtpSettingsView,
} from '@mailroute/shared/contracts';
import { SessionService } from '@mailroute/web/core';
import { I18nService, LocalDatePipe, type TranslationKey, TranslatePipe } from '@mailroute/web/i18n';
import { LiveRegionComponent, LoadErrorComponent, NoticeComponent } from '@mailroute/web/ui';
import { type Observable, map } from 'rxjs';
import { fieldErrors, isForbidden, retryAfterSeconds, testFailedReport } from '../data-access/api-answers';
import { SmtpSettingsApi } from '../data-access/smtp-settings.api';
import { type SmtpSettingsField, SmtpSettingsForm } from '../form/smtp-settings-form';
import { SmtpHistoryComponent } from '../history/smtp-history.component';
import {
  ConnectionTestReportComponent,
  reportSummary,
  type ReportOutcome,
} from '../report/connection-test-report.component';
import { ConfirmRevertDialogComponent } from '../revert/confirm-revert-dialog.component';
import { SmtpStatusComponent } from '../status/smtp-status.component';

const SECURITY_KEYS: { readonly [S in SmtpSecurityMode]: TranslationKey } = {
  tls: 'smtp.security.tls',
  starttls: 'smtp.security.starttls',
};
const POLICY_KEYS: { readonly [P in SmtpFailurePolicy]: TranslationKey } = {
  hold: 'smtp.policy.hold',
  fallback: 'smtp.policy.fallback',
};

interface TestResult {
  report: ConnectionTestReport;
  outcome: ReportOutcome;
  savedHost: string | null;
}

type LoadState = 'loading' | 'ready' | 'failed' | 'forbidden';

/**
 * `general-settings/smtp`: the route in use and its health, the warning, the settings form with
 * "Save and test" / "Test without saving" and the report, going back to the platform SMTP, and
 * the history. Members get a notice instead (the API refuses them anyway).
 */
@Component({
  selector: 'mr-smtp-settings-page',
  imports: [
    LiveRegionComponent,
    LoadErrorComponent,
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
    SmtpStatusComponent,
    SmtpHistoryComponent,
    ConnectionTestReportComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './smtp-settings-page.component.html',
  styleUrl: './smtp-settings-page.component.css',
})
export class SmtpSettingsPageComponent implements OnInit {
  private readonly api = inject(SmtpSettingsApi);
  private readonly i18n = inject(I18nService);
  private readonly dialog = inject(MatDialog);
  private readonly destroyRef = inject(DestroyRef);
  private readonly element = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly session = inject(SessionService);

  protected readonly isAdmin = this.session.isAdmin;
  protected readonly form = new SmtpSettingsForm(
    inject(NonNullableFormBuilder),
    this.destroyRef,
    this.session.currentUser()?.email ?? '',
  );
  protected readonly securityModes = SMTP_SECURITY_MODES;
  protected readonly policies = SMTP_FAILURE_POLICIES;
  protected readonly securityKeys = SECURITY_KEYS;
  protected readonly policyKeys = POLICY_KEYS;

  protected readonly state = signal<LoadState>('loading');
  protected readonly settings = signal<SmtpSettingsView | null>(null);
  protected readonly history = signal<SmtpSettingsHistoryEntry[]>([]);
  protected readonly pending = signal<'save' | 'test' | 'revert' | null>(null);
  protected readonly result = signal<TestResult | null>(null);
  /** A problem that is not a test report: rate limit, unexpected error, invalid form. */
  protected readonly problem = signal<string | null>(null);
  /** Read by screen readers (aria-live): progress and outcome of a test, a revert. */
  protected readonly announcement = signal('');
  protected readonly notice = signal<string | null>(null);

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

  ngOnInit(): void {
    if (this.isAdmin()) {
      this.load();
    }
  }

  protected load(): void {
    this.state.set('loading');
    this.api
      .get()
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (view) => {
          this.show(view);
          this.state.set('ready');
          this.loadHistory();
        },
        error: (error: unknown) => this.state.set(isForbidden(error) ? 'forbidden' : 'failed'),
      });
  }

  protected message(field: SmtpSettingsField): string | null {
    const message = this.form.message(field);
    return message === null ? null : this.i18n.t(message.key, message.params);
  }

  protected saveAndTest(): void {
    this.run('save');
  }

  protected testOnly(): void {
    this.run('test');
  }

  protected confirmRevert(): void {
    this.dialog
      .open<ConfirmRevertDialogComponent, undefined, boolean>(ConfirmRevertDialogComponent)
      .afterClosed()
      .subscribe((confirmed) => {
        if (confirmed === true) {
          this.revert();
        }
      });
  }

  private run(mode: 'save' | 'test'): void {
    this.problem.set(null);
    this.notice.set(null);
    if (this.form.group.invalid) {
      this.form.group.markAllAsTouched();
      this.problem.set(this.i18n.t('smtp.form.invalid'));
      this.announcement.set(this.i18n.t('smtp.form.invalid'));
      this.focusFirstInvalidField();
      return;
    }
    const input = this.form.toInput();
    this.pending.set(mode);
    this.result.set(null);
    this.announcement.set(this.i18n.t('smtp.report.announceTesting', { host: input.host }));

    const request: Observable<TestResult> =
      mode === 'save'
        ? this.api.save(input).pipe(
            map((saved) => {
              this.show(saved.settings);
              this.loadHistory();
              return { report: saved.report, outcome: 'saved' as const, savedHost: saved.settings.host };
            }),
          )
        : this.api
            .test(input)
            .pipe(map((report) => ({ report, outcome: 'tested' as const, savedHost: null })));

    request.pipe(takeUntilDestroyed(this.destroyRef)).subscribe({
      next: (result) => this.finish(result),
      error: (error: unknown) => {
        const refused = testFailedReport(error);
        if (refused !== null) {
          this.finish({ report: refused, outcome: 'refused', savedHost: null });
          return;
        }
        this.pending.set(null);
        this.fail(error);
      },
    });
  }

  private finish(result: TestResult): void {
    this.pending.set(null);
    this.result.set(result);
    this.announcement.set(reportSummary(this.i18n, result.report, result.outcome, result.savedHost));
  }

  private fail(error: unknown): void {
    const errors = fieldErrors(error);
    const seconds = retryAfterSeconds(error);
    let text: string;
    if (errors.length > 0) {
      const unplaced = this.form.applyServerErrors(errors);
      text = [
        this.i18n.t('smtp.form.invalid'),
        ...unplaced.map((e) => this.i18n.t('smtp.error.server', { reason: `${e.field} ${e.reason}` })),
      ].join(' ');
      this.focusFirstInvalidField();
    } else if (seconds !== null) {
      text = this.i18n.t('smtp.error.rateLimited', { seconds });
    } else if (isForbidden(error)) {
      text = this.i18n.t('smtp.readOnly');
    } else {
      text = this.i18n.t('smtp.error.unexpected');
    }
    this.problem.set(text);
    this.announcement.set(text);
  }

  private revert(): void {
    this.pending.set('revert');
    this.problem.set(null);
    this.api
      .remove()
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (view) => {
          this.pending.set(null);
          this.result.set(null);
          this.show(view);
          this.loadHistory();
          const text = this.i18n.t('smtp.revert.done');
          this.notice.set(text);
          this.announcement.set(text);
        },
        error: (error: unknown) => {
          this.pending.set(null);
          this.fail(error);
        },
      });
  }

  private show(view: SmtpSettingsView): void {
    this.settings.set(view);
    this.form.load(view);
  }

  private loadHistory(): void {
    this.api
      .history()
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (entries) => this.history.set(entries),
        error: () => this.history.set([]),
      });
  }

  private focusFirstInvalidField(): void {
    // After the error messages rendered.
    setTimeout(() => {
      this.element.nativeElement.querySelector<HTMLElement>('form .ng-invalid[formControlName]')?.focus();
    });
  }
}
