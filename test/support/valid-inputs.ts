import { sealPngBase64 } from './seal-png';
import type { Contract } from '../../shared/api/contract';
import { announcement, guide, policy, publicity } from './factories';
import { RESPONSE, windowContent } from './rating-fixture';
import { application, enteredApplication, organisationApplication } from './request-factories';
import type { RequestFixture } from './request-fixture';
import { FIXTURE_FILE_URL, FIXTURE_RESIDENT_UPLOADS } from './fixture';

/**
 * One valid input per action, for the authorisation matrix and the hostile
 * input tests. Ids refer to records `prepare` creates in a seeded harness.
 */
export interface Fixture {
  noticeId: string;
  noticeVersion: number;
  publishedId: string;
  publishedVersion: number;

  // requests
  // Optional because the hostile-input suite counts samples with a fixture of notices only.
  submittedId?: string;
  submittedVersion?: number;
  registeredId?: string;
  registeredVersion?: number;
  awaitingSupplementId?: string;
  awaitingSupplementVersion?: number;
  reasonsRequestedId?: string;
  reasonsRequestedVersion?: number;
  feeRequestedId?: string;
  feeRequestedVersion?: number;
  /** The extension notice's template, edited once by the admin (so it can be reset). */
  editedTemplateVersion?: number;

  // subscriptions, inbox
  /** A message in resident-a's inbox, about `inboxSubjectId` (optional so that a bare Fixture literal still types). */
  inboxId?: string;
  inboxSubjectId?: string;

  // notices comments: optional so the hostile-input suite's placeholder fixture stays valid
  consultationId?: string;
  commentId?: string;
  commentVersion?: number;
  // notices history, scheduled publishing: a draft set to publish itself
  scheduledId?: string;
  scheduledVersion?: number;

  // windows, ratings
  windowId?: string;
  windowVersion?: number;
  serviceId?: string;
  visitCode?: string;
  openFollowUpId?: string;
  openFollowUpVersion?: number;
  answeredFollowUpId?: string;
  answeredFollowUpVersion?: number;
  rectifyingFollowUpId?: string;
  rectifyingFollowUpVersion?: number;
  appealedFollowUpId?: string;
  appealedFollowUpVersion?: number;

  // staff administration: a member who joined by invitation, and an open invitation
  staffMemberOpenid?: string;
  staffMemberVersion?: number;
  inviteCode?: string;

  // inquiries, complaints, FAQ: resident-a's cases (see inquiry-fixture.ts)
  openCaseId?: string;
  openCaseVersion?: number;
  openCaseNumber?: string;
  answeredCaseId?: string;
  answeredCaseVersion?: number;
  waitingCaseId?: string;
  waitingCaseVersion?: number;
  complaintCaseId?: string;
  complaintCaseVersion?: number;
  faqId?: string;
  faqVersion?: number;
  // annual report: a past year ready to publish, and a recorded case
  reportYear?: number;
  reportVersion?: number;
  caseId?: string;
  caseVersion?: number;

