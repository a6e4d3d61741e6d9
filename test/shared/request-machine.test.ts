import { AppError } from '../../shared/api/errors';
import { builtinArrangement } from '../../shared/calendar/builtin-arrangements';
import { buildCalendar, type WorkingCalendar } from '../../shared/calendar/working-calendar';
import { allowedCommands, checkCommand, dueOf, lapsedSupplementClosure, newRequest, refusalOf, supplementLapsed, transition, type RequestCommand } from '../../shared/requests/request-machine';
import type { Actor, RequestRecord } from '../../shared/requests/request-record';
import { SubmitSchema, type RequestStatus } from '../../shared/requests/request-schema';
import type { RequestCommandName } from '../../shared/requests/request-types';
import { application } from '../support/request-factories';

const calendar = buildCalendar([], builtinArrangement);
const resident: Actor = { role: 'applicant', openid: 'resident-a', name: null };
const stranger: Actor = { role: 'applicant', openid: 'resident-b', name: null };
const clerk: Actor = { role: 'staff', openid: 'demo-clerk', name: '李华' };

/** Beijing 10:00 on a date. */
const at = (date: string) => new Date(`${date}T02:00:00Z`);

function submitted(on = '2026-09-28'): RequestRecord {
  const { record } = newRequest(SubmitSchema.parse(application()), { channel: 'online', ownerOpenid: 'resident-a' }, '依申〔2026〕000001号', at(on), calendar);
  return { ...record, id: 'r1', version: 1 } as RequestRecord;
}

function apply(r: RequestRecord, command: RequestCommand, on: string, cal: WorkingCalendar = calendar): RequestRecord {
  const result = transition(r, command, at(on), cal);
  return { ...r, ...result.request, version: r.version + 1 };
}

function codeOf(work: () => unknown): string | null {
  try {
    work();
    return null;
  } catch (error) {
    return error instanceof AppError ? error.code : String(error);
  }
}

const register = (receivedOn?: string): RequestCommand => ({ type: 'register', actor: clerk, receivedOn });
const reply: RequestCommand = { type: 'reply', actor: clerk, category: 'partial', text: '部分公开。', attachments: [], government: '云溪区人民政府' };

describe('submission and registration', () => {
  test('an online request waits for registration; no clock runs yet', () => {
    const r = submitted();
    expect(r).toMatchObject({ status: 'submitted', receivedOn: null, dueOn: null, open: true, dueSort: '9999-12-31' });
    expect(r.history).toEqual([expect.objectContaining({ kind: 'submitted', actor: 'applicant' })]);
  });

  test('registering sets day zero to today and the due date 20 working days on', () => {
    const result = transition(submitted(), register(), at('2026-09-28'), calendar);
    expect(result.request).toMatchObject({ status: 'registered', receivedOn: '2026-09-28', dueOn: '2026-10-30', dueSort: '2026-10-30' });
    expect(result.events).toEqual([expect.objectContaining({ subjectType: 'request', subjectId: 'r1', action: 'registered', actor: 'demo-clerk' })]);
    expect(result.notifications).toEqual([]);
  });

  test('the clerk may give an earlier receipt date, never a later one or one before submission', () => {
    const r = submitted('2026-09-25');
    expect(apply(r, register('2026-09-25'), '2026-09-28').receivedOn).toBe('2026-09-25');
    expect(codeOf(() => transition(r, register('2026-09-29'), at('2026-09-28'), calendar))).toBe('RECEIVED_DATE_INVALID');
    expect(codeOf(() => transition(r, register('2026-09-24'), at('2026-09-28'), calendar))).toBe('RECEIVED_DATE_INVALID');
  });

  test('a paper application is registered at once on the day it arrived', () => {
    const { record } = newRequest(
      SubmitSchema.parse(application()),
      { channel: 'letter', receivedOn: '2026-02-10', enteredBy: clerk },
      '依申〔2026〕000002号',
      at('2026-02-12'),
      calendar,
    );
    expect(record).toMatchObject({ status: 'registered', ownerOpenid: null, enteredBy: 'demo-clerk', receivedOn: '2026-02-10', dueOn: '2026-03-16' });
  });
});

