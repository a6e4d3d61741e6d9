// Data the benches load before they measure, written once here: published notices with bodies of
// about 2,000 characters (sentences drawn from a bureau's vocabulary, so words match subsets as in
// real records), and paper disclosure requests received over the last 60 days. Both go straight into
// the store in large transactions (no functions, no events): a bench measures reading and serving
// them, not loading them.
import { builtinArrangement } from '../shared/calendar/builtin-arrangements';
import { addDays } from '../shared/calendar/dates';
import { buildCalendar } from '../shared/calendar/working-calendar';
import { newNotice, publishNotice } from '../shared/notices/notice-lifecycle';
import type { Notice, NoticeContent } from '../shared/notices/notice-schema';
import { NOTICE_KINDS } from '../shared/notices/notice-kinds';
import { newRequest, transition } from '../shared/requests/request-machine';
import { formatTrackingNumber, type RequestRecord } from '../shared/requests/request-record';
import { SubmitSchema } from '../shared/requests/request-schema';
import { beijingToday } from '../shared/time/beijing-time';
import { DEMO_DEPARTMENTS } from '../server/demo-data';
import type { SqliteStore } from '../cloudfunctions/_runtime/store/sqlite-store';
import { SqliteNoticeSearch } from '../cloudfunctions/_runtime/store/sqlite-search';

export const SENTENCES = [
  '为进一步推进政务公开工作，现将有关事项公告如下。', '根据《中华人民共和国政府信息公开条例》的规定，结合本区实际，制定本办法。',
  '既有住宅加装电梯应当经本单元业主依法表决同意。', '物业服务企业应当按照合同约定提供服务，不得擅自提高收费标准。',
  '保障性租赁住房项目认定结果予以公示，公示期为七日。', '建筑施工企业应当落实安全生产主体责任，加强施工现场管理。',
  '老旧小区改造优先解决供排水、供电、燃气管网老化等问题。', '申请人对公示内容有异议的，可在公示期内实名反映。',
  '消防通道是生命通道，任何单位和个人不得占用、堵塞。', '燃气管道改造工程将分批实施，请居民配合入户安全检查。',
  '住房公积金缴存职工可按规定申请提取用于支付房租。', '建设单位应当在开工前依法申领建筑工程施工许可证。',
  '商品房预售资金应当全部存入监管账户，专款专用。', '农民工工资支付保障制度应当在项目开工前落实到位。',
  '本通知自发布之日起施行，此前规定与本通知不一致的，以本通知为准。', '各街道、各有关单位要高度重视，确保各项工作落到实处。',
  '公共租赁住房实行轮候制度，按照申请顺序配租。', '房屋租赁合同订立后三十日内应当办理登记备案。',
  '城市更新项目应当坚持留改拆并举，保护历史文化风貌。', '冬季施工期间应当采取防冻、防滑等安全措施。',
  '电动自行车集中充电设施应当与住宅楼保持安全距离。', '住宅专项维修资金的使用应当经业主依法表决。',
  '本区将开展住宅小区消防安全专项整治行动。', '对检查中发现的问题，责令限期整改，逾期未改的依法处理。',
];

/** Searches a resident might type: each matches a share of the loaded notices. */
export const SEARCHES = ['加装电梯', '物业服务', '保障性租赁住房', '云建发', '消防', '公示', '燃气管道改造', '施工许可'];

/** The id of the i-th loaded notice, and its kind: the five reading kinds in turn (guides need their nine items). */
export const benchNoticeId = (i: number) => `bench-${i}`;
export const benchNoticeKind = (i: number) => NOTICE_KINDS[i % 5];

