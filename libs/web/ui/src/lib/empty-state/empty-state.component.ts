import { ChangeDetectionStrategy, Component } from '@angular/core';

/** What a list shows when it has nothing to show: say so, and (projected) what to do next. */
@Component({
  selector: 'mr-empty-state',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: '<ng-content />',
  styles: `
    :host {
      display: block;
      padding: 24px 16px;
      color: var(--mat-sys-on-surface-variant);
      text-align: center;
      border: 1px dashed var(--mat-sys-outline-variant);
    }
  `,
})
export class EmptyStateComponent {}