describe('supplement (Art. 30)', () => {
  const registered = () => apply(submitted(), register(), '2026-09-28');
  const ask: RequestCommand = { type: 'askSupplement', actor: clerk, items: ['请写明文件名称', '请说明年份'], workingDays: 10 };

  test('only within 7 working days of receipt (国庆 not counted)', () => {
    // 09-29, 09-30, 10-08, 10-09, 10-10 (make-up Saturday), 10-12, 10-13 = 7 working days.
    expect(codeOf(() => transition(registered(), ask, at('2026-10-13'), calendar))).toBeNull();
    expect(codeOf(() => transition(registered(), ask, at('2026-10-14'), calendar))).toBe('SUPPLEMENT_WINDOW_CLOSED');
  });

  test('asking stops the clock, lists every item, and tells the applicant', () => {
    const result = transition(registered(), ask, at('2026-09-30'), calendar);
    expect(result.request).toMatchObject({ status: 'supplementRequested', dueOn: null, supplement: { items: ask.type === 'askSupplement' ? ask.items : [], workingDays: 10, requestedOn: '2026-09-30' } });
    expect(result.events[0].detail).toMatch(/1\. 请写明文件名称；2\. 请说明年份/);
    expect(result.notifications).toEqual([{ kind: 'supplementRequested', openid: 'resident-a', requestId: 'r1', trackingNumber: '依申〔2026〕000001号' }]);
  });

  test('only once', () => {
    const supplemented = apply(apply(registered(), ask, '2026-09-30'), { type: 'supplement', actor: resident, text: '2025 年度', attachments: [] }, '2026-10-09');
    expect(codeOf(() => transition(supplemented, ask, at('2026-10-09'), calendar))).toBe('SUPPLEMENT_ALREADY_REQUESTED');
  });

  test('the clock restarts on the day the supplement arrives', () => {
    const asked = apply(registered(), ask, '2026-09-30');
    const r = apply(asked, { type: 'supplement', actor: resident, text: '2025 年度', attachments: [] }, '2026-10-09');
    // Day zero 10-09; the make-up Saturday 10-10 is day one.
    expect(r).toMatchObject({ status: 'registered', dueOn: '2026-11-05' });
    expect(r.supplement?.answer).toEqual({ text: '2025 年度', attachments: [], on: '2026-10-09' });
  });

  test('only the applicant may supplement, and only within the period', () => {
    const asked = apply(registered(), ask, '2026-09-30');
    expect(codeOf(() => transition(asked, { type: 'supplement', actor: stranger, text: 'x', attachments: [] }, at('2026-10-09'), calendar))).toBe('REQUEST_NOT_FOUND');
    // Period: 10 working days from 09-30 → 10-20 (国庆 skipped, the make-up Saturday 10-10 counted).
    expect(codeOf(() => transition(asked, { type: 'supplement', actor: resident, text: 'x', attachments: [] }, at('2026-10-20'), calendar))).toBeNull();
    expect(codeOf(() => transition(asked, { type: 'supplement', actor: resident, text: 'x', attachments: [] }, at('2026-10-21'), calendar))).toBe('SUPPLEMENT_OVERDUE');
  });

  test('a supplement received by post is recorded by staff; the clock restarts from the day it arrived', () => {
    const asked = apply(registered(), ask, '2026-09-30');
    const letter = (receivedOn: string, actor: Actor = clerk): RequestCommand => ({ type: 'recordSupplement', actor, receivedOn, text: '来信写明：2025 年度', attachments: [] });
    // Received 10-09 (within the period ending 10-20), typed in on 10-22 after the period ran out.
    const r = apply(asked, letter('2026-10-09'), '2026-10-22');
    expect(r).toMatchObject({ status: 'registered', dueOn: '2026-11-05' });
    expect(r.supplement?.answer).toEqual({ text: '来信写明：2025 年度', attachments: [], on: '2026-10-09' });
    expect(r.history.at(-1)).toMatchObject({ kind: 'supplemented', actor: 'staff', actorName: '李华', detail: expect.stringContaining('2026-10-09') });
    expect(supplementLapsed(r, '2026-10-22', calendar)).toBe(false);
    // Not before the supplement request, not in the future, not after the period, staff only.
    expect(codeOf(() => transition(asked, letter('2026-09-29'), at('2026-10-09'), calendar))).toBe('RECEIVED_DATE_INVALID');
    expect(codeOf(() => transition(asked, letter('2026-10-10'), at('2026-10-09'), calendar))).toBe('RECEIVED_DATE_INVALID');
    expect(codeOf(() => transition(asked, letter('2026-10-21'), at('2026-10-22'), calendar))).toBe('SUPPLEMENT_OVERDUE');
    expect(codeOf(() => transition(asked, letter('2026-10-09', resident), at('2026-10-09'), calendar))).toBe('FORBIDDEN');
    // The same works for a letter application, which has no owner to supplement it in the app.
    const { record } = newRequest(SubmitSchema.parse(application()), { channel: 'letter', receivedOn: '2026-09-28', enteredBy: clerk }, '依申〔2026〕000003号', at('2026-09-28'), calendar);
    const paperAsked = apply({ ...record, id: 'r3', version: 1 } as RequestRecord, ask, '2026-09-30');
    expect(allowedCommands(paperAsked, clerk, '2026-10-09', calendar)).toContain('recordSupplement');
    expect(apply(paperAsked, letter('2026-10-09'), '2026-10-12')).toMatchObject({ status: 'registered', dueOn: '2026-11-05' });
  });

  test('no supplement in time: closed as 其他处理 1 (other.noSupplement), not before', () => {
    const asked = apply(registered(), ask, '2026-09-30');
    const close: RequestCommand = { type: 'close', actor: clerk, category: 'other.noSupplement', reason: '逾期未补正' };
    expect(codeOf(() => transition(asked, close, at('2026-10-20'), calendar))).toBe('INVALID_STATE');
    const closed = apply(asked, close, '2026-10-21');
    expect(closed).toMatchObject({ status: 'closed', open: false, dueSort: '9999-12-31', ending: { category: 'other.noSupplement', on: '2026-10-21' } });
  });

  test('the system closes a lapsed supplement by itself, and only that', () => {
    const asked = apply(registered(), ask, '2026-09-30');
    // The period's last day is 10-20; three working days (10-21…10-23) are left for a written
    // supplement to be typed in; the runner closes it from the next day on.
    expect(supplementLapsed(asked, '2026-10-20', calendar)).toBe(false);
    expect(supplementLapsed(asked, '2026-10-23', calendar)).toBe(false);
    expect(supplementLapsed(asked, '2026-10-24', calendar)).toBe(true);
    const lapse = lapsedSupplementClosure(asked, calendar);
    expect(lapse).toMatchObject({ actor: { role: 'system', openid: null }, category: 'other.noSupplement' });
    expect(codeOf(() => transition(asked, lapse, at('2026-10-20'), calendar))).toBe('INVALID_STATE');
    const result = transition(asked, lapse, at('2026-10-21'), calendar);
    expect(result.request).toMatchObject({ status: 'closed', ending: { category: 'other.noSupplement', reason: expect.stringContaining('2026-10-20') } });
    expect(result.events).toEqual([expect.objectContaining({ action: 'closed', actor: 'system' })]);
    expect(result.notifications).toEqual([expect.objectContaining({ kind: 'requestClosed', openid: 'resident-a' })]);
    // Any other closure stays a person's decision.
    expect(codeOf(() => transition(asked, { ...lapse, category: 'other.other' } as RequestCommand, at('2026-10-21'), calendar))).toBe('FORBIDDEN');
    const supplemented = apply(asked, { type: 'supplement', actor: resident, text: '补正', attachments: [] }, '2026-10-20');
    expect(supplementLapsed(supplemented, '2026-10-24', calendar)).toBe(false);
  });
});

