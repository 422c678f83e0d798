import { ChangeDetectionStrategy, Component } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatIcon } from '@angular/material/icon';
import { RouterLink } from '@angular/router';

@Component({
  selector: 'app-not-found-page',
  imports: [MatButton, MatIcon, RouterLink],
  template: `
    <main>
      <p class="code" aria-hidden="true">404</p>
      <h1 data-testid="page-title">Page not found</h1>
      <p>The page you were looking for does not exist or has moved.</p>
      <a matButton="filled" routerLink="/" data-testid="not-found-home">
        <mat-icon svgIcon="arrow-back" />
        Back to the portal
      </a>
    </main>
  `,
  styles: `
    main {
      display: flex;
      flex-direction: column;
      align-items: center;
      justify-content: center;
      gap: 8px;
      min-height: 100dvh;
      padding: 24px;
      box-sizing: border-box;
      text-align: center;
      background: var(--mat-sys-surface-container-low);
    }
    .code {
      margin: 0;
      font: var(--mat-sys-display-large);
      font-weight: 700;
      color: var(--mat-sys-primary);
    }
    h1 {
      margin: 0;
      font: var(--mat-sys-headline-small);
    }
    p {
      margin: 0 0 16px;
      color: var(--mat-sys-on-surface-variant);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class NotFoundPageComponent {}
