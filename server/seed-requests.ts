import { builtinArrangement } from '../shared/calendar/builtin-arrangements';
import { addDays } from '../shared/calendar/dates';
import { addWorkingDays, buildCalendar, workingDaysBetween, type WorkingCalendar } from '../shared/calendar/working-calendar';
import { lapsedSupplementClosure, newRequest, type RequestCommand } from '../shared/requests/request-machine';
import { BUILTIN_LETTER_TEMPLATES } from '../shared/requests/letters';
import { formatTrackingNumber, type Actor, type RequestRecord } from '../shared/requests/request-record';
import { SubmitSchema, type SubmitInput } from '../shared/requests/request-schema';
import { beijingToday } from '../shared/time/beijing-time';
import type { Transaction } from '../cloudfunctions/_runtime/store/port';
import { changeRecordIn } from '../cloudfunctions/_runtime/change-record';
import { keepRequestFacts } from '../cloudfunctions/_runtime/derived-records';
import { decideRequestChange } from '../cloudfunctions/requests/apply-command';
import { BUREAU_NAME } from './demo-data';

/** The people's government at the bureau's level: it hears 行政复议 against the bureau (the remedies sentence). */
const GOVERNMENT_NAME = '云溪区人民政府';

/** The resident who owns the demo's online requests: sign in as `demo-resident` to see 我的申请 filled. */
export const DEMO_RESIDENT = 'demo-resident';

const clerk: Actor = { role: 'staff', openid: 'demo-clerk', name: '李华' };
const resident: Actor = { role: 'applicant', openid: DEMO_RESIDENT, name: null };

interface DemoRequest {
  application: Omit<SubmitInput, 'idempotencyKey'>;
  /** Working days before seeding that it arrived. */
  arrivedWorkingDaysAgo: number;
  channel: 'online' | 'letter';
  /** Steps after arrival: [working days after arrival, command made from the step's day and the request as it then is]. */
  steps: Array<[number, (on: string, current: RequestRecord) => RequestCommand]>;
}

const person = (name: string, idNumber: string, phone: string) => ({ type: 'person' as const, name, idType: 'residentId' as const, idNumber, phone });

/** 李华 works in 局办公室, which handles the demo's requests (department-scope.ts). */
const OFFICE = { id: 'office', name: '局办公室' };
const register = (): RequestCommand => ({ type: 'register', actor: clerk, department: OFFICE });
/** The calendar the demo is dated on (the built-in arrangements, as seedDemoRequests counts). */
const DEMO_CALENDAR = buildCalendar([], builtinArrangement);