describe('consultation, extension, reply', () => {
  const registered = () => apply(submitted(), register(), '2026-09-28');
  const consult: RequestCommand = { type: 'startConsultation', actor: clerk, party: 'thirdParty', partyName: '云溪建设集团有限公司', matter: '报价是否同意公开' };

  test('consultation days are not counted', () => {
    const consulting = apply(registered(), consult, '2026-10-12');
    expect(consulting.status).toBe('consulting');
    const back = apply(consulting, { type: 'endConsultation', actor: clerk, outcome: '第三方不同意公开报价' }, '2026-10-16');
    expect(back).toMatchObject({ status: 'registered', dueOn: '2026-11-05' });
    expect(back.consultations[0]).toMatchObject({ startedOn: '2026-10-12', endedOn: '2026-10-16', outcome: '第三方不同意公开报价' });
  });

  test('extension: once, at most 20 working days, before the due date, applicant told', () => {
    const extend: RequestCommand = { type: 'extend', actor: clerk, workingDays: 10, approver: '张敏', reason: '需调取档案' };
    const result = transition(registered(), extend, at('2026-10-30'), calendar);
    expect(result.request).toMatchObject({ dueOn: '2026-11-13', extension: { workingDays: 10, approver: '张敏', on: '2026-10-30' } });
    expect(result.notifications.map((n) => n.kind)).toEqual(['extended']);
    const extended = apply(registered(), extend, '2026-10-30');
    expect(codeOf(() => transition(extended, extend, at('2026-11-02'), calendar))).toBe('ALREADY_EXTENDED');
    expect(codeOf(() => transition(registered(), extend, at('2026-11-02'), calendar))).toBe('EXTENSION_TOO_LATE');
  });

  test('a reply carries its category, report group, legal basis and the remedies sentence', () => {
    const result = transition(apply(registered(), consult, '2026-10-12'), reply, at('2026-10-20'), calendar);
    expect(result.request.reply).toMatchObject({
      category: 'partial',
      group: 'partial',
      replyType: 'partial',
      legalBasis: expect.stringContaining('第三十七条'),
      remedies: expect.stringContaining('可以自收到本告知书之日起六十日内向云溪区人民政府申请行政复议，或者自收到之日起六个月内向人民法院提起行政诉讼'),
      on: '2026-10-20',
    });
    expect(result.request.status).toBe('replied');
    // Replying ends the running consultation.
    expect(result.request.consultations?.[0].endedOn).toBe('2026-10-20');
    expect(result.notifications.map((n) => n.kind)).toEqual(['requestReplied']);
  });

  test('withdraw by the applicant only before a reply', () => {
    const r = registered();
    expect(apply(r, { type: 'withdraw', actor: resident, reason: null }, '2026-10-08')).toMatchObject({ status: 'withdrawn', open: false });
    expect(codeOf(() => transition(r, { type: 'withdraw', actor: stranger, reason: null }, at('2026-10-08'), calendar))).toBe('REQUEST_NOT_FOUND');
    const replied = apply(r, reply, '2026-10-08');
    expect(codeOf(() => transition(replied, { type: 'withdraw', actor: resident, reason: null }, at('2026-10-09'), calendar))).toBe('INVALID_STATE');
  });
});

