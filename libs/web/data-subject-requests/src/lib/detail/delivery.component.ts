import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import type { DeliveryView } from '@mailroute/shared/contracts';
import { I18nService, LocalDatePipe, TranslatePipe } from '@mailroute/web/i18n';
import { deliveryStatusKey } from '../texts';

/**
 * Where one message's email stands, from the email log: its status in words, the route it left
 * (or tried to leave) through, when the server took it, and the last error while it has one.
 */
@Component({
  selector: 'mr-dsr-delivery',
  imports: [LocalDatePipe, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { '[attr.data-status]': 'delivery().status' },
  template: `
    <dl>
      <div>
        <dt>{{ 'dataSubjectRequests.delivery.status' | t }}</dt>
        <dd class="status" data-testid="delivery-status">{{ statusKey() | t }}</dd>
      </div>
      <div>
        <dt>{{ 'dataSubjectRequests.delivery.route' | t }}</dt>
        <dd data-testid="delivery-route" [attr.data-route]="delivery().route?.type ?? 'none'">
          {{ route() }}
        </dd>
      </div>
      @if (delivery().sentAt; as sentAt) {
        <div>
          <dt>{{ 'dataSubjectRequests.delivery.sentAt' | t }}</dt>
          <dd>{{ sentAt | localDate: 'medium' }}</dd>
        </div>
      }
      @if (delivery().lastError; as error) {
        <div class="error">
          <dt>{{ 'dataSubjectRequests.delivery.lastError' | t }}</dt>
          <dd data-testid="delivery-error">
            <code>{{ error }}</code>
          </dd>
        </div>
      }
    </dl>
  `,
  styles: `
    dl {
      display: flex;
      flex-wrap: wrap;
      gap: 4px 24px;
      margin: 0;
    }
    dt {
      font: var(--mat-sys-label-medium);
      color: var(--mat-sys-on-surface-variant);
    }
    dd {
      margin: 0;
    }
    .status {
      font-weight: 700;
    }
    :host([data-status='failed']) .status,
    :host([data-status='held']) .status {
      color: var(--mat-sys-error);
    }
    .error {
      flex-basis: 100%;
    }
    code {
      word-break: break-word;
      white-space: pre-wrap;
    }
  `,
})
export class DeliveryComponent {
  private readonly i18n = inject(I18nService);

  readonly delivery = input.required<DeliveryView>();

  protected readonly statusKey = computed(() => deliveryStatusKey(this.delivery().status));
  protected readonly route = computed(() => {
    const route = this.delivery().route;
    if (route === null) {
      return this.i18n.t('dataSubjectRequests.delivery.route.none');
    }
    switch (route.type) {
      case 'platform':
        return this.i18n.t('dataSubjectRequests.delivery.route.platform');
      case 'custom':
        return route.host === undefined
          ? this.i18n.t('dataSubjectRequests.delivery.route.customUnknown')
          : this.i18n.t('dataSubjectRequests.delivery.route.custom', {
              host: route.host,
              port: route.port ?? '',
            });
    }
  });
}
