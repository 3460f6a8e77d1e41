import { inject, Injectable, InjectionToken, signal } from '@angular/core';
import {
  catchError,
  EMPTY,
  filter,
  finalize,
  map,
  merge,
  type Observable,
  Subject,
  switchMap,
  tap,
  timer,
} from 'rxjs';
import { SessionService } from '../session/session.service';
import { NotificationsApi } from './notifications.api';

/** How often the unread count is asked for while the signed-in layout is open. */
export const UNREAD_REFRESH_INTERVAL_MS = new InjectionToken<number>('UNREAD_REFRESH_INTERVAL_MS', {
  providedIn: 'root',
  factory: () => 60_000,
});

/**
 * How many of the signed-in user's notifications are unread, for the shell's badge. `null` while
 * unknown (not asked yet, or the API never answered): the badge then shows nothing rather than a
 * wrong number. The inbox reports each count it receives and asks for a refresh after marking one read.
 */
@Injectable({ providedIn: 'root' })
export class UnreadNotificationsService {
  private readonly api = inject(NotificationsApi);
  private readonly session = inject(SessionService);
  private readonly interval = inject(UNREAD_REFRESH_INTERVAL_MS);

  private readonly count = signal<number | null>(null);
  private readonly refreshes = new Subject<void>();

  readonly unreadCount = this.count.asReadonly();

  /**
   * Keeps the count fresh while subscribed: now, every interval, and on each `refresh()`. Nothing
   * is asked once signed out, and the count is forgotten on unsubscribe (the next user starts
   * blank). A failed request keeps the last count and never errors the stream.
   */
  watch(): Observable<number> {
    return merge(timer(0, this.interval), this.refreshes).pipe(
      filter(() => {
        const signedIn = this.session.validToken() !== null;
        if (!signedIn) {
          this.count.set(null);
        }
        return signedIn;
      }),
      // A newer tick or refresh replaces a request still under way: the latest answer wins.
      switchMap(() =>
        this.api.list({ page: 1, pageSize: 1, unreadOnly: true }).pipe(
          map((page) => page.unreadCount),
          catchError(() => EMPTY),
        ),
      ),
      tap((count) => this.count.set(count)),
      finalize(() => this.count.set(null)),
    );
  }

  /** Asks the API again now (after a notification was marked read). */
  refresh(): void {
    this.refreshes.next();
  }

  /** The unread count an inbox answer carried. */
  report(count: number): void {
    this.count.set(count);
  }
}
