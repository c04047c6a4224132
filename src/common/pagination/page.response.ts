import type { Type } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import type { Page } from './pagination.js';

const pageClasses = new Map<Type, Type>();

/**
 * The OpenAPI model of a `Page<Item>` (`{ items, nextCursor }`): one named schema per item type
 * (`UserResponse` gives `UserResponsePage`), so a generated client knows what a list holds.
 * Use as `@ApiOkResponse({ type: PageOf(UserResponse) })`.
 */
export function PageOf<Item>(item: Type<Item>): Type<Page<Item>> {
  let page = pageClasses.get(item);
  if (!page) {
    class ItemPage {
      items: Item[];
      nextCursor: string | null;
    }
    ApiProperty({ type: item, isArray: true })(ItemPage.prototype, 'items');
    ApiProperty({
      type: String,
      nullable: true,
      description: 'Pass as `cursor` for the next page; null on the last page.',
    })(ItemPage.prototype, 'nextCursor');
    Object.defineProperty(ItemPage, 'name', { value: `${item.name}Page` });
    page = ItemPage;
    pageClasses.set(item, page);
  }
  return page as Type<Page<Item>>;
}