const DEMO_REQUESTS: DemoRequest[] = [
  {
    application: {
      applicant: person('陈晓明', '330106199003071236', '13812345678'),
      information: { description: '请公开云溪区 2025 年度老旧小区改造项目（含阳光花园小区）的招标文件和中标结果公告。', title: '2025 年度老旧小区改造项目招标文件及中标结果' },
      form: 'electronic',
      delivery: 'inApp',
    },
    arrivedWorkingDaysAgo: 1,
    channel: 'online',
    steps: [],
  },
  {
    application: {
      applicant: person('刘芳', '11010519491231002X', '13900002222'),
      information: { description: '请提供我所居住的翠湖苑小区加装电梯项目的审批文件及财政补助拨付情况。' },
      form: 'electronic',
      delivery: 'inApp',
    },
    arrivedWorkingDaysAgo: 18,
    channel: 'online',
    steps: [[0, register]],
  },
  {
    application: {
      applicant: { type: 'organization', orgKind: 'legalService', name: '云溪明理律师事务所', creditCode: '91350100M000100Y43', phone: '13700003333', address: '云溪区文三路 12 号' },
      information: { description: '请公开 2024 年度全区物业服务企业信用评价结果及扣分依据。', docNumber: '云建发〔2024〕31号' },
      form: 'paper',
      delivery: 'post',
    },
    arrivedWorkingDaysAgo: 22,
    channel: 'letter',
    steps: [],
  },
  {
    application: {
      applicant: person('王强', '330106199003071236', '15800004444'),
      information: { description: '请公开关于我们小区的那个文件。' },
      form: 'electronic',
      delivery: 'inApp',
    },
    arrivedWorkingDaysAgo: 3,
    channel: 'online',
    steps: [
      [0, register],
      [1, () => ({ type: 'askSupplement', actor: clerk, items: ['请写明小区名称和所需文件的名称或文号', '请说明所需信息的大致年份'], workingDays: 10 })],
    ],
  },
  {
    application: {
      applicant: { type: 'organization', orgKind: 'research', name: '云溪城市发展研究院', creditCode: '52330106MJ8765432T', phone: '13600005555', email: 'research@example.org.cn' },
      information: { description: '请公开城东片区棚户区改造项目的征收补偿方案及签约进度。', title: '城东片区征收补偿方案' },
      purpose: '学术研究',
      form: 'electronic',
      delivery: 'email',
    },
    arrivedWorkingDaysAgo: 12,
    channel: 'online',
    steps: [
      [0, register],
      [4, () => ({ type: 'startConsultation', actor: clerk, party: 'thirdParty', partyName: '云溪城东建设开发有限公司', matter: '签约进度表含该公司经营信息，征求其是否同意公开。' })],
    ],
  },
  {
    application: {
      applicant: person('陈晓明', '330106199003071236', '13812345678'),
      information: { description: '请公开 2026 年度住房保障家庭租赁补贴的申请条件和补贴标准。' },
      form: 'electronic',
      delivery: 'inApp',
    },
    arrivedWorkingDaysAgo: 16,
    channel: 'online',
    steps: [
      [0, register],
      [6, () => ({ type: 'reply', actor: clerk, category: 'disclosed', text: '您申请的信息已主动公开，附件为该文件全文。', attachments: [{ name: '云溪区住房保障家庭租赁补贴实施细则.pdf', url: 'https://yunxi.example.gov.cn/files/zlbt.pdf', sizeBytes: 245_760 }], government: GOVERNMENT_NAME, details: { whereToFind: '本小程序“政务公开—政策文件”栏目《云溪区住房保障家庭租赁补贴实施细则》' } })],
    ],
  },
  {
    application: {
      applicant: person('陈晓明', '330106199003071236', '13812345678'),
      information: { description: '请公开本街道 2026 年第三季度房屋安全排查结果。' },
      form: 'electronic',
      delivery: 'inApp',
    },
    arrivedWorkingDaysAgo: 8,
    channel: 'online',
    steps: [
      [0, register],
      [2, () => ({ type: 'withdraw', actor: resident, reason: '已在街道公告栏看到' })],
    ],
  },
  {
    application: {
      applicant: person('周建华', '440524198001010013', '13500006666'),
      information: { description: '请提供云溪区 2015 年以来全部住宅小区规划审批档案的复印件。', title: '住宅小区规划审批档案' },
      form: 'paper',
      delivery: 'pickup',
    },
    arrivedWorkingDaysAgo: 6,
    channel: 'online',
    steps: [
      [0, register],
      // 条例 Art. 42: 120 pages by the 办法's 按量 table (70 × 10 元 + 20 × 20 元), awaiting payment.
      [2, () => ({ type: 'askFee', actor: clerk, method: 'perPage', units: 120, waive: false, reducedTo: null, reason: null, month: { month: '', itemsBefore: 0, otherMethod: null } })],
    ],
  },
  {
    application: {
      applicant: person('周建华', '440524198001010013', '13500006666'),
      information: { description: '请逐一提供云溪区 2015 年以来每一个住宅小区的竣工验收备案表及附件。', title: '住宅小区竣工验收备案表' },
      form: 'electronic',
      delivery: 'inApp',
    },
    arrivedWorkingDaysAgo: 9,
    channel: 'online',
    steps: [
      [0, register],
      // 条例 Art. 35: the applicant is asked for reasons (待说明理由); demo-resident answers in the app, or the clerk records a letter.
      [3, () => ({ type: 'askReasons', actor: clerk, text: '您本月已提出政府信息公开申请 40 余件，所申请信息涉及全区全部住宅小区，请说明申请用途，以及能否缩小申请范围。' })],
    ],
  },
  {
    application: {
      applicant: person('刘芳', '11010519491231002X', '13900002222'),
      information: { description: '请公开我们小区的维修资金使用情况。' },
      form: 'electronic',
      delivery: 'inApp',
    },
    arrivedWorkingDaysAgo: 20,
    channel: 'online',
    steps: [
      [0, register],
      [1, () => ({ type: 'askSupplement', actor: clerk, items: ['请写明小区名称', '请说明所需维修资金使用情况的年份范围'], workingDays: 5 })],
      // The period ran out unanswered: the system closed it (Art. 30) …
      [10, (_on, current) => lapsedSupplementClosure(current, DEMO_CALENDAR)],
      // … and the letter that came late with good reason reopened it: both stay on the timeline.
      [12, (on) => ({ type: 'recordSupplement', actor: clerk, receivedOn: on, text: '申请人来信补正：小区为翠湖苑，所需为 2024—2025 年度维修资金使用情况。', attachments: [], lateReason: '申请人补正期间住院治疗，出院后即寄出补正材料，附医院出院证明' })],
    ],
  },
];

