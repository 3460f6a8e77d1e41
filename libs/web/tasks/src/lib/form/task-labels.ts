import type { TaskStatus } from '@mailroute/shared/contracts';
import type { TranslationKey } from '@mailroute/web/i18n';

export const STATUS_KEYS: { readonly [S in TaskStatus]: TranslationKey } = {
  open: 'tasks.status.open',
  in_progress: 'tasks.status.in_progress',
  done: 'tasks.status.done',
};
