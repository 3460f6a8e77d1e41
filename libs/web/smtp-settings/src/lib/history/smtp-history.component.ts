import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { MatTableModule } from '@angular/material/table';
import type { SmtpSettingsHistoryEntry } from '@mailroute/shared/contracts';
import { LocalDatePipe, type TranslationKey, TranslatePipe } from '@mailroute/web/i18n';

const ACTION_KEYS: { readonly [A in SmtpSettingsHistoryEntry['action']]: TranslationKey } = {
  activated: 'smtp.history.action.activated',
  updated: 'smtp.history.action.updated',
  deleted: 'smtp.history.action.deleted',
};

const FIELD_KEYS: Readonly<Record<string, TranslationKey>> = {
  host: 'smtp.history.field.host',
  port: 'smtp.history.field.port',
  security: 'smtp.history.field.security',
  username: 'smtp.history.field.username',
  password: 'smtp.history.field.password',
  senderAddress: 'smtp.history.field.senderAddress',
  senderName: 'smtp.history.field.senderName',
  replyTo: 'smtp.history.field.replyTo',
  caCertificate: 'smtp.history.field.caCertificate',
  failurePolicy: 'smtp.history.field.failurePolicy',
};

/** Who changed the SMTP settings, when, and which fields. */
@Component({
  selector: 'mr-smtp-history',
  imports: [MatTableModule, TranslatePipe, LocalDatePipe],
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
          <td mat-cell *matCellDef="let entry">
            @for (change of entry.changes; track change.field) {
              {{ fieldKey(change.field) | t }}{{ $last ? '' : ', ' }}
            }
          </td>
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

  /** The field's name in the reader's language; the API records `host`, `port`, `password`… */
  protected fieldKey(field: string): TranslationKey {
    return FIELD_KEYS[field] ?? 'smtp.history.field.unknown';
  }
}
