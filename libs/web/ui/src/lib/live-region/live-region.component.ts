import { ChangeDetectionStrategy, Component, input } from '@angular/core';

/**
 * What a screen reader should hear after an action whose result is shown elsewhere on the page
 * ("Saved", "3 emails"): a polite live region, invisible on screen. It must be in the page before
 * the message changes, so render it unconditionally.
 */
@Component({
  selector: 'mr-live-region',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { class: 'visually-hidden', 'aria-live': 'polite', role: 'status' },
  template: '{{ message() }}',
})
export class LiveRegionComponent {
  readonly message = input('');
}
