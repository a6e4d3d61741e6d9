import { toBeijing } from '../time/beijing-time';
import { CONTENT_LABELS, noticeChanges } from './notice-changes';
import type { Notice, NoticeContent } from './notice-schema';
import { diffSequences } from './text-diff';

/**
 * 更正 (a correction of a published notice): what residents read about it. A notice residents
 * have already read and that is then changed must say so — when, and what changed, in one sentence
 * a resident understands ("修改了正文第3段和附件"), not the editor's diff. Pure.
 */
export interface NoticeCorrection {
  /** UTC ISO time the correction was published. */
  at: string;
  /** What changed, e.g. 修改了正文第3段和附件. */
  note: string;
}

/** At most this many paragraph numbers are named; beyond it the sentence says how many. */
const NAMED_PARAGRAPHS = 3;

/** The sentence for a correction from `before` to `after`; '' when nothing a resident reads changed. */
export function describeCorrection(before: Notice, after: Notice | NoticeContent): string {
  const { fields } = noticeChanges(before, after as NoticeContent);
  const parts = fields.map((field) => (field === 'body' ? bodyPart(before.body, after.body) : CONTENT_LABELS[field as keyof typeof CONTENT_LABELS] ?? field));
  return parts.length ? `修改了${joinChinese(parts)}` : '';
}

/** "2026年12月3日更正：修改了正文第3段和附件" — the line on the notice's page. */
export function correctionLine(correction: NoticeCorrection): string {
  return `${chineseDate(correction.at)}更正：${correction.note}`;
}

/** 2026年12月3日 (Beijing day), as official texts write dates. */
export function chineseDate(isoUtc: string): string {
  const day = toBeijing(isoUtc);
  return `${day.year()}年${day.month() + 1}月${day.date()}日`;
}

/** The paragraphs as the notice page shows them: each non-blank line. */
function paragraphs(body: string): string[] {
  return body.split('\n').map((p) => p.trim()).filter(Boolean);
}

/**
 * Which paragraphs of the body changed, numbered as the resident now reads them; paragraphs only
 * taken out are numbered as they stood (原第2段). A blank-line or spacing change alone is no change.
 */
function bodyPart(before: string, after: string): string {
  const changed: number[] = [];
  const removed: number[] = [];
  let oldIndex = 0;
  let newIndex = 0;
  const runs = diffSequences(paragraphs(before), paragraphs(after));
  runs.forEach((run, i) => {
    const n = run.items.length;
    if (run.op === 'same') {
      oldIndex += n;
      newIndex += n;
    } else if (run.op === 'added') {
      for (let k = 1; k <= n; k++) changed.push(newIndex + k);
      newIndex += n;
    } else {
      // Removed then added is an edited paragraph, counted where it now stands.
      if (runs[i + 1]?.op !== 'added') for (let k = 1; k <= n; k++) removed.push(oldIndex + k);
      oldIndex += n;
    }
  });
  if (!changed.length && !removed.length) return '正文格式';
  const taken = removed.length ? `（删去原${numbered(removed)}）` : '';
  return `正文${changed.length ? numbered(changed) : ''}${taken}`;
}

function numbered(indexes: number[]): string {
  if (indexes.length > NAMED_PARAGRAPHS) return `第${indexes.slice(0, NAMED_PARAGRAPHS).join('、')}段等${indexes.length}段`;
  return `第${indexes.join('、')}段`;
}

/** A、B和C */
function joinChinese(parts: string[]): string {
  if (parts.length === 1) return parts[0];
  return `${parts.slice(0, -1).join('、')}和${parts[parts.length - 1]}`;
}
