import {
  ChangeDetectionStrategy,
  Component,
  computed,
  DestroyRef,
  ElementRef,
  inject,
  type OnInit,
  signal,
  viewChild,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButton } from '@angular/material/button';
import { MatPaginator, type PageEvent } from '@angular/material/paginator';
import { MatProgressBar } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import {
  DEFAULT_PAGE_SIZE,
  type NotificationInboxPage,
  type NotificationKind,
  type NotificationView,
} from '@mailroute/shared/contracts';
import {
  type NotificationInboxQuery,
  NotificationsApi,
  UnreadNotificationsService,
} from '@mailroute/web/core';
import { I18nService, LocalDatePipe, type TranslationKey, TranslatePipe } from '@mailroute/web/i18n';
import {
  EmptyStateComponent,
  LiveRegionComponent,
  LoadErrorComponent,
  NoticeComponent,
  provideTranslatedPaginator,
} from '@mailroute/web/ui';

const PAGE_SIZES = [10, 25, 50, 100];

const SENTENCE_KEYS: { readonly [K in NotificationKind]: TranslationKey } = {
  comment_added: 'notifications.kind.comment_added',
  task_assigned: 'notifications.kind.task_assigned',
  task_completed: 'notifications.kind.task_completed',
};

/**
 * `/notifications`: the signed-in user's inbox, newest first (the API's order). Each item says
 * what happened and links to the page it is about; opening it marks it read. Every answer's unread
 * count goes to the shell's badge.
 */
@Component({
  selector: 'mr-inbox-page',
  imports: [
    RouterLink,
    MatButton,
    MatPaginator,
    MatProgressBar,
    EmptyStateComponent,
    LiveRegionComponent,
    LoadErrorComponent,
    NoticeComponent,
    TranslatePipe,
    LocalDatePipe,
  ],
  providers: [provideTranslatedPaginator()],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './inbox-page.component.html',
  styleUrl: './inbox-page.component.css',
})
export class InboxPageComponent implements OnInit {
  private readonly api = inject(NotificationsApi);
  private readonly unread = inject(UnreadNotificationsService);
  private readonly i18n = inject(I18nService);
  private readonly destroyRef = inject(DestroyRef);
  private readonly summaryElement = viewChild<ElementRef<HTMLElement>>('summaryLine');

  protected readonly pageSizes = PAGE_SIZES;
  protected readonly query = signal<NotificationInboxQuery>({ page: 1, pageSize: DEFAULT_PAGE_SIZE });
  protected readonly page = signal<NotificationInboxPage | null>(null);
  protected readonly loading = signal(false);
  protected readonly failed = signal(false);
  protected readonly markingAll = signal(false);
  protected readonly problem = signal<string | null>(null);
  protected readonly announcement = signal('');

  protected readonly summary = computed(() => {
    const count = this.page()?.unreadCount ?? 0;
    switch (count) {
      case 0:
        return this.i18n.t('notifications.summary.none');
      case 1:
        return this.i18n.t('notifications.summary.one');
      default:
        return this.i18n.t('notifications.summary.many', { count });
    }
  });

  ngOnInit(): void {
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
          this.failed.set(false);
          this.show(page);
        },
        error: () => {
          this.loading.set(false);
          this.failed.set(true);
        },
      });
  }

  protected changePage(event: PageEvent): void {
    this.query.set({ page: event.pageIndex + 1, pageSize: event.pageSize });
    this.load();
  }

  protected sentence(item: NotificationView): string {
    return this.i18n.t(SENTENCE_KEYS[item.kind], {
      actor: item.actor?.name ?? this.i18n.t('notifications.someone'),
      name: item.about.name,
    });
  }

  /**
   * Marks the item read as its link is followed. Deliberately not tied to this page's life: the
   * router leaves the page at once, and the request must still reach the API and the badge.
   */
  protected open(item: NotificationView): void {
    if (item.readAt !== null) {
      return;
    }
    this.api.markRead(item.id).subscribe({
      next: (read) => {
        const page = this.page();
        if (page !== null) {
          this.show({
            ...page,
            unreadCount: Math.max(0, page.unreadCount - 1),
            items: page.items.map((line) => (line.id === read.id ? read : line)),
          });
        }
        // The API's own count, in case other notifications came or went meanwhile.
        this.unread.refresh();
      },
      // Still unread: the item and the badge keep saying so.
      error: () => undefined,
    });
  }

  protected markAllRead(): void {
    this.markingAll.set(true);
    this.problem.set(null);
    this.api
      .markAllRead()
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (firstPage) => {
          this.markingAll.set(false);
          if (firstPage.pageSize === this.query().pageSize) {
            this.query.set({ page: 1, pageSize: firstPage.pageSize });
            this.show(firstPage);
          } else {
            this.query.update((query) => ({ ...query, page: 1 }));
            this.unread.report(firstPage.unreadCount);
            this.load();
          }
          this.announcement.set(this.i18n.t('notifications.allRead'));
          // The button is disabled now; keep the keyboard on the line that says the result.
          this.summaryElement()?.nativeElement.focus();
        },
        error: () => {
          this.markingAll.set(false);
          const text = this.i18n.t('notifications.markAllReadFailed');
          this.problem.set(text);
        },
      });
  }

  private show(page: NotificationInboxPage): void {
    this.page.set(page);
    this.unread.report(page.unreadCount);
  }
}
