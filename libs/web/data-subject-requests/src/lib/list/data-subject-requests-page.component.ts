import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  ElementRef,
  inject,
  type OnInit,
  signal,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatPaginator, type PageEvent } from '@angular/material/paginator';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatOption, MatSelect } from '@angular/material/select';
import { MatTableModule } from '@angular/material/table';
import { Router, RouterLink } from '@angular/router';
import {
  DATA_SUBJECT_REQUEST_LIMITS,
  DATA_SUBJECT_REQUEST_TYPES,
  DEFAULT_PAGE_SIZE,
  LOCALES,
  type DataSubjectRequestView,
  type Page,
} from '@mailroute/shared/contracts';
import { apiFieldErrors, applyFieldErrors, fieldMessage } from '@mailroute/web/core';
import { I18nService, languageNameKey, LocalDatePipe, NOW, TranslatePipe } from '@mailroute/web/i18n';
import {
  EmptyStateComponent,
  LiveRegionComponent,
  LoadErrorComponent,
  NoticeComponent,
  provideTranslatedPaginator,
  TableScrollComponent,
} from '@mailroute/web/ui';
import { apiMessage, failureOf, retryAfterSeconds } from '../data-access/api-answers';
import { DataSubjectRequestsApi, type RequestListQuery } from '../data-access/data-subject-requests.api';
import { DeadlineComponent } from '../deadline/deadline.component';
import { focusFirstInvalid, REQUEST_FIELD_TEXTS } from '../form/field-messages';
import { newRequestForm, todayOf, toNewRequest, type NewRequestForm } from '../form/new-request-form';
import { failureText, requestTypeKey } from '../texts';

const PAGE_SIZES = [10, 25, 50, 100];

type Field = keyof NewRequestForm['controls'];

/**
 * `/data-subject-requests`: the organization's rights requests, most recently received first,
 * each with its due date and whether it is overdue; and recording a new one, which opens it.
 */
@Component({
  selector: 'mr-data-subject-requests-page',
  imports: [
    TableScrollComponent,
    DeadlineComponent,
    EmptyStateComponent,
    LiveRegionComponent,
    LoadErrorComponent,
    NoticeComponent,
    ReactiveFormsModule,
    RouterLink,
    MatButton,
    MatError,
    MatFormField,
    MatHint,
    MatInput,
    MatLabel,
    MatOption,
    MatPaginator,
    MatProgressBar,
    MatSelect,
    MatTableModule,
    LocalDatePipe,
    TranslatePipe,
  ],
  providers: [provideTranslatedPaginator()],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './data-subject-requests-page.component.html',
  styleUrl: './data-subject-requests-page.component.css',
})
export class DataSubjectRequestsPageComponent implements OnInit {
  private readonly api = inject(DataSubjectRequestsApi);
  private readonly i18n = inject(I18nService);
  private readonly router = inject(Router);
  private readonly destroyRef = inject(DestroyRef);
  private readonly element = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly now = inject(NOW);

  protected readonly types = DATA_SUBJECT_REQUEST_TYPES;
  protected readonly locales = LOCALES;
  protected readonly limits = DATA_SUBJECT_REQUEST_LIMITS;
  protected readonly pageSizes = PAGE_SIZES;
  protected readonly columns = ['reference', 'type', 'requester', 'received', 'due'];
  protected readonly requestTypeKey = requestTypeKey;
  protected readonly languageNameKey = languageNameKey;
  protected readonly today = () => todayOf(this.now());

  protected readonly query = signal<RequestListQuery>({ page: 1, pageSize: DEFAULT_PAGE_SIZE });
  protected readonly page = signal<Page<DataSubjectRequestView> | null>(null);
  protected readonly loading = signal(false);
  protected readonly loadFailed = signal(false);

  protected readonly formOpen = signal(false);
  protected readonly form = newRequestForm(inject(NonNullableFormBuilder), this.today);
  protected readonly creating = signal(false);
  /** Why the request was not recorded, when no field says it (rate limit, server down, a reason without a field). */
  protected readonly problem = signal<string | null>(null);
  protected readonly announcement = signal('');

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
          this.loadFailed.set(false);
          this.page.set(page);
          this.announcement.set(this.i18n.t('dataSubjectRequests.list.count', { total: page.total }));
        },
        error: () => {
          this.loading.set(false);
          this.loadFailed.set(true);
        },
      });
  }

  protected changePage(event: PageEvent): void {
    this.query.set({ page: event.pageIndex + 1, pageSize: event.pageSize });
    this.load();
  }

  protected openForm(): void {
    this.formOpen.set(true);
    // The form renders on the next change detection; then the first field takes the focus.
    setTimeout(() => this.element.nativeElement.querySelector<HTMLElement>('#dsr-new-type')?.focus());
  }

  protected closeForm(): void {
    this.formOpen.set(false);
    this.problem.set(null);
    this.form.reset();
    setTimeout(() => this.element.nativeElement.querySelector<HTMLElement>('#dsr-open-form')?.focus());
  }

  protected message(field: Field): string | null {
    const message = fieldMessage(this.form.controls[field], REQUEST_FIELD_TEXTS);
    return message === null ? null : this.i18n.t(message.key, message.params);
  }

  protected create(): void {
    this.problem.set(null);
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      this.refuse(this.i18n.t('dataSubjectRequests.form.invalid'));
      return;
    }
    this.creating.set(true);
    this.api
      .create(toNewRequest(this.form))
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (created) => {
          this.creating.set(false);
          this.announcement.set(
            this.i18n.t('dataSubjectRequests.form.created', { reference: created.reference }),
          );
          void this.router.navigate(['/data-subject-requests', created.id]);
        },
        error: (error: unknown) => {
          this.creating.set(false);
          this.fail(error);
        },
      });
  }

  private fail(error: unknown): void {
    const errors = apiFieldErrors(error);
    if (errors.length > 0) {
      const unplaced = applyFieldErrors(this.form, errors);
      this.refuse(
        [
          this.i18n.t('dataSubjectRequests.form.invalid'),
          ...unplaced.map((e) =>
            this.i18n.t('dataSubjectRequests.error.server', { reason: `${e.field} ${e.reason}` }),
          ),
        ].join(' '),
      );
      return;
    }
    const seconds = retryAfterSeconds(error);
    const text =
      seconds !== null
        ? this.i18n.t('dataSubjectRequests.error.rateLimited', { seconds })
        : failureText(this.i18n, failureOf(error), apiMessage(error));
    this.problem.set(text);
    this.announcement.set(text);
  }

  private refuse(text: string): void {
    this.problem.set(text);
    this.announcement.set(text);
    setTimeout(() => focusFirstInvalid(this.element.nativeElement.querySelector('form')));
  }
}