describe('a calendar change recomputes open requests and says so on the timeline', () => {
  test('2026-12-20 is due 2027-01-18 provisionally (元旦 off by the 放假办法); entering 2027 makes it final', () => {
    const r = apply(submitted('2026-12-20'), register('2026-12-20'), '2026-12-21');
    expect(r).toMatchObject({ dueOn: '2027-01-18', dueProvisional: true });
    const with2027 = buildCalendar(
      [{ year: 2027, holidays: [{ date: '2027-01-01', name: '元旦' }], workdays: [], covered: true, source: 'bureau', updatedAt: null, updatedBy: null }],
      builtinArrangement,
    );
    const result = transition(r, { type: 'recompute', actor: { role: 'system', openid: null, name: null }, reason: '2027年节假日安排已录入', previous: calendar }, at('2026-12-22'), with2027);
    expect(result.request).toMatchObject({ dueOn: '2027-01-18', dueProvisional: false });
    expect(result.request.history?.at(-1)).toMatchObject({
      kind: 'dueRecomputed',
      actor: 'system',
      detail: '2027年节假日安排已录入：答复期限由 2027-01-18（暂定） 调整为 2027-01-18',
    });
    // Unchanged by the same calendar: nothing to write.
    expect(transition(r, { type: 'recompute', actor: clerk, reason: 'x', previous: calendar }, at('2026-12-22'), calendar)).toEqual({ request: {}, events: [], notifications: [] });
  });
});

