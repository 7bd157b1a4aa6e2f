// Reads a PDF with pdf.js and prints {pages, text: [page texts], fonts: [names]} as JSON.
// A separate process: pdf.js is ES modules only, which jest's CommonJS runtime cannot import.
import fs from 'node:fs';
import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';

const data = new Uint8Array(fs.readFileSync(process.argv[2]));
const doc = await pdfjs.getDocument({ data, useSystemFonts: false, verbosity: 0 }).promise;
const text = [];
const fonts = new Set();
for (let i = 1; i <= doc.numPages; i++) {
  const page = await doc.getPage(i);
  const content = await page.getTextContent();
  text.push(content.items.map((it) => it.str).join(''));
  for (const s of Object.values(content.styles)) fonts.add(s.fontFamily);
  const ops = await page.getOperatorList();
  void ops;
}
const meta = await doc.getMetadata();
process.stdout.write(JSON.stringify({ pages: doc.numPages, text, fonts: [...fonts], title: meta.info?.Title ?? null }));
