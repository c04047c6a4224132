import { randomUUID } from 'node:crypto';
import { digestWeek } from '../../src/notifications/notification-schedule.js';
import { NotificationSchedules } from '../../src/notifications/notification-schedules.js';
import { NotificationSender } from '../../src/notifications/notification-sender.js';
import { insertInstitution, insertProgramme } from '../support/catalogue-fixtures.js';
import { hostFaculty, partnerInstitution, nomination } from '../support/incoming-fixtures.js';
import { SmtpSink } from '../support/smtp-sink.js';
import { bootApp, type TestApp, type TestUser } from '../support/test-app.js';

const HOUR = 60 * 60 * 1000;
const MOTIVATION =
  'I study Russian and Kazakh and want to follow the language and culture courses at Al-Farabi.';

/** The environment of every app of this file: e-mail to the sink, the loops driven by the tests. */
const mailEnvironment = (sink: SmtpSink) => ({
  SMTP_URL: sink.url,
  MAIL_FROM: 'Mobility portal <no-reply@portal.test>',
  MAIL_POLL_INTERVAL_MS: '0',
  MAIL_RETRY_BASE_MS: '1',
  MAIL_MAX_ATTEMPTS: '30',
  NOTIFICATION_SCHEDULE_INTERVAL_MS: '0',
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('Notifications (e2e)', () => {
  const sink = new SmtpSink();
  let t: TestApp;
  let sender: NotificationSender;
  let schedules: NotificationSchedules;
  let hostId: string;
  let advisor: TestUser;
  let admin: TestUser;

  beforeAll(async () => {
    await sink.start();
    t = await bootApp(mailEnvironment(sink));
    sender = t.app.get(NotificationSender);
    schedules = t.app.get(NotificationSchedules);
    hostId = (
      await insertInstitution(t, { name: `Al-Farabi ${randomUUID().slice(0, 6)}`, countryCode: 'KZ' })
    ).id;
    advisor = await t.createUser('advisor');
    admin = await t.createUser('admin');
  });
  afterAll(async () => {
    await t.close();
    await sink.stop();
  });
  beforeEach(() => {
    sink.responder = () => 250;
  });

  /** Sender passes until `done` holds (retries come due after a millisecond or two). */
  async function deliverUntil(done: () => boolean | Promise<boolean>, timeoutMs = 30_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      await sender.runOnce();
      if (await done()) return;
      if (Date.now() > deadline) throw new Error('Not delivered in time');
      await sleep(10);
    }
  }

  async function rowsByKey(dedupeKey: string) {
    return (await t.dataSource.query(
      `SELECT id, status, attempts, message_id, kind, locale, last_error FROM notifications WHERE dedupe_key = $1`,
      [dedupeKey],
    )) as Array<{
      id: string;
      status: string;
      attempts: number;
      message_id: string | null;
      kind: string;
      locale: string;
      last_error: string | null;
    }>;
  }

  async function statusOf(id: string): Promise<string> {
    const [row] = await t.dataSource.query('SELECT status FROM notifications WHERE id = $1', [id]);
    return row.status as string;
  }

  async function programme(fields: Record<string, unknown> = {}) {
    return insertProgramme(t, hostId, {
      academicYear: '2025/2026',
      places: 5,
      status: 'published',
      ...fields,
    });
  }

  /** A submitted application of a new student (in `locale`); answers both. */
  async function submitted(locale: 'fr' | 'en' | 'ru' | 'kk', programmeIds: string[]) {
    const student = await t.createUser('student', { preferredLocale: locale });
    const draft = await t.http.post(
      '/api/applications',
      { choices: programmeIds, motivation: MOTIVATION },
      { token: student.token },
    );
    expect(draft.status).toBe(201);
    const submit = await t.http.post(`/api/applications/${draft.body.id}/submit`, undefined, {
      token: student.token,
    });
    expect(submit.status).toBe(200);
    return { student, applicationId: draft.body.id as string };
  }

  /** Inserts `count` e-mails straight into the outbox for one recipient; answers their dedupe prefix. */
  async function queue(recipientId: string, count: number): Promise<string> {
    const prefix = `bulk:${randomUUID()}`;
    await t.dataSource.query(
      `INSERT INTO notifications (recipient_id, kind, locale, subject, text_body, html_body, link, dedupe_key)
       SELECT $1, 'advisor-digest', 'en', 'Queued ' || g, 'Queued message ' || g, '<p>Queued ' || g || '</p>',
              'http://localhost:3000/en/applications', $2 || ':' || g
         FROM generate_series(1, $3::int) AS g`,
      [recipientId, prefix, count],
    );
    return prefix;
  }

  describe('decisions', () => {
    it('sends exactly one e-mail to the student, in their language, with the reason and the link', async () => {
      const spring = await programme();
      const { student, applicationId } = await submitted('ru', [spring.id]);
      const decided = await t.http.post(
        `/api/applications/${applicationId}/decision`,
        { outcome: 'reject', comment: 'Уровень языка ниже B2 <по тесту>' },
        { token: advisor.token },
      );
      expect(decided.status).toBe(200);
      const [row] = await rowsByKey(`application:${applicationId}:rejected`);
      expect(row).toMatchObject({ kind: 'application-rejected', locale: 'ru', status: 'pending' });

      await deliverUntil(async () => (await statusOf(row.id)) === 'sent');
      const mails = sink.acceptedFor(student.email);
      // The submission's receipt and the decision, each once.
      expect(mails.map((mail) => mail.subject).sort()).toEqual(
        ['Ваша заявка получена', 'Решение по вашей заявке'].sort(),
      );
      const decision = mails.find((mail) => mail.subject === 'Решение по вашей заявке')!;
      const link = `http://localhost:3000/ru/applications/${applicationId}`;
      expect(decision.text).toContain('Причина: Уровень языка ниже B2 <по тесту>');
      expect(decision.text).toContain(link);
      expect(decision.html).toContain(`<a href="${link}">`);
      expect(decision.html).toContain('Уровень языка ниже B2 &lt;по тесту&gt;');
      expect(decision.messageId).toBe(
        (await rowsByKey(`application:${applicationId}:rejected`))[0].message_id,
      );

      // The receipt lists the choices.
      const receipt = mails.find((mail) => mail.subject === 'Ваша заявка получена')!;
      expect(receipt.text).toContain(`1. ${spring.title}`);

      // A second pass sends nothing more.
      await sender.runOnce();
      expect(sink.acceptedFor(student.email)).toHaveLength(2);
    });

    it('approval from the waiting list is its own message naming the programme', async () => {
      const spring = await programme();
      const { student, applicationId } = await submitted('en', [spring.id]);
      for (const outcome of ['waitlist', 'approve']) {
        const decided = await t.http.post(
          `/api/applications/${applicationId}/decision`,
          { outcome },
          { token: advisor.token },
        );
        expect(decided.status).toBe(200);
      }
      const [approved] = await rowsByKey(`application:${applicationId}:approved`);
      expect(approved.kind).toBe('application-waitlist-approved');
      await deliverUntil(async () => (await statusOf(approved.id)) === 'sent');
      const [{ message_id: messageId }] = await rowsByKey(`application:${applicationId}:approved`);
      const mail = sink.acceptedFor(student.email).find((m) => m.messageId === messageId)!;
      expect(mail.subject).toBe('A place is yours: your application is approved');
      expect(mail.text).toContain(spring.title);
    });

    it('a decision whose transaction fails sends nothing', async () => {
      const spring = await programme();
      const { student, applicationId } = await submitted('fr', [spring.id]);
      await deliverUntil(() => sink.acceptedFor(student.email).length === 1);
      // The decision's audit entry (written after its notification) fails: the whole step rolls back.
      await t.dataSource.query(`
        CREATE OR REPLACE FUNCTION fail_decision_${applicationId.replace(/-/g, '')}() RETURNS trigger AS $$
        BEGIN RAISE EXCEPTION 'the decision fails on purpose'; END $$ LANGUAGE plpgsql`);
      const trigger = `fail_decision_${applicationId.replace(/-/g, '')}`;
      await t.dataSource.query(
        `CREATE TRIGGER ${trigger} BEFORE INSERT ON audit_log FOR EACH ROW
           WHEN (NEW.target_id = '${applicationId}') EXECUTE FUNCTION ${trigger}()`,
      );
      try {
        const decided = await t.http.post(
          `/api/applications/${applicationId}/decision`,
          { outcome: 'approve' },
          { token: advisor.token },
        );
        expect(decided.status).toBe(500);
      } finally {
        await t.dataSource.query(`DROP TRIGGER ${trigger} ON audit_log`);
        await t.dataSource.query(`DROP FUNCTION ${trigger}()`);
      }
      expect(await rowsByKey(`application:${applicationId}:approved`)).toEqual([]);
      await sender.drain();
      expect(sink.acceptedFor(student.email)).toHaveLength(1);
      const [application] = await t.dataSource.query('SELECT status FROM applications WHERE id = $1', [
        applicationId,
      ]);
      expect(application.status).toBe('submitted');
    });
  });

  describe('the outbox', () => {
    it('retries a 451 with the same Message-ID until accepted, delivered once', async () => {
      const student = await t.createUser('student');
      sink.responder = (mail, attempt) => (mail.to.includes(student.email) && attempt <= 2 ? 451 : 250);
      const prefix = await queue(student.id, 1);
      const [row] = await rowsByKey(`${prefix}:1`);
      await deliverUntil(async () => (await statusOf(row.id)) === 'sent');
      const tries = sink.received.filter((mail) => mail.to.includes(student.email));
      expect(tries.map((mail) => mail.answered)).toEqual([451, 451, 250]);
      expect(new Set(tries.map((mail) => mail.messageId)).size).toBe(1);
      expect(tries[0].messageId).toMatch(new RegExp(`^<${row.id}@portal\\.test>$`));
      expect((await rowsByKey(`${prefix}:1`))[0]).toMatchObject({ status: 'sent', attempts: 3 });
    });

    it('marks a 550 dead, shows it to admins with an alert, and a retry sends it once accepted', async () => {
      const student = await t.createUser('student');
      sink.responder = (mail) => (mail.to.includes(student.email) ? 550 : 250);
      const prefix = await queue(student.id, 1);
      const [row] = await rowsByKey(`${prefix}:1`);
      await deliverUntil(async () => (await statusOf(row.id)) === 'dead');
      expect((await rowsByKey(`${prefix}:1`))[0]).toMatchObject({
        attempts: 1,
        last_error: expect.stringContaining('550'),
      });

      const dead = await t.http.get('/api/notifications/outbox', {
        token: admin.token,
        query: { status: 'dead', limit: 100 },
      });
      expect(dead.status).toBe(200);
      expect(dead.body.items.map((item: { id: string }) => item.id)).toContain(row.id);
      expect(dead.body.items.every((item: { status: string }) => item.status === 'dead')).toBe(true);
      const alerts = await t.dataSource.query(
        `SELECT count(*)::int AS n FROM notifications WHERE recipient_id = $1 AND kind = 'undelivered' AND dedupe_key LIKE $2`,
        [admin.id, `undelivered:${row.id}:%`],
      );
      expect(alerts[0].n).toBe(1);

      // Not for anyone but an admin; only a dead e-mail can be retried.
      expect(
        (await t.http.post(`/api/notifications/outbox/${row.id}/retry`, undefined, { token: advisor.token }))
          .status,
      ).toBe(403);
      sink.responder = () => 250;
      const retried = await t.http.post(`/api/notifications/outbox/${row.id}/retry`, undefined, {
        token: admin.token,
      });
      expect(retried.status).toBe(200);
      expect(retried.body).toMatchObject({ id: row.id, status: 'pending', attempts: 0 });
      await deliverUntil(async () => (await statusOf(row.id)) === 'sent');
      const again = await t.http.post(`/api/notifications/outbox/${row.id}/retry`, undefined, {
        token: admin.token,
      });
      expect(again.status).toBe(409);
      expect(again.body.code).toBe('NOTIFICATION_NOT_DEAD');
      const tries = sink.received.filter((mail) => mail.to.includes(student.email));
      expect(tries.map((mail) => mail.answered)).toEqual([550, 250]);
      expect(tries[0].messageId).toBe(tries[1].messageId);
    });

    it('takes a row again once its claim expired (a sender died mid-send)', async () => {
      const student = await t.createUser('student');
      const prefix = await queue(student.id, 1);
      const [row] = await rowsByKey(`${prefix}:1`);
      await t.dataSource.query(
        `UPDATE notifications SET status = 'sending', claimed_until = now() - interval '1 second',
                claim_token = gen_random_uuid(), attempts = 1 WHERE id = $1`,
        [row.id],
      );
      await deliverUntil(async () => (await statusOf(row.id)) === 'sent');
      expect(sink.acceptedFor(student.email)).toHaveLength(1);
    });

    it('two app instances work one outbox of 500 rows: each delivered exactly once', async () => {
      const second = await bootApp(mailEnvironment(sink));
      try {
        const student = await t.createUser('student');
        const prefix = await queue(student.id, 500);
        const started = Date.now();
        const [one, two] = await Promise.all([sender.drain(), second.app.get(NotificationSender).drain()]);
        const [{ sent }] = await t.dataSource.query(
          `SELECT count(*)::int AS sent FROM notifications WHERE dedupe_key LIKE $1 AND status = 'sent'`,
          [`${prefix}:%`],
        );
        const elapsed = Date.now() - started;
        expect(sent).toBe(500);
        const mails = sink.acceptedFor(student.email);
        expect(mails).toHaveLength(500);
        expect(new Set(mails.map((mail) => mail.messageId)).size).toBe(500);
        expect(one.claimed).toBeGreaterThan(0);
        expect(two.claimed).toBeGreaterThan(0);
        process.stdout.write(
          `outbox of 500 by two instances: ${elapsed} ms (${one.sent} + ${two.sent} sent)\n`,
        );
      } finally {
        await second.close();
      }
    });

    it('loses nothing while the mail server is down, and delivers everything once it is back', async () => {
      const student = await t.createUser('student');
      await sink.stop();
      const prefix = await queue(student.id, 20);
      for (let pass = 0; pass < 3; pass += 1) {
        await sender.runOnce();
        await sleep(20);
      }
      const waiting = await t.dataSource.query(
        `SELECT status, attempts, last_error FROM notifications WHERE dedupe_key LIKE $1`,
        [`${prefix}:%`],
      );
      expect(waiting).toHaveLength(20);
      expect(waiting.every((row: { status: string }) => row.status === 'pending')).toBe(true);
      expect(waiting.some((row: { attempts: number }) => row.attempts >= 1)).toBe(true);

      await sink.start();
      await deliverUntil(async () => {
        const [{ sent }] = await t.dataSource.query(
          `SELECT count(*)::int AS sent FROM notifications WHERE dedupe_key LIKE $1 AND status = 'sent'`,
          [`${prefix}:%`],
        );
        return sent === 20;
      });
      const mails = sink.acceptedFor(student.email);
      expect(mails).toHaveLength(20);
      expect(new Set(mails.map((mail) => mail.subject)).size).toBe(20);
    });
  });

  describe('schedules', () => {
    it('writes one digest per advisor per day, none on an empty day, none for one who turned it off', async () => {
      const spring = await programme({ title: `Digest semester ${randomUUID().slice(0, 6)}` });
      const reader = await t.createUser('advisor', { preferredLocale: 'en' });
      const quiet = await t.createUser('advisor');
      const off = await t.http.patch(
        '/api/me/notification-settings',
        { dailyDigest: false },
        { token: quiet.token },
      );
      expect(off.status).toBe(200);
      expect(off.body).toEqual({ dailyDigest: false, weeklyDigest: true, draftReminders: true });

      // On 10 March 2031: one submission, and one approved application withdrawn (a place freed).
      const { applicationId: newOne } = await submitted('fr', [spring.id]);
      const { student, applicationId: freed } = await submitted('fr', [spring.id]);
      await t.http.post(
        `/api/applications/${freed}/decision`,
        { outcome: 'approve' },
        { token: advisor.token },
      );
      const withdrawn = await t.http.post(
        `/api/applications/${freed}/withdraw`,
        {},
        { token: student.token },
      );
      expect(withdrawn.status).toBe(200);
      await t.dataSource.query(
        `UPDATE application_events SET at = '2031-03-10T10:00:00Z'
          WHERE (application_id = $1 AND to_status = 'submitted') OR (application_id = $2 AND to_status = 'withdrawn')`,
        [newOne, freed],
      );

      const morning = new Date('2031-03-11T06:00:00Z');
      expect(await schedules.runAdvisorDigests(morning)).toBeGreaterThan(0);
      expect(await schedules.runAdvisorDigests(new Date('2031-03-11T18:00:00Z'))).toBe(0);
      const digests = await t.dataSource.query(
        `SELECT recipient_id, text_body FROM notifications WHERE dedupe_key LIKE 'advisor-digest:2031-03-10:%'`,
      );
      const mine = digests.filter((row: { recipient_id: string }) => row.recipient_id === reader.id);
      expect(mine).toHaveLength(1);
      expect(mine[0].text_body).toContain('New submissions on March 10, 2031: 1.');
      expect(mine[0].text_body).toContain(`${spring.title}: 1`);
      expect(digests.filter((row: { recipient_id: string }) => row.recipient_id === quiet.id)).toEqual([]);

      // A day without submissions or withdrawals: no digest for anyone.
      expect(await schedules.runAdvisorDigests(new Date('2031-03-21T06:00:00Z'))).toBe(0);
      const empty = await t.dataSource.query(
        `SELECT count(*)::int AS n FROM notifications WHERE dedupe_key LIKE 'advisor-digest:2031-03-20:%'`,
      );
      expect(empty[0].n).toBe(0);
    });

    it('tells coordinators of each nomination and of the week’s arrivals, once a week', async () => {
      const coordinator = await t.createUser('coordinator', { preferredLocale: 'en' });
      const partner = await partnerInstitution(t);
      const faculty = await hostFaculty(t);
      const name = `Aigerim ${randomUUID().slice(0, 6)}`;
      const created = await t.http.post(
        '/api/incoming',
        nomination(partner.id, faculty.id, {
          firstName: name,
          academicYear: '2030/2031',
          plannedArrival: '2031-03-12',
          plannedDeparture: '2031-07-01',
        }),
        { token: coordinator.token },
      );
      expect(created.status).toBe(201);
      const [nominated] = await rowsByKey(`incoming:${created.body.id}:nominated:${coordinator.id}`);
      expect(nominated).toMatchObject({ kind: 'incoming-nominated', locale: 'en' });

      const { monday } = digestWeek(new Date('2031-03-12T08:00:00Z'));
      expect(monday).toBe('2031-03-10');
      await schedules.runCoordinatorDigests(new Date('2031-03-12T08:00:00Z'));
      await schedules.runCoordinatorDigests(new Date('2031-03-14T08:00:00Z'));
      const digests = await t.dataSource.query(`SELECT text_body FROM notifications WHERE dedupe_key = $1`, [
        `coordinator-digest:2031-03-10:${coordinator.id}`,
      ]);
      expect(digests).toHaveLength(1);
      expect(digests[0].text_body).toContain(name);
      expect(digests[0].text_body).toContain('Arrivals:');
    });

    it('reminds a draft once, two days before a window closes, unless turned off', async () => {
      const closing = await programme({ applicationClosesAt: new Date(Date.now() + 36 * HOUR) });
      const later = await programme({ applicationClosesAt: new Date(Date.now() + 5 * 24 * HOUR) });
      const make = async (choices: string[]) => {
        const student = await t.createUser('student', { preferredLocale: 'kk' });
        const draft = await t.http.post(
          '/api/applications',
          { choices, motivation: MOTIVATION },
          { token: student.token },
        );
        expect(draft.status).toBe(201);
        return { student, id: draft.body.id as string };
      };
      const soon = await make([closing.id]);
      const notYet = await make([later.id]);
      const optedOut = await make([closing.id]);
      await t.http.patch(
        '/api/me/notification-settings',
        { draftReminders: false },
        { token: optedOut.student.token },
      );

      await schedules.runDraftReminders(new Date());
      await schedules.runDraftReminders(new Date(Date.now() + HOUR));
      const reminded = await t.dataSource.query(
        `SELECT recipient_id, subject FROM notifications WHERE kind = 'draft-reminder' AND recipient_id = ANY($1)`,
        [[soon.student.id, notYet.student.id, optedOut.student.id]],
      );
      expect(reminded).toEqual([
        { recipient_id: soon.student.id, subject: expect.stringContaining(closing.title) },
      ]);
    });
  });

  describe('in the portal', () => {
    it('lists one’s own notifications, unread first, in keyset pages; marks them read; others get 404', async () => {
      const spring = await programme();
      const { student, applicationId } = await submitted('en', [spring.id]);
      await t.http.post(
        `/api/applications/${applicationId}/decision`,
        { outcome: 'waitlist' },
        { token: advisor.token },
      );
      const prefix = await queue(student.id, 3);

      const count = await t.http.get('/api/me/notifications/unread-count', { token: student.token });
      expect(count.body).toEqual({ unread: 5 });
      const first = await t.http.get('/api/me/notifications', { token: student.token, query: { limit: 2 } });
      expect(first.status).toBe(200);
      expect(first.body.items).toHaveLength(2);
      const oldest = (
        await t.http.get('/api/me/notifications', { token: student.token, query: { limit: 10 } })
      ).body.items.at(-1);
      expect(oldest.kind).toBe('application-submitted');

      const read = await t.http.post(`/api/me/notifications/${oldest.id}/read`, undefined, {
        token: student.token,
      });
      expect(read.status).toBe(200);
      expect(read.body.readAt).not.toBeNull();
      const other = await t.createUser('student');
      expect(
        (await t.http.post(`/api/me/notifications/${oldest.id}/read`, undefined, { token: other.token }))
          .status,
      ).toBe(404);
      expect((await t.http.get('/api/me/notifications', { token: other.token })).body.items).toEqual([]);

      // Pages: the read one last; every row once.
      const seen: Array<{ id: string; readAt: string | null }> = [];
      let cursor: string | undefined;
      do {
        const page = await t.http.get('/api/me/notifications', {
          token: student.token,
          query: { limit: 2, cursor },
        });
        expect(page.status).toBe(200);
        seen.push(...page.body.items);
        cursor = page.body.nextCursor ?? undefined;
      } while (cursor);
      expect(seen).toHaveLength(5);
      expect(new Set(seen.map((item) => item.id)).size).toBe(5);
      expect(seen.at(-1)!.id).toBe(oldest.id);
      expect(seen.slice(0, 4).every((item) => item.readAt === null)).toBe(true);

      const all = await t.http.post('/api/me/notifications/read-all', undefined, { token: student.token });
      expect(all.body).toEqual({ marked: 4 });
      expect((await t.http.get('/api/me/notifications/unread-count', { token: student.token })).body).toEqual(
        { unread: 0 },
      );
      expect(prefix).toBeTruthy();

      const exported = await t.http.get('/api/auth/me/export', { token: student.token });
      expect(exported.body.notifications).toHaveLength(5);
      expect(exported.body.notifications[0]).toMatchObject({
        kind: 'application-submitted',
        emailStatus: expect.any(String),
      });
    });

    it('keeps the preferred language on the profile and checks what is sent', async () => {
      const student = await t.createUser('student');
      const me = await t.http.get('/api/auth/me', { token: student.token });
      expect(me.body.preferredLocale).toBe('fr');
      const changed = await t.http.patch('/api/auth/me', { preferredLocale: 'kk' }, { token: student.token });
      expect(changed.status).toBe(200);
      expect(changed.body.preferredLocale).toBe('kk');
      for (const bad of ['de', null, 3]) {
        const refused = await t.http.patch(
          '/api/auth/me',
          { preferredLocale: bad },
          { token: student.token },
        );
        expect(refused.status).toBe(400);
        expect(refused.body.fields.map((field: { field: string }) => field.field)).toContain(
          'preferredLocale',
        );
      }
      const settings = await t.http.patch(
        '/api/me/notification-settings',
        { weeklyDigest: 'no' },
        { token: student.token },
      );
      expect(settings.status).toBe(400);
      const badCursor = await t.http.get('/api/me/notifications', {
        token: student.token,
        query: { cursor: 'nope' },
      });
      expect(badCursor.status).toBe(400);
    });
  });
});