describe('every command in every status (illegal ones refused)', () => {
  // Written out by hand: which commands each status admits. '—' = INVALID_STATE (or its specific code).
  const LEGAL: Record<RequestStatus, RequestCommandName[]> = {
    submitted: ['register', 'withdraw', 'close'],
    registered: ['askSupplement', 'startConsultation', 'extend', 'askReasons', 'askFee', 'reply', 'withdraw', 'close', 'assignDepartment'],
    supplementRequested: ['supplement', 'recordSupplement', 'withdraw', 'close', 'assignDepartment'],
    consulting: ['endConsultation', 'extend', 'reply', 'withdraw', 'close', 'assignDepartment'],
    reasonsRequested: ['giveReasons', 'recordReasons', 'setDelayedDue', 'extend', 'reply', 'withdraw', 'close', 'assignDepartment'],
    feeRequested: ['recordPayment', 'withdraw', 'close', 'assignDepartment'],
    // A finished request keeps its record in a department (who may read it), so it may still be handed on.
    replied: ['assignDepartment'],
    withdrawn: ['assignDepartment'],
    closed: ['assignDepartment'],
  };

  const base = submitted();
  const registered = apply(base, register(), '2026-09-28');
  const records: Record<RequestStatus, RequestRecord> = {
    submitted: base,
    registered,
    supplementRequested: apply(registered, { type: 'askSupplement', actor: clerk, items: ['x'], workingDays: 10 }, '2026-09-29'),
    consulting: apply(registered, { type: 'startConsultation', actor: clerk, party: 'agency', partyName: '区档案馆', matter: 'x' }, '2026-09-29'),
    reasonsRequested: apply(registered, { type: 'askReasons', actor: clerk, text: 'x' }, '2026-09-29'),
    feeRequested: apply(registered, { type: 'askFee', actor: clerk, method: 'perPage', units: 50, waive: false, reducedTo: null, reason: null, month: { month: '2026-09', itemsBefore: 0, otherMethod: null } }, '2026-09-29'),
    replied: apply(registered, reply, '2026-09-29'),
    withdrawn: apply(registered, { type: 'withdraw', actor: resident, reason: null }, '2026-09-29'),
    closed: apply(registered, { type: 'close', actor: clerk, category: 'other.other', reason: 'x' }, '2026-09-29'),
  };

  test.each(Object.keys(LEGAL) as RequestStatus[])('%s', (status) => {
    const r = records[status];
    const admitted = [...allowedCommands(r, clerk, '2026-09-30', calendar), ...allowedCommands(r, resident, '2026-09-30', calendar)];
    expect([...new Set(admitted)].sort()).toEqual([...LEGAL[status]].sort());
    // Each refused one is refused with a stable code, and transition itself refuses it too.
    for (const command of [reply, register(), { type: 'endConsultation', actor: clerk, outcome: 'x' } as RequestCommand]) {
      const name = command.type as RequestCommandName;
      if (!LEGAL[status].includes(name)) expect(codeOf(() => transition(r, command, at('2026-09-30'), calendar))).toBe('INVALID_STATE');
    }
  });

  test('every command × status × actor through transition: done, or refused with INVALID_STATE or a named specific code', () => {
    const system: Actor = { role: 'system', openid: null, name: null };
    const actors = { clerk, resident, stranger, system };
    const commands = (actor: Actor): Record<RequestCommand['type'], RequestCommand> => ({
      register: { type: 'register', actor },
      askSupplement: { type: 'askSupplement', actor, items: ['x'], workingDays: 10 },
      supplement: { type: 'supplement', actor, text: 'x', attachments: [] },
      recordSupplement: { type: 'recordSupplement', actor, receivedOn: '2026-09-30', text: 'x', attachments: [] },
      startConsultation: { type: 'startConsultation', actor, party: 'agency', partyName: '区档案馆', matter: 'x' },
      endConsultation: { type: 'endConsultation', actor, outcome: 'x' },
      lapseConsultation: { type: 'lapseConsultation', actor },
      extend: { type: 'extend', actor, workingDays: 5, approver: '张敏', reason: 'x' },
      askReasons: { type: 'askReasons', actor, text: 'x' },
      giveReasons: { type: 'giveReasons', actor, text: 'x' },
      recordReasons: { type: 'recordReasons', actor, receivedOn: '2026-09-30', text: 'x' },
      setDelayedDue: { type: 'setDelayedDue', actor, dueOn: '2026-12-31', reason: 'x' },
      reply: { ...reply, actor } as RequestCommand,
      withdraw: { type: 'withdraw', actor, reason: null },
      close: { type: 'close', actor, category: 'other.other', reason: 'x' },
      askFee: { type: 'askFee', actor, method: 'perPage', units: 50, waive: false, reducedTo: null, reason: null, month: { month: '2026-09', itemsBefore: 0, otherMethod: null } },
      recordPayment: { type: 'recordPayment', actor, paidOn: '2026-09-30' },
      recompute: { type: 'recompute', actor, reason: 'x', previous: calendar },
      assignDepartment: { type: 'assignDepartment', actor, department: { id: 'approval', name: '行政审批科' } },
    });
    const applicantCommands = ['supplement', 'giveReasons', 'withdraw'];
    const open: RequestStatus[] = ['submitted', 'registered', 'supplementRequested', 'consulting', 'reasonsRequested', 'feeRequested'];
    const outcomes: string[] = [];
    for (const status of Object.keys(records) as RequestStatus[]) {
      for (const [who, actor] of Object.entries(actors)) {
        for (const [name, command] of Object.entries(commands(actor))) {
          const code = codeOf(() => transition(records[status], command, at('2026-09-30'), calendar));
          // The agency consulted on 09-29 still has its 15 working days on 09-30: nothing has lapsed.
          const legalHere = name === 'recompute' ? open.includes(status) : name === 'lapseConsultation' ? false : LEGAL[status].includes(name as RequestCommandName);
          const entitled =
            name === 'recompute' || (name === 'lapseConsultation' ? who === 'system' : applicantCommands.includes(name) ? who === 'resident' : who === 'clerk');
          // Who may act is decided first; then the status; only then the command's own rules.
          // A delayed due date on a request in the right status but never asked for reasons names the missing step.
          const missingStep = name === 'setDelayedDue' && status === 'registered' ? 'REASONS_NOT_ASKED' : 'INVALID_STATE';
          const expected = !entitled ? (applicantCommands.includes(name) ? 'REQUEST_NOT_FOUND' : 'FORBIDDEN') : !legalHere ? missingStep : null;
          outcomes.push(`${status} ${who} ${name}: ${code}`);
          expect(`${status} ${who} ${name}: ${code}`).toBe(`${status} ${who} ${name}: ${expected}`);
        }
      }
    }
    expect(outcomes).toHaveLength(9 * 4 * 19);
  });

  test('staff commands refuse an applicant, applicant commands refuse staff', () => {
    expect(codeOf(() => checkCommand(records.submitted, { type: 'register', actor: resident }, '2026-09-30', calendar))).toBe('FORBIDDEN');
    expect(codeOf(() => checkCommand(records.registered, { type: 'withdraw', actor: clerk, reason: null }, '2026-09-30', calendar))).toBe('REQUEST_NOT_FOUND');
  });
});

