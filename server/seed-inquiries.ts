import { silentLogger } from '../cloudfunctions/_runtime/handler-context';
import { identifyCaller } from '../cloudfunctions/_runtime/identify-caller';
import { invoke } from '../cloudfunctions/_runtime/invoke';
import type { Store } from '../cloudfunctions/_runtime/store/port';
import type { NoticeSearch } from '../cloudfunctions/_runtime/store/search-port';
import { findFunction } from '../cloudfunctions/registry';
import { DEFAULT_GUIDE } from '../shared/inquiries/guide-types';
import { GUIDE_ID } from '../cloudfunctions/guide/guide-data';

const MARKER = 'demo-inquiries';

/**
 * The demo bureau's 咨询投诉 side, made once through the functions themselves: its 政府信息公开指南 with
 * the office's address and lines, a handful of 常见问题 its answerers keep, and cases in the states a
 * clerk meets — one past its answer date, one asked today, one answered (for demo-resident to rate) and
 * a call answered on the spot. The local cloud alone seeds these (not the test harness), so function
 * suites still number their cases from 1 and find only the entries they wrote.
 */
export async function seedDemoInquiries(store: Store, search: NoticeSearch, now: Date): Promise<boolean> {
  if (await store.collection('meta').get(MARKER)) return false;
  const clock = { now };
  const call = async (openid: string, fn: string, action: string, data: unknown): Promise<any> => {
    const caller = await identifyCaller(openid, store);
    const answer = await invoke(findFunction(fn)!, { action, data }, { caller, store, now: () => clock.now, log: silentLogger, platform: 'local', search });
    if (!answer.ok) throw new Error(`demo ${fn}.${action}: ${answer.code} ${answer.message} ${JSON.stringify(answer.fields ?? {})}`);
    return answer.data;
  };
  const daysAgo = (days: number) => new Date(now.getTime() - days * 86_400_000);

  // A data folder from before this seed may hold a guide its admin already edited: that one stays.
  if (!(await store.collection('guide').get(GUIDE_ID))) await call('demo-admin', 'guide', 'save', { version: 0, guide: {
    ...DEFAULT_GUIDE,
    office: { name: '云溪区住房和城乡建设局政务公开办公室', address: '云溪区人民路 88 号区行政中心 3 号楼 305 室', hours: '工作日 9:00-12:00，13:30-17:30（法定节假日除外）', phone: '0571-87650001', fax: '0571-87650002', email: 'gongkai@yunxi-zjj.example.cn' },
    inquiryLine: '0571-87650000',
    complaintLine: '0571-87650099',
  } });

  const entries = [
    { question: '申请公共租赁住房需要满足哪些条件？', answer: '具有本区户籍或持本区居住证满一年，家庭人均收入和住房面积低于当年公布的标准。详细标准见“办事”中的《公共租赁住房资格审核》办事指南。', topic: '公租房', departmentId: 'housing' },
    { question: '公租房租赁补贴每月什么时候发放？', answer: '审核通过后，自次月起每月 15 日前发放到申请人提供的银行账户；遇节假日顺延。', topic: '公租房', departmentId: 'housing' },
    { question: '房屋租赁登记备案要带哪些材料？', answer: '租赁双方身份证明、房屋权属证明和租赁合同原件，到区政务服务中心一楼 A 区 5 号窗口办理，当场办结。', topic: '租赁备案', departmentId: 'market' },
    { question: '老旧小区加装电梯需要哪些手续？', answer: '经本单元业主依法表决同意后，向街道提交申请和设计方案，公示无异议后办理施工手续。详见《既有住宅加装电梯》办事指南。', topic: '加装电梯', departmentId: 'construction' },
    { question: '怎样申请政府信息公开？要收费吗？', answer: '可在本小程序“我的 → 申请政府信息公开”在线提交，或书面、当面提交。一般不收费；申请数量、频次明显超过合理范围的，按规定收取信息处理费。', topic: '政府信息公开', departmentId: 'office' },
  ];
  for (const entry of entries) await call('demo-clerk', 'faq', 'save', { entry });

  // A question asked two weeks ago and still unanswered: past its 5 working days.
  clock.now = daysAgo(14);
  await call('demo-resident', 'inquiries', 'ask', { idempotencyKey: 'demo-inquiry-late', kind: 'inquiry', topic: '维修资金', departmentId: 'office', text: '小区电梯坏了，想用住宅专项维修资金维修，需要走什么程序？' });
  // One answered a week ago, for demo-resident to read and rate.
  clock.now = daysAgo(8);
  const answered = await call('demo-resident', 'inquiries', 'ask', { idempotencyKey: 'demo-inquiry-answered', kind: 'inquiry', topic: '物业服务', departmentId: 'market', text: '物业公司涨物业费需要经过业主同意吗？' });
  clock.now = daysAgo(6);
  const asked = await store.collection('inquiries').get(answered.id);
  await call('demo-admin', 'inquiries', 'answer', { id: answered.id, version: asked!.version, text: '住宅物业服务收费标准的调整，应当依照物业服务合同的约定并经业主大会或者业主依法表决同意，具体可向所在街道或我局房地产市场监管科咨询。' });
  // A call the hotline answered on the spot, and a question asked this morning.
  clock.now = daysAgo(1);
  await call('demo-clerk', 'inquiries', 'enter', { idempotencyKey: 'demo-inquiry-call', kind: 'inquiry', channel: 'phone', contactedAt: clock.now.toISOString(), topic: '办公时间', text: '来电询问政务服务中心周六是否办公。', contact: { name: '刘先生' }, answer: '周六上午 9:00-12:00 办理部分即办件，其余事项工作日办理。' });
  clock.now = now;
  await call('demo-resident', 'inquiries', 'ask', { idempotencyKey: 'demo-inquiry-open', kind: 'inquiry', topic: '公租房', text: '公租房申请提交后多久能知道审核结果？' });

  await store.collection('meta').insert({ id: MARKER, at: now.toISOString() });
  return true;
}
