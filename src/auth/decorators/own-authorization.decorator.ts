import { SetMetadata } from '@nestjs/common';

export const OWN_AUTHORIZATION = 'ownAuthorization';

/**
 * The route checks the Authorization header itself (GET /metrics and its METRICS_TOKEN): the
 * global guard lets it through without reading the header as a session token.
 */
export const OwnAuthorization = () => SetMetadata(OWN_AUTHORIZATION, true);
