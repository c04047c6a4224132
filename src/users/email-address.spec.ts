import { invisibleCharacterIn, normaliseEmail } from './email-address.js';

describe('normaliseEmail', () => {
  it('folds full-width and compatibility letters, case and surrounding spaces', () => {
    expect(normaliseEmail('  ＡＤＭＩＮ@Portal.Test ')).toBe('admin@portal.test');
    expect(normaliseEmail('ﬁona@portal.test')).toBe('fiona@portal.test');
    expect(normaliseEmail('𝐚𝐝𝐦𝐢𝐧@portal.test')).toBe('admin@portal.test');
  });

  it('keeps letters of other scripts as they are (the skeleton catches lookalikes)', () => {
    expect(normaliseEmail('Аdmin@portal.test')).toBe('аdmin@portal.test');
    expect(normaliseEmail('аdmin@portal.test')).not.toBe('admin@portal.test');
  });
});

describe('invisibleCharacterIn', () => {
  it.each([
    ['zero-width space', 'ad\u200Bmin@portal.test', 'U+200B'],
    ['zero-width joiner', 'ad\u200Dmin@portal.test', 'U+200D'],
    ['zero-width non-joiner', 'ad\u200Cmin@portal.test', 'U+200C'],
    ['byte-order mark', '\uFEFFadmin@portal.test', 'U+FEFF'],
    ['right-to-left override', 'admin\u202E@portal.test', 'U+202E'],
    ['left-to-right mark', 'admin\u200E@portal.test', 'U+200E'],
    ['isolate', 'admin\u2066@portal.test', 'U+2066'],
    ['soft hyphen', 'ad\u00ADmin@portal.test', 'U+00AD'],
    ['Hangul filler', 'admin\u3164@portal.test', 'U+3164'],
    ['variation selector', 'admin\uFE0F@portal.test', 'U+FE0F'],
    ['word joiner', 'ad\u2060min@portal.test', 'U+2060'],
    ['no-break space inside', 'ad\u00A0min@portal.test', 'U+00A0'],
    ['control character', 'ad\u0007min@portal.test', 'U+0007'],
  ])('finds a %s', (_name, text, codePoint) => {
    expect(invisibleCharacterIn(text)).toBe(codePoint);
  });

  it('finds nothing in ordinary addresses of any script', () => {
    for (const email of ['admin@portal.test', 'айгерим@kaznu.kz', 'élodie.o-brien+tag@umons.ac.be']) {
      expect(invisibleCharacterIn(email)).toBeUndefined();
    }
  });
});
