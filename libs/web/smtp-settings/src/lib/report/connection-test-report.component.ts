import {
  afterRenderEffect,
  ChangeDetectionStrategy,
  Component,
  computed,
  ElementRef,
  inject,
  input,
} from '@angular/core';
import type { ConnectionTestReport, ConnectionTestStage } from '@mailroute/shared/contracts';
import { I18nService, type TranslationKey, TranslatePipe } from '@mailroute/web/i18n';

export type ReportOutcome = 'saved' | 'tested' | 'refused';

export function stageKey(stage: ConnectionTestStage): TranslationKey {
  return `smtp.stage.${stage}`;
}

/**
 * A connection test, stage by stage: passed or failed (in words and a mark, not colour alone),
 * duration, the technical detail and the hint in the interface language. The failing stage
 * takes the focus so keyboard and screen-reader users land on the explanation.
 */
@Component({
  selector: 'mr-connection-test-report',
  imports: [TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="report" aria-labelledby="smtp-report-heading">
      <h3 id="smtp-report-heading">{{ 'smtp.report.heading' | t }}</h3>
      <p class="summary" [class.failed]="!report().ok" data-testid="report-summary">
        {{ summary() }}
      </p>
      <ol class="stages">
        @for (stage of report().stages; track stage.stage) {
          <li
            class="stage"
            [class.failed]="!stage.ok"
            [attr.id]="'smtp-stage-' + stage.stage"
            [attr.data-stage]="stage.stage"
            [attr.tabindex]="stage.ok ? null : -1"
          >
            <div class="stage-line">
              <span class="mark" aria-hidden="true">{{ stage.ok ? '✓' : '✗' }}</span>
              <strong class="stage-name">{{ stageLabel(stage.stage) }}</strong>
              <span class="verdict">{{
                (stage.ok ? 'smtp.report.stageOk' : 'smtp.report.stageFailed') | t
              }}</span>
              <span class="duration">{{ 'smtp.report.duration' | t: { ms: stage.durationMs } }}</span>
            </div>
            @if (stage.detail) {
              <code class="detail">{{ stage.detail }}</code>
            }
            @if (stage.hint; as hint) {
              <p class="hint">
                <strong>{{ 'smtp.report.whatToDo' | t }}</strong>{{ ' '
                }}<span [attr.lang]="locale()">{{ hint[locale()] }}</span>
              </p>
            }
          </li>
        }
      </ol>
      @if (report().ok && report().messageId; as messageId) {
        <p class="message-id">{{ 'smtp.report.messageId' | t: { id: messageId } }}</p>
      }
    </section>
  `,
  styles: `
    h3 {
      font: var(--mat-sys-title-medium);
      margin: 0 0 8px;
    }
    .summary {
      font: var(--mat-sys-body-large);
      padding: 8px 12px;
      border-left: 4px solid var(--mat-sys-primary);
      background: var(--mat-sys-surface-container);
    }
    .summary.failed,
    .stage.failed {
      border-left-color: var(--mat-sys-error);
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
    .stages {
      list-style: none;
      padding: 0;
      margin: 0;
      display: grid;
      gap: 6px;
    }
    .stage {
      padding: 8px 12px;
      border-left: 4px solid var(--mat-sys-outline-variant);
      border-radius: var(--mat-sys-corner-extra-small);
    }
    .stage:focus-visible {
      outline: 2px solid var(--mat-sys-error);
    }
    .stage-line {
      display: flex;
      gap: 12px;
      align-items: baseline;
      flex-wrap: wrap;
    }
    .mark {
      font-weight: 700;
    }
    .verdict,
    .duration {
      font: var(--mat-sys-label-medium);
    }
    .detail {
      display: block;
      margin-top: 4px;
      white-space: pre-wrap;
      word-break: break-word;
    }
    .hint {
      margin: 4px 0 0;
    }
  `,
})
export class ConnectionTestReportComponent {
  private readonly i18n = inject(I18nService);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);

  readonly report = input.required<ConnectionTestReport>();
  readonly outcome = input.required<ReportOutcome>();
  readonly savedHost = input<string | null>(null);

  protected readonly locale = this.i18n.locale;
  protected readonly summary = computed(() =>
    reportSummary(this.i18n, this.report(), this.outcome(), this.savedHost()),
  );

  constructor() {
    afterRenderEffect(() => {
      const failed = this.report().stages.find((stage) => !stage.ok);
      if (failed) {
        this.host.nativeElement.querySelector<HTMLElement>(`[data-stage="${failed.stage}"]`)?.focus();
      }
    });
  }

  protected stageLabel(stage: ConnectionTestStage): string {
    return this.i18n.t(stageKey(stage));
  }
}

/** One sentence saying how the test went, for the page and for the live announcement. */
export function reportSummary(
  i18n: I18nService,
  report: ConnectionTestReport,
  outcome: ReportOutcome,
  savedHost: string | null,
): string {
  if (report.ok) {
    const passed = i18n.t('smtp.report.passed', { recipient: report.testRecipient });
    return outcome === 'saved' && savedHost !== null
      ? `${i18n.t('smtp.report.saved', { host: savedHost })} ${passed}`
      : passed;
  }
  const failed = report.stages.find((stage) => !stage.ok);
  const text = i18n.t('smtp.report.failed', { stage: failed ? i18n.t(stageKey(failed.stage)) : '?' });
  return outcome === 'refused' ? `${text} ${i18n.t('smtp.report.notSaved')}` : text;
}
