import { HttpErrorResponse } from '@angular/common/http';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  DestroyRef,
  inject,
  signal,
  viewChild,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormGroupDirective, NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatOption, MatSelect } from '@angular/material/select';
import { ActivatedRoute, RouterLink } from '@angular/router';
import {
  ACTIVITY_LIMITS,
  type ActivityWatchersView,
  type PersonView,
  type ProcessingActivityDetail,
  type UserView,
} from '@mailroute/shared/contracts';
import {
  apiFieldErrors,
  applyFieldErrors,
  fieldMessage,
  OrganizationMembersApi,
  SessionService,
} from '@mailroute/web/core';
import { I18nService, LocalDatePipe, TranslatePipe } from '@mailroute/web/i18n';
import {
  EmptyStateComponent,
  LiveRegionComponent,
  LoadErrorComponent,
  NoticeComponent,
} from '@mailroute/web/ui';
import type { Observable } from 'rxjs';
import { ActivitiesApi } from '../data-access/activities.api';
import { isNotFound } from '../data-access/api-answers';
import { ACTIVITY_FIELD_TEXTS } from '../form/field-texts';

/**
 * `/processing-activities/:id`, where comment emails link: the activity, its thread (oldest first,
 * as the API answers), the form adding a comment, and who follows it: anyone watches or stops
 * watching it; an admin also adds or removes another member (picked from GET /api/users).
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
    MatOption,
    MatSelect,
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
  private readonly membersApi = inject(OrganizationMembersApi);
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
  protected readonly isAdmin = computed(() => this.session.isAdmin());
  /** A watch, unwatch, add or remove on its way: one at a time. */
  protected readonly changingWatchers = signal(false);
  protected readonly watchersProblem = signal<string | null>(null);
  /** The organization's members (loaded for admins only), to pick a watcher from. */
  protected readonly members = signal<UserView[] | null>(null);
  protected readonly membersFailed = signal(false);
  /** The members who do not follow the activity yet. */
  protected readonly candidates = computed(() => {
    const watching = new Set(this.activity()?.watchers.map((watcher) => watcher.id) ?? []);
    return (this.members() ?? []).filter((member) => !watching.has(member.id));
  });

  protected readonly watcherForm = inject(NonNullableFormBuilder).group({
    userId: ['', [Validators.required]],
  });
  /** Its submission, forgotten once the member is added (else the emptied picker shows as in error). */
  private readonly watcherFormDirective = viewChild<FormGroupDirective>('watcherFormDirective');

  protected readonly form = inject(NonNullableFormBuilder).group({
    body: ['', [Validators.required, Validators.maxLength(ACTIVITY_LIMITS.commentLength)]],
  });

  constructor() {
    inject(ActivatedRoute)
      .paramMap.pipe(takeUntilDestroyed())
      .subscribe((params) => {
        this.id.set(params.get('id') ?? '');
        this.activity.set(null);
        this.form.reset();
        this.problem.set(null);
        this.watchersProblem.set(null);
        this.watcherForm.reset();
        this.load();
      });
    if (this.session.isAdmin()) {
      this.loadMembers();
    }
  }

  protected loadMembers(): void {
    this.membersFailed.set(false);
    this.membersApi
      .list()
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (answer) => this.members.set(answer.items),
        error: () => this.membersFailed.set(true),
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

  protected watcherMessage(): string | null {
    const message = fieldMessage(this.watcherForm.controls.userId, ACTIVITY_FIELD_TEXTS);
    return message === null ? null : this.i18n.t(message.key, message.params);
  }

  /** The signed-in user watches the activity, or stops watching it. */
  protected toggleWatching(): void {
    const following = this.following();
    this.changeWatchers(following ? this.api.unwatch(this.id()) : this.api.watch(this.id()), () =>
      this.i18n.t(following ? 'activities.watchers.stopped' : 'activities.watchers.started'),
    );
  }

  /** An admin makes the member picked follow the activity. */
  protected addWatcher(): void {
    const control = this.watcherForm.controls.userId;
    if (control.invalid) {
      control.markAsTouched();
      this.reportWatchers(this.i18n.t('activities.watchers.add.invalid'));
      return;
    }
    const member = this.members()?.find((candidate) => candidate.id === control.value);
    this.changeWatchers(this.api.watch(this.id(), control.value), () => {
      this.watcherFormDirective()?.resetForm();
      return this.i18n.t('activities.watchers.added', { name: member?.name ?? '' });
    });
  }

  /** An admin makes another watcher stop following the activity. */
  protected removeWatcher(watcher: PersonView): void {
    this.changeWatchers(this.api.unwatch(this.id(), watcher.id), () =>
      this.i18n.t('activities.watchers.removed', { name: watcher.name }),
    );
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

  /** Sends one change of who follows, shows the watchers the API answers, and announces `done()`. */
  private changeWatchers(change: Observable<ActivityWatchersView>, done: () => string): void {
    if (this.changingWatchers()) {
      return;
    }
    this.watchersProblem.set(null);
    this.changingWatchers.set(true);
    change.pipe(takeUntilDestroyed(this.destroyRef)).subscribe({
      next: ({ watchers }) => {
        this.changingWatchers.set(false);
        this.activity.update((activity) => (activity === null ? activity : { ...activity, watchers }));
        this.announcement.set(done());
      },
      error: (error: unknown) => {
        this.changingWatchers.set(false);
        if (error instanceof HttpErrorResponse && error.status === 403) {
          this.reportWatchers(this.i18n.t('activities.watchers.forbidden'));
        } else if (isNotFound(error)) {
          this.reportWatchers(this.i18n.t('activities.watchers.notFound'));
          this.fetch();
        } else {
          this.reportWatchers(this.i18n.t('activities.watchers.failed'));
        }
      },
    });
  }

  private reportWatchers(text: string): void {
    this.watchersProblem.set(text);
    this.announcement.set(text);
  }
}
