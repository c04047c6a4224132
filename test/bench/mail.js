// The e-mail scenario of `npm run bench`: 10,000 e-mails queued at once in the outbox, delivered by
// a portal with SMTP_URL to a local SMTP server (mail-sink.js); the delivery rate, and the
// programmes list's p99 while sending against its p99 idle on the same portal.
import path from 'node:path';
import { findFreePort } from '../../src/database/embedded-postgres.js';
import { withClient } from './database.js';
import { measure, round } from './load.js';
import { portalEnvironment, startServer } from './processes.js';

export const QUEUED_EMAILS = 10_000;
const KEY_PREFIX = 'bench-mail:';

/**
 * @param {{ url: string, dist: string, settings: import('./load.js').LoadSettings, quick: boolean,
 *   processes: Array<import('./processes.js').ServerProcess>, log: (message: string) => void }} context
 */
export async function mailScenario({ url, dist, settings, quick, processes, log }) {
  const smtpPort = await findFreePort();
  const sink = await startServer({
    name: 'SMTP sink',
    script: 'test/bench/mail-sink.js',
    env: { SMTP_PORT: String(smtpPort) },
  });
  processes.push(sink);
  // Earlier runs' rows, and what other scenarios queued (receipts of create+submit), are not ours.
  const recipient = await withClient(url, async (client) => {
    await client.query(
      `DELETE FROM notifications WHERE dedupe_key LIKE '${KEY_PREFIX}%' OR status IN ('pending', 'sending')`,
    );
    const { rows } = await client.query(
      `SELECT id FROM users WHERE role = 'student' AND active AND erased_at IS NULL ORDER BY email LIMIT 1`,
    );
    return String(rows[0].id);
  });
  const mailer = await startServer({
    name: 'portal (sending e-mail)',
    script: path.join(dist, 'main.js'),
    env: {
      ...portalEnvironment(url),
      SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
      MAIL_POLL_INTERVAL_MS: '200',
      NOTIFICATION_SCHEDULE_INTERVAL_MS: '0',
    },
    timeoutMs: 180_000,
  });
  processes.push(mailer);
  const list = { url: `${mailer.baseUrl}/api/programmes?limit=20` };

  // A freshly started portal: a longer warm-up than the other scenarios', so idle means warm.
  const idle = await measure(list, {
    ...settings,
    warmup: Math.max(5, settings.warmup),
    duration: Math.max(5, settings.duration),
  });

  await withClient(url, (client) =>
    client.query(
      `INSERT INTO notifications (recipient_id, kind, locale, subject, text_body, html_body, link, dedupe_key)
       SELECT $1, 'application-waitlisted', 'en', 'Bench message ' || g,
              'Hello,' || chr(10) || chr(10) || 'Bench message ' || g || ' of the outbox.',
              '<p>Hello,</p><p>Bench message ' || g || ' of the outbox.</p>',
              'http://localhost:3000/en/applications', $2 || g
         FROM generate_series(1, $3::int) AS g`,
      [recipient, KEY_PREFIX, QUEUED_EMAILS],
    ),
  );
  const started = Date.now();
  const capMs = (quick ? 300 : 600) * 1000;
  /** @type {import('autocannon').Instance | undefined} */
  let load;
  const busyRun = measure(list, { ...settings, warmup: 0, duration: capMs / 1000 }, (instance) => {
    load = instance;
  });
  let sent = 0;
  let deliveredMs = NaN;
  await withClient(url, async (client) => {
    while (Date.now() - started < capMs) {
      const { rows } = await client.query(
        `SELECT count(*)::int AS sent FROM notifications WHERE dedupe_key LIKE '${KEY_PREFIX}%' AND status = 'sent'`,
      );
      sent = Number(rows[0].sent);
      if (sent === QUEUED_EMAILS) {
        deliveredMs = Date.now() - started;
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  });
  load?.stop();
  const busy = await busyRun;
  const received = /** @type {{ accepted: number, distinct: number }} */ (
    await (await fetch(`${sink.baseUrl}/count`)).json()
  );
  const elapsedMs = Number.isFinite(deliveredMs) ? deliveredMs : Date.now() - started;
  const perSecond = round(sent / (elapsedMs / 1000));
  log(
    `  ${sent.toLocaleString('en')} of ${QUEUED_EMAILS.toLocaleString('en')} delivered` +
      (Number.isFinite(deliveredMs)
        ? ` in ${round(deliveredMs / 1000)} s (${perSecond}/s)`
        : ' before the cap') +
      `; the sink accepted ${received.accepted} (${received.distinct} distinct Message-IDs); programmes p99 ${idle.p99} ms idle, ${busy.p99} ms while sending`,
  );
  await mailer.stop();
  await sink.stop();
  return {
    report: {
      queued: QUEUED_EMAILS,
      sent,
      deliveredSeconds: Number.isFinite(deliveredMs) ? round(deliveredMs / 1000) : null,
      perSecond,
      sinkAccepted: received.accepted,
      sinkDistinctMessageIds: received.distinct,
      idleP99: idle.p99,
      busyP99: busy.p99,
    },
    results: [
      {
        name: 'mail-idle',
        label: 'GET /api/programmes?limit=20, portal with e-mail, idle',
        target: mailer.name,
        ...idle,
      },
      {
        name: 'mail-busy',
        label: `same, while sending ${QUEUED_EMAILS.toLocaleString('en')} e-mails`,
        target: mailer.name,
        ...busy,
        note: `${perSecond} e-mails/s`,
      },
    ],
  };
}
