import { ChangeDetectionStrategy, Component } from '@angular/core';
import { RouterLink } from '@angular/router';
import { DEFAULT_SIGNED_IN_URL } from '@mailroute/web/core';
import { TranslatePipe } from '@mailroute/web/i18n';

/**
 * An address the app has no page for. It keeps the address in the bar (no redirect), so a
 * signed-out visitor signs in and comes back to it, and a mistyped link is seen for what it is.
 */
@Component({
  selector: 'mr-not-found-page',
  imports: [RouterLink, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1>{{ 'notFound.heading' | t }}</h1>
    <p>{{ 'notFound.body' | t }}</p>
    <a [routerLink]="home">{{ 'notFound.home' | t }}</a>
  `,
})
export class NotFoundPageComponent {
  protected readonly home = DEFAULT_SIGNED_IN_URL;
}
