// Word lists for the benchmark dataset: people's names (Belgian, Kazakh and international ones),
// partner cities, subject areas and bits of text. Plain data, no logic.

// prettier-ignore
export const BELGIAN_FIRST_NAMES = [
  'Lucas', 'Emma', 'Louis', 'Olivia', 'Arthur', 'Louise', 'Noah', 'Mila', 'Jules', 'Elise',
  'Adam', 'Alice', 'Victor', 'Juliette', 'Liam', 'Camille', 'Gabriel', 'Léa', 'Mathis', 'Chloé',
  'Wout', 'Lotte', 'Jens', 'Fien', 'Thibault', 'Hélène', 'Maxime', 'Margaux', 'Baptiste', 'Manon',
  'Arnaud', 'Sofie', 'Pieter', 'Anouk', 'Cédric', 'Amélie', 'Bram', 'Noor', 'Quentin', 'Zoé',
  'Florian', 'Justine', 'Nicolas', 'Elodie', 'Guillaume', 'Laura', 'Simon', 'Charlotte', 'Thomas', 'Marie',
];

// prettier-ignore
export const BELGIAN_LAST_NAMES = [
  'Peeters', 'Janssens', 'Maes', 'Jacobs', 'Mertens', 'Willems', 'Claes', 'Goossens', 'Wouters', 'De Smet',
  'Dubois', 'Lambert', 'Dupont', 'Martin', 'Leclercq', 'Renard', 'Lemaire', 'Dumont', 'Simon', 'Laurent',
  'Hermans', 'Michiels', 'Van den Broeck', 'Vermeulen', 'De Backer', 'Lejeune', 'Francois', 'Gilles', 'Collard', 'Denis',
  'Devos', 'Van Damme', 'Desmet', 'Lefebvre', 'Charlier', 'Hubert', 'Bastin', 'Delvaux', 'Noël', 'Wauters',
  'Moreau', 'Fontaine', 'Piron', 'Baudoux', 'Delhaye', 'Gérard', 'Thiry', 'Degroote', 'Verhaegen', 'Hendrickx',
];

// prettier-ignore
export const KAZAKH_FIRST_NAMES = [
  'Aigerim', 'Nursultan', 'Zhanar', 'Dauren', 'Aruzhan', 'Yerlan', 'Madina', 'Askar', 'Dinara', 'Timur',
  'Gulnara', 'Arman', 'Aizhan', 'Nurlan', 'Saule', 'Yerzhan', 'Kamila', 'Bauyrzhan', 'Aliya', 'Daniyar',
  'Assel', 'Olzhas', 'Indira', 'Ruslan', 'Ainur', 'Miras', 'Togzhan', 'Alibek', 'Akbota', 'Sanzhar',
  'Zarina', 'Azamat', 'Malika', 'Yersultan', 'Dana', 'Aidos', 'Symbat', 'Rakhat', 'Zhansaya', 'Temirlan',
];

// prettier-ignore
export const KAZAKH_LAST_NAMES = [
  'Nurlanov', 'Abenova', 'Seitkali', 'Zhakupov', 'Tokayeva', 'Ospanov', 'Bekova', 'Suleimenov', 'Akhmetova', 'Kassymov',
  'Iskakova', 'Serikbayev', 'Omarova', 'Zhumabekov', 'Sadykova', 'Baimukhanov', 'Yessenova', 'Mukhametzhanov', 'Karimova', 'Tulegenov',
  'Amanzholova', 'Dzhaksybekov', 'Kenzhebayeva', 'Abdrakhmanov', 'Ermekova', 'Sarsenbayev', 'Shaikenova', 'Utepov', 'Nurgaliyeva', 'Zhaksylykov',
];

// prettier-ignore
export const INTERNATIONAL_FIRST_NAMES = [
  'Marco', 'Giulia', 'Pablo', 'Lucía', 'Jan', 'Zofia', 'Mehmet', 'Elif', 'Yasmine', 'Youssef',
  'Ana', 'João', 'Anna', 'Lukas', 'Sofia', 'Matteo', 'Ines', 'Mohamed', 'Fatima', 'Oliver',
  'Amelia', 'Hugo', 'Clara', 'Kenji', 'Yuki', 'Wei', 'Mei', 'Andrei', 'Ioana', 'Nikos',
];

