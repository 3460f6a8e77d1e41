import { effect, inject, Injectable, signal } from '@angular/core';
import { Title } from '@angular/platform-browser';
import { type RouterStateSnapshot, TitleStrategy } from '@angular/router';
import { I18nService } from './i18n.service';
import type { TranslationKey } from './text-catalogue';

/** Route `title`s are translation keys; the document title is "<page> · Mailroute" and follows a language switch. */
@Injectable({ providedIn: 'root' })
export class TranslatedTitleStrategy extends TitleStrategy {
  private readonly title = inject(Title);
  private readonly i18n = inject(I18nService);
  private readonly pageKey = signal<string | undefined>(undefined);

  constructor() {
    super();
    effect(() => {
      const product = this.i18n.t('app.productName');
      const key = this.pageKey();
      this.title.setTitle(this.i18n.isKey(key) ? `${this.i18n.t(key)} · ${product}` : product);
    });
  }

  override updateTitle(snapshot: RouterStateSnapshot): void {
    this.pageKey.set(this.buildTitle(snapshot));
  }
}

/** Declares a route's page title by its translation key, checked at compile time. */
export function pageTitle(key: TranslationKey): string {
  return key;
}
