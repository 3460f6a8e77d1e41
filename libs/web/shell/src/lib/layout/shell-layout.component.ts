import {
  ChangeDetectionStrategy,
  Component,
  computed,
  ElementRef,
  inject,
  signal,
  viewChild,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButton } from '@angular/material/button';
import { MatToolbar } from '@angular/material/toolbar';
import { ActivatedRoute, RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import {
  AuthService,
  type NavEntry,
  navEntries,
  SessionService,
  UnreadNotificationsService,
} from '@mailroute/web/core';
import { I18nService, roleKey, TranslatePipe } from '@mailroute/web/i18n';
import { LocaleSwitchComponent } from '@mailroute/web/ui';

/** Above this the badge shows "99+"; its accessible name still says the exact count. */
const BADGE_MAX = 99;

/**
 * The signed-in frame: toolbar (product, organization, account, language, sign out), the main
 * navigation, and the page. Nav entries are the child routes labelled with `navLabel`; the
 * Notifications entry carries the unread count, kept fresh while the frame is open.
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

  private readonly unread = inject(UnreadNotificationsService);
  /** The badge's visible text, or null when there is nothing unread (or the count is unknown). */
  protected readonly unreadBadge = computed(() => {
    const count = this.unread.unreadCount();
    return count === null || count === 0 ? null : count > BADGE_MAX ? `${BADGE_MAX}+` : String(count);
  });

  constructor() {
    // Asked after the first render and never awaited: an unreachable API only leaves the badge out.
    this.unread.watch().pipe(takeUntilDestroyed()).subscribe();
  }

  /** "Notifications, 3 unread" for the entry with a badge; null leaves the link named by its text. */
  protected entryName(entry: NavEntry): string | null {
    const count = this.unread.unreadCount();
    if (entry.label !== 'nav.notifications' || count === null || count === 0) {
      return null;
    }
    const label = this.i18n.t(entry.label);
    return count === 1
      ? this.i18n.t('shell.unreadOne', { label })
      : this.i18n.t('shell.unreadMany', { label, count });
  }

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
