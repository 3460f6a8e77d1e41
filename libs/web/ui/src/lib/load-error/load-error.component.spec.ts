import { ChangeDetectionStrategy, Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { I18nService } from '@mailroute/web/i18n';
import { LoadErrorComponent } from './load-error.component';

@Component({
  imports: [LoadErrorComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<mr-load-error (retry)="retries = retries + 1">The list could not be loaded.</mr-load-error>`,
})
class Host {
  retries = 0;
}

it('says what failed as an alert and retries on its button', async () => {
  TestBed.inject(I18nService).setLocale('en');
  const fixture = TestBed.createComponent(Host);
  await fixture.whenStable();
  const page = fixture.nativeElement as HTMLElement;

  expect(page.querySelector('[role="alert"]')?.textContent).toContain('The list could not be loaded.');
  const button = page.querySelector('button');
  expect(button?.textContent?.trim()).toBe('Try again');
  button?.click();

  expect(fixture.componentInstance.retries).toBe(1);
});
