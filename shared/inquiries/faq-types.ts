/**
 * 常见问题 (FAQ): entries written by staff or published from an answered
 * inquiry (never from a complaint), searchable like notices. Types only, so
 * resident pages can import them without zod.
 */
export const FAQ_STATUSES = ['active', 'retired'] as const;
export type FaqStatus = (typeof FAQ_STATUSES)[number];

export interface FaqRecord {
  question: string;
  answer: string;
  topic: string;
  departmentId: string | null;
  departmentName: string | null;
  status: FaqStatus;
  /** The answered inquiry it was published from (its personal details removed by hand), or null. */
  sourceCaseId: string | null;
  helpfulCount: number;
  /** When staff last wrote or checked it: residents see how fresh an answer is. */
  checkedAt: string;
  createdAt: string;
  updatedAt: string;
  updatedByName: string | null;
}

export interface FaqEvent {
  subjectType: 'faq';
  subjectId: string;
  action: 'faqCreated' | 'faqSaved' | 'faqRetired' | 'faqHelpful';
  actor: string;
  at: string;
  detail: string | null;
}

export interface FaqView {
  id: string;
  version: number;
  question: string;
  answer: string;
  topic: string;
  departmentId: string | null;
  departmentName: string | null;
  status: FaqStatus;
  helpfulCount: number;
  checkedAt: string;
  fromCase: boolean;
}

export type FaqSummary = Omit<FaqView, 'answer'> & { answerPreview: string };

/** A topic of the active entries and how many there are: the choices of the 按主题 filter. */
export interface FaqTopic {
  topic: string;
  count: number;
}

/** Topics by how many entries they have, then by name (Chinese collation), so the common ones come first. */
export function faqTopicsOf(entries: Iterable<{ topic: string }>): FaqTopic[] {
  const counts = new Map<string, number>();
  for (const { topic } of entries) counts.set(topic, (counts.get(topic) ?? 0) + 1);
  return [...counts]
    .map(([topic, count]) => ({ topic, count }))
    .sort((a, b) => b.count - a.count || a.topic.localeCompare(b.topic, 'zh-Hans-CN'));
}

export function toFaqView(f: FaqRecord & { id: string; version: number }): FaqView {
  return {
    id: f.id,
    version: f.version,
    question: f.question,
    answer: f.answer,
    topic: f.topic,
    departmentId: f.departmentId,
    departmentName: f.departmentName,
    status: f.status,
    helpfulCount: f.helpfulCount,
    checkedAt: f.checkedAt,
    fromCase: f.sourceCaseId !== null,
  };
}

const PREVIEW = 80;

export function toFaqSummary(f: FaqRecord & { id: string; version: number }): FaqSummary {
  const { answer, ...rest } = toFaqView(f);
  return { ...rest, answerPreview: answer.length > PREVIEW ? `${answer.slice(0, PREVIEW)}…` : answer };
}
