import {
  ChangeDetectionStrategy,
  Component,
  computed,
  DestroyRef,
  inject,
  type OnInit,
  signal,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatButtonToggle, MatButtonToggleGroup } from '@angular/material/button-toggle';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatPaginator, type PageEvent } from '@angular/material/paginator';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatOption, MatSelect } from '@angular/material/select';
import { MatTableModule } from '@angular/material/table';
import { Router, RouterLink } from '@angular/router';
import {
  DEFAULT_PAGE_SIZE,
  TASK_LIMITS,
  TASK_STATUSES,
  type Page,
  type TaskStatus,
  type TaskView,
  type UserView,
} from '@mailroute/shared/contracts';
import {
  apiFieldErrors,
  applyFieldErrors,
  fieldMessage,
  OrganizationMembersApi,
  SessionService,
} from '@mailroute/web/core';
import { I18nService, LocalDatePipe, type TranslationKey, TranslatePipe } from '@mailroute/web/i18n';
import {
  EmptyStateComponent,
  LiveRegionComponent,
  LoadErrorComponent,
  NoticeComponent,
  provideTranslatedPaginator,
  TableScrollComponent,
} from '@mailroute/web/ui';
import { TasksApi, type TasksQuery } from '../data-access/tasks.api';
import { TASK_FIELD_TEXTS } from '../form/field-texts';
import { STATUS_KEYS } from '../form/task-labels';

const PAGE_SIZES = [10, 25, 50, 100];

/**
 * `/tasks`: a page of the organization's tasks, newest first, all or only one's own, of any status
 * or one, and the form creating one; a created task opens at once.
 */
@Component({
  selector: 'mr-tasks-page',
  imports: [
    TableScrollComponent,
    ReactiveFormsModule,
    RouterLink,
    MatButton,
    MatButtonToggle,
    MatButtonToggleGroup,
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
    EmptyStateComponent,
    LiveRegionComponent,
    LoadErrorComponent,
    NoticeComponent,
    TranslatePipe,
    LocalDatePipe,
  ],
  providers: [provideTranslatedPaginator()],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './tasks-page.component.html',
  styleUrl: './tasks-page.component.css',
})
export class TasksPageComponent implements OnInit {
  private readonly api = inject(TasksApi);
  private readonly membersApi = inject(OrganizationMembersApi);
  private readonly i18n = inject(I18nService);
  private readonly router = inject(Router);
  private readonly session = inject(SessionService);
  private readonly destroyRef = inject(DestroyRef);

  protected readonly pageSizes = PAGE_SIZES;
  protected readonly columns = ['title', 'status', 'assignee', 'dueDate'];
  protected readonly statuses = TASK_STATUSES;
  protected readonly limits = TASK_LIMITS;
  protected readonly query = signal<TasksQuery>({
    mine: false,
    status: null,
    page: 1,
    pageSize: DEFAULT_PAGE_SIZE,
  });
  protected readonly page = signal<Page<TaskView> | null>(null);
  protected readonly state = signal<'loading' | 'ready' | 'failed'>('loading');
  protected readonly members = signal<UserView[] | null>(null);
  protected readonly membersFailed = signal(false);
  protected readonly creating = signal(false);
  protected readonly problem = signal<string | null>(null);
  protected readonly announcement = signal('');
  protected readonly me = computed(() => this.session.currentUser()?.id ?? null);

  protected readonly form = inject(NonNullableFormBuilder).group({
    title: ['', [Validators.required, Validators.maxLength(TASK_LIMITS.titleLength)]],
    description: ['', [Validators.maxLength(TASK_LIMITS.descriptionLength)]],
    assigneeId: ['', [Validators.required]],
    dueDate: [''],
  });

  ngOnInit(): void {
    this.load();
    this.loadMembers();
  }

  protected load(): void {
    this.state.set('loading');
    this.api
      .list(this.query())
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (answer) => {
          this.page.set(answer);
          this.state.set('ready');
        },
        error: () => this.state.set('failed'),
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

  protected showMine(mine: boolean): void {
    this.query.update((query) => ({ ...query, mine, page: 1 }));
    this.load();
  }

  /** `''` (the select's "Any status") for every status. */
  protected showStatus(status: TaskStatus | ''): void {
    this.query.update((query) => ({ ...query, status: status === '' ? null : status, page: 1 }));
    this.load();
  }

  protected changePage(event: PageEvent): void {
    this.query.update((query) => ({ ...query, page: event.pageIndex + 1, pageSize: event.pageSize }));
    this.load();
  }

  protected statusKey(status: TaskStatus): TranslationKey {
    return STATUS_KEYS[status];
  }

  protected memberName(member: UserView): string {
    return member.id === this.me() ? this.i18n.t('tasks.members.you', { name: member.name }) : member.name;
  }

  protected message(field: 'title' | 'description' | 'assigneeId' | 'dueDate'): string | null {
    const message = fieldMessage(this.form.controls[field], TASK_FIELD_TEXTS);
    return message === null ? null : this.i18n.t(message.key, message.params);
  }

  protected create(): void {
    this.problem.set(null);
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      this.report(this.i18n.t('tasks.form.invalid'));
      return;
    }
    const { title, description, assigneeId, dueDate } = this.form.getRawValue();
    this.creating.set(true);
    this.api
      .create({
        title,
        assigneeId,
        ...(description === '' ? {} : { description }),
        ...(dueDate === '' ? {} : { dueDate }),
      })
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (created) => {
          this.creating.set(false);
          this.announcement.set(this.i18n.t('tasks.create.created', { title: created.title }));
          void this.router.navigate(['/tasks', created.id]);
        },
        error: (error: unknown) => {
          this.creating.set(false);
          const errors = apiFieldErrors(error);
          if (errors.length === 0) {
            this.report(this.i18n.t('tasks.create.failed'));
            return;
          }
          const unplaced = applyFieldErrors(this.form, errors);
          this.report(
            [
              this.i18n.t('tasks.form.invalid'),
              ...unplaced.map((e) =>
                this.i18n.t('tasks.error.unplaced', { field: e.field, reason: e.reason }),
              ),
            ].join(' '),
          );
        },
      });
  }

  private report(text: string): void {
    this.problem.set(text);
    this.announcement.set(text);
  }
}
