import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ALL_ERROR_CODES } from '../../error-codes.js';
import { LOCALES } from '../locales.js';
import { catalogueGaps, type MessageCatalogue } from './messages.js';

const SRC = fileURLToPath(new URL('../../', import.meta.url));

const filesEndingWith = (suffix: string) =>
  readdirSync(SRC, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith(suffix))
    .map((file) => path.join(SRC, file));

const isCatalogue = (value: unknown): value is MessageCatalogue =>
  typeof value === 'object' && value !== null && LOCALES.every((locale) => locale in value);

async function allCatalogues(): Promise<Array<[string, MessageCatalogue]>> {
  const found: Array<[string, MessageCatalogue]> = [];
  for (const file of filesEndingWith('.messages.ts')) {
    const module = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
    for (const [name, value] of Object.entries(module)) {
      if (isCatalogue(value)) found.push([`${path.relative(SRC, file)}#${name}`, value]);
    }
  }
  return found;
}

describe('Message catalogues', () => {
  it('are found (one per feature with pages)', async () => {
    expect((await allCatalogues()).length).toBeGreaterThanOrEqual(3);
  });

  it('give every key in every language: no catalogue lacks a key another language has', async () => {
    const gaps = (await allCatalogues()).flatMap(([name, catalogue]) =>
      catalogueGaps(catalogue).map((gap) => `${name}: ${gap}`),
    );
    expect(gaps).toEqual([]);
  });

  it('have no empty text and no key defined by two catalogues', async () => {
    const owners = new Map<string, string>();
    const problems: string[] = [];
    for (const [name, catalogue] of await allCatalogues()) {
      for (const locale of LOCALES) {
        for (const [key, text] of Object.entries(catalogue[locale])) {
          if (!text.trim()) problems.push(`${name}: ${locale} ${key} is empty`);
        }
      }
      for (const key of Object.keys(catalogue.en)) {
        if (owners.has(key)) problems.push(`${key} is in ${owners.get(key)} and ${name}`);
        owners.set(key, name);
      }
    }
    expect(problems).toEqual([]);
  });

  it('say every registered error code as a sentence (key error.<CODE>)', async () => {
    const keys = new Set((await allCatalogues()).flatMap(([, catalogue]) => Object.keys(catalogue.en)));
    const missing = Object.keys(ALL_ERROR_CODES).filter((code) => !keys.has(`error.${code}`));
    expect(Object.keys(ALL_ERROR_CODES).length).toBeGreaterThan(20);
    expect(missing).toEqual([]);
  });
});
