import { CaseState } from '@advocacy/shared';
import { DataSource, EntityManager } from 'typeorm';

const HOUR_MS = 3600 * 1000;
const DEMO_ENDPOINT_URL = 'https://example.com/webhooks/advocacy';
/** The demo people (demo-people.ts); cases are seeded on them only. */
const DEMO_CUSTOMER_EMAILS = '%@example.com';

interface DemoCase {
  state: CaseState;
  /** Hours before now that the case opened. */
  openedHoursAgo: number;
  /** Due time relative to now, in hours (negative: overdue). */
  dueInHours: number;
  owner: 'manager@demo.test' | 'admin@demo.test' | null;
  contactedHoursAgo?: number;
  closedHoursAgo?: number;
  closeReason?: string;
  notes?: string[];
  /** A later answer with this score, after the follow-up. */
  laterScore?: number;
}

/** A few cases in every state, some overdue, so the list, the case page and the dashboard have data. */
const DEMO_CASES: DemoCase[] = [
  {
    state: 'open',
    openedHoursAgo: 6,
    dueInHours: 42,
    owner: 'manager@demo.test',
  },
  {
    state: 'open',
    openedHoursAgo: 53,
    dueInHours: -5,
    owner: 'manager@demo.test',
  },
  { state: 'open', openedHoursAgo: 68, dueInHours: -20, owner: null },
  {
    state: 'contacted',
    openedHoursAgo: 30,
    dueInHours: 18,
    owner: 'manager@demo.test',
    contactedHoursAgo: 20,
    notes: [
      'Called: the parcel arrived two weeks late and nobody answered the chat.',
      'Offered a free return label; waiting for the replacement to arrive.',
    ],
  },
  {
    state: 'contacted',
    openedHoursAgo: 60,
    dueInHours: -12,
    owner: 'admin@demo.test',
    contactedHoursAgo: 40,
    notes: ['Left a voicemail and sent an email; no answer yet.'],
  },
  {
    state: 'resolved',
    openedHoursAgo: 24 * 12,
    dueInHours: -24 * 10,
    owner: 'manager@demo.test',
    contactedHoursAgo: 24 * 11,
    closedHoursAgo: 24 * 9,
    notes: ['Refunded the broken item and added a thank-you credit.'],
    laterScore: 9,
  },
  {
    state: 'resolved',
    openedHoursAgo: 24 * 20,
    dueInHours: -24 * 18,
    owner: 'admin@demo.test',
    contactedHoursAgo: 24 * 19,
    closedHoursAgo: 24 * 17,
    notes: ['Explained the new delivery windows; customer was happy with it.'],
    laterScore: 8,
  },
  {
    state: 'resolved',
    openedHoursAgo: 24 * 25,
    dueInHours: -24 * 23,
    owner: 'manager@demo.test',
    contactedHoursAgo: 24 * 24,
    closedHoursAgo: 24 * 22,
    laterScore: 5,
  },
  {
    state: 'closed_without_fix',
    openedHoursAgo: 24 * 15,
    dueInHours: -24 * 13,
    owner: 'manager@demo.test',
    closedHoursAgo: 24 * 8,
    closeReason: 'No reply after three attempts by phone and email',
  },
];

const at = (now: Date, hoursAgo: number) =>
  new Date(now.getTime() - hoursAgo * HOUR_MS);

/**
 * Demo follow-up cases on real demo detractors, and one disabled webhook endpoint with a short
 * delivery log. Runs once: skipped when a demo customer already has a case, or the endpoint exists.
 */
