import type { Institution } from '../institution.entity.js';

export class InstitutionResponse {
  id: string;
  name: string;
  abbreviation: string | null;
  countryCode: string;
  city: string;
  website: string | null;
  schacCode: string;
  erasmusCode: string | null;
  isHome: boolean;
  createdAt: Date;
  updatedAt: Date;
}

export function toInstitutionResponse(institution: Institution): InstitutionResponse {
  return {
    id: institution.id,
    name: institution.name,
    abbreviation: institution.abbreviation,
    countryCode: institution.countryCode,
    city: institution.city,
    website: institution.website,
    schacCode: institution.schacCode,
    erasmusCode: institution.erasmusCode,
    isHome: institution.isHome,
    createdAt: institution.createdAt,
    updatedAt: institution.updatedAt,
  };
}

/** The few fields other records show of the institution they refer to. */
export class InstitutionSummary {
  id: string;
  name: string;
  abbreviation: string | null;
  countryCode: string;
  city: string;
}

export function toInstitutionSummary(institution: Institution): InstitutionSummary {
  return {
    id: institution.id,
    name: institution.name,
    abbreviation: institution.abbreviation,
    countryCode: institution.countryCode,
    city: institution.city,
  };
}
