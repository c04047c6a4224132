import { firstFreeSlug, slugFromTitle } from './slug.js';

describe('slugFromTitle', () => {
  it('makes lower-case ASCII words joined by hyphens', () => {
    expect(slugFromTitle('The Ambassador of Kazakhstan visits UMONS!')).toBe(
      'the-ambassador-of-kazakhstan-visits-umons',
    );
  });

  it('folds accents and transliterates other scripts', () => {
    expect(slugFromTitle('Université de Mons – Faculté de Traduction')).toBe(
      'universite-de-mons-faculte-de-traduction',
    );
    expect(slugFromTitle('Алматы & Al-Farabi')).toBe('almaty-and-al-farabi');
  });

  it('cuts a long title at a word boundary, leaving room for a suffix', () => {
    const slug = slugFromTitle('word '.repeat(60));
    expect(slug.length).toBeLessThanOrEqual(110);
    expect(slug).toMatch(/^word(-word)*$/);
  });

  it('falls back to "article" when nothing can be kept', () => {
    expect(slugFromTitle('!!! ???')).toBe('article');
  });
});

describe('firstFreeSlug', () => {
  it('keeps a free base and numbers a taken one from 2', () => {
    expect(firstFreeSlug('visit', new Set())).toBe('visit');
    expect(firstFreeSlug('visit', new Set(['visit']))).toBe('visit-2');
    expect(firstFreeSlug('visit', new Set(['visit', 'visit-2', 'visit-3']))).toBe('visit-4');
    expect(firstFreeSlug('visit', new Set(['visit', 'visit-3']))).toBe('visit-2');
  });
});
