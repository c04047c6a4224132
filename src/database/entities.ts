/**
 * Every entity of the portal, listed once for both the application and the TypeORM CLI.
 * (Explicit imports rather than globs: they work the same under Nest, the CLI and Jest.)
 */
import { User } from '../users/user.entity.js';

export const ENTITIES = [User];
