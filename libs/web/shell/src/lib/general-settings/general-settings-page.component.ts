import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatTabLink, MatTabNav, MatTabNavPanel } from '@angular/material/tabs';
import { ActivatedRoute, RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { navEntries } from '@mailroute/web/core';
import { TranslatePipe } from '@mailroute/web/i18n';

/**
 * General settings: a header, one tab per labelled child route, and the selected section below.
 * The app adds sections (e.g. SMTP) as child routes; see `shellRoutes`.
 */
@Component({
  selector: 'mr-general-settings-page',
  imports: [RouterOutlet, RouterLink, RouterLinkActive, MatTabNav, MatTabLink, MatTabNavPanel, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <header class="page-header">
      <h1>{{ 'generalSettings.heading' | t }}</h1>
      <p>{{ 'generalSettings.intro' | t }}</p>
    </header>

    <nav
      mat-tab-nav-bar
      mat-stretch-tabs="false"
      mat-align-tabs="start"
      [tabPanel]="panel"
      [attr.aria-label]="'generalSettings.sections' | t"
    >
      @for (tab of tabs; track tab.path) {
        <a
          mat-tab-link
          [routerLink]="tab.path"
          routerLinkActive
          #active="routerLinkActive"
          [active]="active.isActive"
        >
          {{ tab.label | t }}
        </a>
      }
    </nav>
    <mat-tab-nav-panel #panel class="panel">
      <router-outlet />
    </mat-tab-nav-panel>
  `,
  styles: `
    .page-header h1 {
      font: var(--mat-sys-headline-medium);
      margin: 0 0 4px;
    }
    .page-header p {
      font: var(--mat-sys-body-medium);
      color: var(--mat-sys-on-surface-variant);
      margin: 0 0 16px;
    }
    .panel {
      display: block;
      padding-top: 24px;
    }
  `,
})
export class GeneralSettingsPageComponent {
  protected readonly tabs = navEntries(inject(ActivatedRoute).routeConfig?.children);
}
