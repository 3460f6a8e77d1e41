import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  inject,
  type OnInit,
  signal,
  viewChild,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButton } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatProgressBar } from '@angular/material/progress-bar';
import type {
  ConnectionTestReport,
  SmtpSettingsHistoryEntry,
  SmtpSettingsInput,
  SmtpSettingsView,
} from '@mailroute/shared/contracts';
import { apiFieldErrors, SessionService } from '@mailroute/web/core';
import { I18nService, TranslatePipe } from '@mailroute/web/i18n';
import { LiveRegionComponent, LoadErrorComponent, NoticeComponent } from '@mailroute/web/ui';
import { type Observable, map } from 'rxjs';
import { isForbidden, isStaleSave, retryAfterSeconds, testFailedReport } from '../data-access/api-answers';
import { SmtpSettingsApi } from '../data-access/smtp-settings.api';
import { type SmtpPendingAction, SmtpSettingsFormComponent } from '../form/smtp-settings-form.component';
import { SmtpHistoryComponent } from '../history/smtp-history.component';
import {
  ConnectionTestReportComponent,
  reportSummary,
  type ReportOutcome,
} from '../report/connection-test-report.component';
import { ConfirmRevertDialogComponent } from '../revert/confirm-revert-dialog.component';
import { SmtpStatusComponent } from '../status/smtp-status.component';

interface TestResult {
  report: ConnectionTestReport;
  outcome: ReportOutcome;
  savedHost: string | null;
}

type LoadState = 'loading' | 'ready' | 'failed' | 'forbidden';

/**
 * `general-settings/smtp`: the route in use and its health, the warning, the settings form (its
 * own component) whose "Save and test" / "Test without saving" this page sends, the report, going
 * back to the platform SMTP, and the history. Members get a notice instead (the API refuses them anyway).
 */
@Component({
  selector: 'mr-smtp-settings-page',
  imports: [
    LiveRegionComponent,
    LoadErrorComponent,
    NoticeComponent,
    MatButton,
    MatProgressBar,
    TranslatePipe,
    SmtpStatusComponent,
    SmtpSettingsFormComponent,
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
  private readonly formPart = viewChild(SmtpSettingsFormComponent);

  protected readonly isAdmin = inject(SessionService).isAdmin;
  protected readonly state = signal<LoadState>('loading');
  protected readonly settings = signal<SmtpSettingsView | null>(null);
  protected readonly history = signal<SmtpSettingsHistoryEntry[]>([]);
  protected readonly pending = signal<SmtpPendingAction | null>(null);
  protected readonly result = signal<TestResult | null>(null);
  /** A problem that is not a test report: rate limit, unexpected error, invalid form. */
  protected readonly problem = signal<string | null>(null);
  /** Read by screen readers (aria-live): progress and outcome of a test, a revert. */
  protected readonly announcement = signal('');
  protected readonly notice = signal<string | null>(null);

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
          this.settings.set(view);
          this.state.set('ready');
          this.loadHistory();
        },
        error: (error: unknown) => this.state.set(isForbidden(error) ? 'forbidden' : 'failed'),
      });
  }

  protected saveAndTest(input: SmtpSettingsInput): void {
    this.run(
      input,
      'save',
      this.api.save(input).pipe(
        map((saved) => {
          this.settings.set(saved.settings);
          this.loadHistory();
          return { report: saved.report, outcome: 'saved' as const, savedHost: saved.settings.host };
        }),
      ),
    );
  }

  protected testOnly(input: SmtpSettingsInput): void {
    this.run(
      input,
      'test',
      this.api.test(input).pipe(map((report) => ({ report, outcome: 'tested' as const, savedHost: null }))),
    );
  }

  protected showInvalid(): void {
    const text = this.i18n.t('smtp.form.invalid');
    this.notice.set(null);
    this.problem.set(text);
    this.announcement.set(text);
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

  private run(input: SmtpSettingsInput, mode: 'save' | 'test', request: Observable<TestResult>): void {
    this.problem.set(null);
    this.notice.set(null);
    this.pending.set(mode);
    this.result.set(null);
    this.announcement.set(this.i18n.t('smtp.report.announceTesting', { host: input.host }));

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
    const errors = apiFieldErrors(error);
    const seconds = retryAfterSeconds(error);
    let text: string;
    if (errors.length > 0) {
      const unplaced = this.formPart()?.showServerErrors(errors) ?? errors;
      text = [
        this.i18n.t('smtp.form.invalid'),
        ...unplaced.map((e) => this.i18n.t('smtp.error.server', { reason: `${e.field} ${e.reason}` })),
      ].join(' ');
    } else if (seconds !== null) {
      text = this.i18n.t('smtp.error.rateLimited', { seconds });
    } else if (isStaleSave(error)) {
      text = this.i18n.t('smtp.error.changedMeanwhile');
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
          this.settings.set(view);
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

  private loadHistory(): void {
    this.api
      .history()
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (entries) => this.history.set(entries),
        error: () => this.history.set([]),
      });
  }
}
