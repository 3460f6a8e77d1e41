import {
  ChangeDetectionStrategy,
  Component,
  computed,
  ElementRef,
  inject,
  signal,
  viewChild,
} from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatToolbar } from '@angular/material/toolbar';
import { ActivatedRoute, RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { AuthService, navEntries, SessionService } from '@mailroute/web/core';
import { I18nService, roleKey, TranslatePipe } from '@mailroute/web/i18n';
import { LocaleSwitchComponent } from '../locale-switch/locale-switch.component';

/**
 * The signed-in frame: toolbar (product, organization, account, language, sign out), the main
 * navigation, and the page. Nav entries are the child routes labelled with `navLabel`.
 */
@Component({
  selector: 'mr-shell-layout',
  imports: [
    RouterOutlet,
    RouterLink,
    RouterLinkActive,
    MatToolbar,
    MatButton,
    TranslatePipe,
    LocaleSwitchComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './shell-layout.component.html',
  styleUrl: './shell-layout.component.css',
})
export class ShellLayoutComponent {
  private readonly auth = inject(AuthService);
  private readonly i18n = inject(I18nService);
  private readonly main = viewChild.required<ElementRef<HTMLElement>>('main');

  protected readonly user = inject(SessionService).currentUser;
  protected readonly accountLabel = computed(() => {
    const user = this.user();
    return user === null
      ? null
      : this.i18n.t('shell.accountLabel', { email: user.email, role: this.i18n.t(roleKey(user.role)) });
  });
  protected readonly navEntries = navEntries(inject(ActivatedRoute).routeConfig?.children);
  protected readonly retrying = signal(false);

  protected skipToMain(): void {
    this.main().nativeElement.focus();
  }

  protected signOut(): Promise<boolean> {
    return this.auth.logout();
  }

  protected async retryLoadingAccount(): Promise<void> {
    this.retrying.set(true);
    try {
      await this.auth.loadCurrentUser();
    } catch {
      // Still unreachable: the message stays; a 401 has already sent the user to the login page.
    } finally {
      this.retrying.set(false);
    }
  }
}
