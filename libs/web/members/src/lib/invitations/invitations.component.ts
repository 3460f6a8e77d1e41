import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  ElementRef,
  inject,
  Injector,
  type OnInit,
  signal,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatError, MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatPaginator, type PageEvent } from '@angular/material/paginator';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatOption, MatSelect } from '@angular/material/select';
import { MatTableModule } from '@angular/material/table';
import {
  type CreateInvitationRequest,
  type InvitationView,
  LOCALES,
  type Locale,
  type Page,
  ROLES,
  type Role,
} from '@mailroute/shared/contracts';
import { apiFieldErrors, applyFieldErrors, type PageRequest } from '@mailroute/web/core';
import { I18nService, languageNameKey, LocalDatePipe, roleKey, TranslatePipe } from '@mailroute/web/i18n';
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
import { InvitationsApi } from '../data-access/invitations.api';
import { deliveryRoute, deliveryStatusKey, invitationStatusKey } from './delivery-text';

export const INVITATIONS_PAGE_SIZE = 25;

/** The refusals of `POST /api/invitations` that concern the address: said next to the email field. */
const EMAIL_CONFLICTS = {
  email_already_registered: 'members.invite.alreadyRegistered',
  invitation_already_pending: 'members.invite.alreadyPending',
} as const;

function emailConflictKey(code: string | null) {
  return code === 'email_already_registered' || code === 'invitation_already_pending'
    ? EMAIL_CONFLICTS[code]
    : null;
}

/**
 * Inviting people (admins only): the invite form, and the invitations still open (pending or
 * expired), each with where its email stands in the email log, to resend or revoke.
 */