  // 公开审查: two notices by demo-editor waiting for review, and the settings' version
  reviewId?: string;
  reviewSubjectId?: string;
  reviewVersion?: number;
  sendBackReviewId?: string;
  sendBackReviewVersion?: number;
  reviewSettingsVersion?: number;
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
    search: () => [{ q: '加装电梯' }, { q: '物业', kind: 'policy', order: 'relevance', limit: 5 }, { q: '云建发 12号', departmentId: 'policy', cursor: null }],
    comment: (f) => [{ id: f.consultationId, text: '建议优先为老年住户多的小区加装电梯。' }],
    comments: (f) => [{ id: f.consultationId }, { id: f.consultationId, limit: 5, cursor: null }],
    myComments: (f) => [{ id: f.consultationId }],
    manageComments: (f) => [{ id: f.consultationId }, { id: f.consultationId, status: 'pending', limit: 10 }],
    moderateComment: (f) => [
      { commentId: f.commentId, version: f.commentVersion, decision: 'publish', reply: '感谢您的意见，我们将认真研究。' },
    ],
    view: (f) => [{ id: f.publishedId }],
    viewCounts: (f) => [{ ids: [f.publishedId, f.noticeId] }],
    // notices history, scheduled publishing
    versions: (f) => [{ id: f.publishedId }, { id: f.noticeId, limit: 5, cursor: null }],
    versionDetail: (f) => [{ id: f.publishedId, version: f.publishedVersion }, { id: f.noticeId, version: f.noticeVersion }],
    schedule: (f) => [
      { id: f.noticeId, version: f.noticeVersion, publishAt: '2026-11-26T09:00:00+08:00' },
      { id: f.scheduledId, version: f.scheduledVersion, publishAt: '2026-11-27T01:30:00Z' },
    ],
    unschedule: (f) => [{ id: f.scheduledId, version: f.scheduledVersion }],
  },

  // requests, calendar
  requests: {
    submit: () => [application(), organisationApplication(), application({ purpose: '了解本小区改造安排', delivery: 'email', applicant: { type: 'person', name: '周丽', idType: 'passport', idNumber: 'E12345678', phone: '15900002222', email: 'zhouli@example.com' } })],
    mine: () => [{}, { limit: 5, cursor: null }],
    get: (f) => [{ id: f.submittedId }],
    letterPdf: (f) => [{ id: f.awaitingSupplementId, letter: 0 }],
    supplement: (f) => [{ id: f.awaitingSupplementId, version: f.awaitingSupplementVersion, text: '所需信息为 2025 年度。', attachments: [{ name: '说明.pdf', url: FIXTURE_RESIDENT_UPLOADS.document, sizeBytes: 2048 }] }],
    giveReasons: (f) => [{ id: f.reasonsRequestedId, version: f.reasonsRequestedVersion, text: '所申请的是本小区 40 栋楼各自的加装电梯批复，业主委员会需逐栋核对。' }],
    withdraw: (f) => [{ id: f.submittedId, version: f.submittedVersion, reason: '已从其他渠道获得' }],
    queue: () => [{}, { status: 'registered', limit: 10, cursor: null }, { departmentId: 'office' }, { status: 'submitted' }, { due: 'overdue' }, { due: 'dueSoon', departmentId: 'office' }],
    enter: () => [enteredApplication(), enteredApplication({ channel: 'inPerson', receivedOn: '2026-11-24', departmentId: 'approval' })],
    register: (f) => [{ id: f.submittedId, version: f.submittedVersion, receivedOn: '2026-11-24' }],
    askSupplement: (f) => [{ id: f.registeredId, version: f.registeredVersion, items: ['请写明所需文件的名称或文号', '请说明所涉小区名称'], workingDays: 10 }],
    consult: (f) => [
      { id: f.registeredId, version: f.registeredVersion, step: 'start', party: 'thirdParty', partyName: '云溪建设集团有限公司', matter: '所申请的中标文件含该公司报价，征求其是否同意公开。' },
    ],
    extend: (f) => [{ id: f.registeredId, version: f.registeredVersion, workingDays: 15, approver: '张敏', reason: '需调取档案并征求多个科室意见' }],
    askReasons: (f) => [{ id: f.registeredId, version: f.registeredVersion, text: '您自本月 1 日起已提出申请 40 件，请说明申请用途。' }],
    recordReasons: (f) => [{ id: f.reasonsRequestedId, version: f.reasonsRequestedVersion, receivedOn: '2026-11-24', text: '申请人来信说明：业主委员会需逐栋核对 40 栋楼的加装电梯批复。' }],
    setDelayedDue: (f) => [{ id: f.reasonsRequestedId, version: f.reasonsRequestedVersion, dueOn: '2027-02-26', reason: '所申请的 40 份批复需逐份调取档案并审查' }],
    reply: (f) => [{ id: f.registeredId, version: f.registeredVersion, category: 'partial', text: '经查，招标文件予以公开，报价明细涉及商业秘密不予公开。', attachments: [{ name: '招标文件.pdf', url: 'cloud://env/tender.pdf', sizeBytes: 4096 }] }],
    close: (f) => [{ id: f.registeredId, version: f.registeredVersion, category: 'other.other', reason: '申请人书面确认不再需要', basis: '第二十九条' }],
    quoteFee: (f) => [{ id: f.registeredId, method: 'perPage', units: 45 }, { id: f.registeredId, method: 'perItem', units: 3 }],
    askFee: (f) => [
      { id: f.registeredId, version: f.registeredVersion, method: 'perPage', units: 45 },
      { id: f.registeredId, version: f.registeredVersion, method: 'perPage', units: 120, reducedTo: 300, reason: '申请人为低保对象，酌情减收' },
      { id: f.registeredId, version: f.registeredVersion, method: 'perPage', units: 45, waive: true, reason: '所涉信息与申请人生活密切相关，决定免收' },
    ],
    recordPayment: (f) => [{ id: f.feeRequestedId, version: f.feeRequestedVersion, paidOn: '2026-11-24' }],
    // The registered one first: the authorisation matrix calls the first, and it belongs to a department.
    manageGet: (f) => [{ id: f.registeredId }, { id: f.submittedId }],
    assignDepartment: (f) => [{ id: f.registeredId, version: f.registeredVersion, departmentId: 'approval' }],
    recordSupplement: (f) => [{ id: f.awaitingSupplementId, version: f.awaitingSupplementVersion, receivedOn: '2026-11-24', text: '申请人来信补正：所需信息为 2025 年度。', attachments: [{ name: '来信.pdf', url: 'cloud://env/letter.pdf', sizeBytes: 2048 }] }],
  },
  calendar: {
    days: () => [{ year: 2026 }, { year: 2027 }],
    dueDate: () => [{ receivedOn: '2026-09-28' }, { receivedOn: '2027-12-20', workingDays: 5 }],
    setYear: () => [{ year: 2027, holidays: [{ date: '2027-01-01', name: '元旦' }], workdays: [{ date: '2027-02-06', name: '春节调休' }] }],
    setDay: () => [{ date: '2026-12-31', kind: 'holiday', name: '临时放假' }, { date: '2026-12-31', kind: 'ordinary' }],
  },
  letterTemplates: {
    list: () => [{}],
    preview: () => [{ key: 'withhold', title: '政府信息公开申请答复告知书', paragraphs: ['{applicant}：', '经审查，不予公开（{category}）。', '{replyText}', '{remedies}'] }],
    save: () => [{ key: 'disclose', version: 0, title: '政府信息公开申请答复告知书', paragraphs: ['{applicant}：您的申请（{trackingNumber}）已收悉。', '根据{legalBasis}，予以公开。', '{replyText}', '{remedies}'] }],
    reset: (f) => [{ key: 'extension', version: f.editedTemplateVersion ?? 1 }],
    seal: () => [{}],
    saveSeal: () => [{ version: 0, png: sealPngBase64(48) }],
  },

  // subscriptions, inbox, deliveries
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

  // windows, ratings
  windows: {
    list: () => [{}, { departmentId: 'approval' }],
    manageList: () => [{}],
    get: (f) => [{ id: f.windowId }],
    save: (f) => [
      { window: windowContent() },
      { id: f.windowId, version: f.windowVersion, window: windowContent({ name: '改名后的窗口', services: [{ id: f.serviceId, name: '商品房预售许可' }, { name: '新增事项' }] }) },
    ],
    qrcode: (f) => [{ windowId: f.windowId }, { windowId: f.windowId, origin: 'http://127.0.0.1:8080' }, { visitCode: f.visitCode }],
    issueVisit: (f) => [{ windowId: f.windowId, serviceId: f.serviceId }, { windowId: f.windowId }],
  },
  ratings: {
    target: (f) => [{ visitCode: f.visitCode }, { windowId: f.windowId }],
    submit: (f) => [
      { visitCode: f.visitCode, level: 'dissatisfied', tags: ['等候时间长'], comment: '等了一个小时', anonymous: true, contactName: '陈先生', contactPhone: '13800138000' },
      { windowId: f.windowId, serviceId: f.serviceId, level: 'verySatisfied', tags: ['服务态度好'] },
    ],
    mine: () => [{}, { limit: 10, cursor: null }],
    feedback: (f) => [{ ratingId: f.answeredFollowUpId, solved: true, note: '问题已解决' }],
    stats: (f) => [{}, { windowId: f.windowId, month: '2026-11' }, { departmentId: 'approval', year: 2026 }, { serviceId: f.serviceId }],
    publicList: (f) => [{}, { windowId: f.windowId, limit: 10 }],
    followUps: () => [{}, { status: 'open', limit: 10 }, { owed: true }],
    followUp: (f) => [{ id: f.openFollowUpId }],
    respond: (f) => [
      // One sample per record: suites that run every sample in one store must not answer the same follow-up twice.
      { id: f.openFollowUpId, version: f.openFollowUpVersion, ...RESPONSE, rectification: 'plan', planDueDate: '2026-12-31' },
    ],
    complete: (f) => [{ id: f.rectifyingFollowUpId, version: f.rectifyingFollowUpVersion, done: '已统一材料清单并在大厅公示' }],
    close: (f) => [{ id: f.answeredFollowUpId, version: f.answeredFollowUpVersion, note: '居民表示满意' }],
    appeal: (f) => [{ id: f.openFollowUpId, version: f.openFollowUpVersion, reason: '当日系统故障，非窗口人员原因' }],
    decideAppeal: (f) => [{ id: f.appealedFollowUpId, version: f.appealedFollowUpVersion, upheld: true, note: '经调取录像核实，申诉成立' }],
    ranking: () => [{ month: '2026-11' }],
    settings: () => [{}],
    // Wider than the default 30, so that the plan dated 2026-12-31 above stays allowed whichever runs first.
    saveSettings: () => [{ planMaxWorkingDays: 40, version: 0 }],
  },

  staff: {
    list: () => [{}],
    invite: () => [{ roles: ['handler'], departmentIds: ['office'], name: '新同事' }, { roles: ['viewer', 'publisher'], departmentIds: [], name: '统计查看人员' }],
    accept: (f) => [{ code: f.inviteCode }],
    setRoles: (f) => [{ openid: f.staffMemberOpenid, roles: ['handler', 'viewer'], departmentIds: ['office', 'approval'], version: f.staffMemberVersion }],
    remove: (f) => [{ openid: f.staffMemberOpenid, version: f.staffMemberVersion }],
  },
  audit: {
    search: (f) => [{}, { actor: 'demo-admin', from: '2026-11-01', to: '2026-11-30' }, { recordId: f.submittedId, action: 'requests.manageGet' }, { actor: '张敏', cursor: null }],
    export: () => [{}, { action: 'requests.reply', from: '2026-11-24', to: '2026-11-24' }],
  },
  me: {
    data: () => [{}],
    export: () => [{}],
    phoneNumber: () => [{ code: 'e31968a7f94cc5ee25fafc2aef2773f0bb8c3937b22520eb8ee345274d00c144' }],
    erase: () => [{ confirm: true }],
  },
  retention: {
    get: () => [{}],
    save: () => [{ requestYears: 10, inquiryYears: 3, ratingContactDays: 180, messageDays: 365, version: 0 }],
  },

  // inquiries, complaints, FAQ, the disclosure guide
  inquiries: {
    ask: () => [
      { idempotencyKey: 'valid-ask-0001', kind: 'inquiry', topic: '户籍', departmentId: 'office', text: '新生儿落户需要哪些材料？', contact: { name: '周丽', phone: '13900001111' }, replyBy: 'phone' },
      { idempotencyKey: 'valid-ask-0002', kind: 'complaint', topic: '噪音', text: '夜间施工扰民。', anonymous: true, attachments: [{ name: '现场.jpg', url: FIXTURE_RESIDENT_UPLOADS.photo, sizeBytes: 2048 }] },
    ],
    mine: () => [{}, { limit: 5, cursor: null }],
    get: (f) => [{ id: f.openCaseId }, { caseNumber: f.openCaseNumber }],
    followUp: (f) => [{ id: f.answeredCaseId, version: f.answeredCaseVersion, text: '周末是否也按这个时间？' }],
    rateAnswer: (f) => [{ id: f.answeredCaseId, version: f.answeredCaseVersion, helpful: false, reason: '没有说明周末安排' }],
    giveMore: (f) => [{ id: f.waitingCaseId, version: f.waitingCaseVersion, text: '小区是云溪花园。' }],
    enter: () => [
      { idempotencyKey: 'valid-enter-0001', kind: 'inquiry', channel: 'phone', contactedAt: '2026-11-24T02:00:00Z', topic: '社保', text: '来电询问社保卡补办地点。', contact: { name: '王先生', phone: '0571-88886666' }, answer: '可到区政务服务中心一楼社保窗口补办。' },
      { idempotencyKey: 'valid-enter-0002', kind: 'complaint', channel: 'letter', contactedAt: '2026-11-23T08:00:00+08:00', topic: '占道经营', departmentId: 'office', text: '来信反映某路段占道经营。' },
    ],
    queue: () => [{}, { status: 'answered', kind: 'inquiry', limit: 10, cursor: null }],
    manageGet: (f) => [{ id: f.openCaseId }, { id: f.complaintCaseId }],
    assign: (f) => [{ id: f.openCaseId, version: f.openCaseVersion, departmentId: 'office', answererOpenid: 'demo-clerk' }],
    answerers: () => [{ departmentId: 'office' }],
    askMore: (f) => [{ id: f.openCaseId, version: f.openCaseVersion, items: ['请说明犬只品种', '请说明居住街道'] }],
    answer: (f) => [{ id: f.openCaseId, version: f.openCaseVersion, text: '请携带身份证和犬只免疫证明到街道办理。' }],
    close: (f) => [{ id: f.openCaseId, version: f.openCaseVersion }, { id: f.complaintCaseId, version: f.complaintCaseVersion, note: '已转城管部门处理' }],
    publishFaq: (f) => [{ id: f.answeredCaseId, version: f.answeredCaseVersion, question: '垃圾分类投放时间是几点？', answer: '每日 7:00-9:00 和 18:00-20:00 定时投放。' }],
    redirectFromRequest: (f) => [{ requestId: f.registeredId, version: f.registeredVersion, kind: 'complaint' }],
    figures: () => [{ year: 2026 }, { year: 2025 }],
    toRequest: (f) => [{ id: f.openCaseId, version: f.openCaseVersion, note: '所问为本机关保存的政府信息' }],
  },
  faq: {
    list: () => [{}, { departmentId: 'office', topic: '养犬登记', limit: 5, cursor: null }],
    topics: () => [{}, { departmentId: 'office' }],
    search: () => [{ q: '养犬' }, { q: '养犬登记 身份证', departmentId: 'office', limit: 5 }],
    get: (f) => [{ id: f.faqId }],
    helpful: (f) => [{ id: f.faqId }],
    save: (f) => [
      { entry: { question: '政务服务中心几点上班？', answer: '工作日 9:00-17:30。', topic: '办公时间', departmentId: 'office' } },
      { id: f.faqId, version: f.faqVersion, entry: { question: '如何办理养犬登记？', answer: '携带身份证、犬只免疫证明和照片到街道办理。', topic: '养犬登记' } },
    ],
    retire: (f) => [{ id: f.faqId, version: f.faqVersion, reason: '政策已调整' }],
  },
  guide: {
    get: () => [{}],
    save: () => [{ version: 0, guide: {
      categories: '机构职能、政策文件、规划计划。', howToApply: '在线或书面提交申请。',
      office: { name: '政务公开办公室', address: '云溪市人民路 1 号', hours: '工作日 9:00-17:30', phone: '0571-12345678', fax: '', email: 'gk@yunxi.gov.cn' },
      inquiryLine: '12345', complaintLine: '0571-12345000', remedies: '可依法申请行政复议或提起行政诉讼。', catalogue: '', inquiryWorkingDays: 5, complaintWorkingDays: 15,
    } }],
  },

  // annual report, statistics
  reports: {
    annual: (f) => [{ year: 2026 }, { year: f.reportYear ?? 2024 }],
    saveInputs: () => [
      // Different years: suites that run every sample in one store must not reuse a version.
      { year: 2025, version: 0, inputs: { licences: 1200, penalties: 40, enforcement: 3, feesWan: 12.5 }, texts: { overview: '2025 年度总体情况。' } },
      { year: 2023, version: 0, inputs: { licences: null }, texts: { overview: '2023 年度总体情况。', problems: '问题与改进。', otherMatters: '无。' } },
    ],
    saveCase: (f) => [
      { case: { kind: 'litigation', filedOn: '2026-05-10', outcome: 'pending', afterReconsideration: true, summary: '（2026）云0102行初15号' } },
      { id: f.caseId, version: f.caseVersion, case: { kind: 'reconsideration', filedOn: '2026-03-02', outcome: 'corrected', summary: '云复〔2026〕3号，责令重新答复' } },
    ],
    export: () => [{ year: 2026, format: 'csv' }, { year: 2026, format: 'html' }],
    publish: (f) => [{ year: f.reportYear ?? 2024, version: f.reportVersion ?? 1 }],
    stats: () => [{ from: '2026-01-01', to: '2026-11-30' }],
  },

  // 公开审查
  workbench: {
    todo: () => [{}],
  },
  // uploaded attachments
  files: {
    link: (f) => [{ url: FIXTURE_FILE_URL, on: { kind: 'notice', id: f.publishedId } }],
    upload: () => [{ url: 'cloud://env-1a2b/attachments/2026-11/fixturePhoto01.png', name: '现场.png', sizeBytes: 2048 }],
  },
  reviews: {
    queue: () => [{}, { status: 'approved', limit: 5, cursor: null }, { othersOnly: true }],
    get: (f) => [{ id: f.reviewId }],
    forSubject: (f) => [{ subjectId: f.reviewSubjectId }],
    approve: (f) => [{ id: f.reviewId, version: f.reviewVersion }],
    sendBack: (f) => [{ id: f.sendBackReviewId, version: f.sendBackReviewVersion, comment: '文号有误，请核对后重新提交。' }],
    settings: () => [{}],
    saveSettings: (f) => [{ version: f.reviewSettingsVersion, required: ['notice.publish', 'notice.correct', 'request.reply'] }, { version: f.reviewSettingsVersion, required: [] }],
  },

};
