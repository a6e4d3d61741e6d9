import type { NoticeContentInput } from '../../shared/notices/notice-schema';

/** Small builders for valid notice content of each kind; tests override what they care about. */
const base = { title: '关于测试事项的通知', summary: '', body: '这是正文。', departmentId: 'office' };

export function announcement(overrides: Partial<NoticeContentInput> = {}): NoticeContentInput {
  return { kind: 'announcement', ...base, ...overrides } as NoticeContentInput;
}

export function publicity(overrides: Record<string, unknown> = {}): NoticeContentInput {
  return {
    kind: 'publicity',
    ...base,
    title: '某项目认定结果公示',
    period: { start: '2026-11-20', end: '2026-11-27' },
    objectionContact: '住房保障科 0571-8800 1234',
    ...overrides,
  } as NoticeContentInput;
}

export function policy(overrides: Record<string, unknown> = {}): NoticeContentInput {
  return {
    kind: 'policy',
    ...base,
    title: '某管理办法',
    docNumber: '云建发〔2026〕1号',
    issuingBody: '云溪区住房和城乡建设局',
    effectiveDate: '2026-01-01',
    validity: 'inForce',
    ...overrides,
  } as NoticeContentInput;
}

export function guide(overrides: Record<string, unknown> = {}): NoticeContentInput {
  return {
    kind: 'guide',
    ...base,
    title: '某事项办事指南',
    guide: {
      approvalItem: '某事项',
      legalBasis: '某法规第一条',
      conditions: '符合条件的申请人',
      procedure: '申请、受理、审查、决定',
      timeLimit: '5个工作日',
      fees: '不收费',
      materials: ['申请书'],
      sampleForm: '',
      contactPhone: '0571-8800 1230',
      processing: { type: 'promised', workingDays: 5 },
      location: { window: 'B12 窗口', address: '人民路88号', hours: '工作日 9:00—17:00' },
    },
    ...overrides,
  } as NoticeContentInput;
}

/** A consultation open from 2026-11-20 to 2026-12-20 (the harness clock is 2026-11-24). */
export function consultation(overrides: Record<string, unknown> = {}): NoticeContentInput {
  return {
    kind: 'consultation',
    ...base,
    title: '关于某办法（征求意见稿）公开征求意见的公告',
    period: { start: '2026-11-20', end: '2026-12-20' },
    ...overrides,
  } as NoticeContentInput;
}

/** A PDF attachment as the bureau's site links it. */
export function pdfAttachment(name: string) {
  return { name, url: `https://www.yunxi.gov.cn/files/${encodeURIComponent(name)}`, sizeBytes: 1024 };
}
