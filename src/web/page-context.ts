import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { AuthUser } from '../auth/auth-user.js';
import type { Locale } from './locales.js';
import type { MessageValues } from './messages/messages.js';
import type { MenuItem } from './web.registry.js';

/**
 * Everything a page component needs about the request it answers: the language and its
 * formatters, the signed-in user, the CSRF token for its forms, and the menu. Components read it
 * with `usePage()`; handlers get it from `WebPages.page(reply)`.
 */
export interface PageContext {
  locale: Locale;
  user: AuthUser | undefined;
  /** The request's path and query, for the language switch and `next` after sign-in. */
  url: string;
  /** A message of the catalogues in the page's language. */
  t: (key: string, values?: MessageValues) => string;
  /** `/programmes` -> `/fr/programmes`. */
  href: (path: string) => string;
  formatDate: (value: Date | string, style?: 'long' | 'medium' | 'short') => string;
  formatDateTime: (value: Date | string) => string;
  formatNumber: (value: number, options?: Intl.NumberFormatOptions) => string;
  /** `KZ` -> the country's name in the page's language. */
  countryName: (code: string) => string;
  /** `ru` -> the language's name in the page's language. */
  languageName: (code: string) => string;
  /** The token every form posts back (a hidden field `_csrf`); generated on first use. */
  csrfToken: () => string;
  /** The visitor's menu, each entry with its badge's number when it has one. */
  menu: MenuItem[];
  /** A notice to show once at the top (after a POST -> redirect), as a message key. */
  notice: string | undefined;
}

export const PageContextValue = createContext<PageContext | undefined>(undefined);

export function usePage(): PageContext {
  const page = useContext(PageContextValue);
  if (!page) throw new Error('usePage() outside a page: render through WebPages');
  return page;
}
