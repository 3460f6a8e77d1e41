import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { I18nService } from './i18n.service';
import { LocalDatePipe } from './local-date.pipe';
import { defineTexts } from './text-catalogue';
import { TranslatePipe } from './translate.pipe';

const specEn = { 'spec.heading': 'Sign in', 'spec.account': 'Signed in as {email}, {role}' } as const;
const specTexts = defineTexts('spec', specEn, {
  'spec.heading': 'Connexion',
  'spec.account': 'Connecté en tant que {email}, {role}',
});

declare module './text-catalogue' {
  interface TextKeys extends Record<keyof typeof specEn, true> {}
}

@Component({
  imports: [TranslatePipe, LocalDatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<h1>{{ 'spec.heading' | t }}</h1>
    <p>{{ i18n.t('spec.account', { email: 'ada@example.com', role: i18n.t('role.admin') }) }}</p>
    <time>{{ day | localDate: 'longDate' }}</time>`,
})
class TranslatedHost {
  protected readonly i18n = inject(I18nService);
  protected readonly day = new Date(2025, 2, 14);
}

function browserLanguage(language: string): void {
  jest.spyOn(window.navigator, 'language', 'get').mockReturnValue(language);
}

describe('I18nService', () => {
  beforeEach(() => {
    localStorage.clear();
    jest.restoreAllMocks();
  });

  it('starts in French when the browser prefers French', () => {
    browserLanguage('fr-CA');

    expect(TestBed.inject(I18nService).locale()).toBe('fr');
  });

  it('starts in English for any other browser language', () => {
    browserLanguage('de-DE');

    expect(TestBed.inject(I18nService).locale()).toBe('en');
  });

  it('remembers the chosen language on the next visit', () => {
    browserLanguage('en-US');
    TestBed.inject(I18nService).setLocale('fr');

    TestBed.resetTestingModule();

    expect(TestBed.inject(I18nService).locale()).toBe('fr');
  });

  it('re-renders texts and dates in the new language after a switch', async () => {
    browserLanguage('en-US');
    TestBed.inject(I18nService).register(specTexts);
    const fixture = TestBed.createComponent(TranslatedHost);
    await fixture.whenStable();
    const page = fixture.nativeElement as HTMLElement;
    expect(page.querySelector('h1')?.textContent).toBe('Sign in');
    expect(page.querySelector('p')?.textContent).toBe('Signed in as ada@example.com, Administrator');
    expect(page.querySelector('time')?.textContent).toBe('March 14, 2025');

    TestBed.inject(I18nService).setLocale('fr');
    await fixture.whenStable();

    expect(page.querySelector('h1')?.textContent).toBe('Connexion');
    expect(page.querySelector('p')?.textContent).toBe('Connecté en tant que ada@example.com, Administrateur');
    expect(page.querySelector('time')?.textContent).toBe('14 mars 2025');
    expect(document.documentElement.lang).toBe('fr');
  });

  it('shows a key whose owner is not registered as the key, and knows it once registered', () => {
    const i18n = TestBed.inject(I18nService);
    expect(i18n.t('spec.heading')).toBe('spec.heading');
    expect(i18n.isKey('spec.heading')).toBe(false);

    i18n.register(specTexts);
    i18n.register(specTexts);

    expect(i18n.t('spec.heading')).toBe(i18n.locale() === 'fr' ? 'Connexion' : 'Sign in');
    expect(i18n.isKey('spec.heading')).toBe(true);
  });

  it('refuses a second owner for a text', () => {
    const i18n = TestBed.inject(I18nService);
    i18n.register(specTexts);

    expect(() =>
      i18n.register(defineTexts('other', { 'spec.heading': 'Again' }, { 'spec.heading': 'Encore' })),
    ).toThrow('Text "spec.heading" of other is already defined by spec');
  });

  it('opens a page from an email in the email’s language, unless a language was chosen here', () => {
    browserLanguage('en-US');
    const i18n = TestBed.inject(I18nService);

    i18n.preferUnlessChosen('fr');
    expect(i18n.locale()).toBe('fr');
    TestBed.resetTestingModule();
    expect(TestBed.inject(I18nService).locale()).toBe('en');

    TestBed.inject(I18nService).setLocale('en');
    TestBed.inject(I18nService).preferUnlessChosen('fr');
    expect(TestBed.inject(I18nService).locale()).toBe('en');
  });
});