/**
 * Demo disclosure requests in every state, dated relative to the seeding day
 * so the staff queue always shows something due soon and something overdue.
 * Written through the same state machine as real ones, with their events.
 */
export async function seedDemoRequests(tx: Transaction, now: Date): Promise<void> {
  await tx.collection('meta').insert({ id: 'bureau', name: BUREAU_NAME, government: GOVERNMENT_NAME });
  const letters = { templates: BUILTIN_LETTER_TEMPLATES, bureau: { name: BUREAU_NAME, government: GOVERNMENT_NAME } };
  const calendar = DEMO_CALENDAR;
  const today = beijingToday(now);
  const sequences = new Map<number, number>();
  let key = 0;

  for (const demo of DEMO_REQUESTS) {
    const arrived = workingDaysBefore(calendar, today, demo.arrivedWorkingDaysAgo);
    const year = Number(arrived.slice(0, 4));
    const sequence = (sequences.get(year) ?? 0) + 1;
    sequences.set(year, sequence);
    key += 1;
    const application = SubmitSchema.parse({ ...demo.application, idempotencyKey: `demo-seed-${key}` });
    const source =
      demo.channel === 'online'
        ? ({ channel: 'online', ownerOpenid: DEMO_RESIDENT } as const)
        : ({ channel: 'letter', receivedOn: arrived, enteredBy: clerk, department: OFFICE } as const);
    const { record } = newRequest(application, source, formatTrackingNumber(year, sequence), atBeijingNine(arrived), calendar);
    let stored = await tx.collection('requests').insert(record as RequestRecord);
    await keepRequestFacts(tx, stored);
    await tx.collection('events').insert({ subjectType: 'request', subjectId: stored.id, action: record.history[0].kind, actor: record.history[0].actorOpenid ?? 'system', at: record.submittedAt, detail: record.trackingNumber });
    // Each step on the change road, as a clerk's or the applicant's would be: its letter and its events.
    // The demo applicant's past news is not replayed into 消息: the demo inbox starts empty, as it did
    // before these requests existed, and only what happens after the seed is announced.
    for (const [after, step] of demo.steps) {
      const on = addWorkingDays(calendar, arrived, after);
      const at = atBeijingNine(on, after === 0 ? 1 : 0);
      const command = step(on, stored);
      // A fee's month is the natural month the request arrived in (nothing else of the demo applicant's counts).
      if (command.type === 'askFee') command.month = { ...command.month, month: arrived.slice(0, 7) };
      const decide = decideRequestChange(command, at, calendar, letters, async () => undefined);
      ({ record: stored } = await changeRecordIn(tx, { collection: 'requests', id: stored.id, expectedVersion: stored.version, notFound: 'REQUEST_NOT_FOUND', decide }));
    }
  }
  for (const [year, value] of sequences) await tx.collection('counters').insert({ id: `requests-${year}`, value });
}

function workingDaysBefore(calendar: WorkingCalendar, today: string, n: number): string {
  let date = today;
  while (workingDaysBetween(calendar, date, today) < n) date = addDays(date, -1);
  return date;
}

/** 09:00 Beijing on `date` (plus `hours`), as a UTC instant. */
function atBeijingNine(date: string, hours = 0): Date {
  return new Date(Date.parse(`${date}T01:00:00Z`) + hours * 3_600_000);
}
