import type { DeliveryView, InvitationStatus } from '@mailroute/shared/contracts';
import type { TranslationKey } from '@mailroute/web/i18n';

export function deliveryStatusKey(status: DeliveryView['status']): TranslationKey {
  return `members.delivery.${status}`;
}

export function invitationStatusKey(status: InvitationStatus): TranslationKey {
  return `members.invitations.status.${status}`;
}

/** Which route carried the email: the platform's by its type only, the organization's own by host and port. */
export function deliveryRoute(
  delivery: DeliveryView,
): { key: TranslationKey; host: string; port: number } | null {
  const route = delivery.route;
  if (route === null) {
    return null;
  }
  return route.type === 'custom'
    ? { key: 'members.delivery.route.custom', host: route.host ?? '', port: route.port ?? 0 }
    : { key: 'members.delivery.route.platform', host: '', port: 0 };
}
