import type { Role } from '../users/role.js';

/** The signed-in caller, as the guard puts it on the request. */
export interface AuthUser {
  id: string;
  email: string;
  role: Role;
  firstName: string;
  lastName: string;
  homeFacultyId: string | null;
  /** A partner coordinator's institution: everything they see is scoped to it. Null for others. */
  institutionId: string | null;
}

export interface TokenClaims {
  sub: string;
  role: Role;
  /** The user's token version when it was issued; a later version revokes it. */
  ver: number;
}
