import { catalogueGaps, defineMessages, MessageBook } from './messages.js';

const places = defineMessages(
  {
    'test.places': '{count, plural, one {# place left} other {# places left}}',
    'test.hello': 'Hello {name}',
  },
  {
    fr: {
      'test.places': '{count, plural, one {# place restante} other {# places restantes}}',
      'test.hello': 'Bonjour {name}',
    },
    ru: {
      'test.places':
        '{count, plural, one {Осталось # место} few {Осталось # места} many {Осталось # мест} other {Осталось # места}}',
      'test.hello': 'Здравствуйте, {name}',
    },
    kk: { 'test.places': '{count} орын қалды', 'test.hello': 'Сәлеметсіз бе, {name}' },
  },
);

describe('MessageBook', () => {
  const book = new MessageBook();
  book.add(places);

  it('uses each language’s plural rules, Russian one/few/many included', () => {
    expect(book.format('en', 'test.places', { count: 1 })).toBe('1 place left');
    expect(book.format('en', 'test.places', { count: 4 })).toBe('4 places left');
    expect(book.format('fr', 'test.places', { count: 0 })).toBe('0 place restante');
    expect(book.format('ru', 'test.places', { count: 1 })).toBe('Осталось 1 место');
    expect(book.format('ru', 'test.places', { count: 3 })).toBe('Осталось 3 места');
    expect(book.format('ru', 'test.places', { count: 5 })).toBe('Осталось 5 мест');
    expect(book.format('ru', 'test.places', { count: 21 })).toBe('Осталось 21 место');
    expect(book.format('kk', 'test.places', { count: 2 })).toBe('2 орын қалды');
  });

  it('keeps text people wrote as it is (no tags read in values)', () => {
    expect(book.format('en', 'test.hello', { name: '<script>x</script>' })).toBe('Hello <script>x</script>');
  });

  it('shows an unknown key as itself', () => {
    expect(book.format('fr', 'test.nope')).toBe('test.nope');
  });

  it('refuses an incomplete catalogue and a key defined twice with another text', () => {
    expect(() => book.add({ en: { 'a.b': 'x' }, fr: {}, ru: { 'a.b': 'x' }, kk: { 'a.b': 'x' } })).toThrow(
      /fr lacks a\.b/,
    );
    const clash = { 'test.hello': 'Hi' };
    expect(() => book.add({ en: clash, fr: clash, ru: clash, kk: clash })).toThrow(/defined twice/);
  });

  it('lists gaps in both directions', () => {
    expect(
      catalogueGaps({ en: { a: '1' }, fr: { b: '2' }, ru: { a: '', b: '' }, kk: { a: '', b: '' } }),
    ).toEqual(['en lacks b', 'fr lacks a']);
  });
});
