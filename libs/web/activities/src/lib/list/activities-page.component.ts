import { ChangeDetectionStrategy, Component, DestroyRef, inject, type OnInit, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatPaginator, type PageEvent } from '@angular/material/paginator';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatTableModule } from '@angular/material/table';
import { Router, RouterLink } from '@angular/router';
import {
  ACTIVITY_LIMITS,
  DEFAULT_PAGE_SIZE,
  type Page,
  type ProcessingActivityView,
} from '@mailroute/shared/contracts';
import { apiFieldErrors, applyFieldErrors, fieldMessage } from '@mailroute/web/core';
import { I18nService, LocalDatePipe, TranslatePipe } from '@mailroute/web/i18n';
import {
  EmptyStateComponent,
  LiveRegionComponent,
  LoadErrorComponent,
  NoticeComponent,
  provideTranslatedPaginator,
  TableScrollComponent,
} from '@mailroute/web/ui';
import { ActivitiesApi } from '../data-access/activities.api';
import { ACTIVITY_FIELD_TEXTS } from '../form/field-texts';

const PAGE_SIZES = [10, 25, 50, 100];

/**
 * `/processing-activities`: a page of the register, newest first, and the form creating one; a
 * created activity opens at once (its creator follows it).
 */
@Component({
  selector: 'mr-activities-page',
  imports: [
    TableScrollComponent,
    ReactiveFormsModule,
    RouterLink,
    MatButton,
    MatError,
    MatFormField,
    MatHint,
    MatInput,
    MatLabel,
    MatPaginator,
    MatProgressBar,
    MatTableModule,
    EmptyStateComponent,
    LiveRegionComponent,
    LoadErrorComponent,
    NoticeComponent,
    TranslatePipe,
    LocalDatePipe,
  ],
  providers: [provideTranslatedPaginator()],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './activities-page.component.html',
  styleUrl: './activities-page.component.css',
})
export class ActivitiesPageComponent implements OnInit {
  private readonly api = inject(ActivitiesApi);
  private readonly i18n = inject(I18nService);
  private readonly router = inject(Router);
  private readonly destroyRef = inject(DestroyRef);

  protected readonly pageSizes = PAGE_SIZES;
  protected readonly columns = ['name', 'createdBy', 'createdAt'];
  protected readonly query = signal({ page: 1, pageSize: DEFAULT_PAGE_SIZE });
  protected readonly page = signal<Page<ProcessingActivityView> | null>(null);
  protected readonly state = signal<'loading' | 'ready' | 'failed'>('loading');
  protected readonly creating = signal(false);
  protected readonly problem = signal<string | null>(null);
  protected readonly announcement = signal('');

  protected readonly form = inject(NonNullableFormBuilder).group({
    name: ['', [Validators.required, Validators.maxLength(ACTIVITY_LIMITS.nameLength)]],
    description: ['', [Validators.maxLength(ACTIVITY_LIMITS.descriptionLength)]],
  });

  ngOnInit(): void {
    this.load();
  }

  protected load(): void {
    this.state.set('loading');
    const { page, pageSize } = this.query();
    this.api
      .list(page, pageSize)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (answer) => {
          this.page.set(answer);
          this.state.set('ready');
        },
        error: () => this.state.set('failed'),
      });
  }

  protected changePage(event: PageEvent): void {
    this.query.set({ page: event.pageIndex + 1, pageSize: event.pageSize });
    this.load();
  }

  protected message(field: 'name' | 'description'): string | null {
    const message = fieldMessage(this.form.controls[field], ACTIVITY_FIELD_TEXTS);
    return message === null ? null : this.i18n.t(message.key, message.params);
  }

  protected create(): void {
    this.problem.set(null);
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      this.report(this.i18n.t('activities.create.invalid'));
      return;
    }
    this.creating.set(true);
    this.api
      .create(this.form.getRawValue())
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (created) => {
          this.creating.set(false);
          this.announcement.set(this.i18n.t('activities.create.created', { name: created.name }));
          void this.router.navigate(['/processing-activities', created.id]);
        },
        error: (error: unknown) => {
          this.creating.set(false);
          const errors = apiFieldErrors(error);
          if (errors.length === 0) {
            this.report(this.i18n.t('activities.create.failed'));
            return;
          }
          const unplaced = applyFieldErrors(this.form, errors);
          this.report(
            [
              this.i18n.t('activities.create.invalid'),
              ...unplaced.map((e) =>
                this.i18n.t('activities.error.unplaced', { field: e.field, reason: e.reason }),
              ),
            ].join(' '),
          );
        },
      });
  }

  private report(text: string): void {
    this.problem.set(text);
    this.announcement.set(text);
  }
}
