import { ChangeDetectionStrategy, Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { NoticeComponent } from './notice.component';

@Component({
  imports: [NoticeComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<mr-notice kind="problem">Broken</mr-notice><mr-notice kind="note">Read only</mr-notice
    ><mr-notice>Saved</mr-notice>`,
})
class Notices {}

it('announces a problem at once, marks a note as a note and leaves plain information unannounced', async () => {
  const fixture = TestBed.createComponent(Notices);
  await fixture.whenStable();
  const notices = [...(fixture.nativeElement as HTMLElement).querySelectorAll('mr-notice')];

  expect(notices.map((notice) => [notice.textContent, notice.getAttribute('role')])).toEqual([
    ['Broken', 'alert'],
    ['Read only', 'note'],
    ['Saved', null],
  ]);
});
