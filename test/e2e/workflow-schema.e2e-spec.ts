import { randomUUID } from 'node:crypto';
import { AGREEMENT_STATUSES } from '../../src/agreements/agreement.entity.js';
import { APPLICATION_STATUSES } from '../../src/applications/application-state.js';
import { INCOMING_STATUSES } from '../../src/incoming/incoming-state.js';
import { OneWorkflowEventShape1796004817263 } from '../../src/database/migrations/1796004817263-OneWorkflowEventShape.js';
import { OUTGOING_STATUSES, VERIFICATION_STATUSES } from '../../src/outgoing/outgoing-state.js';
import { NEWS_STATUSES } from '../../src/news/news-article.entity.js';
import { PROGRAMME_STATUSES } from '../../src/programmes/programme.entity.js';
import { SELECTION_ROUND_STATUSES } from '../../src/selection-rounds/selection-round-state.js';
import { bootApp, type TestApp } from '../support/test-app.js';

/** The quoted names a CHECK constraint lists, as PostgreSQL holds it. */
async function checkedNames(t: TestApp, constraint: string): Promise<string[]> {
  const rows: Array<{ definition: string }> = await t.dataSource.query(
    `SELECT pg_get_constraintdef(oid) AS definition FROM pg_constraint WHERE conname = $1 AND contype = 'c'`,
    [constraint],
  );
  expect(rows).toHaveLength(1);
  return [...new Set([...rows[0].definition.matchAll(/'([^']*)'/g)].map((match) => match[1]))].sort();
}

type Column = { column_name: string; data_type: string; is_nullable: string; is_identity: string };

/** The columns of a table, read through `database` (the data source, or a query runner in a transaction). */
async function columnsOf(
  database: { query(sql: string, parameters?: unknown[]): Promise<unknown> },
  table: string,
  schema = 'public',
): Promise<Map<string, Column>> {
  const rows = (await database.query(
    `SELECT column_name, data_type, is_nullable, is_identity FROM information_schema.columns
      WHERE table_schema = $1 AND table_name = $2`,
    [schema, table],
  )) as Column[];
  return new Map(rows.map((row) => [row.column_name, row]));
}

describe('Workflow tables (e2e)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await bootApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it.each([
    ['applications_status_known', APPLICATION_STATUSES],
    ['application_events_statuses_known', APPLICATION_STATUSES],
    ['incoming_status_known', INCOMING_STATUSES],
    ['incoming_events_statuses_known', INCOMING_STATUSES],
    ['outgoing_status_known', OUTGOING_STATUSES],
    ['outgoing_events_statuses_known', OUTGOING_STATUSES],
    ['outgoing_verification_known', VERIFICATION_STATUSES],
    ['outgoing_events_verification_known', VERIFICATION_STATUSES],
    ['programmes_status_known', PROGRAMME_STATUSES],
    ['agreements_status_known', AGREEMENT_STATUSES],
    ['news_articles_status_known', NEWS_STATUSES],
    ['selection_rounds_status_known', SELECTION_ROUND_STATUSES],
  ])('holds %s to exactly the statuses the code uses', async (constraint, statuses) => {
    expect(await checkedNames(t, constraint)).toEqual([...statuses].sort());
  });

  it('gives application_events and incoming_events the same shape: identity id, actor, from, to, comment, at', async () => {
    const applications = await columnsOf(t.dataSource, 'application_events');
    const incoming = await columnsOf(t.dataSource, 'incoming_events');
    const shared = ['id', 'actor_id', 'from_status', 'to_status', 'comment', 'at'];
    for (const column of shared) {
      expect([column, incoming.get(column)]).toEqual([column, applications.get(column)]);
    }
    expect(applications.get('id')).toMatchObject({ data_type: 'bigint', is_identity: 'YES' });
    expect(applications.get('at')).toMatchObject({
      data_type: 'timestamp with time zone',
      is_nullable: 'NO',
    });
    for (const columns of [applications, incoming]) {
      expect([...columns.keys()].filter((name) => /^(created_at|updated_at)$/.test(name))).toEqual([]);
    }
    const indexes: Array<{ indexdef: string }> = await t.dataSource.query(
      `SELECT indexdef FROM pg_indexes WHERE indexname IN ('application_events_timeline_idx', 'incoming_events_timeline_idx') ORDER BY indexname`,
    );
    expect(indexes.map((row) => row.indexdef.replace(/^.* USING btree /, ''))).toEqual([
      '(application_id, id)',
      '(mobility_id, id)',
    ]);
  });

  it('converts existing incoming events, numbering them in the order they happened', async () => {
    // The migration runs on an old-shape copy of the table in a scratch schema, in a transaction
    // that is rolled back: the real table is not touched.
    const runner = t.dataSource.createQueryRunner();
    await runner.connect();
    await runner.startTransaction();
    try {
      await runner.query(`CREATE SCHEMA workflow_migration_check`);
      await runner.query(`SET LOCAL search_path = workflow_migration_check, public`);
      await runner.query(
        `CREATE TABLE "incoming_events" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "mobility_id" uuid NOT NULL, "actor_id" uuid NOT NULL, "from_status" character varying(20), "to_status" character varying(20) NOT NULL, "date" date, "comment" text, CONSTRAINT "incoming_events_status_known" CHECK (to_status IN ('nominated', 'accepted', 'arrived', 'departed', 'cancelled') AND (from_status IS NULL OR from_status IN ('nominated', 'accepted', 'arrived', 'departed', 'cancelled'))), CONSTRAINT "PK_81304c8d8f7922ec5c48385b751" PRIMARY KEY ("id"))`,
      );
      await runner.query(
        `CREATE INDEX "incoming_events_mobility_idx" ON "incoming_events" ("mobility_id", "created_at", "id")`,
      );
      const mobility = randomUUID();
      const actor = randomUUID();
      // Inserted out of order: the numbering follows created_at, not the insertion.
      const steps: Array<[string | null, string, string, string | null]> = [
        ['accepted', 'arrived', '2026-02-02T09:00:00.000Z', 'Arrived on time'],
        [null, 'nominated', '2026-01-10T08:00:00.000Z', null],
        ['nominated', 'accepted', '2026-01-17T10:30:00.000Z', null],
      ];
      for (const [from, to, at, comment] of steps) {
        await runner.query(
          `INSERT INTO "incoming_events" (created_at, updated_at, mobility_id, actor_id, from_status, to_status, comment)
           VALUES ($1, $1, $2, $3, $4, $5, $6)`,
          [at, mobility, actor, from, to, comment],
        );
      }

      await new OneWorkflowEventShape1796004817263().up(runner);

      const converted: Array<{ id: string; to_status: string; at: Date; comment: string | null }> =
        await runner.query(`SELECT id, to_status, at, comment FROM "incoming_events" ORDER BY id`);
      expect(
        converted.map(({ id, to_status, at, comment }) => [id, to_status, at.toISOString(), comment]),
      ).toEqual([
        ['1', 'nominated', '2026-01-10T08:00:00.000Z', null],
        ['2', 'accepted', '2026-01-17T10:30:00.000Z', null],
        ['3', 'arrived', '2026-02-02T09:00:00.000Z', 'Arrived on time'],
      ]);
      const columns = await columnsOf(runner, 'incoming_events', 'workflow_migration_check');
      expect(columns.has('updated_at')).toBe(false);
      expect(columns.has('created_at')).toBe(false);
      expect(columns.get('id')).toMatchObject({ data_type: 'bigint', is_identity: 'YES' });
      const [next] = await runner.query(
        `INSERT INTO "incoming_events" (at, mobility_id, actor_id, from_status, to_status)
         VALUES (now(), $1, $2, 'arrived', 'departed') RETURNING id`,
        [mobility, actor],
      );
      expect(next.id).toBe('4');
      await expect(
        runner.query(
          `INSERT INTO "incoming_events" (at, mobility_id, actor_id, to_status) VALUES (now(), $1, $2, 'approved')`,
          [mobility, actor],
        ),
      ).rejects.toThrow(/incoming_events_statuses_known/);
    } finally {
      await runner.rollbackTransaction();
      await runner.release();
    }
  });

  it('can go back to the old shape, keeping every event', async () => {
    const runner = t.dataSource.createQueryRunner();
    await runner.connect();
    await runner.startTransaction();
    try {
      await runner.query(`CREATE SCHEMA workflow_migration_check`);
      await runner.query(`SET LOCAL search_path = workflow_migration_check, public`);
      await runner.query(
        `CREATE TABLE "incoming_events" ("id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, "at" TIMESTAMP(3) WITH TIME ZONE NOT NULL, "mobility_id" uuid NOT NULL, "actor_id" uuid NOT NULL, "from_status" character varying(20), "to_status" character varying(20) NOT NULL, "date" date, "comment" text, CONSTRAINT "incoming_events_statuses_known" CHECK (to_status IN ('nominated', 'accepted')), CONSTRAINT "PK_81304c8d8f7922ec5c48385b751" PRIMARY KEY ("id"))`,
      );
      await runner.query(
        `CREATE INDEX "incoming_events_timeline_idx" ON "incoming_events" ("mobility_id", "id")`,
      );
      await runner.query(
        `INSERT INTO "incoming_events" (at, mobility_id, actor_id, from_status, to_status)
         VALUES ('2026-01-10T08:00:00Z', $1, $2, NULL, 'nominated'), ('2026-01-17T10:30:00Z', $1, $2, 'nominated', 'accepted')`,
        [randomUUID(), randomUUID()],
      );

      await new OneWorkflowEventShape1796004817263().down(runner);

      const rows: Array<{ to_status: string; created_at: Date; updated_at: Date }> = await runner.query(
        `SELECT to_status, created_at, updated_at FROM "incoming_events" ORDER BY created_at`,
      );
      expect(
        rows.map((row) => [row.to_status, row.created_at.toISOString(), row.updated_at.toISOString()]),
      ).toEqual([
        ['nominated', '2026-01-10T08:00:00.000Z', '2026-01-10T08:00:00.000Z'],
        ['accepted', '2026-01-17T10:30:00.000Z', '2026-01-17T10:30:00.000Z'],
      ]);
      const columns = await columnsOf(runner, 'incoming_events', 'workflow_migration_check');
      expect(columns.get('id')).toMatchObject({ data_type: 'uuid' });
    } finally {
      await runner.rollbackTransaction();
      await runner.release();
    }
  });
});
