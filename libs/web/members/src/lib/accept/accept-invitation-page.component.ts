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
import {
  type AbstractControl,
  NonNullableFormBuilder,
  ReactiveFormsModule,
  type ValidationErrors,
  Validators,
} from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatCard, MatCardContent } from '@angular/material/card';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatProgressBar } from '@angular/material/progress-bar';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import type { InvitationPreview } from '@mailroute/shared/contracts';
import {
  apiFieldErrors,
  applyFieldErrors,
  AuthService,
  DEFAULT_SIGNED_IN_URL,
  LOGIN_PATH,
  SessionService,
} from '@mailroute/web/core';
import { I18nService, LocalDatePipe, roleKey, TranslatePipe } from '@mailroute/web/i18n';
import { LoadErrorComponent, LocaleSwitchComponent, NoticeComponent } from '@mailroute/web/ui';
import { firstValueFrom } from 'rxjs';
import { InvitationsApi } from '../data-access/invitations.api';
import { type InvitationRefusal, invitationRefusal, REFUSAL_TEXTS } from './invitation-refusal';

/** The API's rule (AcceptInvitationDto), checked here first so most mistakes are named in the reader's language. */
export const PASSWORD_MIN_LENGTH = 12;
const PASSWORD_MAX_LENGTH = 256;
const NAME_MAX_LENGTH = 120;

type PageState =
  | { kind: 'loading' }
  | { kind: 'failed' }
  | { kind: 'refused'; refusal: InvitationRefusal }
  | { kind: 'ready'; preview: InvitationPreview }
  /** The account exists but signing in with it failed (e.g. the network dropped in between). */
  | { kind: 'created'; preview: InvitationPreview };

function samePasswordAsAbove(control: AbstractControl<string>): ValidationErrors | null {
  const password = control.parent?.get('password')?.value as string | undefined;
  return control.value === '' || control.value === password ? null : { mismatch: true };
}

/**
 * `/invitations/:token`, the page an invitation email links to: who invites whom, where and with
 * which role; the invitee chooses a name and a password, accepts, and is signed in. Public: the
 * token is the credential, and a signed-in visitor sees the page too.
 */
@Component({
  selector: 'mr-accept-invitation-page',
  imports: [
    LocaleSwitchComponent,
    ReactiveFormsModule,
    RouterLink,
    MatCard,
    MatCardContent,
    MatFormField,
    MatLabel,
    MatHint,
    MatError,
    MatInput,
    MatButton,
    MatProgressBar,
    LoadErrorComponent,
    NoticeComponent,
    TranslatePipe,
    LocalDatePipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './accept-invitation-page.component.html',
  styleUrl: './accept-invitation-page.component.css',
})
export class AcceptInvitationPageComponent implements OnInit {
  private readonly api = inject(InvitationsApi);
  private readonly auth = inject(AuthService);
  private readonly router = inject(Router);
  private readonly destroyRef = inject(DestroyRef);
  private readonly host: ElementRef<HTMLElement> = inject(ElementRef);
  private readonly injector = inject(Injector);
  private readonly token = inject(ActivatedRoute).snapshot.paramMap.get('token') ?? '';
  private readonly i18n = inject(I18nService);

  protected readonly signedIn = inject(SessionService).isAuthenticated;
  protected readonly loginPath = `/${LOGIN_PATH}`;
  protected readonly refusalTexts = REFUSAL_TEXTS;
  protected readonly roleKey = roleKey;
  protected readonly passwordMinLength = PASSWORD_MIN_LENGTH;

  protected readonly state = signal<PageState>({ kind: 'loading' });
  protected readonly pending = signal(false);
  protected readonly failedToSubmit = signal(false);

  protected readonly form = inject(NonNullableFormBuilder).group({
    name: ['', [Validators.required, Validators.maxLength(NAME_MAX_LENGTH)]],
    password: [
      '',
      [
        Validators.required,
        Validators.minLength(PASSWORD_MIN_LENGTH),
        Validators.maxLength(PASSWORD_MAX_LENGTH),
      ],
    ],
    repeatPassword: ['', [Validators.required, samePasswordAsAbove]],
  });

  constructor() {
    this.form.controls.password.valueChanges
      .pipe(takeUntilDestroyed())
      .subscribe(() => this.form.controls.repeatPassword.updateValueAndValidity());
  }

  ngOnInit(): void {
    this.load();
  }

  protected load(): void {
    this.state.set({ kind: 'loading' });
    this.api
      .preview(this.token)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (preview) => {
          this.i18n.preferUnlessChosen(preview.locale);
          this.state.set({ kind: 'ready', preview });
        },
        error: (error: unknown) => {
          const refusal = invitationRefusal(error);
          this.state.set(refusal ? { kind: 'refused', refusal } : { kind: 'failed' });
        },
      });
  }

  protected async accept(preview: InvitationPreview): Promise<void> {
    if (this.pending()) {
      return;
    }
    this.failedToSubmit.set(false);
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      this.focusAfterRender('input.ng-invalid');
      return;
    }
    this.pending.set(true);
    const { name, password } = this.form.getRawValue();
    try {
      await firstValueFrom(this.api.accept(this.token, { name: name.trim(), password }));
    } catch (error: unknown) {
      this.pending.set(false);
      this.explainRefusedAcceptance(error);
      return;
    }
    try {
      await this.auth.login({ email: preview.email, password });
      await this.router.navigateByUrl(DEFAULT_SIGNED_IN_URL);
    } catch {
      this.state.set({ kind: 'created', preview });
      this.focusAfterRender('h1');
    } finally {
      this.pending.set(false);
    }
  }

  private explainRefusedAcceptance(error: unknown): void {
    const invalid = apiFieldErrors(error);
    if (invalid.length > 0) {
      // The API names only what it was sent (name, password); the form shows each beside its field.
      applyFieldErrors(this.form, invalid);
      this.focusAfterRender('input.ng-invalid');
      return;
    }
    const refusal = invitationRefusal(error);
    if (refusal) {
      this.state.set({ kind: 'refused', refusal });
      this.focusAfterRender('h1');
      return;
    }
    this.failedToSubmit.set(true);
    this.focusAfterRender('.submit-problem');
  }

  /** Moves focus to what the reader must read or fix next, once it has been rendered. */
  private focusAfterRender(selector: string): void {
    afterNextRender(() => this.host.nativeElement.querySelector<HTMLElement>(selector)?.focus(), {
      injector: this.injector,
    });
  }
}
