import { randomBytes } from 'node:crypto';
import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { DataSource } from 'typeorm';
import type { Environment } from '../config/environment.js';
import { normaliseEmail } from '../users/email-address.js';
import { PasswordService } from '../users/password.service.js';
import { User } from '../users/user.entity.js';

const GENERATED_ADMIN_EMAIL = 'admin@portal.local';

/**
 * Makes sure the portal has an admin: the one named by ADMIN_EMAIL/ADMIN_PASSWORD (created if
 * missing), or, when those are unset and no admin exists, one with a random password logged once.
 */
@Injectable()
export class FirstAdminService implements OnApplicationBootstrap {
  private readonly logger = new Logger(FirstAdminService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly passwords: PasswordService,
    private readonly config: ConfigService<Environment, true>,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const configured = this.config.get('ADMIN_EMAIL', { infer: true });
    const email = configured ? normaliseEmail(configured) : undefined;
    const password = this.config.get('ADMIN_PASSWORD', { infer: true });
    if (email && !password) this.logger.warn('ADMIN_EMAIL is set without ADMIN_PASSWORD; ignoring it');

    // One instance at a time, so two portals starting together make one admin.
    await this.dataSource.transaction(async (manager) => {
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext('first-admin'))`);
      const users = manager.getRepository(User);
      if (email && password) {
        if (await users.existsBy({ email })) return;
        await users.insert({
          email,
          passwordHash: await this.passwords.hash(password),
          firstName: 'Portal',
          lastName: 'Administrator',
          role: 'admin',
        });
        this.logger.log(`Created the admin account ${email} from ADMIN_EMAIL`);
        return;
      }
      if (await users.existsBy({ role: 'admin' })) return;
      const generated = randomBytes(12).toString('base64url');
      await users.insert({
        email: GENERATED_ADMIN_EMAIL,
        passwordHash: await this.passwords.hash(generated),
        firstName: 'Portal',
        lastName: 'Administrator',
        role: 'admin',
      });
      this.logger.warn(
        `No admin existed: created ${GENERATED_ADMIN_EMAIL} with password ${generated} (shown once; change it)`,
      );
    });
  }
}
