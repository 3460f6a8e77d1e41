import { TestBed } from '@angular/core/testing';
import { TableScrollComponent } from './table-scroll.component';

it('is a labelled region that takes keyboard focus', async () => {
  const fixture = TestBed.createComponent(TableScrollComponent);
  fixture.componentRef.setInput('label', 'Emails');
  await fixture.whenStable();
  const frame = fixture.nativeElement as HTMLElement;

  expect([frame.getAttribute('role'), frame.getAttribute('aria-label'), frame.tabIndex]).toEqual([
    'region',
    'Emails',
    0,
  ]);
});
