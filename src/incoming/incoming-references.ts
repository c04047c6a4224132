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

/** What the database says about a mobility's references (null: it names nothing). */
export interface ReferenceFacts {
  /** Whether the named institution is the portal's own university. */
  partnerIsHome: boolean | null;
  /** Whether the named faculty belongs to the portal's own university. */
  facultyAtHome: boolean | null;
  /** The partner of the named agreement. */
  agreementPartnerId: string | null;
}

/** The names of the fields that carry the references, for the messages (the CSV names them by code). */
export interface ReferenceFields {
  homeInstitution: string;
  hostFaculty: string;
  agreement: string;
}

const API_FIELDS: ReferenceFields = {
  homeInstitution: 'homeInstitutionId',
  hostFaculty: 'hostFacultyId',
  agreement: 'agreementId',
};

/**
 * What a mobility points at must make sense together: the student's home institution is a
 * partner (not the portal's own university, `is_home`), the host faculty belongs to the portal's
 * own university, and the agreement, if any, is with that partner. A rule without a database:
 * `facts` were read by the caller.
 */
export function referenceRuleProblems(
  references: { homeInstitutionId: string | null; agreementId: string | null },
  facts: ReferenceFacts,
  fields: ReferenceFields = API_FIELDS,
): FieldProblem[] {
  const { homeInstitution, hostFaculty, agreement } = fields;
  const problems: FieldProblem[] = [];
  if (facts.partnerIsHome === null) {
    problems.push({ field: homeInstitution, message: `${homeInstitution} names no institution` });
  } else if (facts.partnerIsHome) {
    problems.push({
      field: homeInstitution,
      message: `${homeInstitution} must be a partner institution, not the university hosting the student`,
    });
  }
  if (facts.facultyAtHome === null) {
    problems.push({ field: hostFaculty, message: `${hostFaculty} names no faculty` });
  } else if (!facts.facultyAtHome) {
    problems.push({
      field: hostFaculty,
      message: `${hostFaculty} must be a faculty of the university hosting the student (the portal's own)`,
    });
  }
  if (references.agreementId !== null) {
    if (facts.agreementPartnerId === null) {
      problems.push({ field: agreement, message: `${agreement} names no agreement` });
    } else if (facts.agreementPartnerId !== references.homeInstitutionId) {
      problems.push({
        field: agreement,
        message: `${agreement} must be an agreement with the partner named by ${homeInstitution}`,
      });
    }
  }
  return problems;
}

/** The reference rule for one mobility, its facts read on the caller's transaction. */
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
  return referenceRuleProblems(references, {
    partnerIsHome: row.partner_is_home,
    facultyAtHome: row.faculty_at_home,
    agreementPartnerId: row.agreement_partner_id,
  });
}
