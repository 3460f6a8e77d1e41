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
import { type AbstractControl, NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatCard, MatCardContent } from '@angular/material/card';
import { MatError, MatFormField, MatHint } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatRadioButton, MatRadioGroup } from '@angular/material/radio';
import { ActivatedRoute } from '@angular/router';
import {
  type AnswerValue,
  MAX_TEXT_ANSWER_LENGTH,
  type RespondentAccessView,
} from '@mailroute/shared/contracts';
import { apiFieldErrors, fieldMessage } from '@mailroute/web/core';
import { I18nService, LocalDatePipe, TranslatePipe } from '@mailroute/web/i18n';
import {
  LiveRegionComponent,
  LoadErrorComponent,
  LocaleSwitchComponent,
  NoticeComponent,
} from '@mailroute/web/ui';
import { errorCode, isNotFound } from '../data-access/api-answers';
import { AuditResponsesApi } from '../data-access/audit-responses.api';
import { ANSWER_FIELD_TEXTS } from '../field-texts';
import { AnswerForm } from './answer-form';

type LinkState = 'loading' | 'ready' | 'notFound' | 'expired' | 'failed';

/**
 * `/audits/respond/:token`, the link of a respondent's email, without sign-in: the audit's
 * questions to answer once, then a thank-you; opened again, their answers as given. An unknown or
 * replaced link and an expired one each say so, with what to do.
 */
@Component({
  selector: 'mr-audit-respond-page',
  imports: [
    LocaleSwitchComponent,
    ReactiveFormsModule,
    MatButton,
    MatCard,
    MatCardContent,
    MatError,
    MatFormField,
    MatHint,
    MatInput,
    MatProgressBar,
    MatRadioButton,
    MatRadioGroup,
    LiveRegionComponent,
    LoadErrorComponent,
    NoticeComponent,
    TranslatePipe,
    LocalDatePipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './audit-respond-page.component.html',
  styleUrl: './audit-respond-page.component.css',
})
export class AuditRespondPageComponent implements OnInit {
  private readonly api = inject(AuditResponsesApi);
  private readonly i18n = inject(I18nService);
  private readonly fb = inject(NonNullableFormBuilder);
  private readonly destroyRef = inject(DestroyRef);
  private readonly injector = inject(Injector);
  private readonly token = inject(ActivatedRoute).snapshot.paramMap.get('token') ?? '';

  protected readonly maxLength = MAX_TEXT_ANSWER_LENGTH;
  /** What to say under an answer: "an answer is required" rather than the forms' "fill in this field". */
  protected readonly message = (control: AbstractControl) => fieldMessage(control, ANSWER_FIELD_TEXTS);

  protected readonly state = signal<LinkState>('loading');
  protected readonly view = signal<RespondentAccessView | null>(null);
  protected readonly form = signal<AnswerForm | null>(null);
  /** Set once this visit submitted the answers: a thank-you rather than "already answered". */
  protected readonly justSubmitted = signal(false);
  protected readonly submitting = signal(false);
  protected readonly problem = signal<string | null>(null);
  protected readonly announcement = signal('');

  protected readonly givenAnswers = computed(() => {
    const view = this.view();
    if (view?.answers === null || view === null) {
      return [];
    }
    const byQuestion = new Map(view.answers.map((answer) => [answer.questionId, answer.value]));
    return view.questions.map((question) => ({ question, value: byQuestion.get(question.id) ?? null }));
  });

  ngOnInit(): void {
    this.load();
  }

  protected load(): void {
    this.state.set('loading');
    this.api
      .access(this.token)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (view) => this.show(view),
        error: (error: unknown) => this.state.set(this.linkState(error)),
      });
  }

  protected submit(): void {
    const form = this.form();
    if (form === null) {
      return;
    }
    form.array.markAllAsTouched();
    if (form.array.invalid) {
      this.refuse(this.invalidCount(form));
      return;
    }
    this.submitting.set(true);
    this.problem.set(null);
    this.api
      .submit(this.token, form.value())
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (view) => {
          this.submitting.set(false);
          this.justSubmitted.set(true);
          this.show(view);
          this.announcement.set(this.i18n.t('audits.respond.thanks'));
          this.focusAfterRender('#respond-outcome');
        },
        error: (error: unknown) => {
          this.submitting.set(false);
          this.submitRefused(form, error);
        },
      });
  }

  protected answerText(value: AnswerValue | null): string {
    if (value === null) {
      return this.i18n.t('audits.answers.none');
    }
    if (typeof value === 'boolean') {
      return this.i18n.t(value ? 'audits.answers.yes' : 'audits.answers.no');
    }
    return value;
  }

  protected textLength(value: AnswerValue | null): number {
    return typeof value === 'string' ? value.length : 0;
  }

  private show(view: RespondentAccessView): void {
    this.i18n.preferUnlessChosen(view.locale);
    this.view.set(view);
    this.form.set(view.answeredAt === null ? new AnswerForm(this.fb, view.questions) : null);
    this.state.set('ready');
  }

  private submitRefused(form: AnswerForm, error: unknown): void {
    const code = errorCode(error);
    if (code === 'answers_already_submitted' || code === 'audit_has_no_questions') {
      // The link's current state says it better than an error: their answers, or no questions.
      this.load();
      return;
    }
    if (code === 'respondent_link_expired' || code === 'respondent_link_not_found') {
      this.state.set(this.linkState(error));
      return;
    }
    const errors = apiFieldErrors(error);
    if (errors.length === 0) {
      const text = this.i18n.t('audits.respond.submitFailed');
      this.problem.set(text);
      this.announcement.set(text);
      return;
    }
    const unplaced = form.applyServerErrors(errors);
    this.refuse(
      this.invalidCount(form),
      unplaced.map((e) => this.i18n.t('audits.error.serverField', { field: e.field, reason: e.reason })),
    );
  }

  private refuse(count: number, more: string[] = []): void {
    const text = [this.i18n.t('audits.respond.invalid', { count }), ...more].join(' ');
    this.problem.set(text);
    this.announcement.set(text);
    this.focusAfterRender('.answer-form [aria-invalid="true"]');
  }

  private invalidCount(form: AnswerForm): number {
    return form.array.controls.filter((control) => control.invalid).length;
  }

  private linkState(error: unknown): LinkState {
    if (isNotFound(error)) {
      return 'notFound';
    }
    return errorCode(error) === 'respondent_link_expired' ? 'expired' : 'failed';
  }

  private focusAfterRender(selector: string): void {
    afterNextRender(
      () => {
        const target = document.querySelector<HTMLElement>(selector);
        const focusable = target?.matches('[role="radiogroup"]')
          ? target.querySelector<HTMLElement>('input:checked, input')
          : target;
        focusable?.focus();
      },
      { injector: this.injector },
    );
  }
}
