import { ChangeDetectionStrategy, Component, DestroyRef, inject, type OnInit, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButton } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatPaginator, type PageEvent } from '@angular/material/paginator';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatOption, MatSelect } from '@angular/material/select';
import { MatTableModule } from '@angular/material/table';
import {
  LAST_ADMIN_ERROR_CODE,
  type Page,
  ROLES,
  type Role,
  type UserView,
} from '@mailroute/shared/contracts';
import { AuthService, OrganizationMembersApi, type PageRequest, SessionService } from '@mailroute/web/core';
import { I18nService, LocalDatePipe, roleKey, TranslatePipe } from '@mailroute/web/i18n';
import {
  EmptyStateComponent,
  LiveRegionComponent,
  LoadErrorComponent,
  NoticeComponent,
  provideTranslatedPaginator,
  TableScrollComponent,
} from '@mailroute/web/ui';
import { filter } from 'rxjs';
import { ConfirmDialogComponent, type ConfirmDialogData } from '../confirm/confirm-dialog.component';
import { refusalCode } from '../data-access/api-answers';
import { MembersApi } from '../data-access/members.api';
import { InvitationsComponent } from '../invitations/invitations.component';

export const MEMBERS_PAGE_SIZE = 25;

/**
 * `general-settings/members`: the organization's members. Admins change roles and remove members
 * (never the last admin: the API answers 409 `last_admin`) and manage invitations below; members
 * see the list only.
 */
@Component({
  selector: 'mr-members-page',
  imports: [
    TableScrollComponent,
    EmptyStateComponent,
    LiveRegionComponent,
    LoadErrorComponent,
    NoticeComponent,
    InvitationsComponent,
    MatButton,
    MatSelect,
    MatOption,
    MatPaginator,
    MatProgressBar,
    MatTableModule,
    TranslatePipe,
    LocalDatePipe,
  ],
  providers: [provideTranslatedPaginator()],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './members-page.component.html',
  styleUrl: './members-page.component.css',
})
export class MembersPageComponent implements OnInit {
  private readonly api = inject(MembersApi);
  private readonly membersApi = inject(OrganizationMembersApi);
  private readonly auth = inject(AuthService);
  private readonly session = inject(SessionService);
  private readonly dialog = inject(MatDialog);
  private readonly i18n = inject(I18nService);
  private readonly destroyRef = inject(DestroyRef);

  protected readonly isAdmin = this.session.isAdmin;
  protected readonly currentUser = this.session.currentUser;
  protected readonly roles = ROLES;
  protected readonly roleKey = roleKey;

  protected readonly query = signal<PageRequest>({ page: 1, pageSize: MEMBERS_PAGE_SIZE });
  protected readonly page = signal<Page<UserView> | null>(null);
  protected readonly state = signal<'loading' | 'ready' | 'failed'>('loading');
  /** What went wrong with the last change, said in full (the person's name included). */
  protected readonly problem = signal('');
  protected readonly announcement = signal('');
  protected readonly busy = signal<string | null>(null);

  ngOnInit(): void {
    this.load();
  }

  protected columns(): string[] {
    return this.isAdmin()
      ? ['name', 'email', 'role', 'joined', 'actions']
      : ['name', 'email', 'role', 'joined'];
  }

  protected load(): void {
    this.state.set('loading');
    this.membersApi
      .list(this.query())
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (page) => {
          this.page.set(page);
          this.state.set('ready');
        },
        error: () => this.state.set('failed'),
      });
  }

  protected changePage(event: PageEvent): void {
    this.query.set({ page: event.pageIndex + 1, pageSize: event.pageSize });
    this.load();
  }

  protected isMe(member: UserView): boolean {
    return this.currentUser()?.id === member.id;
  }

  protected displayName(member: UserView): string {
    return member.name || member.email;
  }

  protected changeRole(member: UserView, role: Role): void {
    if (role === member.role) {
      return;
    }
    const name = this.displayName(member);
    this.problem.set('');
    this.busy.set(member.id);
    this.api
      .changeRole(member.id, role)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (updated) => {
          this.busy.set(null);
          this.replace(updated);
          this.announcement.set(
            this.i18n.t('members.roleChanged', { name, role: this.i18n.t(roleKey(updated.role)) }),
          );
          if (this.isMe(updated)) {
            // Your own rights changed: what this page offers you follows.
            void this.auth.loadCurrentUser().catch(() => undefined);
          }
        },
        error: (error: unknown) => {
          this.busy.set(null);
          // A fresh copy puts the select back on the role the member still has.
          this.replace({ ...member });
          this.explain(error, name, 'demote');
        },
      });
  }

  protected confirmRemove(member: UserView): void {
    const name = this.displayName(member);
    const organization = this.currentUser()?.organization.name ?? '';
    const data: ConfirmDialogData = {
      title: this.i18n.t('members.remove.confirmTitle', { name }),
      body: this.i18n.t('members.remove.confirmBody', { name, email: member.email, organization }),
      confirm: this.i18n.t('members.remove.confirm'),
      cancel: this.i18n.t('members.cancel'),
    };
    this.dialog
      .open<ConfirmDialogComponent, ConfirmDialogData, boolean>(ConfirmDialogComponent, { data })
      .afterClosed()
      .pipe(
        filter((confirmed) => confirmed === true),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe(() => this.remove(member));
  }

  private remove(member: UserView): void {
    const name = this.displayName(member);
    this.problem.set('');
    this.busy.set(member.id);
    this.api
      .remove(member.id)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: () => {
          this.busy.set(null);
          if (this.isMe(member)) {
            // Your own access ended with it.
            void this.auth.logout();
            return;
          }
          this.announcement.set(this.i18n.t('members.removed', { name }));
          this.load();
        },
        error: (error: unknown) => {
          this.busy.set(null);
          this.explain(error, name, 'remove');
        },
      });
  }

  private explain(error: unknown, name: string, change: 'demote' | 'remove'): void {
    const code = refusalCode(error);
    if (code === LAST_ADMIN_ERROR_CODE) {
      this.problem.set(
        this.i18n.t(change === 'remove' ? 'members.lastAdmin.remove' : 'members.lastAdmin.demote', { name }),
      );
    } else if (code !== null) {
      this.problem.set(this.i18n.t('members.gone', { name }));
      this.load();
    } else {
      this.problem.set(
        this.i18n.t(change === 'remove' ? 'members.remove.failed' : 'members.roleChangeFailed', { name }),
      );
    }
  }

  private replace(member: UserView): void {
    this.page.update((page) =>
      page === null
        ? page
        : { ...page, items: page.items.map((item) => (item.id === member.id ? member : item)) },
    );
  }
}
