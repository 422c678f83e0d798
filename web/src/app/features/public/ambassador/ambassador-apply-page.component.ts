import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  computed,
  inject,
  input,
  signal,
  viewChild,
} from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import { FormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { MatError, MatFormField, MatLabel } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatProgressBar } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { PublicAmbassadorProgramme } from '@advocacy/shared';
import { catchError, of, switchMap, tap } from 'rxjs';
import { AmbassadorsApi } from '../../../core/api/ambassadors-api';
import { ApiError } from '../../../core/api/api-error';
import { PRODUCT_NAME } from '../../../core/title/portal-title.strategy';
import { ApplicationFormComponent } from '../../../shared/application-form/application-form.component';
import { FieldErrorComponent } from '../../../shared/forms/field-error.component';
import { ServerErrors } from '../../../shared/forms/server-errors.service';
import { visitorId } from './visitor-id';

type PageState = 'loading' | 'missing' | 'form' | 'closed' | 'sent';

/** Public apply page: anyone applies with an email; signed-in advocates are pointed to the portal. */
@Component({
  selector: 'app-ambassador-apply-page',
  imports: [
    ApplicationFormComponent,
    FieldErrorComponent,
    MatButton,
    MatError,
    MatFormField,
    MatInput,
    MatLabel,
    MatProgressBar,
    ReactiveFormsModule,
    RouterLink,
  ],
  templateUrl: './ambassador-apply-page.component.html',
  styleUrls: [
    '../../../shared/ui/public-page.scss',
    './ambassador-apply-page.component.scss',
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AmbassadorApplyPageComponent {
  private readonly api = inject(AmbassadorsApi);
  private readonly serverErrors = inject(ServerErrors);
  private readonly destroyRef = inject(DestroyRef);
  private readonly visitor = visitorId(
    typeof localStorage === 'undefined' ? null : localStorage,
  );

  /** Route parameter. */
  readonly slug = input.required<string>();

  protected readonly productName = PRODUCT_NAME;
  protected readonly programme = signal<PublicAmbassadorProgramme | null>(null);
  protected readonly state = signal<PageState>('loading');
  protected readonly sentMessage = signal('');
  protected readonly error = signal<string | null>(null);
  protected readonly sending = signal(false);
  protected readonly fields = computed(
    () => this.programme()?.form?.fields ?? [],
  );
  private started = false;

  private readonly answers = viewChild(ApplicationFormComponent);
  protected readonly contact = inject(FormBuilder).nonNullable.group({
    name: ['', [Validators.required, Validators.maxLength(120)]],
    email: [
      '',
      [Validators.required, Validators.email, Validators.maxLength(254)],
    ],
  });

  constructor() {
    toObservable(this.slug)
      .pipe(
        tap(() => this.state.set('loading')),
        switchMap((slug) =>
          this.api.publicProgramme(slug).pipe(catchError(() => of(null))),
        ),
        takeUntilDestroyed(),
      )
      .subscribe((programme) => {
        this.programme.set(programme);
        if (!programme) return this.state.set('missing');
        this.state.set(programme.open && programme.form ? 'form' : 'closed');
        this.event('visited');
      });
  }

  protected onChange(): void {
    if (this.started) return;
    this.started = true;
    this.event('started');
  }

  protected submit(): void {
    const form = this.answers();
    if (!form) return;
    this.error.set(null);
    this.contact.markAllAsTouched();
    const answersOk = form.check();
    if (this.contact.invalid || !answersOk) {
      this.error.set(
        'Some answers need a look — see the highlighted questions.',
      );
      return;
    }
    this.sending.set(true);
    this.api
      .publicApply(this.slug(), {
        ...this.contact.getRawValue(),
        answers: form.answers(),
        visitorId: this.visitor,
      })
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (result) => {
          this.sending.set(false);
          this.sentMessage.set(result.message);
          this.state.set('sent');
        },
        error: (error: unknown) => {
          this.sending.set(false);
          this.serverErrors.apply(this.contact, error);
          this.serverErrors.apply(form.group(), error);
          if (error instanceof ApiError) this.error.set(error.message);
        },
      });
  }

  private event(stage: 'visited' | 'started'): void {
    this.api
      .publicEvent(this.slug(), { stage, visitorId: this.visitor })
      .subscribe({ error: () => undefined });
  }
}
