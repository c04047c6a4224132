import { HttpStatus, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity.js';
import { DomainException } from '../common/errors/domain.exception.js';
import { ProgrammeErrorCode } from './programme-error-codes.js';
import { Programme } from './programme.entity.js';

export { PLACES_WITHIN_BOUNDS } from './programme.entity.js';

/** 409 PLACES_BELOW_TAKEN naming `places`: `places` cannot drop below the places already taken. */
export function placesBelowTaken(placesTaken?: number): DomainException {
  const message =
    placesTaken === undefined
      ? 'places cannot be lower than the places already taken'
      : `places cannot be lower than the ${placesTaken} places already taken`;
  return new DomainException(ProgrammeErrorCode.PLACES_BELOW_TAKEN, message, HttpStatus.CONFLICT, {
    fields: [{ field: 'places', problems: [message] }],
  });
}

/**
 * How a programme's places are taken and freed, in one place: approvals take one, a withdrawal
 * after approval frees it, and an edit of `places` never drops below what is taken. No other
 * code writes `places_taken`; any future allocation (outgoing mobilities, allocation rounds)
 * goes through here. Each call runs on the caller's transaction (`manager`), next to the status
 * change it belongs to, and the database decides with a conditional UPDATE, never a read then a
 * write: two approvals racing for the last place cannot both take it.
 */
@Injectable()
export class ProgrammePlaces {
  /** Takes one place if one is left on a published programme; false when none is. */
  async take(manager: EntityManager, programmeId: string): Promise<boolean> {
    const [rows] = (await manager.query(
      `UPDATE programmes SET places_taken = places_taken + 1
        WHERE id = $1 AND places_taken < places AND status = 'published'
        RETURNING id`,
      [programmeId],
    )) as [unknown[], number];
    return rows.length === 1;
  }

  /**
   * Takes `count` places on each programme at once (a selection round's commit), by the rule of
   * `take`: only on a published programme, never beyond its places. All or nothing per call:
   * false when any programme has fewer places left than asked (the caller rolls back).
   */
  async takeMany(manager: EntityManager, counts: ReadonlyMap<string, number>): Promise<boolean> {
    if (counts.size === 0) return true;
    const [rows] = (await manager.query(
      `UPDATE programmes p SET places_taken = p.places_taken + v.n
         FROM unnest($1::uuid[], $2::int[]) AS v(id, n)
        WHERE p.id = v.id AND p.places_taken + v.n <= p.places AND p.status = 'published'
        RETURNING p.id`,
      [[...counts.keys()], [...counts.values()]],
    )) as [unknown[], number];
    return rows.length === counts.size;
  }

  /** Gives `count` places back on each programme (approved applications moved up by a round). */
  async freeMany(manager: EntityManager, counts: ReadonlyMap<string, number>): Promise<void> {
    if (counts.size === 0) return;
    await manager.query(
      `UPDATE programmes p SET places_taken = p.places_taken - v.n
         FROM unnest($1::uuid[], $2::int[]) AS v(id, n) WHERE p.id = v.id`,
      [[...counts.keys()], [...counts.values()]],
    );
  }

  /** Gives one place back (an approved application withdrawn). */
  async free(manager: EntityManager, programmeId: string): Promise<void> {
    await manager.query(`UPDATE programmes SET places_taken = places_taken - 1 WHERE id = $1`, [programmeId]);
  }

  /**
   * Writes a programme's changes, `places` among them, only if `places` stays at or above the
   * places taken: the UPDATE itself checks it, so an approval committing meanwhile cannot slip
   * between a check and the write. Throws PLACES_BELOW_TAKEN (naming `placesTaken`, as last read)
   * and writes nothing otherwise.
   */
  async updateKeepingTaken(
    manager: EntityManager,
    id: string,
    changes: QueryDeepPartialEntity<Programme>,
    places: number,
    placesTaken: number,
  ): Promise<void> {
    const result = await manager
      .createQueryBuilder()
      .update(Programme)
      .set(changes)
      .where('id = :id AND places_taken <= :places', { id, places })
      .execute();
    if (result.affected === 0) throw placesBelowTaken(placesTaken);
  }
}
