import { effect, inject, Injectable } from '@angular/core';
import { MatPaginatorIntl } from '@angular/material/paginator';
import { I18nService } from '@mailroute/web/i18n';

/**
 * Material paginators' labels through the i18n layer; they follow a language switch. Provide it
 * where a paginator is used, with `provideTranslatedPaginator()`. Only pages with a paginator load
 * it: Material's paginator brings MatSelect and @angular/forms with it.
 */
@Injectable()
export class TranslatedPaginatorIntl extends MatPaginatorIntl {
  private readonly i18n = inject(I18nService);

  constructor() {
    super();
    effect(() => {
      const t = this.i18n.t;
      this.itemsPerPageLabel = t('paginator.itemsPerPage');
      this.nextPageLabel = t('paginator.next');
      this.previousPageLabel = t('paginator.previous');
      this.firstPageLabel = t('paginator.first');
      this.lastPageLabel = t('paginator.last');
      this.getRangeLabel = (page, pageSize, length) => {
        const start = length === 0 ? 0 : page * pageSize + 1;
        const end = Math.min(length, (page + 1) * pageSize);
        return t('paginator.range', { start, end, total: length });
      };
      this.changes.next();
    });
  }
}
