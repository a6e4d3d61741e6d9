import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

export interface PdfReading {
  /** Each page's lines of text, top to bottom. */
  pages: string[][];
  /** How many images each page paints. */
  images: number[];
  info: Record<string, unknown>;
}

/** The text and images of a PDF as pdf.js reads them (test/support/read-pdf-text.mjs, in a child process). */
export function readPdf(bytes: Buffer): PdfReading {
  return JSON.parse(execFileSync(process.execPath, [join(__dirname, 'read-pdf-text.mjs')], { input: bytes, encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 }));
}
