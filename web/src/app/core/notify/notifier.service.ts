import { Injectable, inject } from '@angular/core';
import { MatSnackBar } from '@angular/material/snack-bar';

@Injectable({ providedIn: 'root' })
export class Notifier {
  private readonly snackBar = inject(MatSnackBar);

  info(message: string): void {
    this.snackBar.open(message, undefined, { duration: 4000 });
  }

  /** Errors stay until dismissed or replaced, so they are not missed. */
  error(message: string): void {
    this.snackBar.open(message, 'Dismiss', {
      duration: 10000,
      panelClass: 'app-snack-error',
    });
  }
}
