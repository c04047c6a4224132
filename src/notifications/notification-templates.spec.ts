import { LOCALES } from '../common/domain.js';
import { NOTIFICATION_KINDS, type NotificationKind, type NotificationRequest } from './notification-kinds.js';
import { escapeHtml, renderNotification } from './notification-templates.js';

const FACTS: { [Kind in NotificationKind]: Extract<NotificationRequest, { kind: Kind }>['facts'] } = {
  'application-submitted': {
    choices: ['Semester <Almaty>', 'Summer & Co'],
    academicYear: '2026/2027',
    term: 'spring',
  },
  'application-approved': { programme: 'Semester at Al-Farabi', comment: 'Well argued' },
  'application-waitlisted': { comment: null },
  'application-rejected': { reason: 'Level <b>B1</b> required' },
  'application-waitlist-approved': { programme: 'Semester at Al-Farabi', comment: null },
  'draft-reminder': { programme: 'Semester at Al-Farabi', closesAt: '2026-12-01T22:59:00.000Z' },
  'advisor-digest': {
    day: '2026-11-28',
    submissions: 3,
    freed: [{ programme: 'Semester at Al-Farabi', places: 1 }],
  },
  'coordinator-digest': {
    from: '2026-11-30',
    to: '2026-12-06',
    arrivals: [{ name: 'Aigerim Sadykova', institution: 'Al-Farabi', date: '2026-12-01' }],
    departures: [],
  },
  'incoming-nominated': {
    name: 'Aigerim Sadykova',
    institution: 'Al-Farabi',
    academicYear: '2026/2027',
    term: 'autumn',
    plannedArrival: '2026-09-01',
  },
  'learning-agreement-to-sign': { student: 'Алия Сәрсенова', host: 'Al-Farabi', version: 2 },
  'learning-agreement-approved': { host: 'Al-Farabi', version: 2 },
  'learning-agreement-commented': { host: 'Al-Farabi', version: 1, reason: 'Course <b>X</b> is not taught' },
  undelivered: { kind: 'application-approved', error: '550 No such user', attempts: 1 },
};

const LINK = 'https://portal.example.org/fr/applications/1?a=1&b=2';

describe('notification templates', () => {
  it.each(LOCALES.flatMap((locale) => NOTIFICATION_KINDS.map((kind) => [locale, kind] as const)))(
    '%s %s: a subject, a text part and an HTML part with the link',
    (locale, kind) => {
      const rendered = renderNotification({ kind, facts: FACTS[kind] } as NotificationRequest, locale, LINK);
      expect(rendered.subject.length).toBeGreaterThan(5);
      expect(rendered.subject).not.toMatch(/[\r\n]/);
      expect(rendered.text).toContain(LINK);
      expect(rendered.html).toContain(`href="${escapeHtml(LINK)}"`);
      expect(rendered.html).toContain(`lang="${locale}"`);
      expect(rendered.text).not.toContain('undefined');
    },
  );

  it('writes each language in its own words', () => {
    const subjects = LOCALES.map(
      (locale) =>
        renderNotification(
          { kind: 'application-rejected', facts: FACTS['application-rejected'] },
          locale,
          LINK,
        ).subject,
    );
    expect(new Set(subjects).size).toBe(LOCALES.length);
  });

  it('escapes every fact in the HTML part and keeps it readable in the text part', () => {
    const rejected = renderNotification(
      { kind: 'application-rejected', facts: FACTS['application-rejected'] },
      'en',
      LINK,
    );
    expect(rejected.html).toContain('Level &lt;b&gt;B1&lt;/b&gt; required');
    expect(rejected.html).not.toContain('<b>B1</b>');
    expect(rejected.text).toContain('Reason: Level <b>B1</b> required');
    const receipt = renderNotification(
      { kind: 'application-submitted', facts: FACTS['application-submitted'] },
      'ru',
      LINK,
    );
    expect(receipt.html).toContain('<li>1. Semester &lt;Almaty&gt;</li><li>2. Summer &amp; Co</li>');
    expect(receipt.text).toContain('- 1. Semester <Almaty>\n- 2. Summer & Co');
  });

  it('states dates in the recipient’s language', () => {
    const reminder = (locale: 'fr' | 'en') =>
      renderNotification({ kind: 'draft-reminder', facts: FACTS['draft-reminder'] }, locale, LINK).text;
    expect(reminder('fr')).toContain('1 décembre 2026');
    expect(reminder('en')).toContain('December 1, 2026');
  });

  it('states an instant in the configured time zone', () => {
    const reminder = (timeZone: string) =>
      renderNotification({ kind: 'draft-reminder', facts: FACTS['draft-reminder'] }, 'en', LINK, timeZone)
        .text;
    expect(reminder('Europe/Brussels')).toMatch(/December 1, 2026.*11:59/);
    expect(reminder('Asia/Almaty')).toMatch(/December 2, 2026.*0?3:59/);
  });

  it('keeps a subject on one line whatever a title holds', () => {
    const rendered = renderNotification(
      {
        kind: 'draft-reminder',
        facts: { programme: 'Line\r\nBcc: x@example.org', closesAt: '2026-12-01T10:00:00Z' },
      },
      'en',
      LINK,
    );
    expect(rendered.subject).not.toMatch(/[\r\n]/);
  });
});
