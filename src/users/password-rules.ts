import { isCommonPassword } from './common-passwords.js';

/**
 * Passwords are compared, checked and hashed in NFKC form: `ＰＡＳＳＷＯＲＤ１２` is `PASSWORD12`, and
 * a password typed on a keyboard that produces composed or full-width characters still matches.
 */
export function normalisePassword(password: string): string {
  return password.normalize('NFKC');
}

// Spaces of every kind and characters that show nothing.
const BLANK = /^[\p{White_Space}\p{Default_Ignorable_Code_Point}\p{Cc}\p{Cf}]*$/u;

/**
 * What is wrong with a new password beyond its length (checked by the DTOs on the normalised
 * text), or undefined: blank, the email or its local part, or a common password; all judged after
 * normalisation.
 */
export function passwordProblem(password: string, email: string, field = 'password'): string | undefined {
  const normalised = normalisePassword(password);
  const lowered = normalised.toLowerCase();
  const address = email.normalize('NFKC').toLowerCase();
  if (BLANK.test(normalised)) return `${field} must contain characters other than spaces`;
  if (lowered === address || lowered === address.split('@')[0]) {
    return `${field} must not be the email address`;
  }
  if (isCommonPassword(lowered)) return `${field} is one of the most common passwords; choose another`;
  return undefined;
}
