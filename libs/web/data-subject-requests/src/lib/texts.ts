import type { DataSubjectRequestType, EmailStatus } from '@mailroute/shared/contracts';
import type { I18nService, TranslationKey } from '@mailroute/web/i18n';
import type { Failure } from './data-access/api-answers';

export function requestTypeKey(type: DataSubjectRequestType): TranslationKey {
  return `dataSubjectRequests.type.${type}`;
}

export function deliveryStatusKey(status: EmailStatus | 'unknown'): TranslationKey {
  return `dataSubjectRequests.delivery.status.${status}`;
}

/** A failed call in a sentence; the API's own message is added when it gave one. */
export function failureText(i18n: I18nService, failure: Failure, apiMessage: string | null): string {
  switch (failure) {
    case 'unreachable':
      return i18n.t('dataSubjectRequests.error.unreachable');
    case 'forbidden':
      return i18n.t('dataSubjectRequests.error.forbidden');
    case 'notFound':
      return i18n.t('dataSubjectRequests.error.notFound');
    case 'refused':
      return apiMessage === null
        ? i18n.t('dataSubjectRequests.error.unexpected')
        : i18n.t('dataSubjectRequests.error.refused', { reason: apiMessage });
  }
}
