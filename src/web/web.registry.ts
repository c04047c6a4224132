import { Injectable } from '@nestjs/common';
import type { AuthUser } from '../auth/auth-user.js';
import type { Role } from '../users/role.js';
import { MessageBook, type MessageCatalogue } from './messages/messages.js';

/** Who sees a menu entry: anonymous visitors, anyone signed in, or the listed roles. */
export type MenuAudience = 'anonymous' | 'everyone' | 'signed-in' | readonly Role[];

export interface MenuEntry {
  /** Message key of the entry's label. */
  labelKey: string;
  /** The page's path after the locale: `/programmes`. */
  path: string;
  audience: MenuAudience;
  /** Lower comes first; entries with equal order keep their registration order. */
  order: number;
  /**
   * A number shown beside the entry for the signed-in visitor (unread notifications, say),
   * counted before the page renders; 0 shows none. `badgeLabelKey` says it to screen readers
   * (a message with `{count}`).
   */
  badge?: { count: (user: AuthUser) => Promise<number>; labelKey: string };
}

/** A menu entry as one page shows it: with its badge's number when it has one. */
export interface MenuItem extends MenuEntry {
  count?: number;
}

/**
 * What features contribute to the pages: their message catalogues and their menu entries. A
 * feature's page module adds them in its constructor; the layout reads them, never a list of its own.
 */
@Injectable()
export class WebRegistry {
  readonly messages = new MessageBook();
  private readonly menu: MenuEntry[] = [];

  addMessages(catalogue: MessageCatalogue): void {
    this.messages.add(catalogue);
  }

  addMenuEntry(entry: MenuEntry): void {
    if (!this.menu.some((existing) => existing.path === entry.path && existing.labelKey === entry.labelKey)) {
      this.menu.push(entry);
    }
  }

  /** The entries this visitor sees, in menu order. */
  menuFor(role: Role | undefined): MenuEntry[] {
    return this.menu
      .filter(({ audience }) => {
        if (audience === 'everyone') return true;
        if (audience === 'anonymous') return role === undefined;
        if (audience === 'signed-in') return role !== undefined;
        return role !== undefined && audience.includes(role);
      })
      .sort((a, b) => a.order - b.order);
  }
}
