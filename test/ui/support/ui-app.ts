import { jest } from '@jest/globals';
import type { Browser } from 'playwright-core';
import { ApplicationsService } from '../../../src/applications/applications.service.js';
import type { ApplicationResponse } from '../../../src/applications/dto/application.response.js';
import type { CreateApplicationDto } from '../../../src/applications/dto/create-application.dto.js';
import { WebPages } from '../../../src/web/web-pages.service.js';
import type { TestUser } from '../../support/test-app.js';
import { bootApp, type TestApp } from '../../support/test-app.js';
import { launchBrowser } from './browser.js';

/**
 * Per-test timeout of the browser tests: a page journey is seconds on a quiet machine, but runs
 * beside the e2e files and on shared cores (Jest's global 60 s is for one HTTP test).
 */
export const UI_TIMEOUT = 180_000;
// Also for the tests that do not name it (the ui project's testTimeout in package.json is not
// applied per project by Jest: such a test got 60 s and timed out on a loaded machine).
jest.setTimeout(UI_TIMEOUT);

export interface UiHarness {
  t: TestApp;
  browser: Browser;
  baseUrl: string;
  /** Every message key of the catalogues, for rawKeysOn. */
  messageKeys: string[];
  close(): Promise<void>;
}

/**
 * A draft of the student made through the service (the pages' own path), not the JSON API: the
 * API client of the e2e tests checks answers against the OpenAPI document, which is the e2e
 * project's business.
 */
export function createDraft(
  ui: UiHarness,
  student: TestUser,
  dto: CreateApplicationDto,
): Promise<ApplicationResponse> {
  return ui.t.app.get(ApplicationsService).create(
    {
      id: student.id,
      email: student.email,
      role: 'student',
      firstName: 'Test',
      lastName: 'Student',
      homeFacultyId: null,
      institutionId: null,
    },
    dto,
  );
}

/** One app and one browser for a whole test file (booting either costs seconds). */
export async function startUi(): Promise<UiHarness> {
  const [t, browser] = await Promise.all([bootApp(), launchBrowser()]);
  const address = t.app.getHttpServer().address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    t,
    browser,
    baseUrl: `http://127.0.0.1:${port}`,
    messageKeys: t.app.get(WebPages).messageKeys(),
    close: async () => {
      await browser.close();
      await t.close();
    },
  };
}
