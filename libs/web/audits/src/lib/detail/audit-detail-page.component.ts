import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  computed,
  DestroyRef,
  inject,
  Injector,
  type OnInit,
  signal,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatError, MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatOption, MatSelect } from '@angular/material/select';
import { ActivatedRoute, RouterLink } from '@angular/router';
import {
  type AnswerValue,
  type AuditDetailView,
  LOCALES,
  type Locale,
  type QuestionView,
  type RespondentDetailView,
  type RespondentStatus,
} from '@mailroute/shared/contracts';
import { apiFieldErrors, applyFieldErrors, showFieldError } from '@mailroute/web/core';
import {
  I18nService,
  languageNameKey,
  LocalDatePipe,
  type TranslationKey,
  TranslatePipe,
} from '@mailroute/web/i18n';
import {
  EmptyStateComponent,
  LiveRegionComponent,
  LoadErrorComponent,
  NoticeComponent,
  TableScrollComponent,
} from '@mailroute/web/ui';
import { errorCode, isNotFound } from '../data-access/api-answers';
import { AuditsApi } from '../data-access/audits.api';
import { isPastDue } from '../due-date';
import { auditFieldMessage } from '../field-texts';
import { kindKey, QuestionListEditorComponent } from '../questions/question-list-editor.component';
import { QuestionListForm } from '../questions/question-list-form';

export function statusKey(status: RespondentStatus): TranslationKey {
  return `audits.status.${status}`;
}

/** An answered respondent's answers beside the questions they answer, in question order. */
export interface AnswerSheetLine {
  question: QuestionView;
  /** Null for an optional question they left out. */
  value: AnswerValue | null;
}

export function answerSheet(
  questions: readonly QuestionView[],
  respondent: RespondentDetailView,
): AnswerSheetLine[] {
  const byQuestion = new Map((respondent.answers ?? []).map((answer) => [answer.questionId, answer.value]));
  return questions.map((question) => ({ question, value: byQuestion.get(question.id) ?? null }));
}

/**
 * `/audits/:id` (the link of the "respondent answered" email): the audit, its questions (editable
 * until a respondent answers), its respondents with where each one stands, inviting and reminding
 * them, and, for the organization's admins and the audit's creator, the answers.
 */
