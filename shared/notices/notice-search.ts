import type { NoticeSummary } from './notice-schema';

/**
 * Full-text search over notices, the parts both ends share: how a query is
 * split into terms and how matched fragments are cut out for the result list.
 * Pure: the store adapters find the notices, this decides what is shown.
 *
 * Chinese has no spaces between words, so a query is matched as substrings:
 * "物业服务" finds "物业服务收费". Spaces separate terms that must all occur
 * (in any of the searched fields). Terms of one or two characters ("物业",
 * "公示") cannot use a trigram index and are matched by scanning; see
 * cloudfunctions/_runtime/store/sqlite-search.ts.
 */
export const SEARCH_FIELDS = ['title', 'summary', 'docNumber', 'body', 'guide'] as const;
export type SearchField = (typeof SEARCH_FIELDS)[number];

export const SEARCH_FIELD_LABELS: Record<SearchField, string> = {
  title: '标题',
  summary: '摘要',
  docNumber: '文号',
  body: '正文',
  guide: '办事指南',
};

export const SEARCH_ORDERS = ['newest', 'relevance'] as const;
export type SearchOrder = (typeof SEARCH_ORDERS)[number];

/** The searched text of one notice, field by field; an adapter may leave out what it did not read. */
export type SearchTexts = Partial<Record<SearchField, string>>;

/** One piece of a fragment: `hit` marks the matched words, for the page to emphasise. */
export interface HighlightPart {
  text: string;
  hit: boolean;
}

export interface SearchHighlight {
  field: SearchField;
  parts: HighlightPart[];
}

export type NoticeSearchResult = NoticeSummary & { highlights: SearchHighlight[] };

export const MAX_SEARCH_TERMS = 5;
/** Characters shown either side of the first match in a long field. */
const CONTEXT = 18;
const MAX_FRAGMENT = 80;

/**
 * Terms of a query: split on spaces (ASCII or full-width), lower-cased so
 * Latin letters in a 文号 match either case, duplicates and terms contained
 * in a longer term dropped (they add nothing to an AND).
 */
export function searchTerms(query: string): string[] {
  const raw = query
    .split(/[\s\u3000]+/)
    .map((t) => t.trim().toLowerCase())
    .filter(Boolean);
  const unique = [...new Set(raw)];
  return unique.filter((t) => !unique.some((other) => other !== t && other.includes(t))).slice(0, MAX_SEARCH_TERMS);
}

/** The trigram index answers terms of three or more characters; shorter ones need a scan. */
export function isIndexableTerm(term: string): boolean {
  return [...term].length >= 3;
}

/**
 * Matched fragments, in field order: the title and 文号 whole, longer fields
 * cut around their first match. Fields without a match are left out; a
 * notice found only through a field the adapter did not return has none.
 */
export function highlightsOf(texts: SearchTexts, terms: string[]): SearchHighlight[] {
  const out: SearchHighlight[] = [];
  for (const field of SEARCH_FIELDS) {
    const text = texts[field];
    if (!text) continue;
    const ranges = matchRanges(text, terms);
    if (ranges.length === 0) continue;
    const whole = field === 'title' || field === 'docNumber';
    const [from, to] = whole ? [0, text.length] : windowAround(text, ranges[0][0]);
    out.push({ field, parts: partsOf(text, ranges, from, to) });
  }
  return out;
}

/** Non-overlapping [start, end) ranges where any term occurs, case-insensitively, in text order. */
export function matchRanges(text: string, terms: string[]): Array<[number, number]> {
  const lower = text.toLowerCase();
  const found: Array<[number, number]> = [];
  for (const term of terms) {
    if (!term) continue;
    for (let at = lower.indexOf(term); at !== -1; at = lower.indexOf(term, at + term.length)) found.push([at, at + term.length]);
  }
  found.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const merged: Array<[number, number]> = [];
  for (const range of found) {
    const last = merged[merged.length - 1];
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
    else merged.push([range[0], range[1]]);
  }
  return merged;
}

function windowAround(text: string, at: number): [number, number] {
  const from = Math.max(0, at - CONTEXT);
  return [from, Math.min(text.length, from + MAX_FRAGMENT)];
}

function partsOf(text: string, ranges: Array<[number, number]>, from: number, to: number): HighlightPart[] {
  const parts: HighlightPart[] = [];
  const push = (s: string, hit: boolean) => {
    const clean = s.replace(/\s+/g, ' ');
    if (clean) parts.push({ text: clean, hit });
  };
  let cursor = from;
  for (const [start, end] of ranges) {
    if (end <= from || start >= to) continue;
    const s = Math.max(start, from);
    const e = Math.min(end, to);
    push(text.slice(cursor, s), false);
    push(text.slice(s, e), true);
    cursor = e;
  }
  push(text.slice(cursor, to), false);
  if (from > 0 && parts.length) parts[0] = { ...parts[0], text: `…${parts[0].text}` };
  if (to < text.length && parts.length) {
    const last = parts[parts.length - 1];
    parts[parts.length - 1] = { ...last, text: `${last.text}…` };
  }
  return parts;
}
