/**
 * The one shape of every workflow: applications (`src/applications/application-state.ts`),
 * incoming mobilities (`src/incoming/incoming-state.ts`), and the ones to come (outgoing
 * mobilities, learning agreements) follow it, so that whoever learned one knows them all.
 *
 * - Rules: `src/<feature>/<feature>-state.ts`, pure functions without a database. It exports
 *   `<FEATURE>_STATUSES` (the list the code, the DTOs and the table's CHECK all use) and, from
 *   `defineWorkflow`, `canTransition(from, to)`, `nextStatuses(from)` and
 *   `assertTransition(from, to)`, which throws 409 `<FEATURE>_INVALID_TRANSITION` with
 *   `{ from, to }`. A step that records more than a status has its own rule there, taking the
 *   current state first (`planTransition(current, request, today)`).
 * - History: a table `<feature>_events` whose entity extends WorkflowEvent
 *   (`src/common/entities/workflow-event.entity.ts`): `id` a bigint identity, `<subject>_id`,
 *   `actor_id`, `from_status` (null for the creation), `to_status`, `comment`, `at`; no
 *   `updated_at`, an event never changes. Its CHECK `<feature>_events_statuses_known` is
 *   `eventStatusesCheck(<FEATURE>_STATUSES)`, the subject's is `statusIn('status', ...)`; the
 *   timeline index is `(<subject>_id, id)` and the timeline is read in `id` order.
 * - Service: methods take `(actor, id, dto)` and answer response DTOs; in one transaction, lock
 *   the subject's row (SELECT ... FOR UPDATE), call the rule, write the new status and insert the
 *   event (`stepColumns`); the timeline is `timelinePage`. Events of one subject are written under its row
 *   lock, so their identity ids follow the order of the steps, even within one millisecond.
 * - Codes: `src/<feature>/<feature>-error-codes.ts` (see `src/common/errors/error-codes.ts`).
 */
import { HttpStatus } from '@nestjs/common';
import { DomainException } from './errors/domain.exception.js';
import type { DomainErrorCode } from './errors/error-codes.js';

/** Every allowed step from each status; a status with none is final. */
export type Transitions<Status extends string> = Readonly<Record<Status, readonly Status[]>>;

/** Plain functions (no `this`), so a state module can export them destructured. */
export interface Workflow<Status extends string> {
  canTransition: (from: Status, to: Status) => boolean;
  nextStatuses: (from: Status) => readonly Status[];
  /** Throws 409 `invalidTransition` with `{ from, to }` when `from -> to` is not allowed. */
  assertTransition: (from: Status, to: Status) => void;
}

export function defineWorkflow<Status extends string>(definition: {
  /** The subject as a message names it: "An application". */
  subject: string;
  transitions: Transitions<Status>;
  invalidTransition: DomainErrorCode;
}): Workflow<Status> {
  const { subject, transitions, invalidTransition } = definition;
  const nextStatuses = (from: Status): readonly Status[] => transitions[from];
  const canTransition = (from: Status, to: Status): boolean => transitions[from].includes(to);
  const assertTransition = (from: Status, to: Status): void => {
    if (canTransition(from, to)) return;
    const next = nextStatuses(from);
    throw new DomainException(
      invalidTransition,
      `${subject} cannot go from ${from} to ${to}` +
        (next.length > 0 ? ` (from ${from} it can go to: ${next.join(', ')})` : ` (${from} is final)`),
      HttpStatus.CONFLICT,
      { from, to },
    );
  };
  return { canTransition, nextStatuses, assertTransition };
}

/** SQL that holds a column to a list of statuses: `status IN ('draft', 'submitted')`. */
export function statusIn(column: string, statuses: readonly string[]): string {
  for (const status of statuses) {
    if (!/^[a-z][a-z-]*$/.test(status)) throw new Error(`Not a status name: ${status}`);
  }
  return `${column} IN (${statuses.map((status) => `'${status}'`).join(', ')})`;
}

/** The CHECK of an event table: the status it goes to is known, the one it comes from null or known. */
export function eventStatusesCheck(statuses: readonly string[]): string {
  return `${statusIn('to_status', statuses)} AND (from_status IS NULL OR ${statusIn('from_status', statuses)})`;
}
