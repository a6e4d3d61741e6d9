import { builtinArrangement } from '../../shared/calendar/builtin-arrangements';
import { calculateDueDate } from '../../shared/calendar/due-date-calculator';
import { countWorkingDays } from '../../shared/calendar/working-day-count';
import { buildCalendar } from '../../shared/calendar/working-calendar';
import { newCase, stepCase, type NewCase } from '../../shared/inquiries/case-machine';
import { scopeOf, staffMaySee } from '../../shared/inquiries/case-access';
import { formatCaseNumber } from '../../shared/inquiries/inquiry-types';

const calendar = buildCalendar([], builtinArrangement);
/** 2026-09-28 10:00 Beijing, a Monday three days before 国庆. */
const BEFORE_NATIONAL_DAY = new Date('2026-09-28T02:00:00Z');

const asked = (over: Partial<NewCase> = {}): NewCase => ({
  kind: 'inquiry',
  topic: '养犬登记',
  department: null,
  text: '养犬登记需要什么材料？',
  attachments: [],
  contact: { name: '周丽', phone: '13900001111' },
  replyBy: 'app',
  anonymous: false,
  answerWorkingDays: 5,
  source: { channel: 'online', ownerOpenid: 'resident-a' },
  ...over,
});

describe('case numbers', () => {
  test('咨〔2026〕000123号 for an inquiry, 投〔…〕 for a complaint, six digits', () => {
    expect(formatCaseNumber('inquiry', 2026, 123)).toBe('咨〔2026〕000123号');
    expect(formatCaseNumber('complaint', 2027, 1)).toBe('投〔2027〕000001号');
  });
});

describe('answer deadline in working days on the bureau calendar', () => {
  test('5 working days from the Monday before 国庆 skip the holiday week and count the Saturday 调休 (2026-10-10)', () => {
    const c = newCase(asked(), '咨〔2026〕000001号', BEFORE_NATIONAL_DAY, calendar);
    expect(c.receivedOn).toBe('2026-09-28');
    expect(c.dueOn).toBe('2026-10-10');
    expect(c.dueProvisional).toBe(false);
    expect(c.status).toBe('open');
  });

  test('a complaint gets its own (longer) period: 15 working days over 国庆 end on 2026-10-23', () => {
    const c = newCase(asked({ kind: 'complaint', answerWorkingDays: 15 }), '投〔2026〕000001号', BEFORE_NATIONAL_DAY, calendar);
    expect(countWorkingDays(calendar, '2026-09-28', 15).dueOn).toBe('2026-10-23');
    expect(c.dueOn).toBe('2026-10-23');
  });

  test('a count running into a year whose 调休 is not published is provisional, and still skips 元旦', () => {
    const c = newCase(asked(), '咨〔2026〕000002号', new Date('2026-12-25T02:00:00Z'), calendar);
    expect(c.dueOn).toBe('2027-01-04');
    expect(c.dueProvisional).toBe(true);
  });

  test('the calculator explains the count: holiday skipped, 调休 counted, what may change it', () => {
    const answer = calculateDueDate(calendar, '2026-09-28');
    expect(answer.workingDays).toBe(20);
    expect(answer.holidaysSkipped).toEqual(['国庆节（10月1日至10月7日，共 7 天）']);
    expect(answer.makeupWorkdays[0]).toContain('10月10日');
    expect(answer.days.filter((d) => d.count !== null)).toHaveLength(20);
    expect(answer.mayChange.join('')).toContain('第三十条');
    expect(calculateDueDate(calendar, '2026-12-20').provisional).toBe(true);
  });
});

