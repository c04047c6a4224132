import { findIllFormedText } from './validation.js';

describe('findIllFormedText', () => {
  it('names the path of a string holding a lone surrogate', () => {
    expect(findIllFormedText({ email: 'a\ud800b' })).toBe('email');
    expect(findIllFormedText({ choices: ['ok', { note: '\udc00' }] })).toBe('choices.1.note');
    expect(findIllFormedText('\ud83d')).toBe('value');
  });

  it('accepts well-formed text in any script, including characters outside the BMP', () => {
    expect(
      findIllFormedText({ name: 'Айгерим Сәрсенова', emoji: '🎓', mixed: ['é', { deep: '𝔘' }] }),
    ).toBeUndefined();
    expect(findIllFormedText(null)).toBeUndefined();
  });

  it('walks very deep nesting without exhausting the stack', () => {
    let nested: unknown = '\ud800';
    for (let level = 0; level < 100_000; level++) nested = [nested];
    expect(findIllFormedText(nested)).toMatch(/^0(\.0)*$/);
  });
});
