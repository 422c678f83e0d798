import { Injectable, inject } from '@angular/core';
import { AbstractControl } from '@angular/forms';
import { ApiError } from '../../core/api/api-error';
import { Notifier } from '../../core/notify/notifier.service';

/** Puts each `errors[field]` from the server on the matching control, so its `mat-error` shows it. */
@Injectable({ providedIn: 'root' })
export class ServerErrors {
  private readonly notifier = inject(Notifier);

  apply(form: AbstractControl, error: unknown): void {
    if (!(error instanceof ApiError) || !error.hasFieldErrors) return;
    const unplaced: string[] = [];
    for (const [field, message] of Object.entries(error.fieldErrors)) {
      // The server names nested fields `a.items[0].b`; reactive forms address them as `a.items.0.b`.
      const control = form.get(field.replace(/\[(\d+)\]/g, '.$1'));
      if (control) {
        control.setErrors({ ...control.errors, server: message });
        control.markAsTouched();
      } else {
        unplaced.push(`${field} ${message}`);
      }
    }
    // The interceptor stays quiet about field errors, so any the form cannot show are announced here.
    if (unplaced.length > 0) this.notifier.error(unplaced.join('; '));
  }
}