describe('a case from question to answer', () => {
  const now = BEFORE_NATIONAL_DAY;
  const base = () => ({ ...newCase(asked(), '咨〔2026〕000003号', now, calendar), id: 'c1', version: 1 });
  const staff = { role: 'staff' as const, openid: 'demo-clerk', name: '李华' };
  const resident = { role: 'resident' as const, openid: 'resident-a', name: null };

  test('asking for more stops the clock; giving it restarts the clock from that day (一次性告知)', () => {
    const c = base();
    const more = stepCase(c, { type: 'askMore', actor: staff, items: ['小区名称', '犬只品种'] }, now, calendar);
    expect(more.patch.status).toBe('moreAsked');
    expect(more.patch.dueOn).toBeNull();
    expect(more.notifications).toEqual([{ kind: 'inquiryMoreAsked', openid: 'resident-a', caseId: 'c1', caseNumber: '咨〔2026〕000003号' }]);
    const waiting = { ...c, ...more.patch };
    const given = stepCase(waiting, { type: 'giveMore', actor: resident, text: '云溪花园，柯基', attachments: [] }, new Date('2026-10-09T02:00:00Z'), calendar);
    expect(given.patch.clockFrom).toBe('2026-10-09');
    // Oct 10 (调休 Saturday) is day 1, then 12, 13, 14, 15.
    expect(given.patch.dueOn).toBe('2026-10-15');
    expect(() => stepCase(waiting, { type: 'answer', actor: staff, text: '答复' }, now, calendar)).toThrow(/等待当事人补充/);
  });

  test('an answer notifies the asker; a follow-up reopens the case with a new clock', () => {
    const answered = { ...base(), ...stepCase(base(), { type: 'answer', actor: staff, text: '请携带身份证办理。' }, now, calendar).patch };
    expect(answered.status).toBe('answered');
    expect(answered.open).toBe(false);
    const rated = stepCase(answered, { type: 'rate', actor: resident, helpful: false, reason: '没说地点' }, now, calendar);
    expect(rated.patch.rating).toMatchObject({ helpful: false, reason: '没说地点' });
    const again = stepCase({ ...answered, ...rated.patch }, { type: 'followUp', actor: resident, text: '去哪里办？', attachments: [] }, new Date('2026-10-12T02:00:00Z'), calendar);
    expect(again.patch).toMatchObject({ status: 'open', clockFrom: '2026-10-12', rating: null, dueOn: '2026-10-19' });
  });

  test('an anonymous complaint carries no contact and is never notified, nor published as FAQ', () => {
    const c = { ...newCase(asked({ kind: 'complaint', anonymous: true, contact: { name: '不该留下', phone: '13900001111' } }), '投〔2026〕000001号', now, calendar), id: 'c2', version: 1 };
    expect(c.contact).toBeNull();
    expect(c.scope).toBe('admins');
    const answered = stepCase(c, { type: 'answer', actor: staff, text: '已转交处理。' }, now, calendar);
    expect(answered.notifications).toEqual([]);
    expect(() => stepCase({ ...c, ...answered.patch }, { type: 'publishFaq', actor: staff, faqId: 'f1' }, now, calendar)).toThrow(/投诉举报不能发布/);
  });

  test('a call answered on the spot is a case closed at once, counted under its channel', () => {
    const c = newCase(
      asked({ contact: { name: '王先生', phone: null }, source: { channel: 'phone', contactedAt: '2026-09-28T01:30:00.000Z', enteredBy: staff, answerOnTheSpot: '可到政务服务中心办理。' } }),
      '咨〔2026〕000004号',
      now,
      calendar,
    );
    expect(c).toMatchObject({ status: 'closed', open: false, channel: 'phone', dueOn: null, ownerOpenid: null });
    expect(c.history.map((h) => h.action)).toEqual(['entered', 'answeredOnTheSpot']);
  });
});

describe('who on the staff sees a case', () => {
  const viewer = (openid: string, departmentIds: string[], isAdmin = false) => ({ openid, departmentIds, isAdmin });
  test('a complaint: admins, and the answerer it is assigned to; nobody else', () => {
    const unassigned = { scope: scopeOf({ kind: 'complaint', departmentId: 'office', assignedTo: null }) };
    expect(staffMaySee(unassigned, viewer('demo-admin', [], true))).toBe(true);
    expect(staffMaySee(unassigned, viewer('demo-clerk', ['office']))).toBe(false);
    const assigned = { scope: scopeOf({ kind: 'complaint', departmentId: 'office', assignedTo: { openid: 'demo-clerk', name: '李华' } }) };
    expect(staffMaySee(assigned, viewer('demo-clerk', ['office']))).toBe(true);
    expect(staffMaySee(assigned, viewer('other-answerer', ['office']))).toBe(false);
  });
  test('an inquiry: its department, or everyone while it has none', () => {
    expect(staffMaySee({ scope: scopeOf({ kind: 'inquiry', departmentId: 'housing', assignedTo: null }) }, viewer('demo-clerk', ['office']))).toBe(false);
    expect(staffMaySee({ scope: scopeOf({ kind: 'inquiry', departmentId: null, assignedTo: null }) }, viewer('demo-clerk', ['office']))).toBe(true);
  });
});
