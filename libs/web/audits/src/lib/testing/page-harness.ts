import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter, type Routes } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { authInterceptor } from '@mailroute/web/core';
import { I18nService, provideI18n, provideTexts } from '@mailroute/web/i18n';
import { auditsTexts } from '../i18n/audits.texts';

export interface PageUnderTest {
  harness: RouterTestingHarness;
  http: HttpTestingController;
  /** The routed page's element, once navigated. */
  page: () => HTMLElement;
  stable: () => Promise<void>;
}

/** The routes under test with the app's HTTP stack (interceptor included) and this feature's texts, in English. */
export async function pageUnderTest(routes: Routes, url: string): Promise<PageUnderTest> {
  localStorage.clear();
  TestBed.configureTestingModule({
    providers: [
      provideRouter(routes),
      provideHttpClient(withInterceptors([authInterceptor])),
      provideHttpClientTesting(),
      provideI18n(),
      provideTexts(auditsTexts),
    ],
  });
  TestBed.inject(I18nService).setLocale('en');
  const http = TestBed.inject(HttpTestingController);
  const harness = await RouterTestingHarness.create();
  await harness.navigateByUrl(url);
  return {
    harness,
    http,
    page: () => harness.routeNativeElement as HTMLElement,
    stable: () => harness.fixture.whenStable(),
  };
}

export function text(element: Element | null | undefined): string {
  return (element?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** Types into a field as a user does: the value, then input and blur events. */
export async function type(
  field: HTMLInputElement | HTMLTextAreaElement | null,
  value: string,
): Promise<void> {
  if (field === null) {
    throw new Error('No such field');
  }
  field.value = value;
  field.dispatchEvent(new Event('input'));
  field.dispatchEvent(new Event('blur'));
  await Promise.resolve();
}

export function buttonNamed(root: HTMLElement, name: string): HTMLButtonElement {
  const button = Array.from(root.querySelectorAll('button')).find((candidate) => text(candidate) === name);
  if (button === undefined) {
    throw new Error(`No button "${name}"`);
  }
  return button;
}
