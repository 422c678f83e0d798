import { ChangeDetectionStrategy, Component } from '@angular/core';
import { MatTab, MatTabContent, MatTabGroup } from '@angular/material/tabs';
import { PageHeaderComponent } from '../../../shared/ui/page-header.component';
import { UgcCampaignsPanelComponent } from './campaigns-panel.component';
import { ModerationBoardComponent } from './moderation-board.component';
import { UgcMetricsPanelComponent } from './ugc-metrics-panel.component';
import { UgcShowcasesPanelComponent } from './showcases-panel.component';

/** Moderation board, campaigns, showcases and metrics of user-generated content. */
@Component({
  selector: 'app-ugc-page',
  imports: [
    MatTab,
    MatTabContent,
    MatTabGroup,
    ModerationBoardComponent,
    PageHeaderComponent,
    UgcCampaignsPanelComponent,
    UgcMetricsPanelComponent,
    UgcShowcasesPanelComponent,
  ],
  template: `
    <app-page-header
      heading="UGC and testimonials"
      subtitle="Review what advocates share, run campaigns, and publish the best stories with their consent."
    />
    <mat-tab-group mat-stretch-tabs="false" animationDuration="0ms">
      <mat-tab label="Moderation">
        <ng-template matTabContent>
          <div class="tab"><app-moderation-board /></div>
        </ng-template>
      </mat-tab>
      <mat-tab label="Campaigns">
        <ng-template matTabContent>
          <div class="tab"><app-ugc-campaigns-panel /></div>
        </ng-template>
      </mat-tab>
      <mat-tab label="Showcases">
        <ng-template matTabContent>
          <div class="tab"><app-ugc-showcases-panel /></div>
        </ng-template>
      </mat-tab>
      <mat-tab label="Metrics">
        <ng-template matTabContent>
          <div class="tab"><app-ugc-metrics-panel /></div>
        </ng-template>
      </mat-tab>
    </mat-tab-group>
  `,
  styles: `
    .tab {
      padding-top: 16px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class UgcPageComponent {}
