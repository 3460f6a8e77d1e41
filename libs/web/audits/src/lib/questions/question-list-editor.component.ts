import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  inject,
  Injector,
  input,
  signal,
} from '@angular/core';
import type { AbstractControl } from '@angular/forms';
import { ReactiveFormsModule } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatCheckbox } from '@angular/material/checkbox';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatRadioButton, MatRadioGroup } from '@angular/material/radio';
import { MAX_QUESTION_TEXT_LENGTH, QUESTION_KINDS, type QuestionKind } from '@mailroute/shared/contracts';
import { I18nService, type TranslationKey, TranslatePipe } from '@mailroute/web/i18n';
import { LiveRegionComponent } from '@mailroute/web/ui';
import { auditFieldMessage } from '../field-texts';
import type { QuestionListForm } from './question-list-form';

export function kindKey(kind: QuestionKind): TranslationKey {
  return `audits.kind.${kind}`;
}

let nextEditorId = 0;

/**
 * The questions of an audit being written: one fieldset per question (its text, whether it is
 * answered yes/no or with a text, whether an answer is required), moved up and down with buttons
 * so the order can be changed from the keyboard, and an "add" button up to the limit of 50.
 */
@Component({
  selector: 'mr-question-list-editor',
  imports: [
    ReactiveFormsModule,
    MatButton,
    MatCheckbox,
    MatError,
    MatFormField,
    MatHint,
    MatInput,
    MatLabel,
    MatRadioButton,
    MatRadioGroup,
    LiveRegionComponent,
    TranslatePipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <mr-live-region [message]="announcement()" />
    @if (form().count() === 0) {
      <p class="none" data-testid="questions-none">{{ 'audits.questions.none' | t }}</p>
    }
    <ol class="question-list">
      @for (group of form().array.controls; track group; let i = $index, first = $first, last = $last) {
        <li>
          <fieldset [formGroup]="group" class="question" [attr.data-testid]="'question-' + i">
            <legend>{{ 'audits.questions.legend' | t: { number: i + 1 } }}</legend>
            <mat-form-field appearance="outline" class="question-text">
              <mat-label>{{ 'audits.questions.text' | t }}</mat-label>
              <input matInput formControlName="text" required [id]="id + '-text-' + i" />
              <mat-hint align="end">{{ group.controls.text.value.length }} / {{ maxLength }}</mat-hint>
              @if (message(group.controls.text); as text) {
                <mat-error>{{ text.key | t: text.params }}</mat-error>
              }
            </mat-form-field>

            <div class="question-options">
              <span class="kind-label" [id]="id + '-kind-' + i">{{ 'audits.questions.kind' | t }}</span>
              <mat-radio-group formControlName="kind" [attr.aria-labelledby]="id + '-kind-' + i">
                @for (kind of kinds; track kind) {
                  <mat-radio-button [value]="kind">{{ kindKey(kind) | t }}</mat-radio-button>
                }
              </mat-radio-group>
              <mat-checkbox formControlName="required">{{ 'audits.questions.required' | t }}</mat-checkbox>
            </div>
            @for (problem of otherProblems(group.controls.kind, group.controls.required); track $index) {
              <p class="problem" role="alert">{{ 'audits.error.server' | t: { reason: problem } }}</p>
            }

            <div class="question-actions">
              <button
                mat-button
                type="button"
                [id]="id + '-up-' + i"
                [disabled]="first"
                (click)="move(i, -1)"
              >
                {{ 'audits.questions.moveUp' | t }}
              </button>
              <button
                mat-button
                type="button"
                [id]="id + '-down-' + i"
                [disabled]="last"
                (click)="move(i, 1)"
              >
                {{ 'audits.questions.moveDown' | t }}
              </button>
              <button mat-button type="button" (click)="remove(i)">
                {{ 'audits.questions.remove' | t }}
              </button>
            </div>
          </fieldset>
        </li>
      }
    </ol>
    <button mat-stroked-button type="button" [disabled]="form().count() >= form().max" (click)="add()">
      {{ 'audits.questions.add' | t }}
    </button>
    @if (form().count() >= form().max) {
      <p class="limit">{{ 'audits.questions.limit' | t: { max: form().max } }}</p>
    }
  `,
  styles: `
    .question-list {
      list-style: none;
      margin: 0 0 12px;
      padding: 0;
      display: flex;
      flex-direction: column;
      gap: 12px;
    }
    .question {
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: var(--mat-sys-corner-small);
      padding: 8px 16px 4px;
      margin: 0;
    }
    legend {
      font: var(--mat-sys-title-small);
      padding: 0 4px;
    }
    .question-text {
      width: 100%;
    }
    .question-options {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 4px 16px;
    }
    .kind-label {
      font: var(--mat-sys-body-medium);
    }
    .question-actions {
      display: flex;
      flex-wrap: wrap;
      gap: 4px;
      justify-content: flex-end;
    }
    .none,
    .limit {
      color: var(--mat-sys-on-surface-variant);
    }
    .problem {
      color: var(--mat-sys-error);
      margin: 4px 0;
    }
  `,
})
export class QuestionListEditorComponent {
  private readonly i18n = inject(I18nService);
  private readonly injector = inject(Injector);

  readonly form = input.required<QuestionListForm>();

  protected readonly id = `mr-questions-${nextEditorId++}`;
  protected readonly kinds = QUESTION_KINDS;
  protected readonly kindKey = kindKey;
  protected readonly maxLength = MAX_QUESTION_TEXT_LENGTH;
  protected readonly announcement = signal('');
  protected readonly message = auditFieldMessage;

  protected add(): void {
    this.form().add();
    const number = this.form().count();
    this.announcement.set(this.i18n.t('audits.questions.added', { number }));
    // The new question's text is where the user types next.
    this.focusAfterRender(`${this.id}-text-${number - 1}`);
  }

  protected remove(index: number): void {
    this.form().remove(index);
    this.announcement.set(this.i18n.t('audits.questions.removed', { number: index + 1 }));
  }

  protected move(index: number, offset: -1 | 1): void {
    const target = index + offset;
    this.form().move(index, offset);
    this.announcement.set(this.i18n.t('audits.questions.moved', { from: index + 1, to: target + 1 }));
    // Keep the focus on the question that moved: on the same button, or on the other one once
    // it reached the top or the bottom (where that button is disabled).
    const atEnd = target === 0 || target === this.form().count() - 1;
    const sameWay = offset === -1 ? 'up' : 'down';
    const otherWay = offset === -1 ? 'down' : 'up';
    this.focusAfterRender(`${this.id}-${atEnd ? otherWay : sameWay}-${target}`);
  }

  private focusAfterRender(elementId: string): void {
    afterNextRender(() => document.getElementById(elementId)?.focus(), { injector: this.injector });
  }

  /** The API's reasons for a question's kind or "required" (no field of their own to show them). */
  protected otherProblems(...controls: AbstractControl[]): string[] {
    return controls
      .map((control) => control.errors?.['server'] as unknown)
      .filter((reason): reason is string => typeof reason === 'string');
  }
}
