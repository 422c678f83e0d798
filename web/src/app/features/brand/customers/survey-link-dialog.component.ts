import { Clipboard } from '@angular/cdk/clipboard';
import { DOCUMENT } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  computed,
  inject,
  signal,
} from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { FormControl, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton, MatIconButton } from '@angular/material/button';
import {
  MAT_DIALOG_DATA,
  MatDialogActions,
  MatDialogClose,
  MatDialogContent,
  MatDialogTitle,
} from '@angular/material/dialog';
import {
  MatError,
  MatFormField,
  MatHint,
  MatLabel,
  MatSuffix,
} from '@angular/material/form-field';
import { MatIcon } from '@angular/material/icon';
import { MatInput } from '@angular/material/input';
import { MatOption, MatSelect } from '@angular/material/select';
import { SurveyLinkCreated } from '@advocacy/shared';
import { map } from 'rxjs';
import { SurveysApi } from '../../../core/api/surveys-api';
import { Notifier } from '../../../core/notify/notifier.service';
import { FieldErrorComponent } from '../../../shared/forms/field-error.component';
import { ServerErrors } from '../../../shared/forms/server-errors.service';

export interface SurveyLinkDialogData {
  customerId: string;
  customerName: string;
}

/** Picks an active survey and shows the customer's personal link to copy. */
@Component({
  selector: 'app-survey-link-dialog',
  imports: [
    FieldErrorComponent,
    MatButton,
    MatDialogActions,
    MatDialogClose,
    MatDialogContent,
    MatDialogTitle,
    MatError,
    MatFormField,
    MatHint,
    MatIcon,
    MatIconButton,
    MatInput,
    MatLabel,
    MatOption,
    MatSelect,
    MatSuffix,
    ReactiveFormsModule,
  ],
  template: `
    <h2 mat-dialog-title>Survey link for {{ data.customerName }}</h2>
    <mat-dialog-content>
      @if (created(); as link) {
        <p class="lead">
          Anyone with this link can answer once for this wave, without signing
          in.
        </p>
        <mat-form-field class="full">
          <mat-label>Personal survey link</mat-label>
          <input
            matInput
            readonly
            #url
            [value]="fullUrl()"
            (focus)="url.select()"
            data-testid="survey-link-url"
          />
          <button
            matIconButton
            matIconSuffix
            type="button"
            aria-label="Copy survey link"
            (click)="copy()"
          >
            <mat-icon svgIcon="copy" />
          </button>
          <mat-hint
            >Wave {{ link.wave }} · works until
            {{ link.expiresAt.slice(0, 10) }}</mat-hint
          >
        </mat-form-field>
      } @else {
        <p class="lead">Send the customer a link to one active survey.</p>
        <mat-form-field class="full">
          <mat-label>Survey</mat-label>
          <mat-select [formControl]="survey" data-testid="survey-link-survey">
            @for (option of surveys(); track option.id) {
              <mat-option [value]="option.id"
                >{{ option.name }} ({{ option.kind.toUpperCase() }})</mat-option
              >
            }
          </mat-select>
          @if (surveys().length === 0) {
            <mat-hint
              >No active survey: create or activate one on the Surveys
              page.</mat-hint
            >
          }
          <mat-error
            ><app-field-error [control]="survey" label="Survey"
          /></mat-error>
        </mat-form-field>
      }
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      @if (created()) {
        <button matButton="filled" type="button" mat-dialog-close>Done</button>
      } @else {
        <button matButton type="button" mat-dialog-close>Cancel</button>
        <button
          matButton="filled"
          type="button"
          [disabled]="submitting()"
          (click)="create()"
          data-testid="survey-link-create"
        >
          {{ submitting() ? 'Creating…' : 'Create link' }}
        </button>
      }
    </mat-dialog-actions>
  `,
  styles: `
    .full {
      width: 100%;
    }
    .lead {
      margin-top: 0;
      color: var(--mat-sys-on-surface-variant);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SurveyLinkDialogComponent {
  private readonly surveysApi = inject(SurveysApi);
  private readonly clipboard = inject(Clipboard);
  private readonly notifier = inject(Notifier);
  private readonly serverErrors = inject(ServerErrors);
  private readonly destroyRef = inject(DestroyRef);
  private readonly baseUri = inject(DOCUMENT).baseURI;

  protected readonly data = inject<SurveyLinkDialogData>(MAT_DIALOG_DATA);
  protected readonly survey = new FormControl('', {
    nonNullable: true,
    validators: Validators.required,
  });
  protected readonly surveys = toSignal(
    this.surveysApi
      .list({ active: true, pageSize: 100 })
      .pipe(map((page) => page.items)),
    { initialValue: [] },
  );
  protected readonly submitting = signal(false);
  protected readonly created = signal<SurveyLinkCreated | null>(null);
  protected readonly fullUrl = computed(() => {
    const link = this.created();
    return link ? new URL(link.url, this.baseUri).href : '';
  });

  protected create(): void {
    if (this.survey.invalid) {
      this.survey.markAsTouched();
      return;
    }
    this.submitting.set(true);
    this.surveysApi
      .createLink(this.survey.value, { customerId: this.data.customerId })
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (link) => {
          this.created.set(link);
          this.submitting.set(false);
        },
        error: (error: unknown) => {
          this.serverErrors.apply(this.survey, error);
          this.submitting.set(false);
        },
      });
  }

  protected copy(): void {
    if (this.clipboard.copy(this.fullUrl()))
      this.notifier.info('Survey link copied.');
    else
      this.notifier.error(
        'Could not copy. Select the link and copy it by hand.',
      );
  }
}
