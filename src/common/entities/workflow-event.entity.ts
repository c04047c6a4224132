import { Column, PrimaryGeneratedColumn, type Repository } from 'typeorm';
import { applyKeyset, toPage, type Page, type PageQueryDto } from '../pagination/pagination.js';

/**
 * The columns every workflow's event table shares (see `src/common/workflow.ts`): one step of a
 * subject's history, who made it, from which status to which, why, and when. Never updated.
 * A subclass adds the subject's id, the `actor` relation (its foreign-key name is the table's),
 * its indexes and CHECK, and any column of its own.
 */
export abstract class WorkflowEvent<Status extends string> {
  /** An identity: written under the subject's row lock, ids follow the order of the steps. */
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id: string;

  @Column({ type: 'uuid' })
  actorId: string;

  /** Null for the step that created the subject. */
  @Column({ type: 'varchar', length: 20, nullable: true })
  fromStatus: Status | null;

  @Column({ type: 'varchar', length: 20 })
  toStatus: Status;

  @Column({ type: 'text', nullable: true })
  comment: string | null;

  @Column({ type: 'timestamptz', precision: 3 })
  at: Date;
}

/** One step of a workflow as its event records it. */
export interface WorkflowStep<Status extends string> {
  actorId: string;
  /** null for the step that created the subject. */
  from: Status | null;
  to: Status;
  comment?: string | null;
  at: Date;
}

/** The shared columns of a step's event row; the caller adds the subject's id and its own columns. */
export function stepColumns<Status extends string>(
  step: WorkflowStep<Status>,
): Pick<WorkflowEvent<Status>, 'actorId' | 'fromStatus' | 'toStatus' | 'comment' | 'at'> {
  return {
    actorId: step.actorId,
    fromStatus: step.from,
    toStatus: step.to,
    comment: step.comment ?? null,
    at: step.at,
  };
}

/**
 * A subject's timeline in the order of its steps, a page at a time, each event with its actor
 * (`actor` relation). `subjectColumn` is the event table's column naming the subject.
 */
export async function timelinePage<Event extends WorkflowEvent<string>, Item>(
  events: Repository<Event>,
  subjectColumn: string,
  subjectId: string,
  page: PageQueryDto,
  toResponse: (event: Event) => Item,
): Promise<Page<Item>> {
  const builder = events
    .createQueryBuilder('e')
    .innerJoinAndSelect('e.actor', 'actor')
    .where(`e.${subjectColumn} = :subjectId`, { subjectId });
  applyKeyset(builder, { columns: ['e.id'], direction: 'ASC' }, page);
  const rows = await builder.getMany();
  return toPage(rows, page.limit, (event) => [event.id], toResponse);
}