// prettier-ignore
export const INTERNATIONAL_LAST_NAMES = [
  'Rossi', 'Bianchi', 'García', 'Fernández', 'Kowalski', 'Nowak', 'Yılmaz', 'Demir', 'El Amrani', 'Benali',
  'Silva', 'Santos', 'Müller', 'Schneider', 'Novák', 'Horváth', 'Popescu', 'Papadopoulos', 'Jensen', 'Nielsen',
  'Smith', "O'Brien", 'Tanaka', 'Sato', 'Wang', 'Li', 'Ivanova', 'Petrov', 'Lindqvist', 'Korhonen',
];

/** Staff accounts: mobility advisors, coordinators of the International Relations Office, editors. */
// prettier-ignore
export const STAFF = [
  ['Nathalie', 'Dufrasne', 'advisor'], ['Isabelle', 'Hanotiau', 'advisor'], ['Marc', 'Vandenbroucke', 'advisor'],
  ['Sophie', 'Lecomte', 'advisor'], ['Aliya', 'Tulegenova', 'advisor'], ['Pierre', 'Godart', 'advisor'],
  ['Anne', 'Debaisieux', 'coordinator'], ['Olivier', 'Brasseur', 'coordinator'], ['Véronique', 'Plumat', 'coordinator'],
  ['Didier', 'Cambier', 'editor'], ['Catherine', 'Urbain', 'editor'], ['Laurent', 'Mahieu', 'editor'],
];

/**
 * Partner cities: [city, ISO country, name style]. The style picks how its universities are named;
 * countries outside the Erasmus+ programme have no Erasmus code.
 */
