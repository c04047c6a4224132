import type { Faculty } from '../faculty.entity.js';

export class FacultyResponse {
  id: string;
  institutionId: string;
  name: string;
  code: string;
  createdAt: Date;
  updatedAt: Date;
}

export function toFacultyResponse(faculty: Faculty): FacultyResponse {
  return {
    id: faculty.id,
    institutionId: faculty.institutionId,
    name: faculty.name,
    code: faculty.code,
    createdAt: faculty.createdAt,
    updatedAt: faculty.updatedAt,
  };
}
