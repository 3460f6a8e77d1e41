import { ChangeDetectionStrategy, Component, computed, DestroyRef, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatOption, MatSelect } from '@angular/material/select';
import { ActivatedRoute, RouterLink } from '@angular/router';
import {
  TASK_LIMITS,
  TASK_STATUSES,
  type PersonView,
  type TaskStatus,
  type TaskView,
  type UpdateTaskInput,
  type UserView,
} from '@mailroute/shared/contracts';
import {
  apiFieldErrors,
  applyFieldErrors,
  fieldMessage,
  OrganizationMembersApi,
  SessionService,
} from '@mailroute/web/core';
import { I18nService, TranslatePipe } from '@mailroute/web/i18n';
import { LiveRegionComponent, LoadErrorComponent, NoticeComponent } from '@mailroute/web/ui';
import { isChangeForbidden, isNotFound } from '../data-access/api-answers';
import { TasksApi } from '../data-access/tasks.api';
import { TASK_FIELD_TEXTS } from '../form/field-texts';
import { STATUS_KEYS } from '../form/task-labels';

type Field = 'title' | 'description' | 'assigneeId' | 'dueDate' | 'status';

/**
 * `/tasks/:id`, where task emails link: the task's title, description, assignee, due date and status, saved
 * with PATCH (only what changed; an emptied due date is sent as `null`, which removes it). Who
 * may change it is the API's rule; the page says it in advance and shows the 403 if it comes.
 */
@Component({
  selector: 'mr-task-page',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButton,
    MatError,
    MatFormField,
    MatHint,
    MatInput,
    MatLabel,
    MatOption,
    MatProgressBar,
    MatSelect,
    LiveRegionComponent,
    LoadErrorComponent,
    NoticeComponent,
    TranslatePipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './task-page.component.html',
  styleUrl: './task-page.component.css',
})
export class TaskPageComponent {
  private readonly api = inject(TasksApi);
  private readonly membersApi = inject(OrganizationMembersApi);
  private readonly i18n = inject(I18nService);
  private readonly session = inject(SessionService);
  private readonly destroyRef = inject(DestroyRef);

  /** The route's `:id`; the page stays when a link leads to another task, so it follows the param. */
  private readonly id = signal('');

  protected readonly statuses = TASK_STATUSES;
  protected readonly limits = TASK_LIMITS;
  protected readonly statusKeys = STATUS_KEYS;
  protected readonly task = signal<TaskView | null>(null);
  protected readonly state = signal<'loading' | 'ready' | 'failed' | 'notFound'>('loading');
  protected readonly members = signal<UserView[] | null>(null);
  protected readonly membersFailed = signal(false);
  protected readonly saving = signal(false);
  protected readonly problem = signal<string | null>(null);
  protected readonly saved = signal(false);
  protected readonly announcement = signal('');
  protected readonly me = computed(() => this.session.currentUser()?.id ?? null);
  /** The API's rule (TasksService.update), told in advance; the API still decides. */
  protected readonly mayChange = computed(() => {
    const task = this.task();
    const me = this.me();
    return (
      task === null ||
      this.session.isAdmin() ||
      (me !== null && (task.assignee?.id === me || task.createdBy?.id === me))
    );
  });
  /** The members to choose from, and the current assignee even when the list does not have them. */
  protected readonly assignees = computed<PersonView[]>(() => {
    const members = this.members() ?? [];
    const current = this.task()?.assignee;
    return current && !members.some((member) => member.id === current.id) ? [current, ...members] : members;
  });

  protected readonly form = inject(NonNullableFormBuilder).group({
    title: ['', [Validators.required, Validators.maxLength(TASK_LIMITS.titleLength)]],
    description: ['', [Validators.maxLength(TASK_LIMITS.descriptionLength)]],
    assigneeId: ['', [Validators.required]],
    dueDate: [''],
    status: ['open' as TaskStatus],
  });

  constructor() {
    inject(ActivatedRoute)
      .paramMap.pipe(takeUntilDestroyed())
      .subscribe((params) => {
        this.id.set(params.get('id') ?? '');
        this.task.set(null);
        this.problem.set(null);
        this.saved.set(false);
        this.load();
      });
    this.loadMembers();
  }

