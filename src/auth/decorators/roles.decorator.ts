import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { BEARER_AUTH } from '../../openapi.js';
import { ROLES as ALL_ROLES, type Role } from '../../users/role.js';

export const ROLES_KEY = 'roles';

/**
 * Who may call the route: a bearer token of one of these roles. Sets what the guard enforces and
 * what the OpenAPI document says, in one place.
 */
export function Roles(...roles: Role[]) {
  return applyDecorators(
    SetMetadata(ROLES_KEY, roles),
    ApiBearerAuth(BEARER_AUTH),
    ApiUnauthorizedResponse({ description: 'No valid bearer token' }),
    ApiForbiddenResponse({ description: `Only for: ${roles.join(', ')}` }),
  );
}

/** Any signed-in user, whatever the role; what they see is scoped by the service. */
export const Authenticated = () => Roles(...ALL_ROLES);