describe('a consulted agency silent for 15 working days (Art. 34)', () => {
  const system: Actor = { role: 'system', openid: null, name: null };
  const registered = apply(submitted('2026-03-02'), register(), '2026-03-02');
  const consult = (party: 'agency' | 'thirdParty') =>
    apply(registered, { type: 'startConsultation', actor: clerk, party, partyName: party === 'agency' ? '区档案馆' : '某公司', matter: 'x' }, '2026-03-10');
  const lapse: RequestCommand = { type: 'lapseConsultation', actor: system };

  test('the pause is capped and counted to the end of the period even while it runs: due 15 working days after it began plus the remainder', () => {
    // Day 6 on 03-10; paused 03-11…03-31; 14 more from 04-01 over 清明 → 04-21. Stored so from the start.
    expect(consult('agency')).toMatchObject({ status: 'consulting', dueOn: '2026-04-21', dueSort: '2026-04-21' });
    expect(dueOf(consult('agency'), '2026-12-01', calendar)?.dueOn).toBe('2026-04-21');
    expect(dueOf(consult('thirdParty'), '2026-12-01', calendar)?.dueOn).toBe('2026-04-21');
  });

  test('the system ends it the day after the period, on its last day; not before, not a third party, not a clerk', () => {
    expect(refusalOf(consult('agency'), lapse, '2026-03-31', calendar)).toMatchObject({ refused: 'INVALID_STATE' });
    expect(refusalOf(consult('thirdParty'), lapse, '2026-04-01', calendar)).toMatchObject({ refused: 'INVALID_STATE' });
    expect(refusalOf(consult('agency'), { ...lapse, actor: clerk }, '2026-04-01', calendar)).toEqual({ refused: 'FORBIDDEN' });
    const ended = apply(consult('agency'), lapse, '2026-05-06');
    expect(ended).toMatchObject({ status: 'registered', dueOn: '2026-04-21', consultations: [expect.objectContaining({ endedOn: '2026-03-31' })] });
    expect(ended.history.at(-1)).toMatchObject({ kind: 'consultationEnded', actor: 'system', detail: expect.stringContaining('视为同意公开') });
  });
});

