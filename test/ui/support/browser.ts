import { existsSync } from 'node:fs';
import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import type { Locale } from '../../../src/web/locales.js';

/** Flags for a headless Chromium started as root on a machine without network access. */
const COMMON_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

const DEBIAN_CHROMIUM = '/usr/bin/chromium';

/**
 * Which Chromium runs the UI tests: CHROMIUM_PATH when set (`bundled` forces the next-but-one
 * choice), else Debian's /usr/bin/chromium when installed, else the Chromium that the dev
 * dependency @sparticuz/chromium ships inside its npm package (nothing to install by hand).
 */
export async function chromiumToUse(): Promise<{ executablePath: string; args: string[]; source: string }> {
  const configured = process.env.CHROMIUM_PATH;
  if (configured && configured !== 'bundled') {
    return { executablePath: configured, args: COMMON_FLAGS, source: 'CHROMIUM_PATH' };
  }
  if (configured !== 'bundled' && existsSync(DEBIAN_CHROMIUM)) {
    return { executablePath: DEBIAN_CHROMIUM, args: COMMON_FLAGS, source: DEBIAN_CHROMIUM };
  }
  const { default: bundled } = await import('@sparticuz/chromium');
  // Unpacks once into /tmp and sets the library path its binary needs.
  const executablePath = await bundled.executablePath();
  return {
    executablePath,
    args: [
      ...COMMON_FLAGS,
      '--no-zygote',
      '--use-gl=angle',
      '--use-angle=swiftshader',
      '--font-render-hinting=none',
    ],
    source: '@sparticuz/chromium',
  };
}

export async function launchBrowser(): Promise<Browser> {
  const { executablePath, args } = await chromiumToUse();
  return chromium.launch({ executablePath, args, headless: true });
}

/** A fresh browser profile (no cookies) in a language, JavaScript on unless told. */
export async function newVisitor(
  browser: Browser,
  baseUrl: string,
  locale: Locale,
  options: { javaScriptEnabled?: boolean; width?: number } = {},
): Promise<{ context: BrowserContext; page: Page; cspViolations: string[] }> {
  const context = await browser.newContext({
    baseURL: baseUrl,
    locale,
    javaScriptEnabled: options.javaScriptEnabled ?? true,
    viewport: { width: options.width ?? 1200, height: 900 },
  });
  // A missing element fails the step in seconds with its locator, rather than the whole test at its timeout.
  context.setDefaultTimeout(10_000);
  const page = await context.newPage();
  const cspViolations: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) {
      cspViolations.push(message.text());
    }
  });
  return { context, page, cspViolations };
}

export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa'];

/** axe-core's WCAG 2.2 AA violations on the page, as readable lines (empty when none). Needs JavaScript on. */
export async function accessibilityViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  return results.violations.map(
    (violation) =>
      `${page.url()}: ${violation.id} (${violation.impact}): ${violation.help} — ${violation.nodes
        .slice(0, 3)
        .map((node) => node.target.join(' '))
        .join(', ')}`,
  );
}

/** Message keys that show as such in the page's text (a string missing from a catalogue). */
export async function rawKeysOn(page: Page, keys: readonly string[]): Promise<string[]> {
  const text = await page.evaluate(() => {
    const attributes = [
      ...document.querySelectorAll('[title],[aria-label],[placeholder],[alt],input[type=submit]'),
    ]
      .flatMap((element) =>
        ['title', 'aria-label', 'placeholder', 'alt', 'value'].map(
          (name) => element.getAttribute(name) ?? '',
        ),
      )
      .join('\n');
    return `${document.title}\n${document.body.innerText}\n${attributes}`;
  });
  return keys.filter((key) => text.includes(key));
}
