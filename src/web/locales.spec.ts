import { pickLocale, switchLocale } from './locales.js';

describe('pickLocale', () => {
  it('takes the highest-weighted language the portal speaks', () => {
    expect(pickLocale('de-DE,de;q=0.9,ru;q=0.8,en;q=0.7', 'fr')).toBe('ru');
    expect(pickLocale('en;q=0.5,kk-KZ;q=0.9', 'fr')).toBe('kk');
    expect(pickLocale('en-GB', 'fr')).toBe('en');
  });

  it('falls back when nothing matches or the header is missing or odd', () => {
    expect(pickLocale('de, it;q=0.5', 'fr')).toBe('fr');
    expect(pickLocale(undefined, 'en')).toBe('en');
    expect(pickLocale(';;;,q=x', 'kk')).toBe('kk');
    expect(pickLocale('ru;q=0', 'fr')).toBe('fr');
  });
});

describe('switchLocale', () => {
  it('keeps the page and its query', () => {
    expect(switchLocale('/fr/programmes?q=almaty&term=spring', 'kk')).toBe(
      '/kk/programmes?q=almaty&term=spring',
    );
    expect(switchLocale('/en', 'ru')).toBe('/ru');
    expect(switchLocale('/', 'en')).toBe('/en');
  });
});
