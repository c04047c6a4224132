import { defineMessages } from './web/messages/messages.js';

/**
 * Every feature's error codes (src/error-codes.ts) as sentences for the pages, key `error.<CODE>`
 * (the shared codes are in src/web/messages/web.messages.ts). A unit test fails when a registered
 * code has none.
 */
export const errorCodeMessages = defineMessages(
  {
    'error.HOME_FACULTY_LOCKED':
      'Your faculty is already set; only the International Relations Office can change it.',
    'error.SCHAC_CODE_TAKEN': 'Another institution already has this SCHAC code.',
    'error.ERASMUS_CODE_TAKEN': 'Another institution already has this Erasmus code.',
    'error.HOME_INSTITUTION_EXISTS': 'There is already a home institution; there can be only one.',
    'error.HOME_INSTITUTION_REQUIRED': 'The home institution must stay the home institution.',
    'error.FACULTY_CODE_TAKEN': 'This institution already has a faculty with this code.',
    'error.PLACES_BELOW_TAKEN': 'The number of places cannot be lower than the places already taken.',
    'error.APPLICATION_ALREADY_EXISTS':
      'You already have an application for this academic year and term that is neither rejected nor withdrawn.',
    'error.APPLICATION_INVALID_TRANSITION': 'The application is no longer in a state that allows this.',
    'error.APPLICATION_NOT_EDITABLE': 'Only a draft can be changed; this application has been sent.',
    'error.APPLICATION_INCOMPLETE':
      'The application is not complete yet: the motivation needs 50 to 5,000 characters.',
    'error.APPLICATION_WINDOW_CLOSED': 'One of your choices is not taking applications at the moment.',
    'error.NOT_ELIGIBLE': 'You do not meet the conditions of one of your choices.',
    'error.PROGRAMME_FULL': 'There is no place left on this programme.',
    'error.APPLICATION_OWN_DECISION': 'Nobody may decide on their own application.',
    'error.APPLICATION_CONFIRMATION_CLOSED':
      'The deadline to confirm or decline this place has passed; contact your mobility advisor.',
    'error.OUTGOING_INVALID_TRANSITION': 'The mobility is no longer in a state that allows this.',
    'error.OUTGOING_NOT_VERIFIED': 'The receiving institution has not verified this nomination yet.',
    'error.OUTGOING_ALREADY_ANSWERED': 'This nomination has already been answered.',
    'error.OUTGOING_RECOGNITION_BY_AGREEMENT':
      'This mobility has a learning agreement: it is recognised once its results and recognition decisions are all recorded.',
    'error.LA_STALE': 'The learning agreement has changed since you read it; read it again before signing.',
    'error.LA_ALREADY_SIGNED': 'Your side has already signed this version.',
    'error.LA_NOT_SIGNABLE': 'This version is not waiting for your signature or comment.',
    'error.LA_INCOMPLETE':
      'The learning agreement is not complete yet: fill in the missing parts before signing.',
    'error.LA_CHANGES_AFTER_APPROVAL':
      'Once approved, the learning agreement changes only through changes with reasons; before, edit the draft.',
    'error.LA_NOT_APPROVED': 'No version of the learning agreement is approved yet.',
    'error.LA_CLOSED': 'The mobility is not at a step that allows this on its learning agreement.',
    'error.INCOMING_ALREADY_EXISTS': 'This student already has a mobility for this academic year and term.',
    'error.INCOMING_INVALID_TRANSITION': 'The mobility is no longer in a state that allows this.',
    'error.INCOMING_IMPORT_INVALID': 'The file has lines with problems; nothing was imported.',
    'error.INCOMING_IMPORT_TOO_MANY_ROWS':
      'The file has more than 5,000 rows; split it and import each part.',
    'error.INCOMING_IMPORT_BUSY': 'Another import is running; try again in a few seconds.',
    'error.INCOMING_IMPORT_CANCELLED':
      'The import was stopped because the connection closed; nothing was imported.',
    'error.NEWS_SLUG_TAKEN': 'Another article already has this address.',
    'error.NEWS_ALREADY_PUBLISHED': 'This article is already published.',
    'error.NEWS_NOT_PUBLISHED': 'This article is not published.',
    'error.CANNOT_ERASE_SELF': 'You cannot erase your own account.',
    'error.USER_ALREADY_ERASED': 'This person has already been erased.',
    'error.NOTIFICATION_NOT_DEAD': 'Only an e-mail that could not be delivered can be sent again.',
    'error.LOGIN_ACCOUNT_LIMITED': 'Too many sign-in attempts for this account; wait a minute and try again.',
    'error.LOGIN_ADDRESS_LIMITED':
      'Too many sign-in attempts from your network; wait a minute and try again.',
    'error.PASSWORD_HASHING_BUSY': 'The portal is busy checking passwords; try again in a few seconds.',
    'error.EMAIL_CONFUSABLE':
      'This email address looks like the address of an existing account; use another.',
    'error.SCORES_INCOMPLETE':
      'Some applications of this round have no motivation rating yet; rate them first.',
    'error.ROUND_STALE':
      'Something changed since this preview (an application, a rating or places); run a new round.',
    'error.ROUND_ALREADY_COMMITTED': 'This round has already been committed.',
    'error.ASSESSMENT_CLOSED': 'Only a submitted, waitlisted or approved application can be rated.',
  },
  {
    fr: {
      'error.HOME_FACULTY_LOCKED':
        'Votre faculté est déjà indiquée ; seul le service des relations internationales peut la changer.',
      'error.SCHAC_CODE_TAKEN': 'Une autre institution a déjà ce code SCHAC.',
      'error.ERASMUS_CODE_TAKEN': 'Une autre institution a déjà ce code Erasmus.',
      'error.HOME_INSTITUTION_EXISTS':
        'Il y a déjà une institution d’origine ; il ne peut y en avoir qu’une.',
      'error.HOME_INSTITUTION_REQUIRED': 'L’institution d’origine doit le rester.',
      'error.FACULTY_CODE_TAKEN': 'Cette institution a déjà une faculté avec ce code.',
      'error.PLACES_BELOW_TAKEN':
        'Le nombre de places ne peut pas être inférieur aux places déjà attribuées.',
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
      'error.APPLICATION_OWN_DECISION': 'Personne ne peut décider de sa propre candidature.',
      'error.APPLICATION_CONFIRMATION_CLOSED':
        'Le délai pour confirmer ou refuser cette place est dépassé ; contactez votre conseiller mobilité.',
      'error.OUTGOING_INVALID_TRANSITION': 'La mobilité n’est plus dans un état qui permet cette action.',
      'error.OUTGOING_NOT_VERIFIED': 'L’établissement d’accueil n’a pas encore vérifié cette nomination.',
      'error.OUTGOING_ALREADY_ANSWERED': 'Cette nomination a déjà reçu une réponse.',
      'error.OUTGOING_RECOGNITION_BY_AGREEMENT':
        'Cette mobilité a un contrat d’études : elle est reconnue quand tous ses résultats et décisions de reconnaissance sont enregistrés.',
      'error.LA_STALE': 'Le contrat d’études a changé depuis votre lecture ; relisez-le avant de signer.',
      'error.LA_ALREADY_SIGNED': 'Votre partie a déjà signé cette version.',
      'error.LA_NOT_SIGNABLE': 'Cette version n’attend ni votre signature ni votre commentaire.',
      'error.LA_INCOMPLETE':
        'Le contrat d’études n’est pas encore complet : remplissez ce qui manque avant de signer.',
      'error.LA_CHANGES_AFTER_APPROVAL':
        'Une fois approuvé, le contrat d’études ne change que par des modifications motivées ; avant, modifiez le brouillon.',
      'error.LA_NOT_APPROVED': 'Aucune version du contrat d’études n’est encore approuvée.',
      'error.LA_CLOSED':
        'La mobilité n’est pas à une étape qui permet cette action sur son contrat d’études.',
      'error.INCOMING_ALREADY_EXISTS':
        'Cet étudiant a déjà une mobilité pour cette année académique et ce semestre.',
      'error.INCOMING_INVALID_TRANSITION': 'La mobilité n’est plus dans un état qui permet cette action.',
      'error.INCOMING_IMPORT_INVALID': 'Le fichier contient des lignes à corriger ; rien n’a été importé.',
      'error.INCOMING_IMPORT_TOO_MANY_ROWS':
        'Le fichier compte plus de 5 000 lignes ; découpez-le et importez chaque partie.',
      'error.INCOMING_IMPORT_BUSY': 'Un autre import est en cours ; réessayez dans quelques secondes.',
      'error.INCOMING_IMPORT_CANCELLED':
        'L’import a été arrêté car la connexion a été fermée ; rien n’a été importé.',
      'error.NEWS_SLUG_TAKEN': 'Un autre article a déjà cette adresse.',
      'error.NEWS_ALREADY_PUBLISHED': 'Cet article est déjà publié.',
      'error.NEWS_NOT_PUBLISHED': 'Cet article n’est pas publié.',
      'error.CANNOT_ERASE_SELF': 'Vous ne pouvez pas effacer votre propre compte.',
      'error.USER_ALREADY_ERASED': 'Cette personne a déjà été effacée.',
      'error.NOTIFICATION_NOT_DEAD': 'Seul un e-mail qui n’a pas pu être remis peut être renvoyé.',
      'error.LOGIN_ACCOUNT_LIMITED':
        'Trop de tentatives de connexion pour ce compte ; attendez une minute et réessayez.',
      'error.LOGIN_ADDRESS_LIMITED':
        'Trop de tentatives de connexion depuis votre réseau ; attendez une minute et réessayez.',
      'error.PASSWORD_HASHING_BUSY':
        'Le portail vérifie beaucoup de mots de passe en ce moment ; réessayez dans quelques secondes.',
      'error.EMAIL_CONFUSABLE':
        'Cette adresse ressemble à celle d’un compte existant ; choisissez-en une autre.',
      'error.SCORES_INCOMPLETE':
        'Des candidatures de ce tour n’ont pas encore de note de motivation ; notez-les d’abord.',
      'error.ROUND_STALE':
        'Quelque chose a changé depuis cet aperçu (une candidature, une note ou des places) ; lancez un nouveau tour.',
      'error.ROUND_ALREADY_COMMITTED': 'Ce tour a déjà été validé.',
      'error.ASSESSMENT_CLOSED':
        'Seule une candidature envoyée, en liste d’attente ou acceptée peut être notée.',
    },
    ru: {
      'error.HOME_FACULTY_LOCKED':
        'Ваш факультет уже указан; изменить его может только отдел международных связей.',
      'error.SCHAC_CODE_TAKEN': 'У другого учреждения уже есть этот код SCHAC.',
      'error.ERASMUS_CODE_TAKEN': 'У другого учреждения уже есть этот код Erasmus.',
      'error.HOME_INSTITUTION_EXISTS': 'Базовое учреждение уже задано; оно может быть только одно.',
      'error.HOME_INSTITUTION_REQUIRED': 'Базовое учреждение должно оставаться базовым.',
      'error.FACULTY_CODE_TAKEN': 'У этого учреждения уже есть факультет с таким кодом.',
      'error.PLACES_BELOW_TAKEN': 'Число мест не может быть меньше числа уже занятых мест.',
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
      'error.APPLICATION_OWN_DECISION': 'Никто не может принимать решение по собственной заявке.',
      'error.APPLICATION_CONFIRMATION_CLOSED':
        'Срок подтверждения или отказа от этого места истёк; обратитесь к консультанту по мобильности.',
      'error.OUTGOING_INVALID_TRANSITION':
        'Мобильность больше не находится в состоянии, допускающем это действие.',
      'error.OUTGOING_NOT_VERIFIED': 'Принимающий университет ещё не подтвердил эту номинацию.',
      'error.OUTGOING_ALREADY_ANSWERED': 'На эту номинацию уже дан ответ.',
      'error.OUTGOING_RECOGNITION_BY_AGREEMENT':
        'У этой мобильности есть учебное соглашение: она признаётся, когда записаны все результаты и решения о признании.',
      'error.LA_STALE':
        'Соглашение об обучении изменилось после того, как вы его прочитали; прочитайте его снова перед подписью.',
      'error.LA_ALREADY_SIGNED': 'Ваша сторона уже подписала эту версию.',
      'error.LA_NOT_SIGNABLE': 'Эта версия не ждёт вашей подписи или комментария.',
      'error.LA_INCOMPLETE': 'Соглашение об обучении ещё не заполнено: заполните недостающее перед подписью.',
      'error.LA_CHANGES_AFTER_APPROVAL':
        'После утверждения соглашение об обучении меняется только через изменения с причинами; до этого измените черновик.',
      'error.LA_NOT_APPROVED': 'Ни одна версия соглашения об обучении ещё не утверждена.',
      'error.LA_CLOSED':
        'Мобильность не находится на этапе, допускающем это действие с её соглашением об обучении.',
      'error.INCOMING_ALREADY_EXISTS': 'У этого студента уже есть мобильность на этот учебный год и семестр.',
      'error.INCOMING_INVALID_TRANSITION':
        'Мобильность больше не находится в состоянии, допускающем это действие.',
      'error.INCOMING_IMPORT_INVALID': 'В файле есть строки с ошибками; ничего не импортировано.',
      'error.INCOMING_IMPORT_TOO_MANY_ROWS':
        'В файле больше 5000 строк; разделите его и импортируйте каждую часть.',
      'error.INCOMING_IMPORT_BUSY': 'Уже выполняется другой импорт; повторите через несколько секунд.',
      'error.INCOMING_IMPORT_CANCELLED':
        'Импорт остановлен, так как соединение закрылось; ничего не импортировано.',
      'error.NEWS_SLUG_TAKEN': 'У другой статьи уже есть этот адрес.',
      'error.NEWS_ALREADY_PUBLISHED': 'Эта статья уже опубликована.',
      'error.NEWS_NOT_PUBLISHED': 'Эта статья не опубликована.',
      'error.CANNOT_ERASE_SELF': 'Нельзя удалить собственную учётную запись.',
      'error.USER_ALREADY_ERASED': 'Данные этого человека уже удалены.',
      'error.NOTIFICATION_NOT_DEAD': 'Повторно отправить можно только недоставленное письмо.',
      'error.LOGIN_ACCOUNT_LIMITED': 'Слишком много попыток входа в эту учётную запись; подождите минуту.',
      'error.LOGIN_ADDRESS_LIMITED': 'Слишком много попыток входа из вашей сети; подождите минуту.',
      'error.PASSWORD_HASHING_BUSY':
        'Портал сейчас занят проверкой паролей; повторите через несколько секунд.',
      'error.EMAIL_CONFUSABLE': 'Этот адрес похож на адрес существующей учётной записи; укажите другой.',
      'error.SCORES_INCOMPLETE':
        'У некоторых заявок этого тура ещё нет оценки мотивации; сначала оцените их.',
      'error.ROUND_STALE':
        'С момента предпросмотра что-то изменилось (заявка, оценка или места); запустите новый тур.',
      'error.ROUND_ALREADY_COMMITTED': 'Этот тур уже утверждён.',
      'error.ASSESSMENT_CLOSED': 'Оценить можно только поданную, ожидающую или одобренную заявку.',
    },
    kk: {
      'error.HOME_FACULTY_LOCKED':
        'Факультетіңіз көрсетілген; оны тек халықаралық байланыстар бөлімі өзгерте алады.',
      'error.SCHAC_CODE_TAKEN': 'Бұл SCHAC коды басқа мекемеде бар.',
      'error.ERASMUS_CODE_TAKEN': 'Бұл Erasmus коды басқа мекемеде бар.',
      'error.HOME_INSTITUTION_EXISTS': 'Негізгі мекеме бұрыннан бар; ол біреу ғана бола алады.',
      'error.HOME_INSTITUTION_REQUIRED': 'Негізгі мекеме негізгі болып қалуы керек.',
      'error.FACULTY_CODE_TAKEN': 'Бұл мекемеде осындай коды бар факультет бұрыннан бар.',
      'error.PLACES_BELOW_TAKEN': 'Орын саны бұрыннан бөлінген орындардан аз бола алмайды.',
      'error.APPLICATION_ALREADY_EXISTS':
        'Сізде осы оқу жылы мен семестрге қабылданбаған немесе кері қайтарылмаған өтінім бұрыннан бар.',
      'error.APPLICATION_INVALID_TRANSITION': 'Өтінім бұл әрекетке рұқсат беретін күйде емес.',
      'error.APPLICATION_NOT_EDITABLE': 'Тек жоба өзгертіледі; бұл өтінім жіберілген.',
      'error.APPLICATION_INCOMPLETE':
        'Өтінім әлі толық емес: уәждеме хат 50-ден 5000 таңбаға дейін болуы керек.',
      'error.APPLICATION_WINDOW_CLOSED': 'Таңдауларыңыздың бірі қазір өтінім қабылдамайды.',
      'error.NOT_ELIGIBLE': 'Сіз таңдауларыңыздың бірінің шарттарына сай келмейсіз.',
      'error.PROGRAMME_FULL': 'Бұл бағдарламада бос орын қалмады.',
      'error.APPLICATION_OWN_DECISION': 'Ешкім өз өтінімі бойынша шешім қабылдай алмайды.',
      'error.APPLICATION_CONFIRMATION_CLOSED':
        'Бұл орынды растау немесе бас тарту мерзімі өтті; ұтқырлық кеңесшісіне хабарласыңыз.',
      'error.OUTGOING_INVALID_TRANSITION': 'Ұтқырлық бұл әрекетке рұқсат беретін күйде емес.',
      'error.OUTGOING_NOT_VERIFIED': 'Қабылдаушы университет бұл номинацияны әлі растаған жоқ.',
      'error.OUTGOING_ALREADY_ANSWERED': 'Бұл номинацияға жауап берілген.',
      'error.OUTGOING_RECOGNITION_BY_AGREEMENT':
        'Бұл ұтқырлықтың оқу келісімі бар: барлық нәтижелері мен тану шешімдері жазылғанда ол танылады.',
      'error.LA_STALE': 'Оқу келісімі сіз оқығаннан кейін өзгерді; қол қоймас бұрын оны қайта оқыңыз.',
      'error.LA_ALREADY_SIGNED': 'Сіздің тарап бұл нұсқаға қол қойып қойған.',
      'error.LA_NOT_SIGNABLE': 'Бұл нұсқа сіздің қолыңызды немесе пікіріңізді күтпейді.',
      'error.LA_INCOMPLETE':
        'Оқу келісімі әлі толық емес: қол қоймас бұрын жетіспейтін бөліктерді толтырыңыз.',
      'error.LA_CHANGES_AFTER_APPROVAL':
        'Бекітілгеннен кейін оқу келісімі тек себебі көрсетілген өзгерістер арқылы өзгереді; оған дейін жобаны өзгертіңіз.',
      'error.LA_NOT_APPROVED': 'Оқу келісімінің бірде-бір нұсқасы әлі бекітілмеген.',
      'error.LA_CLOSED': 'Ұтқырлық оның оқу келісімінде бұл әрекетке рұқсат беретін кезеңде емес.',
      'error.INCOMING_ALREADY_EXISTS': 'Бұл студентте осы оқу жылы мен семестрге ұтқырлық бұрыннан бар.',
      'error.INCOMING_INVALID_TRANSITION': 'Ұтқырлық бұл әрекетке рұқсат беретін күйде емес.',
      'error.INCOMING_IMPORT_INVALID': 'Файлда қатесі бар жолдар бар; ештеңе импортталған жоқ.',
      'error.INCOMING_IMPORT_TOO_MANY_ROWS':
        'Файлда 5000-нан астам жол бар; оны бөліп, әр бөлігін жеке импорттаңыз.',
      'error.INCOMING_IMPORT_BUSY': 'Басқа импорт жүріп жатыр; бірнеше секундтан кейін қайталаңыз.',
      'error.INCOMING_IMPORT_CANCELLED': 'Байланыс үзілгендіктен импорт тоқтатылды; ештеңе импортталған жоқ.',
      'error.NEWS_SLUG_TAKEN': 'Бұл мекенжай басқа мақалада бар.',
      'error.NEWS_ALREADY_PUBLISHED': 'Бұл мақала жарияланып қойған.',
      'error.NEWS_NOT_PUBLISHED': 'Бұл мақала жарияланбаған.',
      'error.CANNOT_ERASE_SELF': 'Өз тіркелгіңізді өшіре алмайсыз.',
      'error.USER_ALREADY_ERASED': 'Бұл адамның деректері бұрын өшірілген.',
      'error.NOTIFICATION_NOT_DEAD': 'Тек жеткізілмеген хатты қайта жіберуге болады.',
      'error.LOGIN_ACCOUNT_LIMITED': 'Бұл тіркелгіге кіру әрекеттері тым көп; бір минут күтіңіз.',
      'error.LOGIN_ADDRESS_LIMITED': 'Желіңізден кіру әрекеттері тым көп; бір минут күтіңіз.',
      'error.PASSWORD_HASHING_BUSY':
        'Портал қазір құпиясөздерді тексерумен бос емес; бірнеше секундтан кейін қайталаңыз.',
      'error.EMAIL_CONFUSABLE': 'Бұл мекенжай бар тіркелгінің мекенжайына ұқсайды; басқасын таңдаңыз.',
      'error.SCORES_INCOMPLETE':
        'Бұл турдың кейбір өтінімдерінде мотивация бағасы әлі жоқ; алдымен оларды бағалаңыз.',
      'error.ROUND_STALE':
        'Алдын ала қараудан кейін бірдеңе өзгерді (өтінім, баға немесе орындар); жаңа тур бастаңыз.',
      'error.ROUND_ALREADY_COMMITTED': 'Бұл тур бұрыннан бекітілген.',
      'error.ASSESSMENT_CLOSED':
        'Тек жіберілген, күту тізіміндегі немесе мақұлданған өтінімді бағалауға болады.',
    },
  },
);
