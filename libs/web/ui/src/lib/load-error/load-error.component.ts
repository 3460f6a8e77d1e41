import { ChangeDetectionStrategy, Component, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { TranslatePipe } from '@mailroute/web/i18n';
import { NoticeComponent } from '../notice/notice.component';

/** "This could not be loaded" (projected) and a Try again button: what a page shows when its data did not come. */
@Component({
  selector: 'mr-load-error',
  imports: [MatButtonModule, NoticeComponent, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <mr-notice kind="problem">
      <p><ng-content /></p>
      <button mat-stroked-button type="button" (click)="retry.emit()">{{ 'common.retry' | t }}</button>
    </mr-notice>
  `,
  styles: `
    p {
      margin: 0 0 8px;
    }
  `,
})
export class LoadErrorComponent {
  readonly retry = output();
}
