/**
 * The pure half of content screening: does a text contain a listed word?
 * Text is normalised first so trivial disguises ("办 证", "ＢＯＴ", "办-证")
 * do not slip through: full-width ASCII folded to half-width, lower case,
 * and everything that is not a letter, digit or CJK character removed.
 */
export function normaliseForScreening(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '');
}

/** The listed words found in `text`, in list order; empty when it is clean. */
export function findScreenedWords(text: string, words: readonly string[]): string[] {
  const haystack = normaliseForScreening(text);
  return words.filter((word) => {
    const needle = normaliseForScreening(word);
    return needle.length > 0 && haystack.includes(needle);
  });
}
