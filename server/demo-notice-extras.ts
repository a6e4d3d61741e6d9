import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';
import { commentEvent, moderateComment, newComment, type NoticeComment } from '../shared/notices/notice-comments';
import { publishNotice } from '../shared/notices/notice-lifecycle';
import type { NoticeContent } from '../shared/notices/notice-schema';
import { beijingToday } from '../shared/time/beijing-time';
import type { Transaction } from '../cloudfunctions/_runtime/store/port';
import { changeNoticeIn, createNotice } from '../cloudfunctions/notices/change-notice';
import { changeRecordIn } from '../cloudfunctions/_runtime/change-record';
import { DEMO_EDITOR } from './demo-data';

dayjs.extend(utc);

/**
 * Demo content that needs fixed ids: a consultation that has
 * closed, its result notice linked back, and residents' opinions on it with
 * the bureau's replies (one kept from the public). Seeded inside the demo
 * seed's transaction.
 */
export const CLOSED_CONSULTATION_ID = 'demo-ev-charging-consultation';
export const CONSULTATION_RESULT_ID = 'demo-ev-charging-result';

export async function seedNoticeExtras(tx: Transaction, now: Date): Promise<void> {
  const today = dayjs.utc(beijingToday(now));
  const day = (offset: number) => today.add(offset, 'day').format('YYYY-MM-DD');
  const ago = (days: number, hours = 0) => new Date(now.getTime() - days * 86_400_000 + hours * 3_600_000);
  const editor = 'demo-editor';
  const base = { summary: '', attachments: [] as NoticeContent['attachments'] };

  const publish = async (id: string, content: NoticeContent, departmentName: string, daysAgo: number) => {
    const draft = await createNotice(tx, content, departmentName, DEMO_EDITOR, ago(daysAgo + 1), id);
    // History from before the seed: not announced to subscribers who arrive later.
    await changeNoticeIn(tx, { actor: DEMO_EDITOR, at: ago(daysAgo), id, version: draft.version, action: 'published', change: publishNotice, announce: false });
  };

  await publish(CLOSED_CONSULTATION_ID, {
    ...base,
    kind: 'consultation',
    title: '关于《云溪区住宅小区电动自行车集中充电设施建设导则（征求意见稿）》公开征求意见的公告',
    summary: '征求意见已结束，意见采纳情况已公布。',
    body:
      '为消除电动自行车“飞线充电”“入户充电”等安全隐患，我局起草了《云溪区住宅小区电动自行车集中充电设施建设导则（征求意见稿）》。\n\n' +
      '一、适用范围：本区已建成住宅小区新建、改建电动自行车集中停放充电场所。\n' +
      '二、主要内容：充电设施选址、消防安全间距、智能断电和计量收费要求。\n' +
      '三、意见反馈：请在征求意见期内通过本小程序留言。',
    departmentId: 'construction',
    period: { start: day(-60), end: day(-30) },
    resultNoticeId: CONSULTATION_RESULT_ID,
  }, '建筑业管理科', 60);

  await publish(CONSULTATION_RESULT_ID, {
    ...base,
    // Reported as a work report (重点工作通报): how the bureau acted on what residents said.
    kind: 'workReport',
    title: '《云溪区住宅小区电动自行车集中充电设施建设导则》征求意见采纳情况的说明',
    summary: '共收到意见26条，采纳14条，部分采纳5条。',
    body:
      '征求意见期间，共收到社会各界意见26条。经逐条研究，采纳14条，部分采纳5条，未采纳7条。\n\n' +
      '一、关于充电收费标准：采纳“按实际用电量计费、不得加收服务费以外费用”的建议。\n' +
      '二、关于设施选址：采纳“充电区域与住宅楼保持不小于6米间距”的建议。\n' +
      '三、未采纳的意见主要涉及已有法律法规明确规定的事项，已在答复中说明理由。',
    departmentId: 'construction',
  }, '建筑业管理科', 20);

  const opinions: Array<{ author: string; text: string; daysAgo: number; reply: string | null; hide?: boolean }> = [
    { author: 'demo-resident-1', text: '建议充电桩按实际用电量计费，不要另收高额服务费。', daysAgo: 55, reply: '感谢您的建议，已采纳，正式稿第十四条明确按实际用电量计费。' },
    { author: 'demo-resident-2', text: '我们小区没有空地，能否利用地下车库一角设置充电区？', daysAgo: 50, reply: '地下车库设置充电区须满足防火分隔要求，具体可咨询街道和消防部门，正式稿第八条已作说明。' },
    { author: 'demo-resident-3', text: '希望充电区离住宅楼远一些，保证安全。', daysAgo: 41, reply: '已采纳，正式稿规定与住宅楼间距不小于6米。' },
    { author: 'demo-resident-4', text: '物业一直不作为，建议直接撤换物业公司！', daysAgo: 35, reply: null, hide: true },
  ];
  for (const [i, o] of opinions.entries()) {
    const id = `demo-ev-opinion-${i + 1}`;
    const created = await tx.collection('noticeComments').insert({ ...(newComment(CLOSED_CONSULTATION_ID, o.author, o.text, null, ago(o.daysAgo)) as NoticeComment), id });
    await tx.collection('events').insert(commentEvent(id, 'commented', o.author, ago(o.daysAgo)));
    const decided = ago(o.daysAgo - 3);
    await changeRecordIn(tx, {
      collection: 'noticeComments',
      id,
      expectedVersion: created.version,
      notFound: 'COMMENT_NOT_FOUND',
      decide: (current) => ({
        patch: moderateComment(current, o.hide ? 'hide' : 'publish', o.reply ?? undefined, editor, decided),
        events: [commentEvent(id, o.hide ? 'hidden' : 'published', editor, decided, o.reply)],
      }),
    });
  }
}