  protected load(): void {
    this.state.set('loading');
    this.api
      .get(this.id())
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (task) => {
          if (task.id !== this.id()) {
            return; // An answer for the task shown before.
          }
          this.show(task);
          this.state.set('ready');
        },
        error: (error: unknown) => this.state.set(isNotFound(error) ? 'notFound' : 'failed'),
      });
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

  protected personName(person: PersonView | null): string {
    if (person === null) {
      return this.i18n.t('tasks.unknownPerson');
    }
    return person.id === this.me() ? this.i18n.t('tasks.members.you', { name: person.name }) : person.name;
  }

  protected createdLine(task: TaskView): string {
    return this.i18n.t('tasks.detail.createdBy', {
      name: this.personName(task.createdBy),
      date: this.i18n.formatDate(task.createdAt, 'medium'),
    });
  }

  protected completedLine(task: TaskView): string | null {
    return task.completedAt === null
      ? null
      : this.i18n.t('tasks.detail.completedAt', { date: this.i18n.formatDate(task.completedAt, 'medium') });
  }

  protected message(field: Field): string | null {
    const message = fieldMessage(this.form.controls[field], TASK_FIELD_TEXTS);
    return message === null ? null : this.i18n.t(message.key, message.params);
  }

  protected clearDueDate(): void {
    this.form.controls.dueDate.setValue('');
    this.form.controls.dueDate.markAsDirty();
  }

  protected save(): void {
    const task = this.task();
    if (task === null) {
      return;
    }
    this.problem.set(null);
    this.saved.set(false);
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      this.report(this.i18n.t('tasks.form.invalid'));
      return;
    }
    const changes = changesOf(task, this.form.getRawValue());
    if (Object.keys(changes).length === 0) {
      this.announcement.set(this.i18n.t('tasks.detail.nothingChanged'));
      this.problem.set(this.i18n.t('tasks.detail.nothingChanged'));
      return;
    }
    this.saving.set(true);
    this.api
      .update(task.id, changes)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (updated) => {
          this.saving.set(false);
          this.show(updated);
          this.saved.set(true);
          this.announcement.set(this.i18n.t('tasks.detail.saved'));
        },
        error: (error: unknown) => {
          this.saving.set(false);
          const errors = apiFieldErrors(error);
          if (errors.length > 0) {
            const unplaced = applyFieldErrors(this.form, errors);
            this.report(
              [
                this.i18n.t('tasks.form.invalid'),
                ...unplaced.map((e) =>
                  this.i18n.t('tasks.error.unplaced', { field: e.field, reason: e.reason }),
                ),
              ].join(' '),
            );
          } else if (isChangeForbidden(error)) {
            this.report(this.i18n.t('tasks.detail.forbidden'));
          } else if (isNotFound(error)) {
            this.report(this.i18n.t('tasks.detail.gone'));
          } else {
            this.report(this.i18n.t('tasks.detail.failed'));
          }
        },
      });
  }

  private show(task: TaskView): void {
    this.task.set(task);
    this.form.reset({
      title: task.title,
      description: task.description,
      assigneeId: task.assignee?.id ?? '',
      dueDate: task.dueDate ?? '',
      status: task.status,
    });
  }

  private report(text: string): void {
    this.problem.set(text);
    this.announcement.set(text);
  }
}

/** Only the fields that differ from the stored task; an emptied due date becomes `null`. */
export function changesOf(
  task: TaskView,
  value: { title: string; description: string; assigneeId: string; dueDate: string; status: TaskStatus },
): UpdateTaskInput {
  const changes: UpdateTaskInput = {};
  if (value.title !== task.title) {
    changes.title = value.title;
  }
  if (value.description !== task.description) {
    changes.description = value.description;
  }
  if (value.assigneeId !== (task.assignee?.id ?? '')) {
    changes.assigneeId = value.assigneeId;
  }
  const dueDate = value.dueDate === '' ? null : value.dueDate;
  if (dueDate !== task.dueDate) {
    changes.dueDate = dueDate;
  }
  if (value.status !== task.status) {
    changes.status = value.status;
  }
  return changes;
}
