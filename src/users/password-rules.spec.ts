import { normalisePassword, passwordProblem } from './password-rules.js';

describe('passwordProblem', () => {
  it('judges the normalised password: full-width common passwords are common', () => {
    expect(passwordProblem('ＰＡＳＳＷＯＲＤ１２', 'a@b.test')).toMatch(/common/);
    expect(passwordProblem('Password12', 'a@b.test')).toMatch(/common/);
  });

  it('refuses blank passwords of any kind of space', () => {
    expect(passwordProblem(' '.repeat(10), 'a@b.test')).toMatch(/other than spaces/);
    expect(passwordProblem('\u3000'.repeat(10), 'a@b.test')).toMatch(/other than spaces/);
    expect(passwordProblem('\t\n\u00A0\u2003\u200B     ', 'a@b.test')).toMatch(/other than spaces/);
  });

  it('refuses the email or its local part, also in full width', () => {
    expect(passwordProblem('ＭＡＲＩＥ.ＤＵＰＯＮＴ', 'marie.dupont@umons.ac.be', 'newPassword')).toBe(
      'newPassword must not be the email address',
    );
    expect(passwordProblem('marie.dupont@umons.ac.be', 'marie.dupont@umons.ac.be')).toMatch(/email/);
  });

  it('accepts a sound password, spaces inside included', () => {
    expect(passwordProblem('Steppe and sea 2026', 'a@b.test')).toBeUndefined();
    expect(passwordProblem('Қазақ-даласы-2026', 'a@b.test')).toBeUndefined();
  });
});

describe('normalisePassword', () => {
  it('gives one form to what looks and types the same', () => {
    expect(normalisePassword('ＰＡＳＳＷＯＲＤ１２')).toBe('PASSWORD12');
    expect(normalisePassword('Cafe\u0301-2026-long')).toBe('Café-2026-long');
  });
});
