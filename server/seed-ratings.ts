import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';
import { followUpDueDate, isOnTime, newFollowUp, respondToFollowUp, type FollowUpRecord } from '../shared/ratings/follow-up';
import { followUpStepDelta } from '../shared/ratings/rating-submission';
import { ratingEvent } from '../shared/ratings/rating-events';
import { ratingMonth } from '../shared/ratings/rating-identity';
import { isNegative, RATING_TAGS, type RatingLevel } from '../shared/ratings/rating-levels';
import type { RatingRecord, TallyRecord, WindowRecord } from '../shared/ratings/ratings-types';
import { applyDelta, emptyTally, ratingBasis, tallyId, tallyKeysOf, type Tally, type TallyDelta } from '../shared/ratings/satisfaction';
import type { Transaction } from '../cloudfunctions/_runtime/store/port';
import { TALLIES } from '../cloudfunctions/ratings/tallies';
import { isBuiltinWorkingDay } from '../cloudfunctions/ratings/working-days';

dayjs.extend(utc);

/**
 * Demo service windows and half a year of ratings for the demo bureau: mostly
 * good, as real bureaus report (97–99 %), with a few 差评 in every state of
 * their follow-up — answered on time, answered late, open, overdue, under
 * appeal — so every screen has something true to show. Deterministic, so
 * tests and screenshots see the same figures every time.
 */
export const DEMO_WINDOWS: Array<WindowRecord & { id: string }> = [
  win('win-approval-1', '1号窗口 · 施工许可', 'approval', '行政审批科', '区政务服务中心二楼 B 区 1 号', [['svc-permit', '建筑工程施工许可证核发'], ['svc-permit-change', '施工许可证变更']]),
  win('win-approval-2', '2号窗口 · 竣工验收备案', 'approval', '行政审批科', '区政务服务中心二楼 B 区 2 号', [['svc-acceptance', '竣工验收备案'], ['svc-fire', '消防验收备案']]),
  win('win-housing-1', '3号窗口 · 住房保障', 'housing', '住房保障科', '区政务服务中心一楼 A 区 3 号', [['svc-rent-subsidy', '公租房租赁补贴申请'], ['svc-public-rental', '公共租赁住房资格审核']]),
  win('win-market-1', '4号窗口 · 商品房预售', 'market', '房地产市场监管科', '区政务服务中心一楼 A 区 4 号', [['svc-presale', '商品房预售许可'], ['svc-contract-filing', '商品房买卖合同备案']]),
  win('win-market-2', '5号窗口 · 存量房交易', 'market', '房地产市场监管科', '区政务服务中心一楼 A 区 5 号', [['svc-resale-funds', '存量房交易资金监管'], ['svc-lease-filing', '房屋租赁登记备案']]),
  win('win-construction-1', '6号窗口 · 建筑业资质', 'construction', '建筑业管理科', '区政务服务中心二楼 C 区 6 号', [['svc-qualification', '建筑业企业资质核准'], ['svc-safety-licence', '安全生产许可证']]),
];

function win(id: string, name: string, departmentId: string, departmentName: string, location: string, services: Array<[string, string]>): WindowRecord & { id: string } {
  return { id, name, departmentId, departmentName, location, services: services.map(([sid, sname]) => ({ id: sid, name: sname })), active: true, createdAt: '', updatedAt: '', updatedBy: 'demo-admin' };
}