describe('unreasonable volume (Art. 35): reasons asked, given, then refusal or a delayed due date', () => {
  // Received 2026-09-28: due 2026-10-30 (20 working days over 国庆).
  const registered = apply(submitted(), register(), '2026-09-28');
  const askReasons: RequestCommand = { type: 'askReasons', actor: clerk, text: '您本月已提出申请 40 件，请说明申请用途。' };
  const asked = apply(registered, askReasons, '2026-10-09');
  const given = apply(asked, { type: 'giveReasons', actor: resident, text: '业主委员会需逐栋核对加装电梯批复。' }, '2026-10-12');
  const excessive: RequestCommand = { type: 'reply', actor: clerk, category: 'notProcessed.excessive', text: '申请理由不合理。', attachments: [], government: '云溪区人民政府' };
  const delay = (dueOn: string): RequestCommand => ({ type: 'setDelayedDue', actor: clerk, dueOn, reason: '需逐份调取 40 份档案' });

  test('notProcessed.excessive is refused until the applicant was asked for reasons, with its own code and message', () => {
    const refusal = refusalOf(registered, excessive, '2026-10-09', calendar);
    expect(refusal).toEqual({ refused: 'REASONS_NOT_ASKED' });
    expect(codeOf(() => transition(registered, excessive, at('2026-10-09'), calendar))).toBe('REASONS_NOT_ASKED');
    expect(new AppError('REASONS_NOT_ASKED').message).toContain('应当先要求申请人说明理由');
    // Asked (answered or not): the clerk may refuse.
    expect(apply(asked, excessive, '2026-10-20')).toMatchObject({ status: 'replied', reply: expect.objectContaining({ category: 'notProcessed.excessive' }) });
    expect(apply(given, excessive, '2026-10-20').status).toBe('replied');
  });

  test('asking for reasons: a letter and a message to the applicant, status reasonsRequested, and the clock does not stop', () => {
    const result = transition(registered, askReasons, at('2026-10-09'), calendar);
    expect(result.request).toMatchObject({ status: 'reasonsRequested', reasons: { text: askReasons.type === 'askReasons' ? askReasons.text : '', askedOn: '2026-10-09', answer: null } });
    expect(result.notifications).toEqual([expect.objectContaining({ kind: 'reasonsRequested', openid: 'resident-a' })]);
    // Art. 35 names no pause: the due date stays 10-30 while the reasons are awaited, and open.
    expect(asked).toMatchObject({ dueOn: '2026-10-30', open: true });
    expect(dueOf(asked, '2026-10-29', calendar)?.dueOn).toBe('2026-10-30');
    expect(given).toMatchObject({ status: 'registered', dueOn: '2026-10-30', reasons: expect.objectContaining({ answer: { text: '业主委员会需逐栋核对加装电梯批复。', on: '2026-10-12' } }) });
    expect(given.history.map((h) => h.kind).slice(-2)).toEqual(['reasonsRequested', 'reasonsGiven']);
  });

  test('only once, while the answer is still due, and only by staff; only the applicant gives reasons', () => {
    expect(refusalOf(given, askReasons, '2026-10-13', calendar)).toEqual({ refused: 'INVALID_STATE', message: '已要求申请人说明过理由' });
    expect(refusalOf(registered, askReasons, '2026-11-02', calendar)).toEqual({ refused: 'INVALID_STATE', message: '答复期限已届满，不能再要求说明理由' });
    expect(refusalOf(registered, { ...askReasons, actor: resident }, '2026-10-09', calendar)).toEqual({ refused: 'FORBIDDEN' });
    expect(refusalOf(asked, { type: 'giveReasons', actor: stranger, text: 'x' }, '2026-10-12', calendar)).toEqual({ refused: 'REQUEST_NOT_FOUND' });
    expect(refusalOf(asked, { type: 'giveReasons', actor: clerk, text: 'x' }, '2026-10-12', calendar)).toEqual({ refused: 'REQUEST_NOT_FOUND' });
  });

  test('a delayed due date: only after reasons were asked, later than the due date in force, once; it becomes the due date and is told', () => {
    expect(refusalOf(registered, delay('2026-12-31'), '2026-10-13', calendar)).toMatchObject({ refused: 'REASONS_NOT_ASKED' });
    expect(refusalOf(given, delay('2026-10-30'), '2026-10-13', calendar)).toEqual({ refused: 'DELAYED_DUE_INVALID', message: '延迟答复的期限应晚于现行答复期限（2026-10-30）' });
    expect(refusalOf(given, delay('2027-12-31'), '2026-10-13', calendar)).toEqual({ refused: 'DELAYED_DUE_INVALID', message: '延迟答复的期限不能超过一年' });
    expect(refusalOf(given, delay('2026-12-31'), '2026-11-02', calendar)).toMatchObject({ refused: 'EXTENSION_TOO_LATE' });
    // The answer is owed on a working day (a Saturday, or 元旦 of a year not yet arranged, counted as off: 暂定).
    expect(refusalOf(given, delay('2026-12-26'), '2026-10-13', calendar)).toEqual({
      refused: 'DELAYED_DUE_NOT_WORKING_DAY',
      message: '2026-12-26 是星期六，不是工作日；延迟答复的期限应为工作日，请另选日期',
    });
    expect(refusalOf(given, delay('2027-01-01'), '2026-10-13', calendar)).toEqual({
      refused: 'DELAYED_DUE_NOT_WORKING_DAY',
      message: '2027-01-01 是元旦（暂定），不是工作日；延迟答复的期限应为工作日，请另选日期',
    });
    expect(codeOf(() => transition(given, delay('2026-12-27'), at('2026-10-13'), calendar))).toBe('DELAYED_DUE_NOT_WORKING_DAY');
    const result = transition(given, delay('2026-12-31'), at('2026-10-13'), calendar);
    expect(result.notifications).toEqual([expect.objectContaining({ kind: 'dueDelayed' })]);
    const delayed = { ...given, ...result.request, version: given.version + 1 } as RequestRecord;
    expect(delayed).toMatchObject({ status: 'registered', dueOn: '2026-12-31', dueSort: '2026-12-31', delayedDue: { dueOn: '2026-12-31', on: '2026-10-13' } });
    const due = dueOf(delayed, '2026-10-13', calendar, 'applicant');
    expect(due?.explanation.summary).toBe('自收到申请之日（2026-09-28）起 20 个工作日，法定答复期限为 2026-10-30；经确定延迟答复，答复期限为 2026-12-31');
    expect(due?.explanation.steps.at(-1)).toContain('条例第三十五条');
    expect(refusalOf(delayed, delay('2027-01-29'), '2026-10-14', calendar)).toEqual({ refused: 'INVALID_STATE', message: '延迟答复期限已确定，不能再次确定' });
    expect(refusalOf(delayed, { type: 'extend', actor: clerk, workingDays: 5, approver: '张敏', reason: 'x' }, '2026-10-14', calendar)).toMatchObject({ refused: 'INVALID_STATE' });
    // A paper applicant answers by letter: the clerk may fix the date while the status still awaits reasons.
    expect(apply(asked, delay('2026-12-31'), '2026-10-20')).toMatchObject({ status: 'registered', dueOn: '2026-12-31' });
  });
});