/** Loads `rows` published notices, one every 50 minutes from 2016 on; `progress` hears every 20,000. */
export async function fillNotices(store: SqliteStore, rows: number, progress?: (done: number) => void): Promise<void> {
  // The search index exists before the load, so its triggers index every row as it is written.
  await new SqliteNoticeSearch(store).search({ terms: ['预热'], order: 'newest', limit: 1 });
  const names = new Map(DEMO_DEPARTMENTS.map((d) => [d.id, d.name]));
  let seed = 42;
  const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
  const BATCH = 2_000;
  for (let done = 0; done < rows; done += BATCH) {
    await store.transaction(async (tx) => {
      for (let i = done; i < Math.min(rows, done + BATCH); i++) {
        let body = '';
        while (body.length < 2_000) body += SENTENCES[Math.floor(random() * SENTENCES.length)];
        const department = DEMO_DEPARTMENTS[i % DEMO_DEPARTMENTS.length];
        const kind = benchNoticeKind(i);
        const content = {
          kind: kind === 'policy' || kind === 'consultation' || kind === 'publicity' ? 'announcement' : kind,
          title: `关于第${i}号事项的${['公告', '通知', '通报', '公示', '说明'][i % 5]}`,
          summary: '为进一步推进政务公开工作，现将有关事项公示如下。',
          body,
          departmentId: department.id,
          attachments: [],
        } as NoticeContent;
        const at = new Date(Date.parse('2016-01-01T00:00:00Z') + i * 3_000_000);
        const draft = { ...newNotice(content, names.get(department.id) ?? '', 'bench', at), id: benchNoticeId(i), version: 1 } as Notice;
        await tx.collection('notices').insert({ ...draft, ...publishNotice(draft, 'bench', at) } as Notice);
      }
    });
    if (progress && (done / BATCH) % 10 === 0) progress(Math.min(rows, done + BATCH));
  }
}

/** The i-th application of a bench: valid, with its own submission key. */
export const benchApplication = (i: number) =>
  SubmitSchema.parse({
    idempotencyKey: `bench-${i.toString(36).padStart(8, '0')}`,
    applicant: { type: 'person', name: `申请人${i}`, idType: 'residentId', idNumber: '330106199003071236', phone: '13812345678' },
    information: { description: `请公开第 ${i} 号小区老旧小区改造项目的招标文件、中标结果及资金拨付情况。`.repeat(3), title: `第 ${i} 号小区改造项目招标文件` },
    form: 'electronic',
    delivery: 'inApp',
  });

/** The id of the i-th loaded request, and whether it is still open (not answered) after the load. */
export const benchRequestId = (i: number) => `bench-request-${i}`;
export const benchRequestOpen = (i: number) => !(i % 3 === 0 || i % 60 > 25);

/** The clerk's own department: every loaded request is in her queue, the heaviest a queue gets. */
const OFFICE = { id: 'office', name: '局办公室' };

/**
 * Loads `rows` paper requests entered by the demo clerk into her department, received over the last 60 days: a third
 * answered at once, and every one received more than 25 days ago answered too, as a bureau keeping
 * its deadlines would (with 30,000 overdue requests the staff reminder scan, not the queue, is what
 * the figures would show). Their tracking numbers are last year's, so this year's sequence is the app's.
 */
export async function fillRequests(store: SqliteStore, rows: number, now: Date): Promise<void> {
  const calendar = buildCalendar([], builtinArrangement);
  const today = beijingToday(now);
  const clerk = { role: 'staff' as const, openid: 'demo-clerk', name: '李华' };
  const year = Number(today.slice(0, 4));
  const BATCH = 5_000;
  for (let from = 0; from < rows; from += BATCH) {
    await store.transaction(async (tx) => {
      for (let i = from; i < Math.min(rows, from + BATCH); i += 1) {
        const receivedOn = addDays(today, -(i % 60));
        const { record } = newRequest(benchApplication(i), { channel: 'letter', receivedOn, enteredBy: clerk, department: OFFICE }, formatTrackingNumber(year - 1, i + 1), now, calendar);
        let stored = record as RequestRecord;
        if (!benchRequestOpen(i)) {
          const result = transition({ ...stored, id: benchRequestId(i), version: 1 }, { type: 'reply', actor: clerk, category: 'disclosed', text: '予以公开。', attachments: [], government: '云溪区人民政府' }, now, calendar);
          stored = { ...stored, ...result.request };
        }
        await tx.collection('requests').insert({ ...stored, id: benchRequestId(i) });
      }
    });
  }
}
