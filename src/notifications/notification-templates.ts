/**
 * The words of every notification, in the portal's four languages, written for this portal.
 * A template gives a subject and blocks (paragraphs and lists); the plain-text and the HTML part
 * are both made from those blocks, every fact escaped in the HTML, with the link to the page.
 */
import type { Locale } from '../common/domain.js';
import type { NotificationFacts, NotificationKind, NotificationRequest } from './notification-kinds.js';

export type Block = string | { list: string[] };

export interface Message {
  subject: string;
  blocks: Block[];
}

export interface RenderedNotification {
  subject: string;
  text: string;
  html: string;
}

type Templates = { [Kind in NotificationKind]: (facts: NotificationFacts[Kind], f: Formats) => Message };

/** Dates (YYYY-MM-DD or ISO instants) and terms in the recipient's language. */
interface Formats {
  day(value: string): string;
  instant(value: string): string;
  term(term: string): string;
}

/** The time zone in which e-mails state an instant (a window's close) unless told (TIME_ZONE). */
export const NOTIFICATION_TIME_ZONE = 'Europe/Brussels';

interface Catalogue {
  greeting: string;
  linkLabel: string;
  footer: string;
  terms: Record<string, string>;
  templates: Templates;
}

const orNone = (comment: string | null, label: string): Block[] => (comment ? [`${label} ${comment}`] : []);

const en: Catalogue = {
  greeting: 'Hello,',
  linkLabel: 'Open in the portal:',
  footer:
    'You receive this message from the mobility portal. Digests can be turned off in your notification settings.',
  terms: { autumn: 'autumn', spring: 'spring', 'full-year': 'full year' },
  templates: {
    'application-submitted': (x, f) => ({
      subject: 'Your application has been received',
      blocks: [
        `We have received your application for ${x.academicYear} (${f.term(x.term)}). Your choices, in your order of preference:`,
        { list: x.choices.map((title, index) => `${index + 1}. ${title}`) },
        'An advisor will review it; you will be told of the decision.',
      ],
    }),
    'application-approved': (x) => ({
      subject: 'Your application is approved',
      blocks: [
        `Good news: you have a place on “${x.programme}”.`,
        ...orNone(x.comment, 'Advisor’s comment:'),
      ],
    }),
    'application-waitlisted': (x) => ({
      subject: 'Your application is on the waiting list',
      blocks: [
        'Your application is on the waiting list. If a place becomes free, it can still be approved.',
        ...orNone(x.comment, 'Advisor’s comment:'),
      ],
    }),
    'application-rejected': (x) => ({
      subject: 'Decision on your application',
      blocks: ['We are sorry: your application was not accepted.', `Reason: ${x.reason}`],
    }),
    'application-waitlist-approved': (x) => ({
      subject: 'A place is yours: your application is approved',
      blocks: [
        `A place became free and your application moved from the waiting list: you have a place on “${x.programme}”.`,
        ...orNone(x.comment, 'Advisor’s comment:'),
      ],
    }),
    'draft-reminder': (x, f) => ({
      subject: `Applications for “${x.programme}” close soon`,
      blocks: [
        `Your draft application includes “${x.programme}”, whose applications close on ${f.instant(x.closesAt)}.`,
        'Submit it before then if you still wish to go.',
      ],
    }),
    'advisor-digest': (x, f) => ({
      subject: `Review queue, ${f.day(x.day)}`,
      blocks: [
        `New submissions on ${f.day(x.day)}: ${x.submissions}.`,
        ...(x.freed.length > 0
          ? ['Places freed by withdrawals:', { list: x.freed.map((p) => `${p.programme}: ${p.places}`) }]
          : []),
      ],
    }),
    'coordinator-digest': (x, f) => ({
      subject: `Incoming students, week of ${f.day(x.from)}`,
      blocks: [
        `Planned from ${f.day(x.from)} to ${f.day(x.to)}.`,
        ...moves('Arrivals:', x.arrivals, f),
        ...moves('Departures:', x.departures, f),
      ],
    }),
    'incoming-nominated': (x, f) => ({
      subject: `New nomination: ${x.name}`,
      blocks: [
        `${x.institution} has nominated ${x.name} for ${x.academicYear} (${f.term(x.term)}).`,
        `Planned arrival: ${f.day(x.plannedArrival)}.`,
      ],
    }),
    'learning-agreement-to-sign': (x) => ({
      subject: `A learning agreement waits for your signature: ${x.student}`,
      blocks: [
        `Version ${x.version} of the learning agreement of ${x.student} (${x.host}) waits for your signature.`,
        'Read it, then sign it or, for the receiving institution, comment on it.',
      ],
    }),
    'learning-agreement-approved': (x) => ({
      subject: 'Your learning agreement is approved',
      blocks: [
        `Version ${x.version} of your learning agreement with ${x.host} is signed by all three parties.`,
      ],
    }),
    'learning-agreement-commented': (x) => ({
      subject: 'Your learning agreement needs changes',
      blocks: [
        `${x.host} did not approve version ${x.version} of your learning agreement.`,
        `Reason: ${x.reason}`,
        'Change it and sign it again.',
      ],
    }),
    undelivered: (x) => ({
      subject: 'An e-mail could not be delivered',
      blocks: [
        `A “${x.kind}” e-mail was given up after ${x.attempts} attempt(s).`,
        `Last error: ${x.error}`,
        'You can send it again from the list of undelivered e-mails.',
      ],
    }),
  },
};

