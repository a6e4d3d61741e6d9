import type { Contract } from '../../shared/api/contract';
import { announcement, guide, policy, publicity } from './factories';
import { application, enteredApplication, organisationApplication } from './request-factories';
import type { RequestFixture } from './request-fixture';

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
  // Optional because the hostile-input suite counts samples with a fixture of notices only.
  submittedId?: string;
  submittedVersion?: number;
  registeredId?: string;
  registeredVersion?: number;
  awaitingSupplementId?: string;
  awaitingSupplementVersion?: number;

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
  requests: {
    submit: () => [application(), organisationApplication(), application({ purpose: '了解本小区改造安排', delivery: 'email', applicant: { type: 'person', name: '周丽', idType: 'passport', idNumber: 'E12345678', phone: '15900002222', email: 'zhouli@example.com' } })],
    mine: () => [{}, { limit: 5, cursor: null }],
    get: (f) => [{ id: f.submittedId }],
    supplement: (f) => [{ id: f.awaitingSupplementId, version: f.awaitingSupplementVersion, text: '所需信息为 2025 年度。', attachments: [{ name: '说明.pdf', url: 'cloud://env/supplement.pdf', sizeBytes: 2048 }] }],
    withdraw: (f) => [{ id: f.submittedId, version: f.submittedVersion, reason: '已从其他渠道获得' }],
    queue: () => [{}, { status: 'registered', limit: 10, cursor: null }],
    enter: () => [enteredApplication(), enteredApplication({ channel: 'inPerson', receivedOn: '2026-11-24' })],
    register: (f) => [{ id: f.submittedId, version: f.submittedVersion, receivedOn: '2026-11-24' }],
    askSupplement: (f) => [{ id: f.registeredId, version: f.registeredVersion, items: ['请写明所需文件的名称或文号', '请说明所涉小区名称'], workingDays: 10 }],
    consult: (f) => [
      { id: f.registeredId, version: f.registeredVersion, step: 'start', party: 'thirdParty', partyName: '云溪建设集团有限公司', matter: '所申请的中标文件含该公司报价，征求其是否同意公开。' },
    ],
    extend: (f) => [{ id: f.registeredId, version: f.registeredVersion, workingDays: 15, approver: '张敏', reason: '需调取档案并征求多个科室意见' }],
    reply: (f) => [{ id: f.registeredId, version: f.registeredVersion, category: 'partial', text: '经查，招标文件予以公开，报价明细涉及商业秘密不予公开。', attachments: [{ name: '招标文件.pdf', url: 'cloud://env/tender.pdf', sizeBytes: 4096 }] }],
    close: (f) => [{ id: f.registeredId, version: f.registeredVersion, category: 'other.other', reason: '申请人书面确认不再需要' }],
    manageGet: (f) => [{ id: f.submittedId }],
  },
  calendar: {
    days: () => [{ year: 2026 }, { year: 2027 }],
    setYear: () => [{ year: 2027, holidays: [{ date: '2027-01-01', name: '元旦' }], workdays: [{ date: '2027-02-06', name: '春节调休' }] }],
    setDay: () => [{ date: '2026-12-31', kind: 'holiday', name: '临时放假' }, { date: '2026-12-31', kind: 'ordinary' }],
  },

  // subscriptions, inbox, deliveries (issue 7)

  // windows, ratings (issue 9)

};
