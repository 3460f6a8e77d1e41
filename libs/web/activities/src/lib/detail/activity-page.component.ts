import { ChangeDetectionStrategy, Component, computed, DestroyRef, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatProgressBar } from '@angular/material/progress-bar';
import { ActivatedRoute, RouterLink } from '@angular/router';
import type { PersonView, ProcessingActivityDetail } from '@mailroute/shared/contracts';
import { apiFieldErrors, applyFieldErrors, fieldMessage, SessionService } from '@mailroute/web/core';
import { I18nService, LocalDatePipe, TranslatePipe } from '@mailroute/web/i18n';
import {
  EmptyStateComponent,
  LiveRegionComponent,
  LoadErrorComponent,
  NoticeComponent,
} from '@mailroute/web/ui';
import { ActivitiesApi } from '../data-access/activities.api';
import { isNotFound } from '../data-access/api-answers';
import { ACTIVITY_FIELD_TEXTS } from '../form/field-texts';

const COMMENT_MAX = 10_000;

/**
 * `/processing-activities/:id`, where comment emails link: the activity, its thread (oldest first,
 * as the API answers), the form adding a comment, and who follows it. The API offers no way to
 * follow or unfollow other than creating or commenting, so the watchers are shown, not edited.
 */
@Component({
  selector: 'mr-activity-page',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButton,
    MatError,
    MatFormField,
    MatHint,
    MatInput,
    MatLabel,
    MatProgressBar,
    EmptyStateComponent,
    LiveRegionComponent,
    LoadErrorComponent,
    NoticeComponent,
    TranslatePipe,
    LocalDatePipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './activity-page.component.html',
  styleUrl: './activity-page.component.css',
})
export class ActivityPageComponent {
  private readonly api = inject(ActivitiesApi);
  private readonly i18n = inject(I18nService);
  private readonly session = inject(SessionService);
  private readonly destroyRef = inject(DestroyRef);

  /** The route's `:id`; the page stays when a link leads to another activity, so it follows the param. */
  private readonly id = signal('');

  protected readonly activity = signal<ProcessingActivityDetail | null>(null);
  protected readonly state = signal<'loading' | 'ready' | 'failed' | 'notFound'>('loading');
  protected readonly sending = signal(false);
  protected readonly problem = signal<string | null>(null);
  protected readonly announcement = signal('');
  protected readonly me = computed(() => this.session.currentUser()?.id ?? null);
  protected readonly following = computed(
    () => this.activity()?.watchers.some((watcher) => watcher.id === this.me()) ?? false,
  );

  protected readonly form = inject(NonNullableFormBuilder).group({
    body: ['', [Validators.required, Validators.maxLength(COMMENT_MAX)]],
  });

  constructor() {
    inject(ActivatedRoute)
      .paramMap.pipe(takeUntilDestroyed())
      .subscribe((params) => {
        this.id.set(params.get('id') ?? '');
        this.activity.set(null);
        this.form.reset();
        this.problem.set(null);
        this.load();
      });
  }

  protected load(): void {
    this.state.set('loading');
    this.fetch();
  }

  protected bodyMessage(): string | null {
    const message = fieldMessage(this.form.controls.body, ACTIVITY_FIELD_TEXTS);
    return message === null ? null : this.i18n.t(message.key, message.params);
  }

  protected personName(person: PersonView | null): string {
    if (person === null) {
      return this.i18n.t('activities.unknownPerson');
    }
    return person.id === this.me()
      ? this.i18n.t('activities.watchers.you', { name: person.name })
      : person.name;
  }

  protected createdLine(activity: ProcessingActivityDetail): string {
    return this.i18n.t('activities.detail.createdBy', {
      name: this.personName(activity.createdBy),
      date: this.i18n.formatDate(activity.createdAt, 'medium'),
    });
  }

  protected addComment(): void {
    this.problem.set(null);
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      this.report(this.i18n.t('activities.create.invalid'));
      return;
    }
    this.sending.set(true);
    this.api
      .comment(this.id(), this.form.controls.body.value)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (comment) => {
          this.sending.set(false);
          this.activity.update((activity) =>
            activity === null ? activity : { ...activity, comments: [...activity.comments, comment] },
          );
          this.form.reset();
          this.announcement.set(this.i18n.t('activities.comments.added'));
          // The author now follows the activity: the watchers come from the API, not guessed here.
          this.fetch();
        },
        error: (error: unknown) => {
          this.sending.set(false);
          const errors = apiFieldErrors(error);
          if (errors.length > 0) {
            const unplaced = applyFieldErrors(this.form, errors);
            this.report(
              [
                this.i18n.t('activities.create.invalid'),
                ...unplaced.map((e) =>
                  this.i18n.t('activities.error.unplaced', { field: e.field, reason: e.reason }),
                ),
              ].join(' '),
            );
          } else {
            this.report(
              this.i18n.t(isNotFound(error) ? 'activities.comments.gone' : 'activities.comments.failed'),
            );
          }
        },
      });
  }

  private fetch(): void {
    this.api
      .get(this.id())
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (activity) => {
          if (activity.id !== this.id()) {
            return; // An answer for the activity shown before.
          }
          this.activity.set(activity);
          this.state.set('ready');
        },
        error: (error: unknown) => {
          if (this.activity() === null) {
            this.state.set(isNotFound(error) ? 'notFound' : 'failed');
          }
        },
      });
  }

  private report(text: string): void {
    this.problem.set(text);
    this.announcement.set(text);
  }
}
