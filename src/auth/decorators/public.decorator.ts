import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'isPublic';

/** The route needs no sign-in. Every other route does (the global guard). */
export const Public = () => SetMetadata(IS_PUBLIC, true);
