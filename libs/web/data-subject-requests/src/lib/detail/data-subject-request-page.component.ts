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
import { FormGroupDirective, NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatProgressBar } from '@angular/material/progress-bar';
import { ActivatedRoute, RouterLink } from '@angular/router';
import {
  DATA_SUBJECT_REQUEST_LIMITS,
  type DataSubjectRequestDetail,
  type DataSubjectRequestMessageView,
} from '@mailroute/shared/contracts';
import { apiFieldErrors, applyFieldErrors, fieldMessage, SessionService } from '@mailroute/web/core';
import { I18nService, languageNameKey, LocalDatePipe, TranslatePipe } from '@mailroute/web/i18n';
import {
  EmptyStateComponent,
  LiveRegionComponent,
  LoadErrorComponent,
  NoticeComponent,
} from '@mailroute/web/ui';
import { apiMessage, failureOf, isMissingRequest, retryAfterSeconds } from '../data-access/api-answers';
import { DataSubjectRequestsApi } from '../data-access/data-subject-requests.api';
import { DeadlineComponent } from '../deadline/deadline.component';
import { focusFirstInvalid, notBlank, REQUEST_FIELD_TEXTS } from '../form/field-messages';
import { failureText, requestTypeKey } from '../texts';
import { DeliveryComponent } from './delivery.component';

type LoadState = 'loading' | 'ready' | 'failed' | 'missing';

/**
 * `/data-subject-requests/:id`: the request, its due date, and the thread of messages written to
 * the data subject (oldest first), each with where its email stands; and writing a new one.
 * Delivery happens after the answer, so the thread is refreshed on demand.
 */
@Component({
  selector: 'mr-data-subject-request-page',
  imports: [
    DeadlineComponent,
    DeliveryComponent,
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
    MatProgressBar,
    LocalDatePipe,
    TranslatePipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './data-subject-request-page.component.html',
  styleUrl: './data-subject-request-page.component.css',
})
export class DataSubjectRequestPageComponent implements OnInit {
  private readonly api = inject(DataSubjectRequestsApi);
  private readonly i18n = inject(I18nService);
  private readonly destroyRef = inject(DestroyRef);
  private readonly element = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly session = inject(SessionService);

  private readonly route = inject(ActivatedRoute);

  /** The route's `:id`. */
  private readonly id = signal('');

  protected readonly requestTypeKey = requestTypeKey;
  protected readonly languageNameKey = languageNameKey;
  protected readonly limits = DATA_SUBJECT_REQUEST_LIMITS;

  protected readonly state = signal<LoadState>('loading');
  protected readonly request = signal<DataSubjectRequestDetail | null>(null);
  protected readonly refreshing = signal(false);
  protected readonly refreshFailed = signal(false);
  protected readonly announcement = signal('');

  protected readonly form = inject(NonNullableFormBuilder).group({
    body: [
      '',
      [Validators.required, notBlank, Validators.maxLength(DATA_SUBJECT_REQUEST_LIMITS.messageLength)],
    ],
  });
  /** Its `resetForm()` also forgets the submission, so the emptied field is not shown in error. */
  private readonly formDirective = viewChild(FormGroupDirective);
  protected readonly sending = signal(false);
  protected readonly problem = signal<string | null>(null);

  /** Whose emails these are: the data subject sees the organization's name and the reference in the subject. */
  protected readonly organizationName = computed(() => this.session.currentUser()?.organization.name ?? '');

  protected readonly heading = computed(() => {
    const request = this.request();
    return request === null
      ? ''
      : this.i18n.t('dataSubjectRequests.detail.heading', {
          type: this.i18n.t(requestTypeKey(request.type)),
          reference: request.reference,
        });
  });

  ngOnInit(): void {
    this.route.paramMap.pipe(takeUntilDestroyed(this.destroyRef)).subscribe((params) => {
      this.id.set(params.get('id') ?? '');
      this.request.set(null);
      this.formDirective()?.resetForm();
      this.problem.set(null);
      this.load();
    });
  }

  protected load(): void {
    this.state.set('loading');
    this.fetch();
  }

  /** Reads the request again, keeping what is shown meanwhile: new deliveries, new messages. */
  protected refresh(): void {
    this.refreshing.set(true);
    this.announcement.set(this.i18n.t('dataSubjectRequests.thread.refreshing'));
    this.fetch();
  }

  private fetch(): void {
    this.api
      .get(this.id())
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (request) => {
          const wasRefresh = this.refreshing();
          this.request.set(request);
          this.state.set('ready');
          this.refreshing.set(false);
          this.refreshFailed.set(false);
          if (wasRefresh) {
            this.announcement.set(this.i18n.t('dataSubjectRequests.thread.refreshed'));
          }
        },
        error: (error: unknown) => {
          if (this.refreshing()) {
            this.refreshing.set(false);
            this.refreshFailed.set(true);
            this.announcement.set(this.i18n.t('dataSubjectRequests.thread.refreshFailed'));
            return;
          }
          this.state.set(isMissingRequest(error) ? 'missing' : 'failed');
        },
      });
  }

  protected bodyMessage(): string | null {
    const message = fieldMessage(this.form.controls.body, REQUEST_FIELD_TEXTS);
    return message === null ? null : this.i18n.t(message.key, message.params);
  }

  protected send(): void {
    const request = this.request();
    if (request === null) {
      return;
    }
    this.problem.set(null);
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      this.refuse(this.i18n.t('dataSubjectRequests.send.invalid'));
      return;
    }
    this.sending.set(true);
    this.api
      .sendMessage(request.id, { body: this.form.getRawValue().body })
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (message) => {
          this.sending.set(false);
          this.append(message);
          this.formDirective()?.resetForm();
          this.announcement.set(
            this.i18n.t('dataSubjectRequests.send.queued', { email: request.subjectEmail }),
          );
        },
        error: (error: unknown) => {
          this.sending.set(false);
          this.fail(error);
        },
      });
  }

  private append(message: DataSubjectRequestMessageView): void {
    this.request.update((request) =>
      request === null || request.messages.some((known) => known.id === message.id)
        ? request
        : { ...request, messages: [...request.messages, message] },
    );
  }

  private fail(error: unknown): void {
    const errors = apiFieldErrors(error);
    if (errors.length > 0) {
      const unplaced = applyFieldErrors(this.form, errors);
      this.refuse(
        [
          this.i18n.t('dataSubjectRequests.send.invalid'),
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
