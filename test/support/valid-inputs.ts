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
      { notice: policy({ attachments: [{ name: '管理办法全文.pdf', url: 'https://www.yunxi.gov.cn/files/a.pdf', sizeBytes: 204800 }] }) },
      { notice: guide() },
      { id: f.noticeId, version: f.noticeVersion, notice: announcement({ title: '改后的标题' }) },
    ],
    publish: (f) => [{ id: f.noticeId, version: f.noticeVersion }],
    withdraw: (f) => [{ id: f.publishedId, version: f.publishedVersion, reason: '内容有误，撤回更正' }],
  },

  // requests, calendar (issue 6)

  // subscriptions, inbox, deliveries (issue 7)

  // windows, ratings (issue 9)

};
