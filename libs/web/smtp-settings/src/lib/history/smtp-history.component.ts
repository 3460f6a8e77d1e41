import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import {
  MatCell,
  MatCellDef,
  MatColumnDef,
  MatHeaderCell,
  MatHeaderCellDef,
  MatHeaderRow,
  MatHeaderRowDef,
  MatRow,
  MatRowDef,
  MatTable,
} from '@angular/material/table';
import type { SmtpSettingsHistoryEntry } from '@mailroute/shared/contracts';
import { LocalDatePipe, type TranslationKey, TranslatePipe } from '@mailroute/web/core';

const ACTION_KEYS: { readonly [A in SmtpSettingsHistoryEntry['action']]: TranslationKey } = {
  activated: 'smtp.history.action.activated',
  updated: 'smtp.history.action.updated',
  deleted: 'smtp.history.action.deleted',
};

/** Who changed the SMTP settings, when, and which fields. */
@Component({
  selector: 'mr-smtp-history',
  imports: [
    MatTable,
    MatColumnDef,
    MatHeaderCell,
    MatHeaderCellDef,
    MatCell,
    MatCellDef,
    MatHeaderRow,
    MatHeaderRowDef,
    MatRow,
    MatRowDef,
    TranslatePipe,
    LocalDatePipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (entries().length === 0) {
      <p>{{ 'smtp.history.empty' | t }}</p>
    } @else {
      <table mat-table [dataSource]="entries()" data-testid="smtp-history">
        <ng-container matColumnDef="at">
          <th mat-header-cell *matHeaderCellDef scope="col">{{ 'smtp.history.when' | t }}</th>
          <td mat-cell *matCellDef="let entry">{{ entry.at | localDate: 'medium' }}</td>
        </ng-container>
        <ng-container matColumnDef="by">
          <th mat-header-cell *matHeaderCellDef scope="col">{{ 'smtp.history.who' | t }}</th>
          <td mat-cell *matCellDef="let entry">{{ entry.by?.email ?? ('smtp.history.unknownUser' | t) }}</td>
        </ng-container>
        <ng-container matColumnDef="action">
          <th mat-header-cell *matHeaderCellDef scope="col">{{ 'smtp.history.what' | t }}</th>
          <td mat-cell *matCellDef="let entry">{{ actionKey(entry) | t }}</td>
        </ng-container>
        <ng-container matColumnDef="fields">
          <th mat-header-cell *matHeaderCellDef scope="col">{{ 'smtp.history.fields' | t }}</th>
          <td mat-cell *matCellDef="let entry">{{ fields(entry) }}</td>
        </ng-container>
        <tr mat-header-row *matHeaderRowDef="columns"></tr>
        <tr mat-row *matRowDef="let row; columns: columns"></tr>
      </table>
    }
  `,
})
export class SmtpHistoryComponent {
  readonly entries = input.required<SmtpSettingsHistoryEntry[]>();
  protected readonly columns = ['at', 'by', 'action', 'fields'];

  protected actionKey(entry: SmtpSettingsHistoryEntry): TranslationKey {
    return ACTION_KEYS[entry.action];
  }

  /** Field names as the API records them (`host`, `port`, `password`…): technical names, like the form's. */
  protected fields(entry: SmtpSettingsHistoryEntry): string {
    return entry.changes.map((change) => change.field).join(', ');
  }
}
