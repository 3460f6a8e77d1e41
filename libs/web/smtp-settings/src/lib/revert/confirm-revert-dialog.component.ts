import { ChangeDetectionStrategy, Component } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatDialogActions, MatDialogClose, MatDialogContent, MatDialogTitle } from '@angular/material/dialog';
import { TranslatePipe } from '@mailroute/web/i18n';

/** Asks before going back to the platform SMTP; closes with `true` to confirm. */
@Component({
  selector: 'mr-confirm-revert-dialog',
  imports: [MatDialogTitle, MatDialogContent, MatDialogActions, MatDialogClose, MatButton, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 mat-dialog-title>{{ 'smtp.revert.confirmTitle' | t }}</h2>
    <mat-dialog-content>{{ 'smtp.revert.confirmBody' | t }}</mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-button type="button" [mat-dialog-close]="false" cdkFocusInitial>
        {{ 'smtp.revert.cancel' | t }}
      </button>
      <button mat-flat-button type="button" class="danger" [mat-dialog-close]="true">
        {{ 'smtp.revert.confirm' | t }}
      </button>
    </mat-dialog-actions>
  `,
})
export class ConfirmRevertDialogComponent {}