const fr: Catalogue = {
  greeting: 'Bonjour,',
  linkLabel: 'Ouvrir dans le portail :',
  footer:
    'Ce message vous est envoyé par le portail de mobilité. Les résumés se désactivent dans vos préférences de notification.',
  terms: { autumn: 'automne', spring: 'printemps', 'full-year': 'année complète' },
  templates: {
    'application-submitted': (x, f) => ({
      subject: 'Votre candidature est bien reçue',
      blocks: [
        `Nous avons reçu votre candidature pour ${x.academicYear} (${f.term(x.term)}). Vos choix, par ordre de préférence :`,
        { list: x.choices.map((title, index) => `${index + 1}. ${title}`) },
        'Une conseillère ou un conseiller va l’examiner ; vous serez averti de la décision.',
      ],
    }),
    'application-approved': (x) => ({
      subject: 'Votre candidature est acceptée',
      blocks: [
        `Bonne nouvelle : une place vous est attribuée pour « ${x.programme} ».`,
        ...orNone(x.comment, 'Commentaire :'),
      ],
    }),
    'application-waitlisted': (x) => ({
      subject: 'Votre candidature est sur liste d’attente',
      blocks: [
        'Votre candidature est placée sur liste d’attente. Si une place se libère, elle pourra encore être acceptée.',
        ...orNone(x.comment, 'Commentaire :'),
      ],
    }),
    'application-rejected': (x) => ({
      subject: 'Décision sur votre candidature',
      blocks: ['Nous sommes désolés : votre candidature n’a pas été retenue.', `Motif : ${x.reason}`],
    }),
    'application-waitlist-approved': (x) => ({
      subject: 'Une place pour vous : votre candidature est acceptée',
      blocks: [
        `Une place s’est libérée et votre candidature sort de la liste d’attente : vous partez avec « ${x.programme} ».`,
        ...orNone(x.comment, 'Commentaire :'),
      ],
    }),
    'draft-reminder': (x, f) => ({
      subject: `Les candidatures pour « ${x.programme} » ferment bientôt`,
      blocks: [
        `Votre brouillon de candidature comprend « ${x.programme} », dont les candidatures ferment le ${f.instant(x.closesAt)}.`,
        'Soumettez-le avant cette date si vous souhaitez toujours partir.',
      ],
    }),
    'advisor-digest': (x, f) => ({
      subject: `File d’examen, ${f.day(x.day)}`,
      blocks: [
        `Nouvelles candidatures soumises le ${f.day(x.day)} : ${x.submissions}.`,
        ...(x.freed.length > 0
          ? [
              'Places libérées par des désistements :',
              { list: x.freed.map((p) => `${p.programme} : ${p.places}`) },
            ]
          : []),
      ],
    }),
    'coordinator-digest': (x, f) => ({
      subject: `Étudiants accueillis, semaine du ${f.day(x.from)}`,
      blocks: [
        `Prévu du ${f.day(x.from)} au ${f.day(x.to)}.`,
        ...moves('Arrivées :', x.arrivals, f),
        ...moves('Départs :', x.departures, f),
      ],
    }),
    'incoming-nominated': (x, f) => ({
      subject: `Nouvelle nomination : ${x.name}`,
      blocks: [
        `${x.institution} a nommé ${x.name} pour ${x.academicYear} (${f.term(x.term)}).`,
        `Arrivée prévue : ${f.day(x.plannedArrival)}.`,
      ],
    }),
    'learning-agreement-to-sign': (x) => ({
      subject: `Un contrat d’études attend votre signature : ${x.student}`,
      blocks: [
        `La version ${x.version} du contrat d’études de ${x.student} (${x.host}) attend votre signature.`,
        'Lisez-la, puis signez-la ou, pour l’établissement d’accueil, commentez-la.',
      ],
    }),
    'learning-agreement-approved': (x) => ({
      subject: 'Votre contrat d’études est approuvé',
      blocks: [
        `La version ${x.version} de votre contrat d’études avec ${x.host} est signée par les trois parties.`,
      ],
    }),
    'learning-agreement-commented': (x) => ({
      subject: 'Votre contrat d’études doit être modifié',
      blocks: [
        `${x.host} n’a pas approuvé la version ${x.version} de votre contrat d’études.`,
        `Motif : ${x.reason}`,
        'Modifiez-le et signez-le à nouveau.',
      ],
    }),
    undelivered: (x) => ({
      subject: 'Un e-mail n’a pas pu être remis',
      blocks: [
        `Un e-mail « ${x.kind} » a été abandonné après ${x.attempts} tentative(s).`,
        `Dernière erreur : ${x.error}`,
        'Vous pouvez le renvoyer depuis la liste des e-mails non remis.',
      ],
    }),
  },
};

