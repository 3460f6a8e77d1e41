import { ChangeDetectionStrategy, Component, DestroyRef, inject, type OnInit, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButton } from '@angular/material/button';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatPaginator, type PageEvent } from '@angular/material/paginator';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatOption, MatSelect } from '@angular/material/select';
import { MatTableModule } from '@angular/material/table';
import {
  EMAIL_KINDS,
  EMAIL_STATUSES,
  type EmailKind,
  type EmailLogItem,
  type EmailLogPage,
  type EmailStatus,
} from '@mailroute/shared/contracts';
import { SessionService } from '@mailroute/web/core';
import { I18nService, LocalDatePipe, type TranslationKey, TranslatePipe } from '@mailroute/web/i18n';
import {
  EmptyStateComponent,
  LiveRegionComponent,
  LoadErrorComponent,
  NoticeComponent,
  provideTranslatedPaginator,
  TableScrollComponent,
} from '@mailroute/web/ui';
import { isForbidden } from '../data-access/api-answers';
import { EmailLogApi, type EmailLogQuery } from '../data-access/email-log.api';

const PAGE_SIZES = [10, 25, 50, 100];
const RETRYABLE: readonly EmailStatus[] = ['failed', 'held'];

export function statusKey(status: EmailStatus): TranslationKey {
  return `emailLog.status.${status}`;
}

export function kindKey(kind: EmailKind): TranslationKey {
  return `emailLog.kind.${kind}`;
}

/**
 * The organization's emails, newest first (the API's order): which route carried each one, the
 * server's answer, and a retry for those that failed. How an admin checks that notifications
 * really leave through their server.
 */
@Component({
  selector: 'mr-email-log-page',
  imports: [
    EmptyStateComponent,
    LiveRegionComponent,
    LoadErrorComponent,
    NoticeComponent,
    TableScrollComponent,
    MatButton,
    MatFormField,
    MatLabel,
    MatSelect,
    MatOption,
    MatPaginator,
    MatProgressBar,
    MatTableModule,
    TranslatePipe,
    LocalDatePipe,
  ],
  providers: [provideTranslatedPaginator()],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './email-log-page.component.html',
  styleUrl: './email-log-page.component.css',
})
export class EmailLogPageComponent implements OnInit {
  private readonly api = inject(EmailLogApi);
  private readonly i18n = inject(I18nService);
  private readonly destroyRef = inject(DestroyRef);

  protected readonly isAdmin = inject(SessionService).isAdmin;
  protected readonly statuses = EMAIL_STATUSES;
  protected readonly kinds = EMAIL_KINDS;
  protected readonly pageSizes = PAGE_SIZES;
  protected readonly columns = [
    'time',
    'kind',
    'recipient',
    'subject',
    'route',
    'status',
    'attempts',
    'response',
    'messageId',
    'actions',
  ];
  protected readonly statusKey = statusKey;
  protected readonly kindKey = kindKey;

  protected readonly query = signal<EmailLogQuery>({ status: null, kind: null, page: 1, pageSize: 25 });
  protected readonly page = signal<EmailLogPage | null>(null);
  protected readonly loading = signal(false);
  protected readonly state = signal<'ready' | 'failed' | 'forbidden'>('ready');
  protected readonly announcement = signal('');
  protected readonly retrying = signal<string | null>(null);

  ngOnInit(): void {
    if (this.isAdmin()) {
      this.load();
    }
  }

  protected filterStatus(status: EmailStatus | null): void {
    this.query.update((query) => ({ ...query, status, page: 1 }));
    this.load();
  }

  protected filterKind(kind: EmailKind | null): void {
    this.query.update((query) => ({ ...query, kind, page: 1 }));
    this.load();
  }

  protected changePage(event: PageEvent): void {
    this.query.update((query) => ({ ...query, page: event.pageIndex + 1, pageSize: event.pageSize }));
    this.load();
  }

  protected load(): void {
    this.loading.set(true);
    this.api
      .list(this.query())
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (page) => {
          this.loading.set(false);
          this.state.set('ready');
          this.page.set(page);
        },
        error: (error: unknown) => {
          this.loading.set(false);
          this.state.set(isForbidden(error) ? 'forbidden' : 'failed');
        },
      });
  }

  protected canRetry(item: EmailLogItem): boolean {
    return RETRYABLE.includes(item.status);
  }

  protected retry(item: EmailLogItem): void {
    this.retrying.set(item.id);
    this.api
      .retry(item.id)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (updated) => {
          this.retrying.set(null);
          this.page.update((page) =>
            page === null
              ? page
              : { ...page, items: page.items.map((line) => (line.id === updated.id ? updated : line)) },
          );
          this.announcement.set(this.i18n.t('emailLog.retried'));
        },
        error: () => {
          this.retrying.set(null);
          this.announcement.set(this.i18n.t('emailLog.retryFailed'));
        },
      });
  }

  protected route(item: EmailLogItem): string {
    const route = item.route;
    if (route === null) {
      return this.i18n.t('emailLog.route.none');
    }
    return route.type === 'custom'
      ? this.i18n.t('emailLog.route.custom', { host: route.host, port: route.port })
      : this.i18n.t('emailLog.route.platform', { host: route.host });
  }

  protected response(item: EmailLogItem): string {
    return item.serverResponse ?? item.lastError?.message ?? '';
  }
}
