import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  inject,
  Injector,
  type OnInit,
  signal,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import {
  type AbstractControl,
  NonNullableFormBuilder,
  ReactiveFormsModule,
  Validators,
} from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatPaginator, type PageEvent } from '@angular/material/paginator';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatTableModule } from '@angular/material/table';
import { Router, RouterLink } from '@angular/router';
import {
  type AuditView,
  type CreateAuditInput,
  DEFAULT_PAGE_SIZE,
  type Page,
} from '@mailroute/shared/contracts';
import { apiFieldErrors, applyFieldErrors } from '@mailroute/web/core';
import { I18nService, LocalDatePipe, TranslatePipe } from '@mailroute/web/i18n';
import {
  EmptyStateComponent,
  LiveRegionComponent,
  LoadErrorComponent,
  NoticeComponent,
  provideTranslatedPaginator,
  TableScrollComponent,
} from '@mailroute/web/ui';
import { AuditsApi } from '../data-access/audits.api';
import { auditFieldMessage } from '../field-texts';
import { QuestionListEditorComponent } from '../questions/question-list-editor.component';
import { QuestionListForm } from '../questions/question-list-form';
import { todayIso } from '../due-date';

const PAGE_SIZES = [10, 25, 50, 100];

/** Today or later, as the API asks of a due date (`YYYY-MM-DD` compares as text). */
function notInThePast(control: AbstractControl<string>): { pastDate: true } | null {
  return control.value !== '' && control.value < todayIso() ? { pastDate: true } : null;
}

/**
 * `/audits`: the organization's audits, newest first, each with its due date, how many questions
 * it asks and how many respondents answered; and "new audit", written with its questions here,
 * then opened on its own page to invite respondents.
 */
@Component({
  selector: 'mr-audits-page',
  imports: [
    TableScrollComponent,
    ReactiveFormsModule,
    RouterLink,
    MatButton,
    MatError,
    MatFormField,
    MatHint,
    MatInput,
    MatLabel,
    MatPaginator,
    MatProgressBar,
    MatTableModule,
    EmptyStateComponent,
    LiveRegionComponent,
    LoadErrorComponent,
    NoticeComponent,
    QuestionListEditorComponent,
    TranslatePipe,
    LocalDatePipe,
  ],
  providers: [provideTranslatedPaginator()],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './audits-page.component.html',
  styleUrl: './audits-page.component.css',
})
export class AuditsPageComponent implements OnInit {
  private readonly api = inject(AuditsApi);
  private readonly i18n = inject(I18nService);
  private readonly router = inject(Router);
  private readonly destroyRef = inject(DestroyRef);
  private readonly injector = inject(Injector);
  private readonly fb = inject(NonNullableFormBuilder);

  protected readonly pageSizes = PAGE_SIZES;
  protected readonly columns = ['title', 'dueDate', 'questions', 'answered', 'createdAt'];
  protected readonly message = auditFieldMessage;
  protected readonly today = todayIso();

  protected readonly query = signal({ page: 1, pageSize: DEFAULT_PAGE_SIZE });
  protected readonly page = signal<Page<AuditView> | null>(null);
  protected readonly loading = signal(false);
  protected readonly failed = signal(false);

  protected readonly creating = signal(false);
  protected readonly saving = signal(false);
  protected readonly problem = signal<string | null>(null);
  protected readonly announcement = signal('');

  protected readonly form = this.fb.group({
    title: this.fb.control('', [Validators.required, Validators.maxLength(200)]),
    dueDate: this.fb.control('', [notInThePast]),
  });
  protected readonly questions = new QuestionListForm(this.fb);

  ngOnInit(): void {
    this.load();
  }

  protected load(): void {
    this.loading.set(true);
    const { page, pageSize } = this.query();
    this.api
      .list(page, pageSize)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (result) => {
          this.loading.set(false);
          this.failed.set(false);
          this.page.set(result);
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

  protected startCreating(): void {
    this.form.reset();
    this.questions.load([]);
    this.questions.add();
    this.problem.set(null);
    this.creating.set(true);
    this.focusAfterRender('audit-title');
  }

  protected cancelCreating(): void {
    this.creating.set(false);
    this.focusAfterRender('new-audit');
  }

  protected create(): void {
    this.form.markAllAsTouched();
    this.questions.markAllAsTouched();
    if (this.form.invalid || this.questions.array.invalid) {
      this.showProblem(this.i18n.t('audits.create.invalid'));
      this.focusFirstInvalid();
      return;
    }
    const value = this.form.getRawValue();
    const input: CreateAuditInput = {
      title: value.title.trim(),
      dueDate: value.dueDate === '' ? null : value.dueDate,
      questions: this.questions.value(),
    };
    this.saving.set(true);
    this.problem.set(null);
    this.api
      .create(input)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (audit) => {
          this.saving.set(false);
          void this.router.navigate(['/audits', audit.id]);
        },
        error: (error: unknown) => {
          this.saving.set(false);
          this.refused(error);
        },
      });
  }

  private refused(error: unknown): void {
    const errors = apiFieldErrors(error);
    if (errors.length === 0) {
      this.showProblem(this.i18n.t('audits.create.failed'));
      return;
    }
    const unplaced = applyFieldErrors(this.form, this.questions.applyServerErrors(errors));
    this.showProblem(
      [
        this.i18n.t('audits.create.invalid'),
        ...unplaced.map((e) => this.i18n.t('audits.error.serverField', { field: e.field, reason: e.reason })),
      ].join(' '),
    );
    this.focusFirstInvalid();
  }

  private showProblem(text: string): void {
    this.problem.set(text);
    this.announcement.set(text);
  }

  private focusFirstInvalid(): void {
    this.afterRender(() =>
      document.querySelector<HTMLElement>('form.create-audit .ng-invalid:is(input, textarea)')?.focus(),
    );
  }

  private focusAfterRender(id: string): void {
    this.afterRender(() => document.getElementById(id)?.focus());
  }

  private afterRender(run: () => void): void {
    afterNextRender(run, { injector: this.injector });
  }
}
