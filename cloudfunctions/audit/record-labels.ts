import type { AuditRecordRef } from '../../shared/audit/audit-contract';
import { INQUIRY_KIND_LABELS } from '../../shared/inquiries/inquiry-types';
import { LETTER_TEMPLATE_LABELS } from '../../shared/requests/letter-template-labels';
import { REVIEW_KIND_LABELS } from '../../shared/reviews/review-kinds';
import type { CollectionName, CollectionRecords } from '../_runtime/collections';
import type { Store } from '../_runtime/store/port';

/**
 * The records an audit entry names, as a person reads them: a request by its tracking number, a notice
 * by its title, a staff member by name — never the internal id or an OPENID. The trail itself keeps
 * the ids (they are what it can be searched and exported by); this is only how a screen shows them.
 *
 * An entry holds ids without saying which collection they are in, so each is looked for first where
 * its function keeps its records, then in the others. One no longer found anywhere (erased, or never
 * written because the call failed) says so plainly.
 */
type Labelled = { [C in CollectionName]?: (record: CollectionRecords[C]) => string };

const LABELS: Labelled = {
  requests: (r) => `申请 ${r.trackingNumber}`,
  inquiries: (c) => `${INQUIRY_KIND_LABELS[c.kind]} ${c.caseNumber}`,
  notices: (n) => `《${n.title}》`,
  noticeComments: () => '征求意见留言',
  windows: (w) => `窗口：${w.name}`,
  followUps: (f) => `差评整改：${f.windowName}${f.serviceName ? ` · ${f.serviceName}` : ''}`,
  ratings: (r) => `评价：${r.windowName}${r.serviceName ? ` · ${r.serviceName}` : ''}`,
  staff: (s) => `工作人员：${s.name || UNNAMED_PERSON}`,
  staffInvites: (i) => `邀请：${i.name || UNNAMED_PERSON}`,
  faq: (f) => `常见问题：${f.question}`,
  reviews: (r) => `审核：${REVIEW_KIND_LABELS[r.kind]}《${r.text.title}》`,
  departments: (d) => `部门：${d.name || '未命名部门'}`,
  reports: (r) => `${r.year}年度报告`,
  guide: () => '办事指南',
};

/** Where each function keeps the records its actions name, looked in first. */
const FIRST: Record<string, CollectionName[]> = {
  requests: ['requests', 'ratings'],
  notices: ['notices', 'noticeComments'],
  inquiries: ['inquiries', 'requests'],
  ratings: ['followUps', 'ratings', 'windows'],
  windows: ['windows'],
  staff: ['staff', 'staffInvites'],
  faq: ['faq', 'inquiries'],
  reviews: ['reviews', 'requests', 'notices'],
  reports: ['reports'],
  guide: ['guide'],
};

/** A name no staff list gave: shown instead of an OPENID. */
export const UNNAMED_PERSON = '未命名人员';
export const GONE_RECORD = '记录已不存在';

/** Ids that are already what a person reads: a calendar day, a year. */
function readable(id: string): string | null {
  if (/^\d{4}-\d{2}-\d{2}$/.test(id)) return id;
  if (/^\d{4}$/.test(id)) return `${id}年`;
  return null;
}

/**
 * Labels for every id on a page of entries, each looked up once. `action` (`function.action`) says
 * where to look first; a letter template's key is labelled by its name.
 */
export async function labelRecords(store: Store, entries: ReadonlyArray<{ action: string; recordIds: string[] }>): Promise<Map<string, AuditRecordRef>> {
  const collections = Object.keys(LABELS) as CollectionName[];
  // Where to look for each id, from the first entry naming it; the ids are then looked up at once
  // (on CloudBase each lookup is a round trip, and a page names up to a few dozen).
  const orderOf = new Map<string, CollectionName[]>();
  for (const entry of entries) {
    const first = FIRST[entry.action.split('.')[0]] ?? [];
    for (const id of entry.recordIds) if (!orderOf.has(id)) orderOf.set(id, [...first, ...collections.filter((c) => !first.includes(c))]);
  }
  const labels = await Promise.all([...orderOf].map(([id, order]) => labelOne(store, id, order)));
  return new Map(labels.map((label) => [label.id, label]));
}

async function labelOne(store: Store, id: string, order: CollectionName[]): Promise<AuditRecordRef> {
  const plain = readable(id);
  if (plain) return { id, label: plain, gone: false };
  if (Object.prototype.hasOwnProperty.call(LETTER_TEMPLATE_LABELS, id)) return { id, label: `告知书模板：${LETTER_TEMPLATE_LABELS[id as keyof typeof LETTER_TEMPLATE_LABELS]}`, gone: false };
  for (const name of order) {
    const label = LABELS[name] as ((record: unknown) => string) | undefined;
    if (!label) continue;
    const record = await store.collection(name).get(id);
    if (record) return { id, label: label(record), gone: false };
  }
  return { id, label: GONE_RECORD, gone: true };
}

/** How an entry names its actor: the name recorded with it, or 未命名人员 — never the OPENID. */
export function actorLabelOf(actorName: string): string {
  return actorName.trim() || UNNAMED_PERSON;
}
