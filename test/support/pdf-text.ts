import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/**
 * The text of a PDF, page after page, as PDF.js reads it (what a reader's search and copy see):
 * the proof that the glyphs drawn map back to the characters meant, Cyrillic included.
 */
export async function pdfText(bytes: Uint8Array): Promise<{ pages: number; text: string }> {
  const pdf = await getDocument({ data: new Uint8Array(bytes), isEvalSupported: false }).promise;
  const parts: string[] = [];
  for (let number = 1; number <= pdf.numPages; number += 1) {
    const content = await (await pdf.getPage(number)).getTextContent();
    for (const item of content.items) {
      if ('str' in item) parts.push(item.str, item.hasEOL ? '\n' : ' ');
    }
  }
  const pages = pdf.numPages;
  await pdf.destroy();
  // PDF.js gives runs and wrapped cell lines as separate items: one space between them reads as
  // the page does.
  return { pages, text: parts.join('').replace(/\s+/g, ' ') };
}
