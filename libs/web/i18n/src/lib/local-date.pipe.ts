import { inject, Pipe, type PipeTransform } from '@angular/core';
import { I18nService } from './i18n.service';

/** `{{ sentAt | localDate: 'short' }}`: a date in the interface language. Impure for the same reason as `t`. */
@Pipe({ name: 'localDate', pure: false })
export class LocalDatePipe implements PipeTransform {
  private readonly i18n = inject(I18nService);

  transform(value: Date | string | number | null | undefined, format = 'mediumDate'): string | null {
    return value === null || value === undefined ? null : this.i18n.formatDate(value, format);
  }
}
