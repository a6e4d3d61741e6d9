// Reads a PDF from standard input and prints each page's text, one line of the page a line, with
// pdf.js (the reader browsers use): what a resident's PDF viewer would copy out of the file.
// Run as a child process so Jest need not load pdf.js's ES modules.
import { getDocument, OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const pdf = await getDocument({ data: new Uint8Array(Buffer.concat(chunks)), verbosity: 0 }).promise;
const pages = [];
for (let n = 1; n <= pdf.numPages; n += 1) {
  const page = await pdf.getPage(n);
  const content = await page.getTextContent();
  const lines = new Map();
  for (const item of content.items) {
    const y = Math.round(item.transform[5]);
    lines.set(y, (lines.get(y) ?? '') + item.str);
  }
  pages.push([...lines.entries()].sort((a, b) => b[0] - a[0]).map(([, text]) => text));
}
const images = [];
for (let n = 1; n <= pdf.numPages; n += 1) {
  const page = await pdf.getPage(n);
  const ops = await page.getOperatorList();
  images.push(ops.fnArray.filter((fn) => fn === OPS.paintImageXObject || fn === OPS.paintInlineImageXObject).length);
}
process.stdout.write(JSON.stringify({ pages, images, info: (await pdf.getMetadata()).info }));