// prettier-ignore
export const PARTNER_CITIES = [
  ['Brussels', 'BE', 'fr'], ['Liège', 'BE', 'fr'], ['Namur', 'BE', 'fr'], ['Louvain-la-Neuve', 'BE', 'fr'],
  ['Ghent', 'BE', 'nl'], ['Leuven', 'BE', 'nl'], ['Antwerp', 'BE', 'nl'], ['Hasselt', 'BE', 'nl'],
  ['Paris', 'FR', 'fr'], ['Lyon', 'FR', 'fr'], ['Lille', 'FR', 'fr'], ['Toulouse', 'FR', 'fr'],
  ['Bordeaux', 'FR', 'fr'], ['Strasbourg', 'FR', 'fr'], ['Grenoble', 'FR', 'fr'], ['Montpellier', 'FR', 'fr'],
  ['Nantes', 'FR', 'fr'], ['Rennes', 'FR', 'fr'], ['Marseille', 'FR', 'fr'], ['Valenciennes', 'FR', 'fr'],
  ['Berlin', 'DE', 'de'], ['Munich', 'DE', 'de'], ['Heidelberg', 'DE', 'de'], ['Hamburg', 'DE', 'de'],
  ['Cologne', 'DE', 'de'], ['Aachen', 'DE', 'de'], ['Leipzig', 'DE', 'de'], ['Dresden', 'DE', 'de'],
  ['Amsterdam', 'NL', 'nl'], ['Utrecht', 'NL', 'nl'], ['Leiden', 'NL', 'nl'], ['Groningen', 'NL', 'nl'],
  ['Maastricht', 'NL', 'nl'], ['Delft', 'NL', 'nl'], ['Madrid', 'ES', 'es'], ['Barcelona', 'ES', 'es'],
  ['Valencia', 'ES', 'es'], ['Seville', 'ES', 'es'], ['Granada', 'ES', 'es'], ['Salamanca', 'ES', 'es'],
  ['Bilbao', 'ES', 'es'], ['Rome', 'IT', 'it'], ['Milan', 'IT', 'it'], ['Bologna', 'IT', 'it'],
  ['Padua', 'IT', 'it'], ['Turin', 'IT', 'it'], ['Florence', 'IT', 'it'], ['Naples', 'IT', 'it'],
  ['Pisa', 'IT', 'it'], ['Lisbon', 'PT', 'pt'], ['Porto', 'PT', 'pt'], ['Coimbra', 'PT', 'pt'],
  ['Warsaw', 'PL', 'en'], ['Kraków', 'PL', 'en'], ['Wrocław', 'PL', 'en'], ['Poznań', 'PL', 'en'],
  ['Gdańsk', 'PL', 'en'], ['Łódź', 'PL', 'en'], ['Prague', 'CZ', 'en'], ['Brno', 'CZ', 'en'],
  ['Vienna', 'AT', 'de'], ['Graz', 'AT', 'de'], ['Innsbruck', 'AT', 'de'], ['Stockholm', 'SE', 'en'],
  ['Uppsala', 'SE', 'en'], ['Lund', 'SE', 'en'], ['Gothenburg', 'SE', 'en'], ['Helsinki', 'FI', 'en'],
  ['Tampere', 'FI', 'en'], ['Turku', 'FI', 'en'], ['Copenhagen', 'DK', 'en'], ['Aarhus', 'DK', 'en'],
  ['Dublin', 'IE', 'en'], ['Cork', 'IE', 'en'], ['Galway', 'IE', 'en'], ['Bucharest', 'RO', 'en'],
  ['Cluj-Napoca', 'RO', 'en'], ['Iași', 'RO', 'en'], ['Budapest', 'HU', 'en'], ['Szeged', 'HU', 'en'],
  ['Debrecen', 'HU', 'en'], ['Athens', 'GR', 'en'], ['Thessaloniki', 'GR', 'en'], ['Vilnius', 'LT', 'en'],
  ['Kaunas', 'LT', 'en'], ['Istanbul', 'TR', 'en'], ['Ankara', 'TR', 'en'], ['Izmir', 'TR', 'en'],
  ['Oslo', 'NO', 'en'], ['Bergen', 'NO', 'en'], ['Astana', 'KZ', 'kz'], ['Almaty', 'KZ', 'kz'],
  ['Karaganda', 'KZ', 'kz'], ['Shymkent', 'KZ', 'kz'], ['Aktobe', 'KZ', 'kz'], ['Pavlodar', 'KZ', 'kz'],
  ['Ust-Kamenogorsk', 'KZ', 'kz'], ['Semey', 'KZ', 'kz'], ['Turkistan', 'KZ', 'kz'], ['Kostanay', 'KZ', 'kz'],
  ['Taraz', 'KZ', 'kz'], ['Atyrau', 'KZ', 'kz'], ['Tashkent', 'UZ', 'en'], ['Samarkand', 'UZ', 'en'],
  ['Bishkek', 'KG', 'en'], ['Montréal', 'CA', 'fr'], ['Québec', 'CA', 'fr'], ['Sherbrooke', 'CA', 'fr'],
  ['Rabat', 'MA', 'fr'], ['Casablanca', 'MA', 'fr'], ['Tunis', 'TN', 'fr'], ['Dakar', 'SN', 'fr'],
  ['Geneva', 'CH', 'fr'], ['Lausanne', 'CH', 'fr'], ['Zurich', 'CH', 'de'], ['Edinburgh', 'GB', 'en'],
  ['Tokyo', 'JP', 'en'], ['Kyoto', 'JP', 'en'], ['Seoul', 'KR', 'en'], ['Shanghai', 'CN', 'en'],
  ['São Paulo', 'BR', 'pt'],
];

/** How each name style names its institutions: [key for the domain, name template]. */
// prettier-ignore
export const INSTITUTION_TEMPLATES = {
  fr: [['univ', 'Université de {city}'], ['hautecole', 'Haute École de {city}'], ['polytech', 'Institut polytechnique de {city}']],
  nl: [['univ', 'Universiteit {city}'], ['hogeschool', 'Hogeschool {city}'], ['kunst', 'Kunsthogeschool {city}']],
  de: [['univ', 'Universität {city}'], ['tu', 'Technische Universität {city}'], ['hs', 'Hochschule {city}']],
  es: [['univ', 'Universidad de {city}'], ['upol', 'Universidad Politécnica de {city}'], ['eco', 'Escuela de Economía de {city}']],
  it: [['univ', 'Università di {city}'], ['poli', 'Politecnico di {city}'], ['arte', 'Accademia di Belle Arti di {city}']],
  pt: [['univ', 'Universidade de {city}'], ['poli', 'Instituto Politécnico de {city}'], ['eco', 'Escola de Economia de {city}']],
  en: [['univ', 'University of {city}'], ['tech', '{city} University of Technology'], ['econ', '{city} University of Economics']],
  kz: [['univ', '{city} State University'], ['tech', '{city} Technical University'], ['ped', '{city} Pedagogical University']],
};