@Component({
  selector: 'mr-invitations',
  imports: [
    TableScrollComponent,
    ReactiveFormsModule,
    EmptyStateComponent,
    LiveRegionComponent,
    LoadErrorComponent,
    NoticeComponent,
    MatButton,
    MatFormField,
    MatLabel,
    MatError,
    MatInput,
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
  templateUrl: './invitations.component.html',
  styleUrl: './invitations.component.css',
})
export class InvitationsComponent implements OnInit {
  private readonly api = inject(InvitationsApi);
  private readonly dialog = inject(MatDialog);
  private readonly i18n = inject(I18nService);
  private readonly destroyRef = inject(DestroyRef);
  private readonly host: ElementRef<HTMLElement> = inject(ElementRef);
  private readonly injector = inject(Injector);

  protected readonly roles = ROLES;
  protected readonly locales = LOCALES;
  protected readonly roleKey = roleKey;
  protected readonly languageNameKey = languageNameKey;
  protected readonly statusKey = invitationStatusKey;
  protected readonly deliveryStatusKey = deliveryStatusKey;
  protected readonly deliveryRoute = deliveryRoute;
  protected readonly columns = ['email', 'role', 'status', 'sent', 'delivery', 'actions'];

  protected readonly form = inject(NonNullableFormBuilder).group({
    email: ['', [Validators.required, Validators.email, Validators.maxLength(320)]],
    role: ['member' as Role, Validators.required],
    /** `''`: the organization's default language. */
    locale: ['' as Locale | ''],
  });
  protected readonly sending = signal(false);
  protected readonly sendProblem = signal(false);

  protected readonly query = signal<PageRequest>({ page: 1, pageSize: INVITATIONS_PAGE_SIZE });
  protected readonly page = signal<Page<InvitationView> | null>(null);
  protected readonly state = signal<'loading' | 'ready' | 'failed'>('loading');
  protected readonly problem = signal('');
  protected readonly announcement = signal('');
  protected readonly busy = signal<string | null>(null);

  ngOnInit(): void {
    this.load();
  }

  protected load(): void {
    this.state.set('loading');
    this.api
      .listOpen(this.query())
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

  protected invite(): void {
    if (this.sending()) {
      return;
    }
    this.sendProblem.set(false);
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      this.focusAfterRender('form input.ng-invalid');
      return;
    }
    const { email, role, locale } = this.form.getRawValue();
    const request: CreateInvitationRequest = { email: email.trim(), role, ...(locale ? { locale } : {}) };
    this.sending.set(true);
    this.api
      .invite(request)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (invitation) => {
          this.sending.set(false);
          this.form.reset();
          this.announcement.set(this.i18n.t('members.invite.sent', { email: invitation.email }));
          this.query.update((query) => ({ ...query, page: 1 }));
          this.load();
        },
        error: (error: unknown) => {
          this.sending.set(false);
          this.explainRefusedInvitation(error);
        },
      });
  }

  protected resend(invitation: InvitationView): void {
    this.problem.set('');
    this.busy.set(invitation.id);
    this.api
      .resend(invitation.id)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (updated) => {
          this.busy.set(null);
          this.page.update((page) =>
            page === null
              ? page
              : { ...page, items: page.items.map((item) => (item.id === updated.id ? updated : item)) },
          );
          this.announcement.set(this.i18n.t('members.invitations.resent', { email: updated.email }));
        },
        error: (error: unknown) => {
          this.busy.set(null);
          this.explainClosed(error, invitation, 'members.invitations.resendFailed');
        },
      });
  }

  protected confirmRevoke(invitation: InvitationView): void {
    const data: ConfirmDialogData = {
      title: this.i18n.t('members.invitations.revokeTitle', { email: invitation.email }),
      body: this.i18n.t('members.invitations.revokeBody', { email: invitation.email }),
      confirm: this.i18n.t('members.invitations.revokeConfirm'),
      cancel: this.i18n.t('members.cancel'),
    };
    this.dialog
      .open<ConfirmDialogComponent, ConfirmDialogData, boolean>(ConfirmDialogComponent, { data })
      .afterClosed()
      .pipe(
        filter((confirmed) => confirmed === true),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe(() => this.revoke(invitation));
  }

  private revoke(invitation: InvitationView): void {
    this.problem.set('');
    this.busy.set(invitation.id);
    this.api
      .revoke(invitation.id)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: () => {
          this.busy.set(null);
          this.announcement.set(this.i18n.t('members.invitations.revoked', { email: invitation.email }));
          this.load();
        },
        error: (error: unknown) => {
          this.busy.set(null);
          this.explainClosed(error, invitation, 'members.invitations.revokeFailed');
        },
      });
  }

  private explainRefusedInvitation(error: unknown): void {
    const invalid = apiFieldErrors(error);
    const conflict = emailConflictKey(refusalCode(error));
    if (conflict) {
      const message = this.i18n.t(conflict);
      this.form.controls.email.setErrors({ server: message });
      this.announcement.set(message);
    } else if (invalid.length > 0) {
      applyFieldErrors(this.form, invalid);
    } else {
      this.sendProblem.set(true);
      this.focusAfterRender('.invite-problem');
      return;
    }
    this.form.controls.email.markAsTouched();
    this.focusAfterRender('form input.ng-invalid');
  }

  /** Accepted or revoked meanwhile (409), or gone (404): say so and show the list as it is now. */
  private explainClosed(
    error: unknown,
    invitation: InvitationView,
    failed: 'members.invitations.resendFailed' | 'members.invitations.revokeFailed',
  ): void {
    const code = refusalCode(error);
    if (code === 'invitation_already_accepted') {
      this.problem.set(this.i18n.t('members.invitations.nowAccepted', { email: invitation.email }));
    } else if (code === 'invitation_revoked' || code === 'invitation_not_found') {
      this.problem.set(this.i18n.t('members.invitations.nowRevoked', { email: invitation.email }));
    } else {
      this.problem.set(this.i18n.t(failed, { email: invitation.email }));
      return;
    }
    this.load();
  }

  private focusAfterRender(selector: string): void {
    afterNextRender(() => this.host.nativeElement.querySelector<HTMLElement>(selector)?.focus(), {
      injector: this.injector,
    });
  }
}
