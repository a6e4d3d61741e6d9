import { DEFAULT_COMPLAINT_WORKING_DAYS, DEFAULT_INQUIRY_WORKING_DAYS } from './inquiry-types';

/**
 * 政府信息公开指南 (条例 Art. 12): what the bureau publishes about how to
 * get information from it — the categories it holds, how to apply, the
 * office with its address, hours and lines, and the remedies — plus the
 * answer periods the bureau sets for inquiries and complaints. One document,
 * edited by the admin, each save kept in its history. Types only (no zod).
 */
export interface GuideOffice {
  name: string;
  address: string;
  hours: string;
  phone: string;
  fax: string;
  email: string;
}

export interface GuideContent {
  /** Categories of information the bureau holds (主动公开 and on request). */
  categories: string;
  howToApply: string;
  office: GuideOffice;
  /** The inquiry line (咨询电话) residents tap to call, and the complaints line (举报电话). */
  inquiryLine: string;
  complaintLine: string;
  remedies: string;
  /** 目录: how proactively disclosed information is catalogued (the notice kinds link it). */
  catalogue: string;
  /** The bureau's answer periods in working days (反馈回应制). */
  inquiryWorkingDays: number;
  complaintWorkingDays: number;
}

export interface GuideHistoryEntry {
  at: string;
  byName: string | null;
  version: number;
}

export interface GuideRecord extends GuideContent {
  updatedAt: string | null;
  updatedByName: string | null;
  history: GuideHistoryEntry[];
}

export interface GuideEvent {
  subjectType: 'guide';
  subjectId: string;
  action: 'guideSaved';
  actor: string;
  at: string;
  detail: string | null;
}

export interface GuideView extends GuideContent {
  version: number;
  updatedAt: string | null;
  /** Staff only (null to residents): who saved each version. */
  history: GuideHistoryEntry[] | null;
}

/** The guide a bureau starts with until its admin edits it: placeholders that say so. */
export const DEFAULT_GUIDE: GuideContent = {
  categories: '本机关主动公开机构职能、政策文件、规划计划、行政许可、财政资金、重大决策等政府信息；其他政府信息可依申请公开。',
  howToApply: '可通过本小程序“依申请公开”在线提交，也可以信函、传真或当面向本机关政府信息公开工作机构提出申请。申请应写明申请人姓名或名称、身份证明、联系方式，以及所需政府信息的名称、文号或便于查询的其他特征性描述（条例第二十九条）。',
  office: { name: '政务公开办公室', address: '（请管理员填写地址）', hours: '工作日 9:00-12:00，13:30-17:30', phone: '12345', fax: '', email: '' },
  inquiryLine: '12345',
  complaintLine: '12345',
  remedies: '公民、法人或者其他组织认为行政机关在政府信息公开工作中侵犯其合法权益的，可以向上一级行政机关或者政府信息公开工作主管部门投诉、举报，也可以依法申请行政复议或者提起行政诉讼（条例第五十一条）。',
  catalogue: '主动公开目录按信息类别编排：通知公告、政策文件、重大决策听证与征求意见、重要事项公示、重点工作通报、办事指南。',
  inquiryWorkingDays: DEFAULT_INQUIRY_WORKING_DAYS,
  complaintWorkingDays: DEFAULT_COMPLAINT_WORKING_DAYS,
};
