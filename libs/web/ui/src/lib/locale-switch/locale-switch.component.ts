import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import {
  MatButtonToggle,
  type MatButtonToggleChange,
  MatButtonToggleGroup,
} from '@angular/material/button-toggle';
import { I18nService, languageNameKey, TranslatePipe } from '@mailroute/web/i18n';
import { isLocale, LOCALES } from '@mailroute/shared/contracts';

/** EN / FR switch. Each option carries its own `lang` and its language's name as a tooltip. */
@Component({
  selector: 'mr-locale-switch',
  imports: [MatButtonToggleGroup, MatButtonToggle, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <mat-button-toggle-group
      [value]="i18n.locale()"
      (change)="select($event)"
      [attr.aria-label]="'language.label' | t"
      hideSingleSelectionIndicator
    >
      @for (locale of locales; track locale) {
        <mat-button-toggle [value]="locale" [attr.lang]="locale" [attr.title]="languageNameKey(locale) | t">
          {{ locale.toUpperCase() }}
        </mat-button-toggle>
      }
    </mat-button-toggle-group>
  `,
  styles: `
    mat-button-toggle-group {
      --mat-button-toggle-height: 36px;
    }
    /* The selected option is bold too, so the choice does not rest on colour alone. */
    .mat-button-toggle-checked {
      font-weight: 700;
    }
  `,
})
export class LocaleSwitchComponent {
  protected readonly i18n = inject(I18nService);
  protected readonly locales = LOCALES;
  protected readonly languageNameKey = languageNameKey;

  protected select(change: MatButtonToggleChange): void {
    const value: unknown = change.value;
    if (isLocale(value)) {
      this.i18n.setLocale(value);
    }
  }
}
