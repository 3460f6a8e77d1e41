import { TestBed } from '@angular/core/testing';
import { LiveRegionComponent } from './live-region.component';

it('is a polite status region, hidden on screen, that says the latest message', async () => {
  const fixture = TestBed.createComponent(LiveRegionComponent);
  const region = fixture.nativeElement as HTMLElement;
  await fixture.whenStable();
  expect([region.getAttribute('role'), region.getAttribute('aria-live'), region.className]).toEqual([
    'status',
    'polite',
    'visually-hidden',
  ]);

  fixture.componentRef.setInput('message', '3 emails');
  await fixture.whenStable();

  expect(region.textContent).toBe('3 emails');
});
