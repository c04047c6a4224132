import { buildMessage, ValidateBy, type ValidationOptions } from 'class-validator';

/**
 * E-mail addresses as the portal stores and compares them: NFKC (full-width and other compatibility
 * forms become their plain letters: `ａｄｍｉｎ` is `admin`), trimmed, lower-cased. Lookalikes across
 * scripts (a Cyrillic `а` for a Latin `a`) are caught by the skeleton the database keeps beside
 * each address (`users.email_skeleton`, see the AddUserEmailSkeleton migration).
 */
export function normaliseEmail(text: string): string {
  return text.normalize('NFKC').trim().toLowerCase();
}

// Invisible or formatting characters: controls, format characters (zero-width space and joiners,
// bidirectional controls, the BOM, soft hyphen), every default-ignorable code point (Hangul
// fillers, variation selectors, ...) and any separator left inside once trimmed.
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Default_Ignorable_Code_Point}\p{Z}]/u;

/** The first invisible or formatting character in `text` as `U+200B`, or undefined when there is none. */
export function invisibleCharacterIn(text: string): string | undefined {
  const found = INVISIBLE.exec(text)?.[0];
  return found === undefined
    ? undefined
    : `U+${found.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** Refuses text holding a character nobody can see (checked on the normalised value). */
export const NoInvisibleCharacters = (options?: ValidationOptions) =>
  ValidateBy(
    {
      name: 'noInvisibleCharacters',
      validator: {
        validate: (value: unknown) => typeof value !== 'string' || invisibleCharacterIn(value) === undefined,
        defaultMessage: buildMessage(
          (each, args) =>
            `${each}$property must not contain invisible or formatting characters (found ${invisibleCharacterIn(
              String(args?.value),
            )})`,
        ),
      },
    },
    options,
  );
