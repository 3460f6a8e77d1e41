import { ChangeDetectionStrategy, Component, input } from '@angular/core';

/**
 * A wide table's frame: it scrolls sideways on a narrow screen, and because it may scroll it is a
 * labelled region that takes keyboard focus (arrow keys scroll it; WCAG 2.1.1, axe
 * `scrollable-region-focusable`).
 */
@Component({
  selector: 'mr-table-scroll',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { role: 'region', tabindex: '0', '[attr.aria-label]': 'label()' },
  template: '<ng-content />',
  styles: `
    :host {
      display: block;
      overflow-x: auto;
    }
    :host(:focus-visible) {
      outline: 2px solid var(--mat-sys-primary);
      outline-offset: 2px;
    }
  `,
})
export class TableScrollComponent {
  /** What the table lists, e.g. "Emails"; screen readers announce the region by it. */
  readonly label = input.required<string>();
}
