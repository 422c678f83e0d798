import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  inject,
  signal,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import {
  NonNullableFormBuilder,
  ReactiveFormsModule,
  Validators,
} from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatCheckbox } from '@angular/material/checkbox';
import {
  MAT_DIALOG_DATA,
  MatDialogActions,
  MatDialogClose,
  MatDialogContent,
  MatDialogRef,
  MatDialogTitle,
} from '@angular/material/dialog';
import {
  MatError,
  MatFormField,
  MatHint,
  MatLabel,
} from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import {
  WebhookEndpointSummary,
  WebhookEndpointWithSecret,
  WebhookEventType,
} from '@advocacy/shared';
import { Observable } from 'rxjs';
import { WebhooksApi } from '../../../../core/api/webhooks-api';
import { FieldErrorComponent } from '../../../../shared/forms/field-error.component';
import { ServerErrors } from '../../../../shared/forms/server-errors.service';
import { EVENT_OPTIONS } from './webhook-labels';

/**
 * Registers an endpoint, closing with it (secret included) so the page can show the secret once;
 * given an endpoint, edits its URL, description and events instead (the secret stays).
 */
@Component({
  selector: 'app-endpoint-dialog',
  imports: [
    FieldErrorComponent,
    MatButton,
    MatCheckbox,
    MatDialogActions,
    MatDialogClose,
    MatDialogContent,
    MatDialogTitle,
    MatError,
    MatFormField,
    MatHint,
    MatInput,
    MatLabel,
    ReactiveFormsModule,
  ],
  templateUrl: './endpoint-dialog.component.html',
  styleUrl: './endpoint-dialog.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class EndpointDialogComponent {
  private readonly api = inject(WebhooksApi);
  private readonly dialogRef =
    inject<
      MatDialogRef<
        EndpointDialogComponent,
        WebhookEndpointWithSecret | WebhookEndpointSummary
      >
    >(MatDialogRef);
  protected readonly editing = inject<WebhookEndpointSummary | null>(
    MAT_DIALOG_DATA,
    { optional: true },
  );
  private readonly serverErrors = inject(ServerErrors);
  private readonly destroyRef = inject(DestroyRef);

  protected readonly options = EVENT_OPTIONS;
  protected readonly form = inject(NonNullableFormBuilder).group({
    url: [
      this.editing?.url ?? '',
      [Validators.required, Validators.pattern(/^https?:\/\/\S+$/i)],
    ],
    description: [this.editing?.description ?? '', Validators.maxLength(200)],
    events: [
      [...(this.editing?.events ?? [])] as WebhookEventType[],
      Validators.required,
    ],
  });
  protected readonly submitting = signal(false);

  protected isTicked(type: WebhookEventType): boolean {
    return this.form.controls.events.value.includes(type);
  }

  protected toggle(type: WebhookEventType, ticked: boolean): void {
    const current = this.form.controls.events.value;
    const next = ticked
      ? [...current, type]
      : current.filter((existing) => existing !== type);
    this.form.controls.events.setValue(
      EVENT_OPTIONS.map((o) => o.type).filter((t) => next.includes(t)),
    );
    this.form.controls.events.markAsTouched();
  }

  protected submit(): void {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.submitting.set(true);
    const value = this.form.getRawValue();
    const body = {
      url: value.url.trim(),
      description: value.description.trim(),
      events: value.events,
    };
    const request: Observable<
      WebhookEndpointWithSecret | WebhookEndpointSummary
    > = this.editing
      ? this.api.update(this.editing.id, body)
      : this.api.create({
          ...body,
          description: body.description || undefined,
        });
    request.pipe(takeUntilDestroyed(this.destroyRef)).subscribe({
      next: (created) => this.dialogRef.close(created),
      error: (error: unknown) => {
        this.serverErrors.apply(this.form, error);
        this.submitting.set(false);
      },
    });
  }
}