describe('refusals are answers, not exceptions', () => {
  const registered = apply(submitted(), register(), '2026-09-28');
  // Asked on 09-29 with 5 working days: 09-30, (国庆 10-01…10-07), 10-08, 10-09, 10-10 (调休上班), 10-12.
  const asked = apply(registered, { type: 'askSupplement', actor: clerk, items: ['请写明文号'], workingDays: 5 }, '2026-09-29');
  const recorded = (receivedOn: string): RequestCommand => ({ type: 'recordSupplement', actor: clerk, receivedOn, text: '补正', attachments: [] });

  test('refusalOf names the code and, where the catalogue is too general, the message transition throws', () => {
    expect(refusalOf(asked, recorded('2026-10-12'), '2026-10-14', calendar)).toBeNull();
    expect(refusalOf(asked, recorded('2026-10-13'), '2026-10-14', calendar)).toEqual({ refused: 'SUPPLEMENT_OVERDUE', message: '补正材料收到之日晚于补正期限（2026-10-12）；申请人有正当理由的，请填写逾期理由' });
    expect(refusalOf(asked, recorded('2026-09-28'), '2026-10-14', calendar)).toEqual({ refused: 'RECEIVED_DATE_INVALID', message: '收到补正之日应在 2026-09-29 至今天之间' });
    expect(refusalOf(registered, { type: 'askSupplement', actor: resident, items: ['x'], workingDays: 5 }, '2026-09-29', calendar)).toEqual({ refused: 'FORBIDDEN' });
    try {
      transition(asked, recorded('2026-10-13'), at('2026-10-14'), calendar);
      throw new Error('not refused');
    } catch (error) {
      expect(error).toBeInstanceOf(AppError);
      expect(error).toMatchObject({ code: 'SUPPLEMENT_OVERDUE', message: '补正材料收到之日晚于补正期限（2026-10-12）；申请人有正当理由的，请填写逾期理由' });
    }
  });

  test("the buttons follow the same checks on today's date: the applicant's stops after the period, the clerk's stays for a late one with good reason", () => {
    expect(allowedCommands(asked, clerk, '2026-10-12', calendar)).toEqual(['recordSupplement', 'close', 'assignDepartment']);
    expect(allowedCommands(asked, clerk, '2026-10-13', calendar)).toEqual(['recordSupplement', 'close', 'assignDepartment']);
    expect(allowedCommands(asked, resident, '2026-10-12', calendar)).toEqual(['supplement', 'withdraw']);
    expect(allowedCommands(asked, resident, '2026-10-13', calendar)).toEqual(['withdraw']);
  });

  test('Art. 30: a late supplement with good reason is accepted, before the closure or after it (reopening the request, both on its timeline)', () => {
    const late = (receivedOn: string, lateReason?: string): RequestCommand => ({ ...recorded(receivedOn), ...(lateReason ? { lateReason } : {}) }) as RequestCommand;
    expect(refusalOf(asked, late('2026-10-13', '邮寄延误'), '2026-10-14', calendar)).toBeNull();
    expect(refusalOf(asked, late('2026-10-12', '邮寄延误'), '2026-10-14', calendar)).toEqual({
      refused: 'INVALID_STATE',
      message: '补正材料在补正期限（2026-10-12）内收到，无需填写逾期理由',
    });
    const accepted = apply(asked, late('2026-10-13', '邮寄延误'), '2026-10-14');
    expect(accepted).toMatchObject({ status: 'registered', supplement: { answer: { on: '2026-10-13', lateReason: '邮寄延误' } } });

    const closed = apply(asked, lapsedSupplementClosure(asked, calendar), '2026-10-16');
    expect(allowedCommands(closed, clerk, '2026-10-19', calendar)).toContain('recordSupplement');
    const result = transition(closed, late('2026-10-19', '申请人住院'), at('2026-10-19'), calendar);
    const reopened = { ...closed, ...result.request } as RequestRecord;
    expect(reopened).toMatchObject({ status: 'registered', ending: null, open: true, supplement: { answer: { on: '2026-10-19' } } });
    expect(reopened.history.map((h) => h.kind).slice(-2)).toEqual(['closed', 'reopened']);
    expect(result.notifications).toEqual([expect.objectContaining({ kind: 'requestReopened' })]);
    // 20 working days from the day it arrived: 10-20 … 11-16.
    expect(reopened.dueOn).toBe('2026-11-16');
    // Other closures are final.
    const closedOther = apply(asked, { type: 'close', actor: clerk, category: 'other.other', reason: 'x', basis: '第二十九条' }, '2026-10-14');
    expect(refusalOf(closedOther, late('2026-10-14', 'x'), '2026-10-14', calendar)).toEqual({ refused: 'INVALID_STATE' });
  });

  test('only the system closes for a lapsed supplement, and only once the period is over', () => {
    const lapse = lapsedSupplementClosure(asked, calendar);
    expect(refusalOf(asked, lapse, '2026-10-12', calendar)).toEqual({ refused: 'INVALID_STATE', message: '补正期限尚未届满，不能以逾期未补正终止' });
    expect(refusalOf(asked, lapse, '2026-10-13', calendar)).toBeNull();
    expect(refusalOf(asked, { ...lapse, actor: resident }, '2026-10-13', calendar)).toEqual({ refused: 'FORBIDDEN' });
  });
});
