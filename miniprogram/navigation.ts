import Taro from '@tarojs/taro';
import type { NoticeKind } from '../shared/notices/notice-kinds';
import { isTabPage, leaveTabQuery } from './tab-pages';

/** Every route the app navigates to, in one place, so a page move is one edit. */
export const routes = {
  notices: (kind?: NoticeKind) => `/pages/notices/index${kind ? `?kind=${kind}` : ''}`,
  noticeDetail: (id: string) => `/pages/notice-detail/index?id=${encodeURIComponent(id)}`,
  me: () => '/pages/me/index',
  notFound: () => '/pages/not-found/index',
  devSignIn: () => '/pages/dev-sign-in/index',
  /** `scheduled`: opened on 定时发布 (我的待办's figure). */
  adminNotices: (filter?: 'scheduled') => `/admin/pages/notices/index${filter ? `?filter=${filter}` : ''}`,
  adminNoticeEdit: (id?: string) => `/admin/pages/notice-edit/index${id ? `?id=${encodeURIComponent(id)}` : ''}`,

  // requests, calendar
  newRequest: () => '/requests/pages/new/index',
  applicantProfile: () => '/requests/pages/applicant/index',
  requestResult: (id: string) => `/requests/pages/result/index?id=${encodeURIComponent(id)}`,
  myRequests: () => '/requests/pages/mine/index',
  myRequest: (id: string) => `/requests/pages/detail/index?id=${encodeURIComponent(id)}`,
  requestLetter: (id: string, letter: number) => `/requests/pages/letter/index?id=${encodeURIComponent(id)}&letter=${letter}`,
  /** Opened on one view of the queue: 已逾期, 即将到期 or a status (我的待办's figures open exactly what they count). */
  adminRequests: (filter?: string) => `/admin/pages/requests/index${filter ? `?filter=${encodeURIComponent(filter)}` : ''}`,
  adminRequest: (id: string) => `/admin/pages/request/index?id=${encodeURIComponent(id)}`,
  adminRequestEnter: () => '/admin/pages/request-enter/index',
  adminRequestLetter: (id: string, letter: number) => `/admin/pages/request-letter/index?id=${encodeURIComponent(id)}&letter=${letter}`,
  adminCalendar: () => '/admin/pages/calendar/index',
  adminLetterTemplates: () => '/admin/pages/letter-templates/index',

  // inbox, subscriptions, deliveries
  inbox: () => '/pages/inbox/index',
  subscriptions: () => '/pages/subscriptions/index',
  adminDeliveries: (subjectId?: string) => `/admin/pages/deliveries/index${subjectId ? `?subjectId=${encodeURIComponent(subjectId)}` : ''}`,

  // notices search, guides
  guides: () => '/pages/guides/index',
  search: (q?: string, kind?: NoticeKind, departmentId?: string) => {
    const query = [q ? `q=${encodeURIComponent(q)}` : '', kind ? `kind=${kind}` : '', departmentId ? `departmentId=${encodeURIComponent(departmentId)}` : ''];
    return `/pages/search/index${query.some(Boolean) ? '?' : ''}${query.filter(Boolean).join('&')}`;
  },
  adminOpinions: (noticeId?: string) => `/admin/pages/opinions/index${noticeId ? `?id=${encodeURIComponent(noticeId)}` : ''}`,
  adminNoticeHistory: (id: string) => `/admin/pages/notice-history/index?id=${encodeURIComponent(id)}`,
  adminNoticeVersion: (id: string, version: number) => `/admin/pages/notice-version/index?id=${encodeURIComponent(id)}&version=${version}`,

  // windows, ratings
  rate: (target: { visit: string } | { window: string } | { request: string }) =>
    `/rating/pages/rate/index?${Object.entries(target).map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&')}`,
  myRatings: () => '/rating/pages/mine/index',
  ratingStats: () => '/rating/pages/stats/index',
  adminWindows: () => '/admin/pages/windows/index',
  adminWindowEdit: (id?: string) => `/admin/pages/window-edit/index${id ? `?id=${encodeURIComponent(id)}` : ''}`,
  adminWindowQr: (id: string, mode: 'visit' | 'window') => `/admin/pages/window-qr/index?id=${encodeURIComponent(id)}&mode=${mode}`,
  /** `owed`: opened on the follow-ups still owed (待处理 and 整改中), as 我的待办 counts them. */
  adminFollowUps: (filter?: 'owed') => `/admin/pages/follow-ups/index${filter ? `?filter=${filter}` : ''}`,
  adminFollowUp: (id: string) => `/admin/pages/follow-up/index?id=${encodeURIComponent(id)}`,
  adminRanking: () => '/admin/pages/rating-ranking/index',

  // staff administration
  adminStaff: () => '/admin/pages/staff/index',
  staffJoin: (code?: string) => `/admin/pages/staff-join/index${code ? `?code=${encodeURIComponent(code)}` : ''}`,
  // inquiries, complaints, FAQ, the disclosure guide (residents: the `inquiry` subpackage)
  ask: (kind?: 'complaint') => `/inquiry/pages/ask/index${kind ? `?kind=${kind}` : ''}`,
  myCases: () => '/inquiry/pages/mine/index',
  myCase: (id?: string, caseNumber?: string) => `/inquiry/pages/case/index?${id ? `id=${encodeURIComponent(id)}` : `caseNumber=${encodeURIComponent(caseNumber ?? '')}`}`,
  faq: (p: { id?: string; q?: string } = {}) => `/inquiry/pages/faq/index${p.id ? `?id=${encodeURIComponent(p.id)}` : p.q ? `?q=${encodeURIComponent(p.q)}` : ''}`,
  disclosureGuide: () => '/inquiry/pages/guide/index',
  adminInquiries: () => '/admin/pages/inquiries/index',
  adminInquiry: (id: string) => `/admin/pages/inquiry/index?id=${encodeURIComponent(id)}`,
  adminInquiryEnter: () => '/admin/pages/inquiry-enter/index',
  adminInquiryFigures: (year?: number) => `/admin/pages/inquiry-figures/index${year ? `?year=${year}` : ''}`,
  adminGuideEdit: () => '/admin/pages/guide-edit/index',
  adminFaqEdit: (id?: string) => `/admin/pages/faq-edit/index${id ? `?id=${encodeURIComponent(id)}` : ''}`,
  // residents' own data
  myData: () => '/pages/my-data/index',
  privacyPolicy: () => '/pages/privacy/index',
  adminRetention: () => '/admin/pages/retention/index',

  /** Narrowed to one record: its box shows `recordLabel` (申请 2026-0001), never the id. */
  adminAudit: (recordId?: string, recordLabel?: string) =>
    `/admin/pages/audit/index${recordId ? `?recordId=${encodeURIComponent(recordId)}${recordLabel ? `&recordLabel=${encodeURIComponent(recordLabel)}` : ''}` : ''}`,

  // annual report
  adminReport: (year?: number) => `/admin/pages/report/index${year ? `?year=${year}` : ''}`,
  adminReportStats: (year?: number) => `/admin/pages/report-stats/index${year ? `?year=${year}` : ''}`,

  // 公开审查, and the staff's 我的待办
  /** `toDecide`: opened on what waits for this reviewer (not their own submissions), as 我的待办 counts it. */
  adminReviews: (filter?: 'toDecide') => `/admin/pages/reviews/index${filter ? `?filter=${filter}` : ''}`,
  adminReview: (id: string) => `/admin/pages/review/index?id=${encodeURIComponent(id)}`,
  adminReviewSettings: () => '/admin/pages/review-settings/index',

};

export function go(url: string): void {
  const [path, query = ''] = url.split('?');
  if (isTabPage(path)) {
    // WeChat switches to a tab page without a query; the page takes it when shown (tab-pages.ts).
    leaveTabQuery(path, query);
    void Taro.switchTab({ url: path });
    return;
  }
  void Taro.navigateTo({ url });
}
