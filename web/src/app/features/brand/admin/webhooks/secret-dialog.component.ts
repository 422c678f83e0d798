import { Clipboard } from '@angular/cdk/clipboard';
import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButton, MatIconButton } from '@angular/material/button';
import {
  MAT_DIALOG_DATA,
  MatDialogActions,
  MatDialogClose,
  MatDialogContent,
  MatDialogTitle,
} from '@angular/material/dialog';
import {
  MatFormField,
  MatLabel,
  MatSuffix,
} from '@angular/material/form-field';
import { MatIcon } from '@angular/material/icon';
import { MatInput } from '@angular/material/input';
import { Notifier } from '../../../../core/notify/notifier.service';

export interface SecretDialogData {
  title: string;
  secret: string;
  /** When the previous secret stops signing, after a rotation. */
  previousValidUntil: string | null;
}

/** Shows a signing secret once; it cannot be fetched again. */
@Component({
  selector: 'app-secret-dialog',
  imports: [
    MatButton,
    MatDialogActions,
    MatDialogClose,
    MatDialogContent,
    MatDialogTitle,
    MatFormField,
    MatIcon,
    MatIconButton,
    MatInput,
    MatLabel,
    MatSuffix,
  ],
  template: `
    <h2 mat-dialog-title>{{ data.title }}</h2>
    <mat-dialog-content>
      <p class="lead">
        Copy this signing secret into your receiver now: it is shown only once.
        Verify each request's <code>webhook-signature</code> with it, as the
        Standard Webhooks libraries do.
      </p>
      @if (data.previousValidUntil) {
        <p class="lead" data-testid="secret-grace">
          The previous secret keeps signing alongside it until
          {{ data.previousValidUntil }}, so you can switch without missing a
          delivery.
        </p>
      }
      <mat-form-field class="full" subscriptSizing="dynamic">
        <mat-label>Signing secret</mat-label>
        <input
          matInput
          readonly
          #field
          [value]="data.secret"
          (focus)="field.select()"
          data-testid="webhook-secret"
        />
        <button
          matIconButton
          matIconSuffix
          type="button"
          aria-label="Copy secret"
          (click)="copy()"
        >
          <mat-icon svgIcon="copy" />
        </button>
      </mat-form-field>
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button
        matButton="filled"
        type="button"
        mat-dialog-close
        data-testid="secret-done"
      >
        I have stored it
      </button>
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
    input {
      font-family: ui-monospace, monospace;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SecretDialogComponent {
  protected readonly data = inject<SecretDialogData>(MAT_DIALOG_DATA);
  private readonly clipboard = inject(Clipboard);
  private readonly notifier = inject(Notifier);

  protected copy(): void {
    if (this.clipboard.copy(this.data.secret))
      this.notifier.info('Secret copied.');
    else
      this.notifier.error(
        'Could not copy. Select the secret and copy it by hand.',
      );
  }
}
