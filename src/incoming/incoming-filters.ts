import { Brackets, type ObjectLiteral, type SelectQueryBuilder } from 'typeorm';
import { containsPattern } from '../common/search.js';
import type { IncomingFiltersDto } from './dto/incoming-filters.dto.js';

/** The expression `q` searches (and incoming_search_idx indexes): names and email, accents and case ignored. */
const SEARCHED = (alias: string) =>
  `portal_unaccent(lower(${alias}.first_name || ' ' || ${alias}.last_name || ' ' || ${alias}.email))`;

/**
 * Applies the list and export filters to a query over incoming_mobilities aliased `alias`.
 * `presentOn`: arrived on or before the day and not departed before it.
 */
export function applyIncomingFilters<T extends ObjectLiteral>(
  query: SelectQueryBuilder<T>,
  alias: string,
  filters: IncomingFiltersDto,
): SelectQueryBuilder<T> {
  if (filters.status) query.andWhere(`${alias}.status = :status`, { status: filters.status });
  if (filters.homeInstitutionId) {
    query.andWhere(`${alias}.home_institution_id = :homeInstitutionId`, {
      homeInstitutionId: filters.homeInstitutionId,
    });
  }
  if (filters.hostFacultyId) {
    query.andWhere(`${alias}.host_faculty_id = :hostFacultyId`, { hostFacultyId: filters.hostFacultyId });
  }
  if (filters.academicYear) {
    query.andWhere(`${alias}.academic_year = :academicYear`, { academicYear: filters.academicYear });
  }
  if (filters.term) query.andWhere(`${alias}.term = :term`, { term: filters.term });
  const q = filters.q?.trim();
  if (q) {
    query.andWhere(`${SEARCHED(alias)} LIKE portal_unaccent(lower(:qPattern))`, {
      qPattern: containsPattern(q),
    });
  }
  if (filters.presentOn) {
    query.andWhere(
      new Brackets((where) =>
        where
          .where(`${alias}.actual_arrival <= :presentOn`, { presentOn: filters.presentOn })
          .andWhere(`(${alias}.actual_departure IS NULL OR ${alias}.actual_departure >= :presentOn)`),
      ),
    );
  }
  return query;
}
