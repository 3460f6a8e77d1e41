import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';

export type NoticeKind = 'note' | 'info' | 'problem';

/**
 * A boxed message. `problem` is announced at once (role alert), `note` is a standing remark
 * (role note, e.g. "read-only for members"), `info` is plain text for a result already announced.
 */
@Component({
  selector: 'mr-notice',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { '[attr.role]': 'role()', '[attr.data-kind]': 'kind()' },
  template: '<ng-content />',
  styles: `
    :host {
      display: block;
      margin: 0;
      padding: 12px 16px;
      border-left: 4px solid var(--mat-sys-tertiary);
      border-radius: var(--mat-sys-corner-small);
      background: var(--mat-sys-surface-container);
    }
    :host([data-kind='problem']) {
      border-left-color: var(--mat-sys-error);
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
  `,
})
export class NoticeComponent {
  readonly kind = input<NoticeKind>('info');
  protected readonly role = computed(() => {
    switch (this.kind()) {
      case 'problem':
        return 'alert';
      case 'note':
        return 'note';
      case 'info':
        return null;
    }
  });
}