/** Countries of the Erasmus+ programme, with the prefix of their Erasmus codes. */
// prettier-ignore
export const ERASMUS_PREFIXES = {
  BE: 'B  ', FR: 'F  ', DE: 'D  ', NL: 'NL ', ES: 'E  ', IT: 'I  ', PT: 'P  ', PL: 'PL ', CZ: 'CZ ', AT: 'A  ',
  SE: 'S  ', FI: 'SF ', DK: 'DK ', IE: 'IRL', RO: 'RO ', HU: 'HU ', GR: 'G  ', LT: 'LT ', TR: 'TR ', NO: 'N  ',
};

// prettier-ignore
export const COUNTRY_DOMAINS = {
  BE: 'be', FR: 'fr', DE: 'de', NL: 'nl', ES: 'es', IT: 'it', PT: 'pt', PL: 'pl', CZ: 'cz', AT: 'at', SE: 'se',
  FI: 'fi', DK: 'dk', IE: 'ie', RO: 'ro', HU: 'hu', GR: 'gr', LT: 'lt', TR: 'edu.tr', NO: 'no', KZ: 'edu.kz',
  UZ: 'uz', KG: 'kg', CA: 'ca', MA: 'ac.ma', TN: 'tn', SN: 'sn', CH: 'ch', GB: 'ac.uk', JP: 'ac.jp',
  KR: 'ac.kr', CN: 'edu.cn', BR: 'br',
};

/** Language of instruction and the level a partner of that country asks for. */
// prettier-ignore
export const COUNTRY_LANGUAGES = {
  BE: ['fr', 'B1'], FR: ['fr', 'B2'], CA: ['fr', 'B2'], CH: ['fr', 'B2'], MA: ['fr', 'B1'], TN: ['fr', 'B1'],
  SN: ['fr', 'B1'], DE: ['de', 'B1'], AT: ['de', 'B1'], ES: ['es', 'B1'], IT: ['it', 'B1'], PT: ['pt', 'A2'],
  BR: ['pt', 'B1'], KZ: ['ru', 'B1'], KG: ['ru', 'B1'], UZ: ['ru', 'A2'],
};

// prettier-ignore
export const PARTNER_FACULTIES = [
  ['LAW', 'Faculty of Law'], ['ECO', 'Faculty of Economics'], ['ENG', 'Faculty of Engineering'],
  ['SCI', 'Faculty of Sciences'], ['HUM', 'Faculty of Humanities'], ['MED', 'Faculty of Medicine'],
  ['LANG', 'Faculty of Languages and Translation'], ['ART', 'School of Architecture and Arts'],
];

/** ISCED-F 2013 detailed fields. */
export const ISCED_CODES = [
  '0231',
  '0232',
  '0222',
  '0311',
  '0314',
  '0413',
  '0421',
  '0533',
  '0611',
  '0710',
  '0731',
  '0912',
];

// prettier-ignore
export const PROGRAMME_KINDS = [
  'Semester at {host}',
  'Exchange semester at {host}',
  'Language and culture semester at {host}',
  'Engineering exchange at {host}',
  'Business and economics exchange at {host}',
  'Translation and interpreting semester at {host}',
];

