import { ChangeDetectionStrategy, Component, DestroyRef, inject, type OnInit, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatCheckbox } from '@angular/material/checkbox';
import { MatProgressBar } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import type { FieldError, NotificationPreferencesView } from '@mailroute/shared/contracts';
import { apiFieldErrors, isServerUnreachable } from '@mailroute/web/core';
import { I18nService, type TranslationKey, TranslatePipe } from '@mailroute/web/i18n';
import { LiveRegionComponent, LoadErrorComponent, NoticeComponent } from '@mailroute/web/ui';
import { NotificationPreferencesApi } from '../data-access/notification-preferences.api';

type PreferenceField = keyof NotificationPreferencesView;

/** Every kind the API lets a user email or not, in the order the page lists them. */
const FIELDS: readonly { name: PreferenceField; label: TranslationKey }[] = [
  { name: 'commentAdded', label: 'notifications.preferences.commentAdded' },
  { name: 'taskAssigned', label: 'notifications.preferences.taskAssigned' },
  { name: 'taskCompleted', label: 'notifications.preferences.taskCompleted' },
];

function isPreferenceField(field: string): field is PreferenceField {
  return FIELDS.some((known) => known.name === field);
}

/**
 * `/notifications/preferences`: which kinds of notification are also emailed. Saved all at once;
 * the API's reason for a refused field shows under that field, and the outcome is announced.
 */
@Component({
  selector: 'mr-preferences-page',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButton,
    MatCheckbox,
    MatProgressBar,
    LiveRegionComponent,
    LoadErrorComponent,
    NoticeComponent,
    TranslatePipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './preferences-page.component.html',
  styleUrl: './preferences-page.component.css',
})
export class PreferencesPageComponent implements OnInit {
  private readonly api = inject(NotificationPreferencesApi);
  private readonly i18n = inject(I18nService);
  private readonly destroyRef = inject(DestroyRef);

  protected readonly fields = FIELDS;
  protected readonly form = inject(NonNullableFormBuilder).group({
    commentAdded: true,
    taskAssigned: true,
    taskCompleted: true,
  });

  protected readonly state = signal<'loading' | 'ready' | 'failed'>('loading');
  protected readonly saving = signal(false);
  /** The API's reason per refused field, shown under it. */
  protected readonly refused = signal<Partial<Record<PreferenceField, string>>>({});
  protected readonly problem = signal<string | null>(null);
  protected readonly saved = signal(false);
  protected readonly announcement = signal('');

  ngOnInit(): void {
    this.load();
    // A changed choice is not saved yet: the confirmation goes until the next save.
    this.form.valueChanges.pipe(takeUntilDestroyed(this.destroyRef)).subscribe(() => {
      this.saved.set(false);
    });
  }

  protected load(): void {
    this.state.set('loading');
    this.api
      .get()
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (preferences) => {
          this.form.setValue(preferences, { emitEvent: false });
          this.state.set('ready');
        },
        error: () => this.state.set('failed'),
      });
  }

  protected errorId(field: PreferenceField): string {
    return `preference-error-${field}`;
  }

  protected save(): void {
    if (this.saving()) {
      return;
    }
    this.saving.set(true);
    this.saved.set(false);
    this.problem.set(null);
    this.refused.set({});
    this.announcement.set(this.i18n.t('notifications.preferences.saving'));
    this.api
      .save(this.form.getRawValue())
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (preferences) => {
          this.saving.set(false);
          this.form.setValue(preferences, { emitEvent: false });
          this.saved.set(true);
          this.announcement.set(this.i18n.t('notifications.preferences.saved'));
        },
        error: (error: unknown) => {
          this.saving.set(false);
          this.fail(error);
        },
      });
  }

  private fail(error: unknown): void {
    const errors = apiFieldErrors(error);
    let text: string;
    if (errors.length > 0) {
      const placed: Partial<Record<PreferenceField, string>> = {};
      const unplaced: FieldError[] = [];
      for (const refused of errors) {
        if (isPreferenceField(refused.field)) {
          placed[refused.field] = this.i18n.t('notifications.preferences.fieldRefused', {
            reason: refused.reason,
          });
        } else {
          unplaced.push(refused);
        }
      }
      this.refused.set(placed);
      text = [
        this.i18n.t('notifications.preferences.invalid'),
        ...unplaced.map((refused) =>
          this.i18n.t('notifications.preferences.fieldRefused', {
            reason: `${refused.field} ${refused.reason}`,
          }),
        ),
      ].join(' ');
    } else if (isServerUnreachable(error)) {
      text = this.i18n.t('notifications.preferences.unreachable');
    } else {
      text = this.i18n.t('notifications.preferences.saveFailed');
    }
    this.problem.set(text);
  }
}
