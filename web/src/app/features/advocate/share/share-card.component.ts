import { Clipboard } from '@angular/cdk/clipboard';
import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  computed,
  effect,
  inject,
  input,
  linkedSignal,
  signal,
  untracked,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButton, MatIconButton } from '@angular/material/button';
import {
  MatFormField,
  MatLabel,
  MatSuffix,
} from '@angular/material/form-field';
import { MatIcon } from '@angular/material/icon';
import { MatInput } from '@angular/material/input';
import { MyProgramme, ReferralFunnel, describeReward } from '@advocacy/shared';
import { ReferralsApi } from '../../../core/api/referrals-api';
import { Notifier } from '../../../core/notify/notifier.service';
import { FunnelChartComponent } from './funnel-chart.component';
import { ShareOfferComponent } from './share-offer.component';
import { shareLinks } from './share-links';
import { VanityFormComponent } from './vanity-form.component';

/** One programme on the share page: the link, its QR code, share buttons, vanity code and funnel. */
@Component({
  selector: 'app-share-card',
  imports: [
    FunnelChartComponent,
    MatButton,
    MatFormField,
    MatIcon,
    MatIconButton,
    MatInput,
    MatLabel,
    MatSuffix,
    ShareOfferComponent,
    VanityFormComponent,
  ],
  templateUrl: './share-card.component.html',
  styleUrl: './share-card.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ShareCardComponent {
  private readonly api = inject(ReferralsApi);
  private readonly clipboard = inject(Clipboard);
  private readonly notifier = inject(Notifier);
  private readonly destroyRef = inject(DestroyRef);

  readonly programme = input.required<MyProgramme>();
  /** Follows the input, and takes the answer of a vanity change. */
  protected readonly current = linkedSignal(() => this.programme());
  protected readonly qrUrl = signal<string | null>(null);
  protected readonly funnel = signal<ReferralFunnel | null>(null);

  protected readonly links = computed(() => {
    const p = this.current();
    const message = p.friendReward
      ? `Get ${describeReward(p.friendReward)} off your first order with my link:`
      : `Have a look at ${p.name}:`;
    return p.shareUrl ? shareLinks(p.shareUrl, message) : [];
  });

  constructor() {
    effect(() => {
      const p = this.current();
      if (!p.eligible) return;
      // Only a new programme or code reloads; the signals set below must not re-trigger this.
      untracked(() => {
        this.loadQr(p.programmeId);
        this.api
          .stats(p.programmeId)
          .pipe(takeUntilDestroyed(this.destroyRef))
          .subscribe((funnel) => this.funnel.set(funnel));
      });
    });
    this.destroyRef.onDestroy(() => this.revokeQr());
  }

  protected copy(): void {
    const url = this.current().shareUrl ?? '';
    if (this.clipboard.copy(url)) this.notifier.info('Link copied.');
    else
      this.notifier.error(
        'Could not copy. Select the link and copy it by hand.',
      );
  }

  protected vanitySaved(programme: MyProgramme): void {
    this.current.set(programme);
    this.notifier.info('Your new link is ready.');
  }

  private loadQr(programmeId: string): void {
    this.api
      .qr(programmeId)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe((blob) => {
        this.revokeQr();
        this.qrUrl.set(URL.createObjectURL(blob));
      });
  }

  private revokeQr(): void {
    const url = this.qrUrl();
    if (url) URL.revokeObjectURL(url);
  }
}
