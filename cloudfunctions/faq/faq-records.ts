import type { FaqRecord } from '../../shared/inquiries/faq-types';
import type { InquiryRecord } from '../../shared/inquiries/inquiry-types';

/**
 * A FAQ entry published from an answered inquiry: only the question and
 * answer as the answerer edited them (personal details removed by hand),
 * the case's topic and department. Nothing of the asker is copied.
 */
export function faqFromCase(c: InquiryRecord & { id: string }, edited: { question: string; answer: string }, byName: string | null, now: Date): FaqRecord {
  const at = now.toISOString();
  return {
    question: edited.question,
    answer: edited.answer,
    topic: c.topic,
    departmentId: c.departmentId,
    departmentName: c.departmentName,
    status: 'active',
    sourceCaseId: c.id,
    helpfulCount: 0,
    checkedAt: at,
    createdAt: at,
    updatedAt: at,
    updatedByName: byName,
  };
}
