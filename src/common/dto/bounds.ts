import { createRequire } from 'node:module';
import {
  ARRAY_MAX_SIZE,
  getMetadataStorage,
  IS_LENGTH,
  MAX_LENGTH,
  ValidationTypes,
  type ValidationArguments,
} from 'class-validator';

/**
 * Size limits every request body and query is held to BEFORE class-transformer and class-validator
 * see it. class-validator runs every decorator of a field, some of them per item or with
 * backtracking patterns (ArrayUnique is quadratic, a date pattern on 150,000 characters takes
 * seconds), so an over-long value must be refused before any of that work starts. The walk below
 * costs one step per value at most and stops at the first container that is too big.
 *
 * A field's own maximum comes from its DTO: @MaxLength / @Length for text (each: true for the
 * items of a list), @ArrayMaxSize for lists, nested DTOs through @Type. Anything a DTO does not
 * bound (ids, enum values, codes, unknown fields) is held to the defaults here.
 */
export const INPUT_LIMITS = {
  /** Characters of a text without its own maximum (ids, codes, enum values are far shorter). */
  text: 255,
  /** Items of a list without its own maximum. */
  items: 100,
  /** Fields of one object (the largest DTO has about 20). */
  keys: 50,
  /** Nesting of objects and lists (a body's deepest field is body.languageSkills.0.language). */
  depth: 5,
  /** Problems reported at most; the walk stops there. */
  problems: 20,
} as const;

export interface BoundProblem {
  field: string;
  problems: string[];
}

interface Bound {
  limit: number;
  /** class-validator's message, with `$property` and `$constraint1` still in it. */
  message: string | ((args: ValidationArguments) => string) | undefined;
  constraints: unknown[];
}

interface PropertyBounds {
  text?: Bound;
  eachText?: Bound;
  items?: Bound;
  nested?: () => unknown;
}

type Plan = Map<string, PropertyBounds>;

interface TypeMetadataStorage {
  findTypeMetadata(
    target: object,
    propertyName: string,
  ): { typeFunction: (options?: unknown) => unknown } | undefined;
}

// The storage @Type writes to: not exported by class-transformer's index, read the way
// @nestjs/mapped-types reads it (PartialType and friends copy it onto the classes they make).
const typeStorage = (() => {
  try {
    const require = createRequire(import.meta.url);
    return (require('class-transformer/cjs/storage') as { defaultMetadataStorage: TypeMetadataStorage })
      .defaultMetadataStorage;
  } catch {
    return undefined;
  }
})();

const plans = new WeakMap<object, Plan>();

/** The size bounds a DTO class declares, by property (inherited and mapped-type ones included). */
export function boundsOf(type: unknown): Plan | undefined {
  if (typeof type !== 'function' || [String, Number, Boolean, Object, Array].includes(type as never)) {
    return undefined;
  }
  const cached = plans.get(type);
  if (cached) return cached;
  const plan: Plan = new Map();
  const metadatas = getMetadataStorage().getTargetValidationMetadatas(type, '', true, false);
  for (const meta of metadatas) {
    const bounds = plan.get(meta.propertyName) ?? {};
    plan.set(meta.propertyName, bounds);
    const bound = (limit: unknown): Bound | undefined =>
      typeof limit === 'number' ? { limit, message: meta.message, constraints: meta.constraints } : undefined;
    const tighter = (current: Bound | undefined, next: Bound | undefined) =>
      next && (!current || next.limit < current.limit) ? next : current;
    if (meta.name === MAX_LENGTH || meta.name === IS_LENGTH) {
      const limit = bound(meta.constraints?.[meta.name === IS_LENGTH ? 1 : 0]);
      if (meta.each) bounds.eachText = tighter(bounds.eachText, limit);
      else bounds.text = tighter(bounds.text, limit);
    } else if (meta.name === ARRAY_MAX_SIZE) {
      bounds.items = tighter(bounds.items, bound(meta.constraints?.[0]));
    } else if (meta.type === ValidationTypes.NESTED_VALIDATION) {
      const typeMetadata = typeStorage?.findTypeMetadata(type, meta.propertyName);
      if (typeMetadata) bounds.nested = () => typeMetadata.typeFunction();
    }
  }
  plans.set(type, plan);
  return plan;
}

