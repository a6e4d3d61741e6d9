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
  /** A message in resident-a's inbox, about `inboxSubjectId` (optional so that a bare Fixture literal still types). */
  inboxId?: string;
  inboxSubjectId?: string;

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
  },

  // requests, calendar (issue 6)

  // subscriptions, inbox, deliveries (issue 7)
  subscriptions: {
    topics: () => [{}],
    subscribe: () => [{ kind: 'announcement' }, { departmentId: 'housing' }, { kind: 'policy', departmentId: 'policy' }],
    unsubscribe: () => [{ kind: 'announcement' }, { departmentId: 'office' }],
    recordGrants: () => [
      { grants: [{ templateId: 'local-bulletin-longterm', result: 'accept' }] },
      { grants: [{ templateId: 'local-request-replied', result: 'accept' }, { templateId: 'local-request-extended', result: 'reject' }, { templateId: 'local-request-supplement', result: 'ban' }] },
    ],
  },
  inbox: {
    list: () => [{}, { limit: 5, cursor: null }],
    unreadCount: () => [{}],
    markRead: (f) => [{ ids: [f.inboxId ?? 'placeholder'] }, { all: true }],
  },
  deliveries: {
    forSubject: (f) => [{ subjectId: f.inboxSubjectId ?? 'placeholder' }],
  },

  // windows, ratings (issue 9)

};
