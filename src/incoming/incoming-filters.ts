import { Brackets, type ObjectLiteral, type SelectQueryBuilder } from 'typeorm';
import { whereContainsText } from '../common/search.js';
import type { IncomingFiltersDto } from './dto/incoming-filters.dto.js';

/** What `q` searches, accents and case ignored (incoming_search_idx indexes it): names and email. */
const SEARCHED = (alias: string) =>
  `${alias}.first_name || ' ' || ${alias}.last_name || ' ' || ${alias}.email`;

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
  whereContainsText(query, [SEARCHED(alias)], filters.q);
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