const DEFAULT_TEXT: Bound = { limit: INPUT_LIMITS.text, message: undefined, constraints: [] };
const DEFAULT_ITEMS: Bound = { limit: INPUT_LIMITS.items, message: undefined, constraints: [] };

/** class-validator's own wording, so a refusal here reads like one from the validator. */
function describe(bound: Bound, property: string, kind: 'text' | 'eachText' | 'items'): string {
  const fallback =
    kind === 'items'
      ? `$property must contain no more than ${bound.limit} elements`
      : `${kind === 'eachText' ? 'each value in ' : ''}$property must be shorter than or equal to ${bound.limit} characters`;
  const template = typeof bound.message === 'string' ? bound.message : fallback;
  return template
    .replace(/\$property/g, property)
    .replace(/\$constraint(\d)/g, (_, index: string) => String(bound.constraints[Number(index) - 1]));
}

class TooManyProblems extends Error {}

/**
 * The fields of a body or query that are over their size limits, found in one bounded walk of the
 * raw value; empty when everything is within them. `root` names the whole value (body, query).
 */
export function findOutOfBounds(type: unknown, value: unknown, root = 'body'): BoundProblem[] {
  const problems: BoundProblem[] = [];
  const report = (field: string, problem: string) => {
    problems.push({ field, problems: [problem] });
    if (problems.length >= INPUT_LIMITS.problems) throw new TooManyProblems();
  };
  const join = (path: string, key: string) => (path ? `${path}.${key}` : key);

  /** `value` at `path` (whose last segment is `property`), held to `bounds` and `text`. */
  const visit = (
    value: unknown,
    path: string,
    property: string,
    bounds: PropertyBounds | undefined,
    text: Bound,
    kind: 'text' | 'eachText',
    depth: number,
  ): void => {
    if (typeof value === 'string') {
      if (value.length > text.limit) report(path || root, describe(text, property, kind));
      return;
    }
    if (value === null || typeof value !== 'object') return;
    if (depth >= INPUT_LIMITS.depth) {
      report(path || root, `${property} is nested too deeply (at most ${INPUT_LIMITS.depth} levels)`);
      return;
    }
    if (Array.isArray(value)) {
      const items = bounds?.items ?? DEFAULT_ITEMS;
      if (value.length > items.limit) {
        report(path || root, describe(items, property, 'items'));
        return;
      }
      const itemText = bounds?.eachText ?? DEFAULT_TEXT;
      value.forEach((item, index) =>
        visit(item, join(path, String(index)), property, bounds, itemText, 'eachText', depth + 1),
      );
      return;
    }
    visitObject(value, path, bounds?.nested?.(), depth + 1);
  };

  const visitObject = (object: object, path: string, type: unknown, depth: number): void => {
    const keys = Object.keys(object);
    if (keys.length > INPUT_LIMITS.keys) {
      report(path || root, `${path || root} must have no more than ${INPUT_LIMITS.keys} fields`);
      return;
    }
    const plan = boundsOf(type);
    for (const key of keys) {
      const bounds = plan?.get(key);
      const field = join(path, key);
      visit(
        (object as Record<string, unknown>)[key],
        field,
        key,
        bounds,
        bounds?.text ?? DEFAULT_TEXT,
        'text',
        depth,
      );
    }
  };

  try {
    visit(value, '', root, { nested: () => type }, DEFAULT_TEXT, 'text', 0);
  } catch (error) {
    if (!(error instanceof TooManyProblems)) throw error;
  }
  return problems;
}
