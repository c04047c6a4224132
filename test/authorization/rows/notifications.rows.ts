import { randomUUID } from 'node:crypto';
import { only, pageOnly, SIGNED_IN, type MatrixContext, type MatrixRow } from '../matrix.js';

/** A notification of the matrix's student, straight in the database; answers its id. */
async function studentNotification({ t, users }: MatrixContext): Promise<string> {
  const [row] = (await t.dataSource.query(
    `INSERT INTO notifications (recipient_id, kind, locale, subject, text_body, html_body, link, dedupe_key)
     VALUES ($1, 'application-waitlisted', 'en', 'Matrix', 'Matrix', '<p>Matrix</p>', 'http://localhost/en', $2)
     RETURNING id`,
    [users.student.id, `matrix:${randomUUID()}`],
  )) as Array<{ id: string }>;
  return row.id;
}

/** Notifications: one's own (in the portal), and the outbox for admins. */
export const notificationsRows: MatrixRow[] = [
  { method: 'GET', path: '/api/me/notifications', expect: only(SIGNED_IN, 200) },
  { method: 'GET', path: '/api/me/notifications/unread-count', expect: only(SIGNED_IN, 200) },
  { method: 'POST', path: '/api/me/notifications/read-all', expect: only(SIGNED_IN, 200) },
  {
    // The student's own notification: theirs to read; anyone else's answer is as for no such one.
    method: 'POST',
    path: '/api/me/notifications/:id/read',
    expect: { ...only(SIGNED_IN, 404), student: 200 },
    prepare: async (context) => ({ url: `/api/me/notifications/${await studentNotification(context)}/read` }),
  },
  { method: 'GET', path: '/api/me/notification-settings', expect: only(SIGNED_IN, 200) },
  {
    method: 'PATCH',
    path: '/api/me/notification-settings',
    expect: only(SIGNED_IN, 400),
    prepare: () => ({ body: { dailyDigest: 'no' } }),
  },
  { method: 'GET', path: '/api/notifications/outbox', expect: only(['admin'], 200) },
  {
    method: 'POST',
    path: '/api/notifications/outbox/:id/retry',
    expect: only(['admin'], 404),
    prepare: () => ({ url: `/api/notifications/outbox/${randomUUID()}/retry` }),
  },

  // The pages (with the session cookie).
  {
    method: 'GET',
    path: '/:locale/notifications',
    expect: pageOnly(SIGNED_IN, 200),
    prepare: () => ({ url: '/en/notifications' }),
  },
  {
    method: 'POST',
    path: '/:locale/notifications/read-all',
    expect: pageOnly(SIGNED_IN, 303),
    prepare: () => ({ url: '/fr/notifications/read-all' }),
  },
  {
    method: 'POST',
    path: '/:locale/notifications/:id/read',
    expect: { ...pageOnly(SIGNED_IN, 404), student: 303 },
    prepare: async (context) => ({ url: `/ru/notifications/${await studentNotification(context)}/read` }),
  },
];
