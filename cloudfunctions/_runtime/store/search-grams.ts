import type { Database } from 'better-sqlite3';

/**
 * Chinese has no spaces, and most of what residents type into a FAQ search is two characters
 * (社保, 养犬, 户口) — below what a trigram index can answer. So the FAQ index (sqlite-search.ts)
 * is built on character grams instead: each run of letters and digits is indexed as its single
 * characters and as its overlapping pairs (养犬登记 → 养犬 犬登 登记), space-separated so FTS5's
 * `unicode61` tokenizer takes each gram as one token. A term of two or more characters is then the
 * phrase of its pairs (consecutive tokens: exactly a substring), a one-character term its single
 * character; punctuation and spaces split a term into runs, each required.
 */
const RUN = /[\p{L}\p{N}]+/gu;

export function searchGrams(text: string, size: 1 | 2): string {
  const grams: string[] = [];
  for (const run of text.toLowerCase().match(RUN) ?? []) {
    const chars = [...run];
    if (size === 1) grams.push(...chars);
    else for (let i = 0; i + 1 < chars.length; i += 1) grams.push(chars[i] + chars[i + 1]);
  }
  return grams.join(' ');
}

/**
 * The FTS5 query for `terms` (all required) over the columns `pairs` and `chars`; null when no
 * term holds a letter or digit (nothing to look for).
 */
export function gramMatchExpression(terms: readonly string[]): string | null {
  const clauses: string[] = [];
  for (const term of terms) {
    for (const run of term.toLowerCase().match(RUN) ?? []) {
      const chars = [...run];
      clauses.push(chars.length === 1 ? `chars : "${chars[0]}"` : `pairs : "${searchGrams(run, 2)}"`);
    }
  }
  return clauses.length ? clauses.join(' AND ') : null;
}

/**
 * `search_grams(text, size)` in SQL, for the triggers that keep a gram index in step with its
 * table. Registered on the store's connection when it opens, before anything is written: the
 * triggers live in the database file and fire on any write.
 */
export function registerSearchGrams(db: Database): void {
  db.function('search_grams', { deterministic: true }, (text: unknown, size: unknown) => searchGrams(typeof text === 'string' ? text : '', size === 1 ? 1 : 2));
}
