import { defineMessages } from '../../web/messages/messages.js';

export const homeMessages = defineMessages(
  {
    'home.menu': 'Home',
    'home.title': 'Study abroad',
    'home.lead':
      'Find a programme at one of our partner universities, apply online and follow your application until you leave.',
    'home.register': 'Create a student account',
    'home.calls.title': 'Open calls for applications',
    'home.calls.none': 'No call is open at the moment.',
    'home.calls.placesLeft': 'Places left',
    'home.calls.places': '{count, plural, =0 {none of {total}} one {# of {total}} other {# of {total}}}',
    'home.calls.deadline': 'Deadline',
    'home.calls.all': 'All programmes',
    'home.news.title': 'Latest news',
    'home.news.none': 'No news yet.',
    'home.news.all': 'All news',
  },
  {
    fr: {
      'home.menu': 'Accueil',
      'home.title': 'Étudier à l’étranger',
      'home.lead':
        'Trouvez un programme dans une université partenaire, postulez en ligne et suivez votre candidature jusqu’au départ.',
      'home.register': 'Créer un compte étudiant',
      'home.calls.title': 'Appels à candidatures ouverts',
      'home.calls.none': 'Aucun appel n’est ouvert pour le moment.',
      'home.calls.placesLeft': 'Places restantes',
      'home.calls.places':
        '{count, plural, =0 {aucune sur {total}} one {# sur {total}} other {# sur {total}}}',
      'home.calls.deadline': 'Date limite',
      'home.calls.all': 'Tous les programmes',
      'home.news.title': 'Dernières actualités',
      'home.news.none': 'Pas encore d’actualités.',
      'home.news.all': 'Toutes les actualités',
    },
    ru: {
      'home.menu': 'Главная',
      'home.title': 'Учёба за рубежом',
      'home.lead':
        'Найдите программу в одном из университетов-партнёров, подайте заявку онлайн и следите за ней до отъезда.',
      'home.register': 'Создать учётную запись студента',
      'home.calls.title': 'Открытые конкурсы',
      'home.calls.none': 'Сейчас нет открытых конкурсов.',
      'home.calls.placesLeft': 'Свободные места',
      'home.calls.places':
        '{count, plural, =0 {нет из {total}} one {# из {total}} few {# из {total}} many {# из {total}} other {# из {total}}}',
      'home.calls.deadline': 'Срок подачи',
      'home.calls.all': 'Все программы',
      'home.news.title': 'Последние новости',
      'home.news.none': 'Новостей пока нет.',
      'home.news.all': 'Все новости',
    },
    kk: {
      'home.menu': 'Басты бет',
      'home.title': 'Шетелде оқу',
      'home.lead':
        'Серіктес университеттердің бірінен бағдарлама табыңыз, онлайн өтінім беріп, оны жолға шыққанша қадағалаңыз.',
      'home.register': 'Студент тіркелгісін ашу',
      'home.calls.title': 'Ашық конкурстар',
      'home.calls.none': 'Қазір ашық конкурс жоқ.',
      'home.calls.placesLeft': 'Бос орындар',
      'home.calls.places':
        '{count, plural, =0 {{total} орынның бірде-бірі жоқ} other {{total} орынның # орны}}',
      'home.calls.deadline': 'Соңғы мерзім',
      'home.calls.all': 'Барлық бағдарламалар',
      'home.news.title': 'Соңғы жаңалықтар',
      'home.news.none': 'Әзірге жаңалық жоқ.',
      'home.news.all': 'Барлық жаңалықтар',
    },
  },
);
