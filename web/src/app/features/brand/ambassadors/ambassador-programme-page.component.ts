import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  input,
  signal,
} from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatIcon } from '@angular/material/icon';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatTab, MatTabContent, MatTabGroup } from '@angular/material/tabs';
import { RouterLink } from '@angular/router';
import { AmbassadorProgrammeSummary } from '@advocacy/shared';
import { AmbassadorsApi } from '../../../core/api/ambassadors-api';
import { AuthService } from '../../../core/auth/auth.service';
import { loadOnChange } from '../../../core/data/load-on-change';
import { Notifier } from '../../../core/notify/notifier.service';
import { PageHeaderComponent } from '../../../shared/ui/page-header.component';
import { DirectoryPanelComponent } from './directory-panel.component';
import { FormBuilderComponent } from './form-builder.component';
import { FunnelPanelComponent } from './funnel-panel.component';
import { PerksPanelComponent } from './perks-panel.component';
import { ProgrammeSettingsDialogComponent } from './programme-settings-dialog.component';
import { ReviewBoardComponent } from './review-board.component';
import { TrainingPanelComponent } from './training-panel.component';

/** One programme: review board, funnel, form, perks, training and directory in tabs. */
@Component({
  selector: 'app-ambassador-programme-page',
  imports: [
    DirectoryPanelComponent,
    FormBuilderComponent,
    FunnelPanelComponent,
    MatButton,
    MatIcon,
    MatProgressBar,
    MatTab,
    MatTabContent,
    MatTabGroup,
    PageHeaderComponent,
    PerksPanelComponent,
    ReviewBoardComponent,
    RouterLink,
    TrainingPanelComponent,
  ],
  template: `
    @if (programme(); as p) {
      <app-page-header [heading]="p.name" [subtitle]="summary(p)">
        <a matButton routerLink="/brand/ambassadors">All programmes</a>
        @if (canManage()) {
          <button
            matButton="tonal"
            type="button"
            (click)="editSettings(p)"
            data-testid="programme-settings"
          >
            <mat-icon svgIcon="edit" />
            Settings
          </button>
        }
      </app-page-header>
      <mat-tab-group
        mat-stretch-tabs="false"
        animationDuration="0ms"
        [selectedIndex]="tab()"
        (selectedIndexChange)="tab.set($event)"
      >
        @if (canManage()) {
          <mat-tab label="Review">
            <div class="tab"><app-review-board [programme]="p" /></div>
          </mat-tab>
        }
        <mat-tab label="Funnel">
          <ng-template matTabContent
            ><div class="tab"><app-funnel-panel [programmeId]="p.id" /></div
          ></ng-template>
        </mat-tab>
        @if (canManage()) {
          <mat-tab label="Form">
            <ng-template matTabContent
              ><div class="tab">
                <app-form-builder
                  [programme]="p"
                  (saved)="updated.set($event)"
                /></div
            ></ng-template>
          </mat-tab>
          <mat-tab label="Perks">
            <ng-template matTabContent
              ><div class="tab"><app-perks-panel [programmeId]="p.id" /></div
            ></ng-template>
          </mat-tab>
          <mat-tab label="Training">
            <ng-template matTabContent
              ><div class="tab"><app-training-panel [programmeId]="p.id" /></div
            ></ng-template>
          </mat-tab>
        }
        <mat-tab label="Ambassadors">
          <ng-template matTabContent
            ><div class="tab"><app-directory-panel [programmeId]="p.id" /></div
          ></ng-template>
        </mat-tab>
      </mat-tab-group>
    } @else if (loaded.loading()) {
      <mat-progress-bar mode="indeterminate" />
    }
  `,
  styles: `
    .tab {
      padding-top: 16px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AmbassadorProgrammePageComponent {
  private readonly api = inject(AmbassadorsApi);
  private readonly dialog = inject(MatDialog);
  private readonly notifier = inject(Notifier);
  private readonly role = inject(AuthService).role;

  /** Route parameter. */
  readonly id = input.required<string>();

  protected readonly canManage = computed(
    () => this.role() === 'manager' || this.role() === 'admin',
  );
  protected readonly loaded = loadOnChange(this.id, (id) =>
    this.api.programme(id),
  );
  protected readonly updated = signal<AmbassadorProgrammeSummary | null>(null);
  protected readonly programme = computed(() => {
    const fresh = this.updated();
    return fresh && fresh.id === this.id() ? fresh : this.loaded.value();
  });
  protected readonly tab = signal(0);

  protected summary(p: AmbassadorProgrammeSummary): string {
    const capacity =
      p.capacity === null
        ? 'no limit'
        : `${p.counts.approved} of ${p.capacity} places taken`;
    return `${STATUS[p.status]} · ${capacity} · ${p.counts.submitted + p.counts.inReview} to review · ${p.counts.waitlisted} waiting`;
  }

  protected editSettings(p: AmbassadorProgrammeSummary): void {
    this.dialog
      .open<
        ProgrammeSettingsDialogComponent,
        AmbassadorProgrammeSummary,
        AmbassadorProgrammeSummary
      >(ProgrammeSettingsDialogComponent, {
        data: p,
        width: '880px',
        maxWidth: '96vw',
      })
      .afterClosed()
      .subscribe((saved) => {
        if (!saved) return;
        this.updated.set(saved);
        this.notifier.info(`${saved.name} is saved.`);
      });
  }
}

const STATUS = {
  draft: 'Draft (hidden)',
  open: 'Open',
  closed: 'Closed',
} as const;
