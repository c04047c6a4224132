import type { ComponentChildren, VNode } from 'preact';
import type { Page as Results } from '../../common/pagination/pagination.js';
import { usePage } from '../page-context.js';
import { Form, SubmitButton, type FormState } from './forms.js';
import { Pager } from './pager.js';

/** The part of a list page that htmx replaces when the filters change (`ResultsTable` renders it). */
const RESULTS_ID = 'results';

/**
 * A list page's filters: a GET form (bookmarkable, works without JavaScript) whose answer htmx
 * swaps into the results in place, keeping the address in the history.
 */
export function FilterForm({
  path,
  submitLabel,
  children,
}: {
  /** The list's path without the locale, as for `href`. */
  path: string;
  submitLabel: string;
  children: ComponentChildren;
}) {
  const { href } = usePage();
  return (
    <Form
      action={href(path)}
      method="get"
      class="filters"
      role="search"
      hx-get={href(path)}
      hx-target={`#${RESULTS_ID}`}
      hx-select={`#${RESULTS_ID}`}
      hx-swap="outerHTML"
      hx-push-url="true"
    >
      {children}
      <div class="field">
        <SubmitButton>{submitLabel}</SubmitButton>
      </div>
    </Form>
  );
}

/**
 * A list's results under a heading: a table that scrolls sideways on narrow screens (focusable, so
 * a keyboard can scroll it), or a sentence when nothing matches, then the paging links, which keep
 * the filters of `form`. `results` is undefined when the filters were refused (the error summary
 * says why).
 */
export function ResultsTable<Item>({
  title,
  empty,
  headings,
  results,
  row,
  path,
  form,
}: {
  title: string;
  empty: string;
  headings: string[];
  results: Results<Item> | undefined;
  /** One `<tr>` per item. */
  row: (item: Item) => VNode;
  path: string;
  form: FormState;
}) {
  const query = Object.fromEntries(
    Object.entries(form.values).filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
  );
  return (
    <section id={RESULTS_ID} aria-labelledby={`${RESULTS_ID}-title`}>
      <h2 id={`${RESULTS_ID}-title`}>{title}</h2>
      {!results || results.items.length === 0 ? (
        <p>{empty}</p>
      ) : (
        <div class="table-wrap" tabindex={0}>
          <table>
            <thead>
              <tr>
                {headings.map((heading) => (
                  <th scope="col">{heading}</th>
                ))}
              </tr>
            </thead>
            <tbody>{results.items.map(row)}</tbody>
          </table>
        </div>
      )}
      <Pager path={path} query={query} nextCursor={results?.nextCursor ?? null} />
    </section>
  );
}
