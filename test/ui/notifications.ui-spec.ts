import { LOCALES } from '../../src/web/locales.js';
import { NotificationsService } from '../../src/notifications/notifications.service.js';
import { accessibilityViolations, newVisitor, rawKeysOn } from './support/browser.js';
import { startUi, type UiHarness } from './support/ui-app.js';
import type { TestUser } from '../support/test-app.js';

describe('Pages: the bell and the notifications page (Chromium)', () => {
  let ui: UiHarness;
  beforeAll(async () => {
    ui = await startUi();
  });
  afterAll(async () => {
    await ui?.close();
  });

  /** A rejection and a waitlisting of made-up applications, written as the services write them. */
  async function notify(student: TestUser): Promise<void> {
    const notifications = ui.t.app.get(NotificationsService);
    await ui.t.dataSource.transaction(async (manager) => {
      await notifications.enqueue(manager, {
        kind: 'application-rejected',
        recipientId: student.id,
        facts: { reason: 'Le niveau <B2> est requis' },
        path: '/applications/1',
        dedupeKey: `ui:${student.id}:rejected`,
      });
      await notifications.enqueue(manager, {
        kind: 'application-waitlisted',
        recipientId: student.id,
        facts: { comment: null },
        path: '/applications/2',
        dedupeKey: `ui:${student.id}:waitlisted`,
      });
    });
  }

  async function signedIn(student: TestUser, locale: (typeof LOCALES)[number]) {
    const visitor = await newVisitor(ui.browser, ui.baseUrl, locale);
    await visitor.context.addCookies([{ name: 'portal_session', value: student.token, url: ui.baseUrl }]);
    return visitor;
  }

  it('shows the unread count on every page, lists the notifications, and marks them read', async () => {
    const student = await ui.t.createUser('student', { preferredLocale: 'fr' });
    await notify(student);
    const { context, page } = await signedIn(student, 'fr');
    await page.goto('/fr');
    const bell = page.getByRole('link', { name: /Notifications/ });
    expect(await bell.locator('.badge').textContent()).toBe('2');
    expect(await bell.textContent()).toContain('2 non lues');

    await bell.click();
    expect(new URL(page.url()).pathname).toBe('/fr/notifications');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Notifications');
    const cards = page.locator('.notifications > li');
    expect(await cards.count()).toBe(2);
    // Written in the student's language, the reason shown as typed (escaped, not markup).
    expect(await page.locator('.notifications').textContent()).toContain('Motif : Le niveau <B2> est requis');

    await cards.first().getByRole('button', { name: 'Marquer comme lue' }).click();
    expect(await page.locator('.menu .badge').textContent()).toBe('1');
    await page.getByRole('button', { name: 'Tout marquer comme lu' }).click();
    expect(await page.locator('.notice').textContent()).toBe(
      'Toutes vos notifications sont marquées comme lues.',
    );
    expect(await page.locator('.menu .badge').count()).toBe(0);
    const [{ unread }] = await ui.t.dataSource.query(
      'SELECT count(*)::int AS unread FROM notifications WHERE recipient_id = $1 AND read_at IS NULL',
      [student.id],
    );
    expect(unread).toBe(0);
    await context.close();
  });

  it('has no accessibility violations, raw keys or CSP reports in any language', async () => {
    const student = await ui.t.createUser('student', { preferredLocale: 'kk' });
    await notify(student);
    const problems: string[] = [];
    for (const locale of LOCALES) {
      const { context, page, cspViolations } = await signedIn(student, locale);
      const response = await page.goto(`/${locale}/notifications`);
      expect(response?.status()).toBe(200);
      expect(await page.locator('.menu .badge').textContent()).toBe('2');
      problems.push(...(await accessibilityViolations(page)));
      problems.push(...(await rawKeysOn(page, ui.messageKeys)).map((key) => `${locale}: raw key ${key}`));
      problems.push(...cspViolations);
      await context.close();
    }
    expect(problems).toEqual([]);
  });
});