@Component({
  selector: 'mr-audit-detail-page',
  imports: [
    TableScrollComponent,
    ReactiveFormsModule,
    RouterLink,
    MatButton,
    MatError,
    MatFormField,
    MatInput,
    MatLabel,
    MatOption,
    MatProgressBar,
    MatSelect,
    EmptyStateComponent,
    LiveRegionComponent,
    LoadErrorComponent,
    NoticeComponent,
    QuestionListEditorComponent,
    TranslatePipe,
    LocalDatePipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './audit-detail-page.component.html',
  styleUrl: './audit-detail-page.component.css',
})
export class AuditDetailPageComponent implements OnInit {
  private readonly api = inject(AuditsApi);
  private readonly i18n = inject(I18nService);
  private readonly destroyRef = inject(DestroyRef);
  private readonly injector = inject(Injector);
  private readonly fb = inject(NonNullableFormBuilder);

  protected readonly locales = LOCALES;
  protected readonly languageNameKey = languageNameKey;
  protected readonly statusKey = statusKey;
  protected readonly kindKey = kindKey;
  protected readonly message = auditFieldMessage;

  protected readonly audit = signal<AuditDetailView | null>(null);
  protected readonly state = signal<'loading' | 'ready' | 'notFound' | 'failed'>('loading');
  protected readonly announcement = signal('');

  protected readonly questions = new QuestionListForm(this.fb);
  protected readonly savingQuestions = signal(false);
  protected readonly questionsProblem = signal<string | null>(null);
  protected readonly questionsSaved = signal(false);
  /** Answers stay tied to the questions they answered: the API refuses changes once someone answered. */
  protected readonly questionsLocked = computed(() => (this.audit()?.answeredCount ?? 0) > 0);

  protected readonly respondentForm = this.fb.group({
    email: this.fb.control('', [Validators.required, Validators.email, Validators.maxLength(320)]),
    name: this.fb.control('', [Validators.maxLength(120)]),
    locale: this.fb.control<Locale | null>(null),
  });
  protected readonly addingRespondent = signal(false);
  protected readonly respondentProblem = signal<string | null>(null);
  protected readonly reminding = signal<string | null>(null);
  protected readonly remindProblem = signal<string | null>(null);

  protected readonly pastDue = computed(() => isPastDue(this.audit()?.dueDate ?? null));
  protected readonly answered = computed(() => {
    const audit = this.audit();
    return audit === null
      ? []
      : audit.respondents
          .filter((respondent) => respondent.answeredAt !== null)
          .map((respondent) => ({ respondent, lines: answerSheet(audit.questions, respondent) }));
  });

  private readonly route = inject(ActivatedRoute);
  private routeId = '';

  ngOnInit(): void {
    this.route.paramMap.pipe(takeUntilDestroyed(this.destroyRef)).subscribe((params) => {
      this.routeId = params.get('id') ?? '';
      this.audit.set(null);
      this.questions.load([]);
      this.load();
    });
  }

  protected load(): void {
    this.state.set(this.audit() === null ? 'loading' : 'ready');
    this.api
      .get(this.routeId)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (audit) => this.show(audit),
        error: (error: unknown) => {
          // A malformed id is a 400 naming `id`: to a reader, the same as an unknown audit.
          this.state.set(isNotFound(error) || apiFieldErrors(error).length > 0 ? 'notFound' : 'failed');
        },
      });
  }

  protected saveQuestions(): void {
    this.questions.markAllAsTouched();
    this.questionsSaved.set(false);
    if (this.questions.array.invalid) {
      this.setQuestionsProblem(this.i18n.t('audits.questions.invalid'));
      this.focusFirstInvalid('form.edit-questions');
      return;
    }
    this.savingQuestions.set(true);
    this.questionsProblem.set(null);
    this.api
      .replaceQuestions(this.routeId, this.questions.value())
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (saved) => {
          this.savingQuestions.set(false);
          this.audit.update((audit) =>
            audit === null ? audit : { ...audit, questions: saved, questionCount: saved.length },
          );
          this.questions.load(saved);
          this.questionsSaved.set(true);
          this.announcement.set(this.i18n.t('audits.questions.saved'));
        },
        error: (error: unknown) => {
          this.savingQuestions.set(false);
          if (errorCode(error) === 'audit_questions_locked') {
            // Someone answered meanwhile: show the audit as it now is, questions locked.
            this.announcement.set(this.i18n.t('audits.questions.lockedMeanwhile'));
            this.load();
            return;
          }
          const errors = apiFieldErrors(error);
          if (errors.length === 0) {
            this.setQuestionsProblem(this.i18n.t('audits.questions.saveFailed'));
            return;
          }
          const unplaced = this.questions.applyServerErrors(errors);
          this.setQuestionsProblem(
            [
              this.i18n.t('audits.questions.invalid'),
              ...unplaced.map((e) =>
                this.i18n.t('audits.error.serverField', { field: e.field, reason: e.reason }),
              ),
            ].join(' '),
          );
          this.focusFirstInvalid('form.edit-questions');
        },
      });
  }

  protected resetQuestions(): void {
    this.questions.load(this.audit()?.questions ?? []);
    this.questionsProblem.set(null);
  }

  protected addRespondent(): void {
    this.respondentForm.markAllAsTouched();
    if (this.respondentForm.invalid) {
      this.setRespondentProblem(this.i18n.t('audits.respondents.invalid'));
      this.focusFirstInvalid('form.add-respondent');
      return;
    }
    const value = this.respondentForm.getRawValue();
    const name = value.name.trim();
    this.addingRespondent.set(true);
    this.respondentProblem.set(null);
    this.api
      .addRespondent(this.routeId, {
        email: value.email.trim(),
        ...(name === '' ? {} : { name }),
        ...(value.locale === null ? {} : { locale: value.locale }),
      })
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (respondent) => {
          this.addingRespondent.set(false);
          this.respondentForm.reset();
          this.announcement.set(this.i18n.t('audits.respondents.added', { email: respondent.email }));
          this.load();
        },
        error: (error: unknown) => {
          this.addingRespondent.set(false);
          this.respondentRefused(error);
        },
      });
  }

  protected remind(respondent: RespondentDetailView): void {
    this.reminding.set(respondent.id);
    this.remindProblem.set(null);
    this.api
      .remind(this.routeId, respondent.id)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (reminded) => {
          this.reminding.set(null);
          this.announcement.set(this.i18n.t('audits.respondents.reminded', { email: reminded.email }));
          this.load();
        },
        error: (error: unknown) => {
          this.reminding.set(null);
          const code = errorCode(error);
          const text =
            code === 'respondent_already_answered'
              ? this.i18n.t('audits.respondents.remindAnswered', { email: respondent.email })
              : code === 'audit_past_due'
                ? this.i18n.t('audits.respondents.pastDue')
                : this.i18n.t('audits.respondents.remindFailed', { email: respondent.email });
          this.remindProblem.set(text);
          this.announcement.set(text);
          if (code === 'respondent_already_answered') {
            this.load();
          }
        },
      });
  }

  /** "Yes", "No", the text, or "not answered" for an optional question left out. */
  protected answerText(value: AnswerValue | null): string {
    if (value === null) {
      return this.i18n.t('audits.answers.none');
    }
    if (typeof value === 'boolean') {
      return this.i18n.t(value ? 'audits.answers.yes' : 'audits.answers.no');
    }
    return value;
  }

  protected respondentLabel(respondent: RespondentDetailView): string {
    return respondent.name ?? respondent.email;
  }

  private show(audit: AuditDetailView): void {
    this.audit.set(audit);
    this.state.set('ready');
    if (!this.questions.array.dirty || audit.answeredCount > 0) {
      this.questions.load(audit.questions);
    }
  }

  private respondentRefused(error: unknown): void {
    const code = errorCode(error);
    const { email } = this.respondentForm.controls;
    if (code === 'respondent_already_invited') {
      showFieldError(email, this.i18n.t('audits.respondents.alreadyInvited'));
      this.setRespondentProblem(this.i18n.t('audits.respondents.alreadyInvited'));
      this.focusFirstInvalid('form.add-respondent');
      return;
    }
    if (code === 'audit_past_due') {
      this.setRespondentProblem(this.i18n.t('audits.respondents.pastDue'));
      return;
    }
    const errors = apiFieldErrors(error);
    if (errors.length === 0) {
      this.setRespondentProblem(this.i18n.t('audits.respondents.addFailed'));
      return;
    }
    const unplaced = applyFieldErrors(this.respondentForm, errors);
    this.setRespondentProblem(
      [
        this.i18n.t('audits.respondents.invalid'),
        ...unplaced.map((e) => this.i18n.t('audits.error.serverField', { field: e.field, reason: e.reason })),
      ].join(' '),
    );
    this.focusFirstInvalid('form.add-respondent');
  }

  private setQuestionsProblem(text: string): void {
    this.questionsProblem.set(text);
    this.announcement.set(text);
  }

  private setRespondentProblem(text: string): void {
    this.respondentProblem.set(text);
    this.announcement.set(text);
  }

  private focusFirstInvalid(formSelector: string): void {
    afterNextRender(
      () =>
        document
          .querySelector<HTMLElement>(`${formSelector} .ng-invalid:is(input, textarea, mat-select)`)
          ?.focus(),
      { injector: this.injector },
    );
  }
}
