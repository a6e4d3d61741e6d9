import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, rgb, type PDFPage } from 'pdf-lib';
import type { LetterDocument } from '../../shared/requests/letter-layout';

/**
 * A letter drawn as an A4 PDF the way the bureau prints it (GB/T 9704 in spirit): margins of 37 mm
 * top, 28 mm left, 26 mm right, 35 mm bottom; the title in 22 pt, the 文号 and the body in 16 pt
 * (三号), paragraphs indented two characters; the bureau's name and the date at the foot, four
 * characters in from the right, the seal pressed over them; a page number — 1 — at the bottom.
 *
 * Chinese text needs its font inside the file: Noto Serif SC (SIL Open Font License 1.1, from the
 * npm package @expo-google-fonts/noto-serif-sc), subset to the characters the letter uses, so a
 * letter's PDF is tens of kilobytes, not the font's 15 MB. The text stays text (a ToUnicode map is
 * written with the subset), so it can be searched, copied and read aloud.
 *
 * Loaded only when a PDF is asked for (`import()` in the handler; its own file in the CloudBase
 * bundle), so the requests function's cold start does not pay for pdf-lib and fontkit.
 */
export const LETTER_FONT_FILE = 'NotoSerifSC-Regular.ttf';
const FONT_PACKAGE_PATH = '@expo-google-fonts/noto-serif-sc/400Regular/NotoSerifSC_400Regular.ttf';

const MM = 72 / 25.4;
const PAGE = { width: 210 * MM, height: 297 * MM };
const MARGIN = { top: 37 * MM, left: 28 * MM, right: 26 * MM, bottom: 35 * MM };
const BODY_SIZE = 16;
const TITLE_SIZE = 22;
const LINE = BODY_SIZE * 1.8;
const SEAL_SIZE = 42 * MM;
const INK = rgb(0, 0, 0);

/** Punctuation a line may not start with (避头): it hangs at the end of the line before instead. */
const NO_LINE_START = new Set([...'，。、；：？！）》」』”’…—·%,.;:?!)]']);
/** Punctuation a line may not end with (避尾): it moves to the next line with what it opens. */
const NO_LINE_END = new Set([...'（《「『“‘([']);

let fontBytes: Uint8Array | null = null;

/** The font beside the bundle (copied there by the functions build), else from the npm package (local cloud, tests). */
function letterFont(): Uint8Array {
  if (fontBytes) return fontBytes;
  const besides = join(__dirname, 'fonts', LETTER_FONT_FILE);
  const path = existsSync(besides) ? besides : require.resolve(FONT_PACKAGE_PATH);
  fontBytes = readFileSync(path);
  return fontBytes;
}

/** Breaks one paragraph into lines no wider than `width`, the first `indent` narrower. */
export function wrapText(text: string, width: number, measure: (s: string) => number, indent = 0): string[] {
  const lines: string[] = [];
  let line = '';
  let lineWidth = indent;
  for (const ch of [...text]) {
    const w = measure(ch);
    if (line && lineWidth + w > width && !NO_LINE_START.has(ch)) {
      // An opening mark at the end goes down with the word it opens.
      let carry = '';
      while (line && NO_LINE_END.has([...line].at(-1) as string)) {
        carry = ([...line].at(-1) as string) + carry;
        line = [...line].slice(0, -1).join('');
      }
      lines.push(line);
      line = carry;
      lineWidth = measure(carry);
    }
    line += ch;
    lineWidth += w;
  }
  if (line || lines.length === 0) lines.push(line);
  return lines;
}

/** Draws the letter; `seal` is the bureau's PNG, or null (the foot is then the name and date alone). */
export async function renderLetterPdf(doc: LetterDocument, seal: Uint8Array | null): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.registerFontkit(fontkit);
  const font = await pdf.embedFont(letterFont(), { subset: true });
  pdf.setTitle(`${doc.title} ${doc.number}`);
  pdf.setAuthor(doc.signature);
  pdf.setSubject(doc.title);
  pdf.setLanguage('zh-CN');
  pdf.setCreator('阳光政务');
  pdf.setProducer('阳光政务');

  const width = PAGE.width - MARGIN.left - MARGIN.right;
  const pages: PDFPage[] = [];
  let page = newPage();
  let y = PAGE.height - MARGIN.top;

  function newPage(): PDFPage {
    const p = pdf.addPage([PAGE.width, PAGE.height]);
    pages.push(p);
    return p;
  }
  /** Room for `height` more points on this page, else a new page. */
  function room(height: number): void {
    if (y - height < MARGIN.bottom) {
      page = newPage();
      y = PAGE.height - MARGIN.top;
    }
  }
  const measure = (size: number) => (s: string) => (s ? font.widthOfTextAtSize(s, size) : 0);
  function centred(text: string, size: number, lineHeight: number): void {
    for (const line of wrapText(text, width, measure(size))) {
      room(lineHeight);
      y -= lineHeight;
      page.drawText(line, { x: MARGIN.left + (width - measure(size)(line)) / 2, y, size, font, color: INK });
    }
  }
  function paragraph(text: string, indent: number): void {
    wrapText(text, width, measure(BODY_SIZE), indent).forEach((line, i) => {
      room(LINE);
      y -= LINE;
      page.drawText(line, { x: MARGIN.left + (i === 0 ? indent : 0), y, size: BODY_SIZE, font, color: INK });
    });
  }

  centred(doc.title, TITLE_SIZE, TITLE_SIZE * 1.6);
  y -= BODY_SIZE * 0.4;
  centred(doc.number, BODY_SIZE, LINE);
  y -= LINE * 0.5;
  paragraph(doc.salutation, 0);
  for (const text of doc.paragraphs) paragraph(text, BODY_SIZE * 2);

  // The foot stays together on one page: a blank line, the bureau's name, the date (GB/T 9704 7.3.5).
  room(LINE * 3 + (seal ? SEAL_SIZE / 3 : 0));
  y -= LINE;
  const dateWidth = measure(BODY_SIZE)(doc.date);
  const dateRight = MARGIN.left + width - BODY_SIZE * 4;
  const footCentre = dateRight - dateWidth / 2;
  const signWidth = measure(BODY_SIZE)(doc.signature);
  y -= LINE;
  const signY = y;
  page.drawText(doc.signature, { x: Math.min(footCentre - signWidth / 2, MARGIN.left + width - signWidth), y: signY, size: BODY_SIZE, font, color: INK });
  y -= LINE;
  page.drawText(doc.date, { x: dateRight - dateWidth, y, size: BODY_SIZE, font, color: INK });
  if (seal) {
    // 上不压正文，下压成文日期: the seal is centred over the name and the date, drawn after the text.
    const image = await pdf.embedPng(seal);
    page.drawImage(image, { x: footCentre - SEAL_SIZE / 2, y: y - SEAL_SIZE * 0.25, width: SEAL_SIZE, height: SEAL_SIZE });
  }

  pages.forEach((p, i) => {
    const number = `— ${i + 1} —`;
    p.drawText(number, { x: (PAGE.width - measure(14)(number)) / 2, y: MARGIN.bottom / 2, size: 14, font, color: INK });
  });
  return pdf.save({ useObjectStreams: true });
}