const ru: Catalogue = {
  greeting: 'Здравствуйте!',
  linkLabel: 'Открыть на портале:',
  footer:
    'Это сообщение отправлено порталом академической мобильности. Сводки можно отключить в настройках уведомлений.',
  terms: { autumn: 'осенний семестр', spring: 'весенний семестр', 'full-year': 'учебный год' },
  templates: {
    'application-submitted': (x, f) => ({
      subject: 'Ваша заявка получена',
      blocks: [
        `Мы получили вашу заявку на ${x.academicYear} (${f.term(x.term)}). Ваш выбор в порядке предпочтения:`,
        { list: x.choices.map((title, index) => `${index + 1}. ${title}`) },
        'Консультант рассмотрит её, и мы сообщим вам о решении.',
      ],
    }),
    'application-approved': (x) => ({
      subject: 'Ваша заявка одобрена',
      blocks: [
        `Хорошая новость: вам выделено место в программе «${x.programme}».`,
        ...orNone(x.comment, 'Комментарий:'),
      ],
    }),
    'application-waitlisted': (x) => ({
      subject: 'Ваша заявка в листе ожидания',
      blocks: [
        'Ваша заявка внесена в лист ожидания. Если место освободится, её ещё могут одобрить.',
        ...orNone(x.comment, 'Комментарий:'),
      ],
    }),
    'application-rejected': (x) => ({
      subject: 'Решение по вашей заявке',
      blocks: ['К сожалению, ваша заявка не принята.', `Причина: ${x.reason}`],
    }),
    'application-waitlist-approved': (x) => ({
      subject: 'Для вас нашлось место: заявка одобрена',
      blocks: [
        `Освободилось место, и ваша заявка из листа ожидания одобрена: программа «${x.programme}».`,
        ...orNone(x.comment, 'Комментарий:'),
      ],
    }),
    'draft-reminder': (x, f) => ({
      subject: `Приём заявок на «${x.programme}» скоро закончится`,
      blocks: [
        `Ваш черновик заявки включает «${x.programme}»; приём заявок закрывается ${f.instant(x.closesAt)}.`,
        'Отправьте заявку до этого срока, если по-прежнему хотите поехать.',
      ],
    }),
    'advisor-digest': (x, f) => ({
      subject: `Очередь рассмотрения, ${f.day(x.day)}`,
      blocks: [
        `Новых заявок за ${f.day(x.day)}: ${x.submissions}.`,
        ...(x.freed.length > 0
          ? [
              'Места, освобождённые после отзыва заявок:',
              { list: x.freed.map((p) => `${p.programme}: ${p.places}`) },
            ]
          : []),
      ],
    }),
    'coordinator-digest': (x, f) => ({
      subject: `Входящие студенты, неделя с ${f.day(x.from)}`,
      blocks: [
        `Запланировано с ${f.day(x.from)} по ${f.day(x.to)}.`,
        ...moves('Приезды:', x.arrivals, f),
        ...moves('Отъезды:', x.departures, f),
      ],
    }),
    'incoming-nominated': (x, f) => ({
      subject: `Новая номинация: ${x.name}`,
      blocks: [
        `${x.institution} номинирует студента ${x.name} на ${x.academicYear} (${f.term(x.term)}).`,
        `Планируемый приезд: ${f.day(x.plannedArrival)}.`,
      ],
    }),
    'learning-agreement-to-sign': (x) => ({
      subject: `Соглашение об обучении ждёт вашей подписи: ${x.student}`,
      blocks: [
        `Версия ${x.version} соглашения об обучении студента ${x.student} (${x.host}) ждёт вашей подписи.`,
        'Прочитайте её, затем подпишите или, для принимающего университета, прокомментируйте.',
      ],
    }),
    'learning-agreement-approved': (x) => ({
      subject: 'Ваше соглашение об обучении утверждено',
      blocks: [
        `Версия ${x.version} вашего соглашения об обучении с ${x.host} подписана всеми тремя сторонами.`,
      ],
    }),
    'learning-agreement-commented': (x) => ({
      subject: 'Ваше соглашение об обучении нужно изменить',
      blocks: [
        `${x.host} не утвердил версию ${x.version} вашего соглашения об обучении.`,
        `Причина: ${x.reason}`,
        'Измените его и подпишите снова.',
      ],
    }),
    undelivered: (x) => ({
      subject: 'Письмо не удалось доставить',
      blocks: [
        `Письмо «${x.kind}» не доставлено после попыток: ${x.attempts}.`,
        `Последняя ошибка: ${x.error}`,
        'Его можно отправить повторно из списка недоставленных писем.',
      ],
    }),
  },
};

