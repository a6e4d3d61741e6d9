/**
 * A small text diff for the editor's history: which lines of a notice's body
 * were kept, removed or added, and within a changed line which characters —
 * Chinese has no spaces, so a word diff would mark whole sentences. Pure.
 *
 * A longest common subsequence over what is left once the common start and
 * end are trimmed (an edit usually touches a few lines of a long body). Past
 * MAX_CELLS of work the middle is reported as removed then added, whole: a
 * correct diff, only a coarser one, and the time stays bounded.
 */
export type DiffOp = 'same' | 'removed' | 'added';

/** A run of characters (within a line) or one line, with what happened to it. */
export interface DiffPart {
  op: DiffOp;
  text: string;
}

/** A line of a body diff; a line that was changed carries its character diff. */
export interface LineDiff {
  op: DiffOp;
  text: string;
  /** On a removed or added line paired with its counterpart: the characters that differ. */
  parts?: DiffPart[];
}

export const MAX_CELLS = 2_000_000;

/** The edit script turning `a` into `b`, as runs of equal, removed and added items. */
export function diffSequences<T>(a: readonly T[], b: readonly T[]): Array<{ op: DiffOp; items: T[] }> {
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const ops: DiffOp[] = [];
  const items: T[] = [];
  const push = (op: DiffOp, item: T) => {
    ops.push(op);
    items.push(item);
  };
  for (let i = 0; i < start; i++) push('same', a[i]);
  const midA = a.slice(start, endA);
  const midB = b.slice(start, endB);
  if ((midA.length + 1) * (midB.length + 1) > MAX_CELLS) {
    for (const item of midA) push('removed', item);
    for (const item of midB) push('added', item);
  } else {
    for (const [op, item] of lcsScript(midA, midB)) push(op, item);
  }
  for (let i = endA; i < a.length; i++) push('same', a[i]);
  return group(ops, items);
}

/** Character runs of `before` → `after`, e.g. for a title. */
export function diffChars(before: string, after: string): DiffPart[] {
  return diffSequences(Array.from(before), Array.from(after)).map(({ op, items }) => ({ op, text: items.join('') }));
}

/**
 * Lines of `before` → `after`. A block of removed lines followed by as many
 * added ones is read as those lines edited: each pair also gets its
 * character diff, so a corrected date in a long paragraph is what stands out.
 */
export function diffLines(before: string, after: string): LineDiff[] {
  const runs = diffSequences(splitLines(before), splitLines(after));
  const lines: LineDiff[] = [];
  for (let i = 0; i < runs.length; i++) {
    const run = runs[i];
    const next = runs[i + 1];
    if (run.op === 'removed' && next?.op === 'added' && next.items.length === run.items.length) {
      const pairs = run.items.map((line, k) => diffChars(line, next.items[k]));
      run.items.forEach((line, k) => lines.push({ op: 'removed', text: line, parts: pairs[k].filter((p) => p.op !== 'added') }));
      next.items.forEach((line, k) => lines.push({ op: 'added', text: line, parts: pairs[k].filter((p) => p.op !== 'removed') }));
      i++;
      continue;
    }
    for (const text of run.items) lines.push({ op: run.op, text });
  }
  return lines;
}

/** True when a diff holds any change. */
export function hasChanges(parts: ReadonlyArray<{ op: DiffOp }>): boolean {
  return parts.some((p) => p.op !== 'same');
}

function splitLines(text: string): string[] {
  return text === '' ? [] : text.replace(/\r\n?/g, '\n').split('\n');
}

/** Classic LCS table, then a walk from the start preferring removals before additions. */
function lcsScript<T>(a: readonly T[], b: readonly T[]): Array<[DiffOp, T]> {
  const width = b.length + 1;
  // lengths[i * width + j]: LCS length of a[i..] and b[j..]
  const lengths = new Uint32Array((a.length + 1) * width);
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lengths[i * width + j] = a[i] === b[j] ? lengths[(i + 1) * width + j + 1] + 1 : Math.max(lengths[(i + 1) * width + j], lengths[i * width + j + 1]);
    }
  }
  const script: Array<[DiffOp, T]> = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      script.push(['same', a[i]]);
      i++;
      j++;
    } else if (lengths[(i + 1) * width + j] >= lengths[i * width + j + 1]) {
      script.push(['removed', a[i++]]);
    } else {
      script.push(['added', b[j++]]);
    }
  }
  while (i < a.length) script.push(['removed', a[i++]]);
  while (j < b.length) script.push(['added', b[j++]]);
  return script;
}

function group<T>(ops: DiffOp[], items: T[]): Array<{ op: DiffOp; items: T[] }> {
  const runs: Array<{ op: DiffOp; items: T[] }> = [];
  ops.forEach((op, k) => {
    const last = runs[runs.length - 1];
    if (last && last.op === op) last.items.push(items[k]);
    else runs.push({ op, items: [items[k]] });
  });
  return runs;
}
