import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { MatCard, MatCardContent } from '@angular/material/card';
import type { SmtpHealthState, SmtpSettingsView } from '@mailroute/shared/contracts';
import { LocalDatePipe, type TranslationKey, TranslatePipe } from '@mailroute/web/i18n';

const HEALTH_KEYS: { readonly [S in SmtpHealthState]: TranslationKey } = {
  ok: 'smtp.health.ok',
  degraded: 'smtp.health.degraded',
  unknown: 'smtp.health.unknown',
};

/** Which route the organization's emails take now, its health and the last delivery. */
@Component({
  selector: 'mr-smtp-status',
  imports: [MatCard, MatCardContent, TranslatePipe, LocalDatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <mat-card appearance="outlined">
      <mat-card-content>
        <h3 id="smtp-status-heading">{{ 'smtp.status.heading' | t }}</h3>
        <dl aria-labelledby="smtp-status-heading" data-testid="smtp-status">
          <dt>{{ 'smtp.status.route' | t }}</dt>
          <dd data-testid="smtp-route">
            @if (view().mode === 'custom') {
              {{
                'smtp.status.custom'
                  | t
                    : { host: view().host ?? '', port: view().port ?? '', sender: view().senderAddress ?? '' }
              }}
            } @else {
              {{ 'smtp.status.platform' | t }}
            }
          </dd>
          @if (view().activeSince; as since) {
            <dt>{{ 'smtp.status.since' | t }}</dt>
            <dd>{{ since | localDate: 'medium' }}</dd>
          }
          <dt>{{ 'smtp.status.health' | t }}</dt>
          <dd>
            <span class="health" [attr.data-state]="view().health.state">
              <span aria-hidden="true">{{
                view().health.state === 'degraded' ? '⚠' : view().health.state === 'ok' ? '✓' : '•'
              }}</span>
              {{ healthKey() | t }}
            </span>
            @if (view().health.held) {
              <span class="held">{{ 'smtp.status.held' | t }}</span>
            }
          </dd>
          @if (view().health.lastFailure; as failure) {
            <dt>{{ 'smtp.status.lastFailure' | t }}</dt>
            <dd>
              {{
                'smtp.status.lastFailureText'
                  | t: { at: (failure.at | localDate: 'medium') ?? '', message: failure.message }
              }}
            </dd>
          }
          <dt>{{ 'smtp.status.lastSuccess' | t }}</dt>
          <dd>
            @if (view().health.lastSuccessAt; as at) {
              {{ at | localDate: 'medium' }}
            } @else {
              {{ 'smtp.status.never' | t }}
            }
          </dd>
        </dl>
      </mat-card-content>
    </mat-card>
  `,
  styles: `
    h3 {
      font: var(--mat-sys-title-medium);
      margin: 0 0 12px;
    }
    dl {
      display: grid;
      grid-template-columns: max-content 1fr;
      gap: 8px 24px;
      margin: 0;
    }
    dt {
      font: var(--mat-sys-label-large);
      color: var(--mat-sys-on-surface-variant);
    }
    dd {
      margin: 0;
    }
    .health {
      font-weight: 700;
    }
    .health[data-state='degraded'],
    .held {
      color: var(--mat-sys-error);
    }
    .held {
      display: block;
    }
  `,
})
export class SmtpStatusComponent {
  readonly view = input.required<SmtpSettingsView>();

  protected healthKey(): TranslationKey {
    return HEALTH_KEYS[this.view().health.state];
  }
}