// prettier-ignore
export const MOTIVATIONS = [
  'I would like to spend a semester abroad to improve my language skills and to follow courses that my home programme does not offer. The partner university is known for its work in my field, and living in another country will help me grow as a person.',
  'My final-year project deals with international cooperation, and studying at a partner university would let me meet researchers and students who work on the same questions. I have prepared this mobility with my programme coordinator and chosen courses that fit my study plan.',
  'Learning Russian and discovering Central Asia have been goals of mine since my first year. A semester in Kazakhstan would let me practise the language every day, take courses on the culture of the region and bring back experience that I can use in my future career as a translator.',
  'I want to experience a different way of teaching and learning, to work in international teams and to build a network abroad. The courses listed in the learning agreement complement my master programme, and the credits will be fully recognised by my faculty.',
  'Studying abroad is an opportunity to become more independent and open-minded. I have taken language courses to reach the required level, I have talked with students who went there before me, and I am ready to represent my university as an ambassador.',
  'The host institution offers specialised courses in data science and sustainable engineering that are central to my future thesis. A mobility now, before my internship, is the right moment in my curriculum, and my grades show that I can succeed in a demanding environment.',
];

// prettier-ignore
export const LANGUAGE_SKILLS = [
  '[{"language":"en","cefrLevel":"B2"}]',
  '[{"language":"en","cefrLevel":"C1"},{"language":"nl","cefrLevel":"B1"}]',
  '[{"language":"en","cefrLevel":"B2"},{"language":"ru","cefrLevel":"B1"}]',
  '[{"language":"en","cefrLevel":"B1"},{"language":"es","cefrLevel":"A2"}]',
  '[{"language":"en","cefrLevel":"C1"},{"language":"de","cefrLevel":"B2"}]',
  '[{"language":"ru","cefrLevel":"B2"},{"language":"kk","cefrLevel":"C2"},{"language":"en","cefrLevel":"B2"}]',
  '[{"language":"fr","cefrLevel":"C2"},{"language":"en","cefrLevel":"B2"}]',
  '[]',
];

// prettier-ignore
export const REJECTION_COMMENTS = [
  'The language level required by the host university is not reached yet.',
  'All places of your choices were given to applicants with a higher grade average.',
  'The learning agreement does not fit your study plan; please talk to your coordinator.',
  'The application was incomplete when the call closed.',
];

// prettier-ignore
export const WAITLIST_COMMENTS = [
  'You are on the waiting list; a place may free up after the confirmations.',
  null,
];

// prettier-ignore
export const INCOMING_NOTES = [
  'Needs housing in the university residence.',
  'Arrives with a buddy from the same home university.',
  'Learning agreement signed by both coordinators.',
  'Follows the intensive French course before the semester.',
  'Scholarship from the home government; certificate of arrival needed.',
];

// prettier-ignore
export const NEWS_TITLES = [
  '{partner} and UMONS open a new exchange programme',
  'Call for applications: spend a semester at {partner}',
  'A delegation from {partner} visits the Faculty of Languages',
  'Students from {partner} discover Mons and its heritage',
  'Erasmus Days: testimonies of students back from {city}',
  'Researchers of UMONS and {partner} publish together',
  'New double-degree agreement signed with {partner}',
  'Summer school in {city}: applications are open',
  'Welcome week for incoming students from {city}',
  'Translation students practise interpreting with {partner}',
];

// prettier-ignore
export const NEWS_SENTENCES = [
  'The agreement covers exchanges of students and staff for the coming academic years.',
  'Students of every faculty can apply through the mobility portal before the deadline.',
  'The visit included meetings with the rector, the deans and the International Relations Office.',
  'Courses are taught in English and in the local language, and language support is offered on arrival.',
  'The partners also discussed joint research projects and summer schools.',
  'Several students have already followed this path and share their experience on the portal.',
  'Places are limited, and applications are reviewed by the mobility advisors of each faculty.',
  'The cooperation builds on contacts that started with a first visit a few years ago.',
  'Incoming students are welcomed by volunteers who help them settle in Mons.',
  'A preparatory language course helps outgoing students reach the required level before departure.',
  'Scholarships are available for students who meet the conditions of the programme.',
  'The programme ends with a ceremony where students receive their certificates.',
];

export const NEWS_CATEGORIES = ['International', 'Partnerships', 'Research', 'Students', 'Erasmus', 'Events'];