const kk: Catalogue = {
  greeting: 'Сәлеметсіз бе!',
  linkLabel: 'Порталда ашу:',
  footer:
    'Бұл хатты академиялық ұтқырлық порталы жіберді. Жиынтықтарды хабарландыру баптауларында өшіруге болады.',
  terms: { autumn: 'күзгі семестр', spring: 'көктемгі семестр', 'full-year': 'оқу жылы' },
  templates: {
    'application-submitted': (x, f) => ({
      subject: 'Өтінішіңіз қабылданды',
      blocks: [
        `${x.academicYear} (${f.term(x.term)}) кезеңіне өтінішіңізді алдық. Таңдауларыңыз, қалау ретімен:`,
        { list: x.choices.map((title, index) => `${index + 1}. ${title}`) },
        'Кеңесші оны қарайды, шешім туралы сізге хабарлаймыз.',
      ],
    }),
    'application-approved': (x) => ({
      subject: 'Өтінішіңіз мақұлданды',
      blocks: [
        `Қуанышты хабар: сізге «${x.programme}» бағдарламасынан орын берілді.`,
        ...orNone(x.comment, 'Түсініктеме:'),
      ],
    }),
    'application-waitlisted': (x) => ({
      subject: 'Өтінішіңіз күту тізімінде',
      blocks: [
        'Өтінішіңіз күту тізіміне енгізілді. Орын босаса, ол әлі де мақұлдануы мүмкін.',
        ...orNone(x.comment, 'Түсініктеме:'),
      ],
    }),
    'application-rejected': (x) => ({
      subject: 'Өтінішіңіз бойынша шешім',
      blocks: ['Өкінішке қарай, өтінішіңіз қабылданбады.', `Себебі: ${x.reason}`],
    }),
    'application-waitlist-approved': (x) => ({
      subject: 'Сізге орын табылды: өтініш мақұлданды',
      blocks: [
        `Орын босап, өтінішіңіз күту тізімінен мақұлданды: «${x.programme}» бағдарламасы.`,
        ...orNone(x.comment, 'Түсініктеме:'),
      ],
    }),
    'draft-reminder': (x, f) => ({
      subject: `«${x.programme}» бағдарламасына өтінім қабылдау жақында аяқталады`,
      blocks: [
        `Өтініш жобаңызда «${x.programme}» бар; өтінім қабылдау ${f.instant(x.closesAt)} жабылады.`,
        'Әлі де барғыңыз келсе, оны осы мерзімге дейін жіберіңіз.',
      ],
    }),
    'advisor-digest': (x, f) => ({
      subject: `Қарау кезегі, ${f.day(x.day)}`,
      blocks: [
        `${f.day(x.day)} күнгі жаңа өтініштер: ${x.submissions}.`,
        ...(x.freed.length > 0
          ? [
              'Өтініштер қайтарылып, босаған орындар:',
              { list: x.freed.map((p) => `${p.programme}: ${p.places}`) },
            ]
          : []),
      ],
    }),
    'coordinator-digest': (x, f) => ({
      subject: `Келетін студенттер, ${f.day(x.from)} басталатын апта`,
      blocks: [
        `Жоспар: ${f.day(x.from)} – ${f.day(x.to)}.`,
        ...moves('Келулер:', x.arrivals, f),
        ...moves('Кетулер:', x.departures, f),
      ],
    }),
    'incoming-nominated': (x, f) => ({
      subject: `Жаңа номинация: ${x.name}`,
      blocks: [
        `${x.institution} ${x.name} студентін ${x.academicYear} (${f.term(x.term)}) кезеңіне ұсынды.`,
        `Жоспарланған келу күні: ${f.day(x.plannedArrival)}.`,
      ],
    }),
    'learning-agreement-to-sign': (x) => ({
      subject: `Оқу келісімі сіздің қолыңызды күтуде: ${x.student}`,
      blocks: [
        `${x.student} студентінің оқу келісімінің ${x.version}-нұсқасы (${x.host}) сіздің қолыңызды күтуде.`,
        'Оны оқып, қол қойыңыз немесе, қабылдаушы университет ретінде, пікір жазыңыз.',
      ],
    }),
    'learning-agreement-approved': (x) => ({
      subject: 'Оқу келісіміңіз бекітілді',
      blocks: [`${x.host} университетімен оқу келісіміңіздің ${x.version}-нұсқасына үш тарап та қол қойды.`],
    }),
    'learning-agreement-commented': (x) => ({
      subject: 'Оқу келісіміңізді өзгерту қажет',
      blocks: [
        `${x.host} оқу келісіміңіздің ${x.version}-нұсқасын бекітпеді.`,
        `Себебі: ${x.reason}`,
        'Оны өзгертіп, қайта қол қойыңыз.',
      ],
    }),
    undelivered: (x) => ({
      subject: 'Хат жеткізілмеді',
      blocks: [
        `«${x.kind}» хаты ${x.attempts} әрекеттен кейін жеткізілмеді.`,
        `Соңғы қате: ${x.error}`,
        'Оны жеткізілмеген хаттар тізімінен қайта жіберуге болады.',
      ],
    }),
  },
};

