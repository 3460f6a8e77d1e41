import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatCard, MatCardContent } from '@angular/material/card';
import { SessionService } from '@mailroute/web/core';
import { I18nService, languageNameKey, roleKey, TranslatePipe } from '@mailroute/web/i18n';

/** The organization's name and default language, and the signed-in user's role in it. */
@Component({
  selector: 'mr-organization-overview',
  imports: [MatCard, MatCardContent, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (overview(); as overview) {
      <section aria-labelledby="organization-overview-heading">
        <h2 id="organization-overview-heading">{{ 'organization.heading' | t }}</h2>
        <mat-card appearance="outlined">
          <mat-card-content>
            <dl>
              <dt>{{ 'organization.name' | t }}</dt>
              <dd>{{ overview.name }}</dd>
              <dt>{{ 'organization.defaultLanguage' | t }}</dt>
              <dd [attr.lang]="overview.defaultLocale">{{ overview.defaultLanguage }}</dd>
              <dt>{{ 'organization.yourRole' | t }}</dt>
              <dd>{{ overview.role }}</dd>
            </dl>
          </mat-card-content>
        </mat-card>
      </section>
    }
  `,
  styles: `
    h2 {
      font: var(--mat-sys-title-large);
      margin: 0 0 16px;
    }
    mat-card {
      max-width: 640px;
    }
    dl {
      display: grid;
      grid-template-columns: max-content 1fr;
      gap: 12px 32px;
      margin: 0;
    }
    dt {
      font: var(--mat-sys-label-large);
      color: var(--mat-sys-on-surface-variant);
    }
    dd {
      font: var(--mat-sys-body-large);
      margin: 0;
    }
  `,
})
export class OrganizationOverviewComponent {
  private readonly i18n = inject(I18nService);
  private readonly user = inject(SessionService).currentUser;

  protected readonly overview = computed(() => {
    const user = this.user();
    if (user === null) {
      return null;
    }
    const { organization } = user;
    return {
      name: organization.name,
      defaultLocale: organization.defaultLocale,
      defaultLanguage: this.i18n.t(languageNameKey(organization.defaultLocale)),
      role: this.i18n.t(roleKey(user.role)),
    };
  });
}
