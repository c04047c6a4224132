import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { validateXML } from 'xmllint-wasm';

const SCHEMAS = join(import.meta.dirname, '..', 'ewp-schemas');
const MAIN = 'omobilities-get-response.xsd';

let loaded:
  | Promise<{
      main: { fileName: string; contents: string };
      others: Array<{ fileName: string; contents: string }>;
    }>
  | undefined;

function schemas() {
  loaded ??= (async () => {
    const names = (await readdir(SCHEMAS)).filter((name) => name.endsWith('.xsd'));
    const files = await Promise.all(
      names.map(async (fileName) => ({
        fileName,
        contents: await readFile(join(SCHEMAS, fileName), 'utf8'),
      })),
    );
    return {
      main: files.find((file) => file.fileName === MAIN)!,
      others: files.filter((file) => file.fileName !== MAIN),
    };
  })();
  return loaded;
}

/**
 * The problems libxml2 (xmllint-wasm) finds validating `xml` against the official EWP OMobilities
 * get-response schema (test/ewp-schemas/): an empty list when the document is valid.
 */
export async function omobilitiesSchemaProblems(xml: string): Promise<string[]> {
  const { main, others } = await schemas();
  const result = await validateXML({
    xml: [{ fileName: 'document.xml', contents: xml }],
    schema: [main],
    preload: others,
  });
  return result.valid ? [] : result.errors.map((error) => error.rawMessage);
}