/** A small deterministic generator (mulberry32): the same demo every time. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const GOOD_COMMENTS = ['工作人员很耐心，一次就办好了', '材料清单讲得很清楚，谢谢', '比以前快多了，点赞', '', '', ''];
const BAD_COMMENTS = ['排队等了一个多小时，只开了一个窗口', '材料要求前后说法不一，跑了三趟', '工作人员态度生硬，问什么都说不清楚'];

function pickLevel(r: number, windowIndex: number): RatingLevel {
  // Window 5 (存量房交易) is the busy one with the most complaints, so the ranking has a bottom.
  const bad = windowIndex === 4 ? 0.06 : 0.015;
  if (r < bad * 0.4) return 'veryDissatisfied';
  if (r < bad) return 'dissatisfied';
  if (r < bad + 0.04) return 'basic';
  if (r < bad + 0.3) return 'satisfied';
  return 'verySatisfied';
}

export async function seedDemoRatings(tx: Transaction, now: Date): Promise<void> {
  const at = now.toISOString();
  for (const w of DEMO_WINDOWS) {
    await tx.collection('windows').insert({ ...w, createdAt: at, updatedAt: at });
    await tx.collection('events').insert(ratingEvent(w.id, 'windowCreated', 'demo-admin', now));
  }
  const rand = random(20261124);
  const tallies = new Map<string, TallyRecord>();
  const count = (rating: RatingRecord, delta: TallyDelta) => {
    const basis = ratingBasis(rating);
    for (const [scope, key] of tallyKeysOf(rating)) {
      const id = tallyId(scope, key, rating.month, basis);
      const current: Tally = tallies.get(id) ?? emptyTally();
      tallies.set(id, { scope, key, month: rating.month, basis, ...applyDelta(current, delta) });
    }
  };

  // About 4 ratings per window per month over four months (every test harness seeds this, so it stays
  // small; the bench stores a million), then a few 差评 in the last weeks. Demo history is not
  // replayed into `events`: the seed marker records when the demo was made.
  let n = 0;
  for (let daysAgo = 120; daysAgo >= 0; daysAgo -= 8) {
    for (let wi = 0; wi < DEMO_WINDOWS.length; wi++) {
      const w = DEMO_WINDOWS[wi];
      const createdAt = dayjs.utc(now).subtract(daysAgo, 'day').subtract(Math.floor(rand() * 6), 'hour').toDate();
      const level = pickLevel(rand(), wi);
      const negative = isNegative(level);
      const tags = RATING_TAGS[level].filter(() => rand() < 0.25).slice(0, 2);
      const comment = negative ? BAD_COMMENTS[n % BAD_COMMENTS.length] : GOOD_COMMENTS[Math.floor(rand() * GOOD_COMMENTS.length)];
      const service = w.services[Math.floor(rand() * w.services.length)];
      const rating: RatingRecord & { id: string } = {
        id: `seed-${String(++n).padStart(4, '0')}`,
        source: 'visit',
        visitCode: null,
        windowId: w.id,
        windowName: w.name,
        serviceId: service.id,
        serviceName: service.name,
        departmentId: w.departmentId,
        departmentName: w.departmentName,
        month: ratingMonth(createdAt),
        level,
        tags,
        comment,
        commentStatus: comment ? 'passed' : 'none',
        commentReason: null,
        anonymous: rand() < 0.3,
        raterOpenid: `demo-resident-${(n % 40) + 1}`,
        contactName: negative ? ['陈先生', '刘女士', '黄先生'][n % 3] : '',
        contactPhone: negative ? `1380013${String(8000 + n).slice(-4)}` : '',
        createdAt: createdAt.toISOString(),
        excluded: false,
        verified: true,
      };
      await tx.collection('ratings').insert(rating);
      const delta: TallyDelta = { level: { level, by: 1 } };
      if (negative) {
        const dueDate = followUpDueDate(createdAt, 15, isBuiltinWorkingDay);
        let followUp: FollowUpRecord & { id: string } = newFollowUp({ ...rating, level: level as FollowUpRecord['level'] }, createdAt, dueDate);
        delta.followUpsOpened = 1;
        delta.realNameOpened = rating.anonymous ? 0 : 1;
        // Older 差评 have been answered (one in five late) and closed; the recent ones are still open.
        if (daysAgo > 20) {
          const answeredAt = dayjs.utc(createdAt).add(n % 5 === 0 ? 30 : 6, 'day').toDate();
          const onTime = isOnTime(dueDate, answeredAt);
          const planned = n % 2 === 0;
          // A 限期整改 was carried out before its date, and only then closed.
          const rectifiedAt = planned ? dayjs.utc(answeredAt).add(12, 'day').toDate() : answeredAt;
          followUp = {
            ...followUp,
            status: 'closed',
            response: {
              contactMethod: 'phone',
              contactNote: '已电话联系居民，了解具体情况',
              finding: 'valid',
              rectification: n % 2 ? 'immediate' : 'plan',
              planDueDate: n % 2 ? null : dayjs.utc(answeredAt).add(20, 'day').format('YYYY-MM-DD'),
              answer: n % 2 ? '经核实情况属实，已调整窗口排班并在高峰时段增开窗口。' : '已建立整改台账，将于限期内完成材料清单的统一和公示。',
              respondedBy: 'demo-rater',
              respondedByName: '赵磊',
              respondedAt: answeredAt.toISOString(),
            },
            answeredOnTime: onTime,
            completion: planned
              ? { done: '已统一各窗口材料清单，并在大厅和网上公示。', by: 'demo-rater', byName: '赵磊', at: rectifiedAt.toISOString(), onTime: true }
              : null,
            rectifiedAt: rectifiedAt.toISOString(),
            feedback: { solved: n % 3 !== 0, note: '', at: rectifiedAt.toISOString() },
            closedAt: rectifiedAt.toISOString(),
            closedBy: 'demo-rater',
            closeNote: '已回访，办结',
            updatedAt: rectifiedAt.toISOString(),
          };
          delta.followUpsAnswered = 1;
          delta.followUpsOnTime = onTime ? 1 : 0;
          delta.realNameAnswered = rating.anonymous ? 0 : 1;
          delta.followUpsRectified = 1;
        }
        await tx.collection('followUps').insert(followUp);
      }
      count(rating, delta);
    }
  }
  // Four 差评 still being worked: one overdue, one just in, one the unit has appealed, one under a 限期整改
  // plan (answered four days ago, due to be done within 15 working days of the answer).
  const recent: Array<{ daysAgo: number; windowIndex: number; level: 'dissatisfied' | 'veryDissatisfied'; comment: string; appeal?: string; planAnsweredDaysAgo?: number }> = [
    { daysAgo: 26, windowIndex: 4, level: 'veryDissatisfied', comment: '资金监管账户开户要求跑了三趟才说清楚' },
    { daysAgo: 1, windowIndex: 2, level: 'dissatisfied', comment: '下午三点就不取号了，公示的时间是五点' },
    { daysAgo: 9, windowIndex: 3, level: 'dissatisfied', comment: '系统一直提示材料不全', appeal: '经核查当日为省平台系统故障，非窗口人员原因，申请复核' },
    { daysAgo: 7, windowIndex: 1, level: 'dissatisfied', comment: '大厅的材料清单和网上公布的不一样', planAnsweredDaysAgo: 4 },
  ];
  for (const r of recent) {
    const w = DEMO_WINDOWS[r.windowIndex];
    const createdAt = dayjs.utc(now).subtract(r.daysAgo, 'day').toDate();
    const rating: RatingRecord & { id: string } = {
      id: `seed-${String(++n).padStart(4, '0')}`,
      source: 'visit',
      visitCode: null,
      windowId: w.id,
      windowName: w.name,
      serviceId: w.services[0].id,
      serviceName: w.services[0].name,
      departmentId: w.departmentId,
      departmentName: w.departmentName,
      month: ratingMonth(createdAt),
      level: r.level,
      tags: [RATING_TAGS[r.level][0]],
      comment: r.comment,
      commentStatus: 'passed',
      commentReason: null,
      anonymous: r.windowIndex === 2,
      raterOpenid: `demo-resident-${n}`,
      contactName: '周女士',
      contactPhone: '13900139000',
      createdAt: createdAt.toISOString(),
      excluded: false,
      verified: true,
    };
    await tx.collection('ratings').insert(rating);
    let followUp = newFollowUp({ ...rating, level: r.level }, createdAt, followUpDueDate(createdAt, 15, isBuiltinWorkingDay));
    if (r.appeal) {
      followUp = { ...followUp, status: 'appealed', appeal: { reason: r.appeal, by: 'demo-rater', byName: '赵磊', at: at, statusBefore: 'open', decision: null } };
    }
    let answered: TallyDelta = {};
    if (r.planAnsweredDaysAgo !== undefined) {
      // Answered as ratings.respond answers (the same domain step and tally delta): 限期整改中 until its completion is recorded.
      const answeredAt = dayjs.utc(now).subtract(r.planAnsweredDaysAgo, 'day').toDate();
      const patch = respondToFollowUp(
        followUp,
        {
          contactMethod: 'phone',
          contactNote: '已电话联系周女士，当面核对了大厅和网上的材料清单',
          finding: 'valid',
          rectification: 'plan',
          planDueDate: followUpDueDate(answeredAt, 15, isBuiltinWorkingDay),
          answer: '经核实情况属实。已建立整改台账，将统一大厅、网上和窗口的材料清单，限期内完成并公示。',
          respondedBy: 'demo-rater',
          respondedByName: '赵磊',
          respondedAt: answeredAt.toISOString(),
        },
        answeredAt,
      );
      answered = followUpStepDelta(followUp, patch) ?? {};
      followUp = { ...followUp, ...patch };
    }
    await tx.collection('followUps').insert(followUp);
    count(rating, { level: { level: r.level, by: 1 }, followUpsOpened: 1, realNameOpened: rating.anonymous ? 0 : 1, ...answered });
  }

  // Two bare window-QR ratings this week (no visit behind them): unverified, kept and shown apart,
  // outside the official figures, so the demo shows the split.
  for (const [daysAgo, level] of [[2, 'basic'], [3, 'verySatisfied']] as const) {
    const w = DEMO_WINDOWS[0];
    const createdAt = dayjs.utc(now).subtract(daysAgo, 'day').toDate();
    const rating: RatingRecord & { id: string } = {
      id: `seed-${String(++n).padStart(4, '0')}`,
      source: 'window',
      visitCode: null,
      windowId: w.id,
      windowName: w.name,
      serviceId: null,
      serviceName: null,
      departmentId: w.departmentId,
      departmentName: w.departmentName,
      month: ratingMonth(createdAt),
      level,
      tags: [],
      comment: '',
      commentStatus: 'none',
      commentReason: null,
      anonymous: true,
      raterOpenid: `demo-passer-by-${n}`,
      contactName: '',
      contactPhone: '',
      createdAt: createdAt.toISOString(),
      excluded: false,
      verified: false,
    };
    await tx.collection('ratings').insert(rating);
    count(rating, { level: { level, by: 1 } });
  }

  for (const [id, tally] of tallies) await tx.collection(TALLIES).insert({ id, ...tally });
}
