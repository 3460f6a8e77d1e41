import { TestBed } from '@angular/core/testing';
import { MatPaginatorIntl } from '@angular/material/paginator';
import { I18nService } from '@mailroute/web/i18n';
import { provideTranslatedPaginator } from './provide-translated-paginator';

it('labels the paginator in the interface language and follows a switch', () => {
  TestBed.configureTestingModule({ providers: [provideTranslatedPaginator()] });
  const i18n = TestBed.inject(I18nService);
  i18n.setLocale('en');
  const intl = TestBed.inject(MatPaginatorIntl);
  TestBed.tick();
  expect([intl.nextPageLabel, intl.getRangeLabel(1, 25, 60)]).toEqual(['Next page', '26–50 of 60']);

  i18n.setLocale('fr');
  TestBed.tick();

  expect([intl.nextPageLabel, intl.getRangeLabel(0, 25, 0)]).toEqual(['Page suivante', '0–0 sur 0']);
});
