import type { Contract } from '../../shared/api/contract';
import { announcement, guide, policy, publicity } from './factories';

/**
 * One valid input per action, for the authorisation matrix and the hostile
 * input tests. Ids refer to records `prepare` creates in a seeded harness.
 */
export interface Fixture {
  noticeId: string;
  noticeVersion: number;
  publishedId: string;
  publishedVersion: number;

  // requests (issue 6)

  // subscriptions, inbox (issue 7)

  // notices comments (issue 8): optional so the hostile-input suite's placeholder fixture stays valid
  consultationId?: string;
  commentId?: string;
  commentVersion?: number;

  // windows, ratings (issue 9)

}

type Inputs = { [F in keyof Contract]: { [A in keyof Contract[F]]: (f: Fixture) => unknown[] } };

export const VALID_INPUTS: Inputs = {
  session: { whoami: () => [{}] },
  directory: { departments: () => [{}] },
  notices: {
    list: () => [{}, { kind: 'policy', limit: 5 }, { departmentId: 'office', cursor: null }],
    get: (f) => [{ id: f.publishedId }],
    manageList: () => [{}, { status: 'draft', kind: 'announcement', limit: 50 }],
    manageGet: (f) => [{ id: f.noticeId }],
    save: (f) => [
      { notice: announcement() },
      { notice: publicity() },
      { notice: policy() },
      { notice: guide() },
      { id: f.noticeId, version: f.noticeVersion, notice: announcement({ title: '改后的标题' }) },
    ],
    publish: (f) => [{ id: f.noticeId, version: f.noticeVersion }],
    withdraw: (f) => [{ id: f.publishedId, version: f.publishedVersion, reason: '内容有误，撤回更正' }],
    search: () => [{ q: '加装电梯' }, { q: '物业', kind: 'policy', order: 'relevance', limit: 5 }, { q: '云建发 12号', departmentId: 'policy', cursor: null }],
    comment: (f) => [{ id: f.consultationId, text: '建议优先为老年住户多的小区加装电梯。' }],
    comments: (f) => [{ id: f.consultationId }, { id: f.consultationId, limit: 5, cursor: null }],
    myComments: (f) => [{ id: f.consultationId }],
    manageComments: (f) => [{ id: f.consultationId }, { id: f.consultationId, status: 'pending', limit: 10 }],
    moderateComment: (f) => [
      { commentId: f.commentId, version: f.commentVersion, decision: 'publish', reply: '感谢您的意见，我们将认真研究。' },
      { commentId: f.commentId, version: f.commentVersion, decision: 'hide' },
    ],
  },

  // requests, calendar (issue 6)

  // subscriptions, inbox, deliveries (issue 7)

  // windows, ratings (issue 9)

};
