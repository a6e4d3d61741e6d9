import { DEFAULT_ANSWER_PERIODS, type AnswerPeriods } from '../../shared/inquiries/answer-deadline';
import { DEFAULT_GUIDE, type GuideRecord } from '../../shared/inquiries/guide-types';
import type { Store, Stored } from '../_runtime/store/port';

/** The guide is one document; a bureau that has not edited it reads the default. */
export const GUIDE_ID = 'bureau';

export const INITIAL_GUIDE: GuideRecord = { ...DEFAULT_GUIDE, updatedAt: null, updatedByName: null, history: [] };

export async function loadGuide(store: Store): Promise<Stored<GuideRecord>> {
  return (await store.collection('guide').get(GUIDE_ID)) ?? { ...INITIAL_GUIDE, id: GUIDE_ID, version: 0 };
}

/** The bureau's answer periods for inquiries and complaints, set on the guide (DEFAULT_ANSWER_PERIODS until then). */
export async function loadAnswerPeriods(store: Store): Promise<AnswerPeriods> {
  const guide = await store.collection('guide').get(GUIDE_ID);
  return {
    inquiryWorkingDays: guide?.inquiryWorkingDays ?? DEFAULT_ANSWER_PERIODS.inquiryWorkingDays,
    complaintWorkingDays: guide?.complaintWorkingDays ?? DEFAULT_ANSWER_PERIODS.complaintWorkingDays,
  };
}
