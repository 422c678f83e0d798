import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { AbstractControl, ValidationErrors } from '@angular/forms';
import { map, startWith, switchMap } from 'rxjs';

/**
 * The message for a control's first error, server messages first. Place it inside `<mat-error>`,
 * which Material only shows once the control is invalid and touched.
 */
@Component({
  selector: 'app-field-error',
  template: '{{ message() }}',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class FieldErrorComponent {
  readonly control = input.required<AbstractControl>();
  /** Used in the generic "is required" message. */
  readonly label = input('This field');

  protected readonly message = toSignal(
    toObservable(this.control).pipe(
      switchMap((control) =>
        control.events.pipe(
          startWith(null),
          map(() => messageFor(control.errors, this.label())),
        ),
      ),
    ),
    { initialValue: '' },
  );
}

export function messageFor(
  errors: ValidationErrors | null,
  label: string,
): string {
  if (!errors) return '';
  if (typeof errors['server'] === 'string') return sentence(errors['server']);
  if (errors['required']) return `${label} is required.`;
  if (errors['email']) return 'Enter a valid email address.';
  if (errors['minlength'])
    return `Use at least ${errors['minlength'].requiredLength} characters.`;
  if (errors['maxlength'])
    return `Use at most ${errors['maxlength'].requiredLength} characters.`;
  return `${label} is not valid.`;
}

/** Server messages are fragments such as "must be a valid email address". */
function sentence(message: string): string {
  const text = message.charAt(0).toUpperCase() + message.slice(1);
  return /[.!?]$/.test(text) ? text : `${text}.`;
}
