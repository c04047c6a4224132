import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { validateXML } from 'xmllint-wasm';

const SCHEMAS = join(import.meta.dirname, '..', 'ewp-schemas');
const OMOBILITIES = 'omobilities-get-response.xsd';
const OMOBILITY_LAS = 'omobility-las-get-response.xsd';

let loaded: Promise<Array<{ fileName: string; contents: string }>> | undefined;

function schemas() {
  loaded ??= (async () => {
    const names = (await readdir(SCHEMAS)).filter((name) => name.endsWith('.xsd'));
    return Promise.all(
      names.map(async (fileName) => ({
        fileName,
        contents: await readFile(join(SCHEMAS, fileName), 'utf8'),
      })),
    );
  })();
  return loaded;
}

async function problems(xml: string, mainName: string): Promise<string[]> {
  const files = await schemas();
  const result = await validateXML({
    xml: [{ fileName: 'document.xml', contents: xml }],
    schema: [files.find((file) => file.fileName === mainName)!],
    preload: files.filter((file) => file.fileName !== mainName),
  });
  return result.valid ? [] : result.errors.map((error) => error.rawMessage);
}

/**
 * The problems libxml2 (xmllint-wasm) finds validating `xml` against the official EWP OMobilities
 * get-response schema (test/ewp-schemas/): an empty list when the document is valid.
 */
export function omobilitiesSchemaProblems(xml: string): Promise<string[]> {
  return problems(xml, OMOBILITIES);
}

/**
 * The same against the official EWP OMobility LAs get-response schema (stable-v1), which also
 * imports the courses API's types and the academic-term types stable-v2.
 */
export function omobilityLasSchemaProblems(xml: string): Promise<string[]> {
  return problems(xml, OMOBILITY_LAS);
}
