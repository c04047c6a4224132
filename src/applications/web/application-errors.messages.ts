import { defineMessages } from '../../web/messages/messages.js';

/** The application rules' codes as sentences (shown wherever a page meets them). */
export const applicationErrorMessages = defineMessages(
  {
    'error.APPLICATION_ALREADY_EXISTS':
      'You already have an application for this academic year and term that is neither rejected nor withdrawn.',
    'error.APPLICATION_INVALID_TRANSITION': 'The application is no longer in a state that allows this.',
    'error.APPLICATION_NOT_EDITABLE': 'Only a draft can be changed; this application has been sent.',
    'error.APPLICATION_INCOMPLETE':
      'The application is not complete yet: the motivation needs 50 to 5,000 characters.',
    'error.APPLICATION_WINDOW_CLOSED': 'One of your choices is not taking applications at the moment.',
    'error.NOT_ELIGIBLE': 'You do not meet the conditions of one of your choices.',
    'error.PROGRAMME_FULL': 'There is no place left on this programme.',
  },
  {
    fr: {
      'error.APPLICATION_ALREADY_EXISTS':
        'Vous avez déjà une candidature pour cette année académique et ce semestre, ni refusée ni retirée.',
      'error.APPLICATION_INVALID_TRANSITION':
        'La candidature n’est plus dans un état qui permet cette action.',
      'error.APPLICATION_NOT_EDITABLE':
        'Seul un brouillon peut être modifié ; cette candidature a été envoyée.',
      'error.APPLICATION_INCOMPLETE':
        'La candidature n’est pas encore complète : la motivation doit compter de 50 à 5 000 caractères.',
      'error.APPLICATION_WINDOW_CLOSED': 'Un de vos choix n’accepte pas de candidatures en ce moment.',
      'error.NOT_ELIGIBLE': 'Vous ne remplissez pas les conditions d’un de vos choix.',
      'error.PROGRAMME_FULL': 'Il n’y a plus de place dans ce programme.',
    },
    ru: {
      'error.APPLICATION_ALREADY_EXISTS':
        'У вас уже есть заявка на этот учебный год и семестр, которая не отклонена и не отозвана.',
      'error.APPLICATION_INVALID_TRANSITION':
        'Заявка больше не находится в состоянии, допускающем это действие.',
      'error.APPLICATION_NOT_EDITABLE': 'Изменить можно только черновик; эта заявка уже отправлена.',
      'error.APPLICATION_INCOMPLETE':
        'Заявка ещё не заполнена: мотивационное письмо должно содержать от 50 до 5000 символов.',
      'error.APPLICATION_WINDOW_CLOSED': 'Один из выбранных вариантов сейчас не принимает заявки.',
      'error.NOT_ELIGIBLE': 'Вы не соответствуете условиям одного из выбранных вариантов.',
      'error.PROGRAMME_FULL': 'В этой программе не осталось мест.',
    },
    kk: {
      'error.APPLICATION_ALREADY_EXISTS':
        'Сізде осы оқу жылы мен семестрге қабылданбаған немесе кері қайтарылмаған өтінім бұрыннан бар.',
      'error.APPLICATION_INVALID_TRANSITION': 'Өтінім бұл әрекетке рұқсат беретін күйде емес.',
      'error.APPLICATION_NOT_EDITABLE': 'Тек жоба өзгертіледі; бұл өтінім жіберілген.',
      'error.APPLICATION_INCOMPLETE':
        'Өтінім әлі толық емес: уәждеме хат 50-ден 5000 таңбаға дейін болуы керек.',
      'error.APPLICATION_WINDOW_CLOSED': 'Таңдауларыңыздың бірі қазір өтінім қабылдамайды.',
      'error.NOT_ELIGIBLE': 'Сіз таңдауларыңыздың бірінің шарттарына сай келмейсіз.',
      'error.PROGRAMME_FULL': 'Бұл бағдарламада бос орын қалмады.',
    },
  },
);
