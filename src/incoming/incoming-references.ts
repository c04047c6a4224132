import { HttpStatus } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DomainException } from '../common/errors/domain.exception.js';
import { ErrorCode } from '../common/errors/error-codes.js';

export interface FieldProblem {
  field: string;
  message: string;
}

/** A 400 naming each field with its own problem, in the validation pipe's `fields` shape. */
export function fieldProblems(problems: FieldProblem[]): DomainException {
  return new DomainException(
    ErrorCode.VALIDATION_FAILED,
    problems.map((problem) => problem.message).join('; '),
    HttpStatus.BAD_REQUEST,
    { fields: problems.map(({ field, message }) => ({ field, problems: [message] })) },
  );
}

export interface MobilityReferences {
  homeInstitutionId: string;
  hostFacultyId: string;
  agreementId: string | null;
}

/**
 * What a mobility points at must make sense together: the student's home institution is a
 * partner (not the portal's own university, `is_home`), the host faculty belongs to the portal's
 * own university, and the agreement, if any, is with that partner.
 */
export async function referenceProblems(
  manager: EntityManager,
  references: MobilityReferences,
): Promise<FieldProblem[]> {
  const [row] = (await manager.query(
    `SELECT
       (SELECT is_home FROM institutions WHERE id = $1) AS partner_is_home,
       (SELECT i.is_home FROM faculties f JOIN institutions i ON i.id = f.institution_id WHERE f.id = $2) AS faculty_at_home,
       (SELECT partner_institution_id FROM agreements WHERE id = $3) AS agreement_partner_id`,
    [references.homeInstitutionId, references.hostFacultyId, references.agreementId],
  )) as Array<{
    partner_is_home: boolean | null;
    faculty_at_home: boolean | null;
    agreement_partner_id: string | null;
  }>;
  const problems: FieldProblem[] = [];
  if (row.partner_is_home === null) {
    problems.push({ field: 'homeInstitutionId', message: 'homeInstitutionId names no institution' });
  } else if (row.partner_is_home) {
    problems.push({
      field: 'homeInstitutionId',
      message: 'homeInstitutionId must be a partner institution, not the university hosting the student',
    });
  }
  if (row.faculty_at_home === null) {
    problems.push({ field: 'hostFacultyId', message: 'hostFacultyId names no faculty' });
  } else if (!row.faculty_at_home) {
    problems.push({
      field: 'hostFacultyId',
      message: "hostFacultyId must be a faculty of the university hosting the student (the portal's own)",
    });
  }
  if (references.agreementId !== null) {
    if (row.agreement_partner_id === null) {
      problems.push({ field: 'agreementId', message: 'agreementId names no agreement' });
    } else if (row.agreement_partner_id !== references.homeInstitutionId) {
      problems.push({
        field: 'agreementId',
        message: 'agreementId must be an agreement with the partner named by homeInstitutionId',
      });
    }
  }
  return problems;
}