const CATALOGUES: Record<Locale, Catalogue> = { fr, en, ru, kk };

function moves(
  label: string,
  list: NotificationFacts['coordinator-digest']['arrivals'],
  f: Formats,
): Block[] {
  if (list.length === 0) return [];
  return [label, { list: list.map((move) => `${f.day(move.date)}: ${move.name} (${move.institution})`) }];
}

function formatsFor(locale: Locale, catalogue: Catalogue, timeZone: string): Formats {
  const day = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' });
  const instant = new Intl.DateTimeFormat(locale, {
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone,
    timeZoneName: 'short',
  });
  return {
    day: (value) => day.format(new Date(`${value.slice(0, 10)}T00:00:00Z`)),
    instant: (value) => instant.format(new Date(value)),
    term: (term) => catalogue.terms[term] ?? term,
  };
}

/** The message of a request in a language: subject and blocks, facts not yet escaped. */
export function composeMessage(
  request: Pick<NotificationRequest, 'kind' | 'facts'>,
  locale: Locale,
  timeZone: string = NOTIFICATION_TIME_ZONE,
): Message {
  const catalogue = CATALOGUES[locale];
  const template = catalogue.templates[request.kind] as (facts: unknown, f: Formats) => Message;
  return template(request.facts, formatsFor(locale, catalogue, timeZone));
}

export function escapeHtml(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** Subject, plain text and simple HTML of a notification, with its link, in the recipient's language. */
export function renderNotification(
  request: Pick<NotificationRequest, 'kind' | 'facts'>,
  locale: Locale,
  link: string,
  timeZone: string = NOTIFICATION_TIME_ZONE,
): RenderedNotification {
  const catalogue = CATALOGUES[locale];
  const { subject, blocks } = composeMessage(request, locale, timeZone);
  const text = [
    catalogue.greeting,
    ...blocks.map((block) =>
      typeof block === 'string' ? block : block.list.map((item) => `- ${item}`).join('\n'),
    ),
    `${catalogue.linkLabel} ${link}`,
    '--',
    catalogue.footer,
  ].join('\n\n');
  const html = [
    `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head><body>`,
    `<p>${escapeHtml(catalogue.greeting)}</p>`,
    ...blocks.map((block) =>
      typeof block === 'string'
        ? `<p>${escapeHtml(block)}</p>`
        : `<ul>${block.list.map((item) => `<li>${escapeHtml(item)}</li>`).join('')}</ul>`,
    ),
    `<p>${escapeHtml(catalogue.linkLabel)} <a href="${escapeHtml(link)}">${escapeHtml(link)}</a></p>`,
    `<hr><p><small>${escapeHtml(catalogue.footer)}</small></p>`,
    '</body></html>',
  ].join('\n');
  return { subject: oneLine(subject), text, html };
}

/** A subject is one line (a title with a line break must not start a new header). */
function oneLine(value: string): string {
  return value.replace(/[\r\n]+/g, ' ').slice(0, 250);
}
