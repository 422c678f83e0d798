import { OutreachSendView, OutreachTemplateView } from '@advocacy/shared';
import { OutreachSend } from './entities/outreach-send.entity';
import { OutreachTemplate } from './entities/outreach-template.entity';

export function toTemplateView(row: OutreachTemplate): OutreachTemplateView {
  return {
    id: row.id,
    name: row.name,
    purpose: row.purpose,
    audience: row.audience,
    subject: row.subject,
    body: row.body,
    archived: row.archivedAt !== null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function toSendView(
  row: OutreachSend,
  live: { queued: number; clickedMessages: number },
): OutreachSendView {
  return {
    id: row.id,
    templateId: row.templateId,
    templateName: row.templateName,
    purpose: row.purpose,
    subject: row.subject,
    audience: row.audience,
    programmeId: row.programmeId,
    surveyId: row.surveyId,
    status: row.status,
    scheduledAt: row.scheduledAt.toISOString(),
    startedAt: row.startedAt?.toISOString() ?? null,
    completedAt: row.completedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    counts: {
      recipients: row.recipientCount,
      queued: live.queued,
      sent: row.sentCount,
      failed: row.failedCount,
      skipped: row.skippedCount,
    },
    clickedMessages: live.clickedMessages,
  };
}
