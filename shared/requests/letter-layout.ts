import type { Letter } from './request-types';

/**
 * A formal letter laid out as the bureau's paper document (党政机关公文格式, GB/T 9704 in spirit):
 * the title, the document number (文号), the addressee (主送: a person by name, an organisation by
 * its name, each followed by a full-width colon), the body, and at the foot the bureau's name, the
 * date written in Chinese and the bureau's seal where it has uploaded one.
 *
 * The typesetting is applied when a letter is shown or printed, not when it is stored, so letters
 * issued before it read the same way: ISO dates become 2026年12月3日, straight double quotes become
 * “ ”, and the blanks templates put between Chinese text and numbers go (公文 set none).
 * Pure: the page (H5 and WeChat) and the PDF renderer read the same document.
 */
export interface LetterDocument {
  title: string;
  /** 依申〔2026〕第000123号; a supplement request 依申补正〔2026〕第000123号. */
  number: string;
  /** 张三： or 云溪科技有限公司： */
  salutation: string;
  /** The body, one entry per paragraph as printed (each indented two characters). */
  paragraphs: string[];
  /** The bureau's name at the foot. */
  signature: string;
  /** 2026年12月3日 */
  date: string;
  /** The seal image's address, or null where the bureau has none: the foot then carries the name alone. */
  seal: string | null;
  provisional: boolean;
}

const ISO_DATE = /(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)/g;

/** 2026-12-03 → 2026年12月3日 (no leading zeros, as 公文 write dates). Anything else is returned as it is. */
export function chineseDate(iso: string): string {
  return iso.replace(ISO_DATE, (whole, y: string, m: string, d: string) => {
    const month = Number(m);
    const day = Number(d);
    return month >= 1 && month <= 12 && day >= 1 && day <= 31 ? `${y}年${month}月${day}日` : whole;
  });
}

/**
 * Straight double quotes become Chinese ones, opening and closing in turn within a paragraph;
 * an unpaired last one opens (the text goes on in a quotation). Chinese quotes already there stay.
 */
export function chineseQuotes(text: string): string {
  let open = true;
  return text.replace(/"/g, () => {
    const mark = open ? '“' : '”';
    open = !open;
    return mark;
  });
}

const CJK = '\\u3000-\\u303f\\u3400-\\u4dbf\\u4e00-\\u9fff\\uff00-\\uffef\\u201c\\u201d';
const BLANK_BEFORE_NUMBER = new RegExp(`([${CJK}])[ \\t]+(?=\\d)`, 'g');
const BLANK_AFTER_NUMBER = new RegExp(`(\\d)[ \\t]+(?=[${CJK}])`, 'g');

/** One line of a letter as printed: dates in Chinese, Chinese quotes, no blanks between Chinese and numbers. */
export function typesetLine(line: string): string {
  // The blanks go before dates are rewritten: "于 2026-09-28 收到" is 于2026年9月28日收到.
  return chineseDate(chineseQuotes(line).replace(BLANK_BEFORE_NUMBER, '$1').replace(BLANK_AFTER_NUMBER, '$1'));
}

const REFERENCE = /^(.*?)〔(\d{4})〕(\d+)号(?:-(.+))?$/;

/**
 * The 文号 of a letter from its reference (the tracking number 依申〔2026〕000123号, with the
 * letter's kind after a hyphen for all but the reply): the kind joins the issuer's abbreviation,
 * the year stays in 〔〕, the sequence takes 第…号. A reference of another shape is kept as it is.
 */
export function documentNumber(reference: string): string {
  const m = REFERENCE.exec(reference);
  if (!m) return reference;
  const [, prefix, year, sequence, kind] = m;
  return `${prefix}${kind ?? ''}〔${year}〕第${sequence}号`;
}

/**
 * The letter as a document. The salutation is always there, even where an edited template lost
 * it: a letter with no addressee is no letter. The template's own salutation line (its first
 * line, `{申请人}：`) is not repeated.
 */
export function layoutLetter(letter: Letter & { seal?: string | null }, seal: string | null = letter.seal ?? null): LetterDocument {
  const salutation = `${letter.addressee}：`;
  const lines = letter.paragraphs.flatMap((p) => p.split('\n')).map((line) => line.trim()).filter(Boolean);
  const body = lines[0] === salutation ? lines.slice(1) : lines;
  return {
    title: typesetLine(letter.title),
    number: documentNumber(letter.reference),
    salutation,
    paragraphs: body.map(typesetLine),
    signature: letter.signature,
    date: chineseDate(letter.date),
    seal: seal || null,
    provisional: letter.provisional === true,
  };
}

/** The document as plain text, line by line, in reading order: what a PDF's text layer should read back. */
export function documentLines(doc: LetterDocument): string[] {
  return [doc.title, doc.number, doc.salutation, ...doc.paragraphs, doc.signature, doc.date];
}