export async function seedDemoCases(db: DataSource, now: Date): Promise<void> {
  await db.transaction(async (manager) => {
    const [{ cases }] = await manager.query<{ cases: number }[]>(
      `SELECT count(*)::int AS cases FROM followup_cases c JOIN customers cu ON cu.id = c.customer_id
        WHERE cu.email LIKE $1`,
      [DEMO_CUSTOMER_EMAILS],
    );
    if (cases === 0) await seedCases(manager, now);
    const [{ endpoints }] = await manager.query<{ endpoints: number }[]>(
      'SELECT count(*)::int AS endpoints FROM webhook_endpoints WHERE url = $1',
      [DEMO_ENDPOINT_URL],
    );
    if (endpoints === 0) await seedEndpoint(manager, now);
  });
}

async function seedCases(manager: EntityManager, now: Date): Promise<void> {
  const users = new Map(
    (
      await manager.query<{ id: string; email: string }[]>(
        `SELECT id, email FROM users WHERE email IN ('manager@demo.test', 'admin@demo.test')`,
      )
    ).map((row) => [row.email, row.id]),
  );
  // The latest answer of each detractor, most recent first: real people from the demo surveys.
  const detractors = await manager.query<
    { id: string; customer_id: string; survey_id: string; score: number }[]
  >(
    `SELECT * FROM (
       SELECT DISTINCT ON (r.customer_id) r.id, r.customer_id, r.survey_id, r.score, r.responded_at
         FROM survey_responses r
        JOIN customers cu ON cu.id = r.customer_id
        WHERE r.kind = 'nps' AND r.responded_at <= $1 AND cu.email LIKE $3
        ORDER BY r.customer_id, r.responded_at DESC) latest
      WHERE score <= 6 ORDER BY responded_at DESC, id LIMIT $2`,
    [now, DEMO_CASES.length, DEMO_CUSTOMER_EMAILS],
  );
  for (const [index, response] of detractors.entries()) {
    const demo = DEMO_CASES[index];
    const actor = demo.owner ? (users.get(demo.owner) ?? null) : null;
    const [row] = await manager.query<{ id: string }[]>(
      `INSERT INTO followup_cases (customer_id, response_id, reason, score, owner_id, state, due_at,
                                   contacted_at, closed_at, created_at, updated_at)
       VALUES ($1, $2, 'detractor', $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
      [
        response.customer_id,
        response.id,
        response.score,
        actor,
        demo.state,
        new Date(now.getTime() + demo.dueInHours * HOUR_MS),
        demo.contactedHoursAgo === undefined
          ? null
          : at(now, demo.contactedHoursAgo),
        demo.closedHoursAgo === undefined ? null : at(now, demo.closedHoursAgo),
        at(now, demo.openedHoursAgo),
        at(
          now,
          demo.closedHoursAgo ?? demo.contactedHoursAgo ?? demo.openedHoursAgo,
        ),
      ],
    );
    const steps: [
      CaseState | null,
      CaseState,
      number,
      string | null,
      string | null,
    ][] = [
      [
        null,
        'open',
        demo.openedHoursAgo,
        null,
        `Detractor score ${response.score}`,
      ],
    ];
    if (demo.contactedHoursAgo !== undefined)
      steps.push(['open', 'contacted', demo.contactedHoursAgo, actor, null]);
    if (demo.closedHoursAgo !== undefined)
      steps.push([
        demo.contactedHoursAgo !== undefined ? 'contacted' : 'open',
        demo.state,
        demo.closedHoursAgo,
        actor,
        demo.closeReason ?? null,
      ]);
    for (const [from, to, hoursAgo, by, reason] of steps)
      await manager.query(
        `INSERT INTO followup_case_transitions (case_id, from_state, to_state, actor_id, reason, at)
         VALUES ($1, $2, $3, $4, $5, $6)`,
        [row.id, from, to, by, reason, at(now, hoursAgo)],
      );
    for (const [n, body] of (demo.notes ?? []).entries())
      await manager.query(
        `INSERT INTO followup_case_notes (case_id, author_id, body, created_at) VALUES ($1, $2, $3, $4)`,
        [
          row.id,
          actor,
          body,
          at(now, (demo.contactedHoursAgo ?? demo.openedHoursAgo) - n),
        ],
      );
    if (demo.laterScore !== undefined && demo.closedHoursAgo !== undefined)
      await manager.query(
        `INSERT INTO survey_responses (survey_id, customer_id, kind, score, comment, channel, responded_at)
         VALUES ($1, $2, 'nps', $3, $4, 'link', $5) ON CONFLICT DO NOTHING`,
        [
          response.survey_id,
          response.customer_id,
          demo.laterScore,
          demo.laterScore >= 9 ? 'Thanks for sorting it out so quickly.' : null,
          at(now, demo.closedHoursAgo - 24),
        ],
      );
  }
}

async function seedEndpoint(manager: EntityManager, now: Date): Promise<void> {
  const [endpoint] = await manager.query<{ id: string }[]>(
    `INSERT INTO webhook_endpoints (url, description, events, active, secret, created_at, updated_at)
     VALUES ($1, 'CRM sync (demo, disabled)', $2, false, $3, $4, $4) RETURNING id`,
    [
      DEMO_ENDPOINT_URL,
      ['nps.response.created', 'case.opened', 'reward.claimed'],
      // A fixed demo secret: the endpoint is disabled and points at a placeholder host.
      'whsec_ZGVtby1vbmx5LXNlY3JldC1ub3QtZm9yLXByb2R1Y3Rpb24=',
      at(now, 24 * 7),
    ],
  );
  const deliveries: {
    type: string;
    data: object;
    hoursAgo: number;
    attempts: { status: number | null; error: string | null; ms: number }[];
  }[] = [
    {
      type: 'case.opened',
      data: { reason: 'detractor', score: 3 },
      hoursAgo: 50,
      attempts: [{ status: 200, error: null, ms: 182 }],
    },
    {
      type: 'nps.response.created',
      data: { kind: 'nps', score: 9, channel: 'link' },
      hoursAgo: 30,
      attempts: [
        { status: 503, error: 'receiver answered 503', ms: 95 },
        { status: null, error: 'timed out after 10 s', ms: 10_003 },
        { status: 200, error: null, ms: 240 },
      ],
    },
    {
      type: 'reward.claimed',
      data: { type: 'coupon', amount: 1000, currency: 'USD', state: 'claimed' },
      hoursAgo: 26,
      attempts: [
        { status: 500, error: 'receiver answered 500', ms: 120 },
        { status: 500, error: 'receiver answered 500', ms: 131 },
      ],
    },
  ];
  for (const demo of deliveries) {
    const createdAt = at(now, demo.hoursAgo);
    const [event] = await manager.query<{ id: string }[]>(
      `INSERT INTO webhook_events (type, data, created_at, dispatched_at) VALUES ($1, $2, $3, $3) RETURNING id`,
      [demo.type, JSON.stringify(demo.data), createdAt],
    );
    const last = demo.attempts[demo.attempts.length - 1];
    const succeeded = last.status !== null && last.status < 300;
    const [delivery] = await manager.query<{ id: string }[]>(
      `INSERT INTO webhook_deliveries (event_id, endpoint_id, state, attempts, last_status_code, last_error,
                                       created_at, completed_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
      [
        event.id,
        endpoint.id,
        succeeded ? 'succeeded' : 'failed',
        demo.attempts.length,
        last.status,
        last.error,
        createdAt,
        at(now, demo.hoursAgo - demo.attempts.length),
      ],
    );
    for (const [index, attempt] of demo.attempts.entries())
      await manager.query(
        `INSERT INTO webhook_attempts (delivery_id, attempt, status_code, duration_ms, error, response_excerpt, at)
         VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [
          delivery.id,
          index + 1,
          attempt.status,
          attempt.ms,
          attempt.error,
          attempt.status === 200
            ? '{"ok":true}'
            : attempt.status
              ? 'Service Unavailable'
              : null,
          at(now, demo.hoursAgo - index),
        ],
      );
  }
}
