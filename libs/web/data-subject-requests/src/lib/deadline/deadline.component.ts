import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { I18nService, LocalDatePipe, NOW } from '@mailroute/web/i18n';
import { calendarDate, deadlineOf, deadlineText } from './deadline';

/**
 * A request's due date and, in words, whether it is overdue: "14 Apr 2025 — Overdue by 3 days".
 * The colour and the mark only repeat what the words say.
 */
@Component({
  selector: 'mr-dsr-deadline',
  imports: [LocalDatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { '[attr.data-deadline]': 'deadline().state' },
  template: `
    <span class="date">{{ date() | localDate: 'mediumDate' }}</span>&ngsp;
    <span class="state">
      @if (deadline().state === 'overdue') {
        <span class="mark" aria-hidden="true">!</span>
      }
      {{ text() }}
    </span>
  `,
  styles: `
    :host {
      display: inline-flex;
      flex-wrap: wrap;
      gap: 0 8px;
    }
    .state {
      color: var(--mat-sys-on-surface-variant);
    }
    :host([data-deadline='overdue']) .state {
      color: var(--mat-sys-error);
      font-weight: 700;
    }
    .mark {
      display: inline-block;
      width: 1.2em;
      border-radius: 50%;
      background: var(--mat-sys-error);
      color: var(--mat-sys-on-error);
      text-align: center;
    }
  `,
})
export class DeadlineComponent {
  private readonly i18n = inject(I18nService);
  private readonly now = inject(NOW);

  /** `YYYY-MM-DD`. */
  readonly dueOn = input.required<string>();

  protected readonly date = computed(() => calendarDate(this.dueOn()));
  protected readonly deadline = computed(() => deadlineOf(this.dueOn(), this.now()));
  protected readonly text = computed(() => {
    const { key, params } = deadlineText(this.deadline());
    return this.i18n.t(key, params);
  });
}
