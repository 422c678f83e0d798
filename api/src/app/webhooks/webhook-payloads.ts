/**
 * The `data` of each event, built in one place so receivers get stable shapes. Ids only point at
 * records; customers are identified by id and email, nothing more.
 */

export function rewardEventData(reward: {
  id: string;
  customerId: string;
  programmeId: string | null;
  type: string;
  amount: number;
  currency: string | null;
  source: string;
  sourceRef: string;
  state: string;
}): object {
  return {
    rewardId: reward.id,
    customerId: reward.customerId,
    programmeId: reward.programmeId,
    type: reward.type,
    amount: reward.amount,
    currency: reward.currency,
    source: reward.source,
    sourceRef: reward.sourceRef,
    state: reward.state,
  };
}

export function referralEventData(referral: {
  id: string;
  programmeId: string;
  referrerCustomerId: string;
  friendCustomerId: string;
}): object {
  return {
    referralId: referral.id,
    programmeId: referral.programmeId,
    referrerCustomerId: referral.referrerCustomerId,
    friendCustomerId: referral.friendCustomerId,
    status: 'qualified',
  };
}

export function responseEventData(response: {
  id: string;
  surveyId: string;
  customerId: string;
  kind: string;
  score: number;
  comment: string | null;
  channel: string;
  respondedAt: Date;
}): object {
  return {
    responseId: response.id,
    surveyId: response.surveyId,
    customerId: response.customerId,
    kind: response.kind,
    score: response.score,
    comment: response.comment,
    channel: response.channel,
    respondedAt: response.respondedAt.toISOString(),
  };
}

export function ugcEventData(submission: {
  id: string;
  campaignId: string;
  customerId: string | null;
  mediaType: string;
  rating: number | null;
  reviewedAt: Date | null;
}): object {
  return {
    submissionId: submission.id,
    campaignId: submission.campaignId,
    customerId: submission.customerId,
    mediaType: submission.mediaType,
    rating: submission.rating,
    approvedAt: submission.reviewedAt?.toISOString() ?? null,
  };
}

export function applicationEventData(application: {
  id: string;
  programmeId: string;
  customerId: string;
  state: string;
  reasonCode: string | null;
}): object {
  return {
    applicationId: application.id,
    programmeId: application.programmeId,
    customerId: application.customerId,
    decision: application.state,
    reasonCode: application.reasonCode,
  };
}
