import { builtinArrangement } from '../../shared/calendar/builtin-arrangements';
import { buildCalendar } from '../../shared/calendar/working-calendar';
import { lettersFor } from '../../shared/requests/letters';
import { newRequest, refusalOf, transition, type RequestCommand } from '../../shared/requests/request-machine';
import type { Actor, RequestRecord } from '../../shared/requests/request-record';
import { CloseSchema, ReplySchema, SubmitSchema, type ReplyCategory } from '../../shared/requests/request-schema';
import { application } from '../support/request-factories';

/**
 * Each reply category's preconditions and fields (条例 Arts. 30, 36, 38): the schema asks exactly
 * the fields of the category, the machine refuses a category whose step did not happen, and the
 * letter says what the category must say.
 */
const calendar = buildCalendar([], builtinArrangement);
const clerk: Actor = { role: 'staff', openid: 'demo-clerk', name: '李华' };
const resident: Actor = { role: 'applicant', openid: 'resident-a', name: null };
const bureau = { name: '云溪区住房和城乡建设局', government: '云溪区人民政府' };
const at = (date: string) => new Date(`${date}T02:00:00Z`);
const target = { id: 'r1', version: 3, text: '答复正文。' };

function apply(r: RequestRecord, command: RequestCommand, on: string): RequestRecord {
  return { ...r, ...transition(r, command, at(on), calendar).request, version: r.version + 1 } as RequestRecord;
}

function registered(): RequestRecord {
  const { record } = newRequest(SubmitSchema.parse(application()), { channel: 'online', ownerOpenid: 'resident-a' }, '依申〔2026〕000001号', at('2026-09-28'), calendar);
  return apply({ ...record, id: 'r1', version: 1 } as RequestRecord, { type: 'register', actor: clerk }, '2026-09-28');
}

const fieldErrors = (schema: typeof ReplySchema | typeof CloseSchema, input: object) => {
  const parsed = schema.safeParse(input);
  return parsed.success ? {} : Object.fromEntries(parsed.error.issues.map((i) => [i.path.join('.'), i.message]));
};

const reply = (category: ReplyCategory, details: Record<string, string> = {}): RequestCommand => ({
  type: 'reply',
  actor: clerk,
  category,
  text: '答复正文。',
  attachments: [],
  government: bureau.government,
  details,
});

const replyLetter = (r: RequestRecord) => {
  const letter = lettersFor(r, bureau, calendar, r.dueOn).find((l) => l.kind === 'reply');
  return letter ? letter.paragraphs.join('\n') : '';
};

describe('the reply schema asks exactly the fields of the chosen category', () => {
  test('withheld.query names the special procedure; notProcessed.repeat the earlier tracking number; other.other its basis', () => {
    expect(fieldErrors(ReplySchema, { ...target, category: 'withheld.query' })).toEqual({ procedure: '请填写应当依照办理的特别程序' });
    expect(fieldErrors(ReplySchema, { ...target, category: 'notProcessed.repeat' })).toEqual({ earlierTrackingNumber: '请填写已答复的原申请编号' });
    expect(fieldErrors(ReplySchema, { ...target, category: 'notProcessed.repeat', earlierTrackingNumber: '2026-98' })).toEqual({
      earlierTrackingNumber: '申请编号格式应为 依申〔2026〕000123号',
    });
    expect(fieldErrors(ReplySchema, { ...target, category: 'other.other' })).toEqual({ basis: '请填写处理依据' });
    expect(fieldErrors(CloseSchema, { id: 'r1', version: 3, category: 'other.other', reason: '申请人书面确认不再需要' })).toEqual({ basis: '请填写处理依据' });
    expect(fieldErrors(CloseSchema, { id: 'r1', version: 3, category: 'other.noSupplement', reason: '逾期未补正', basis: '第三十条' })).toEqual({
      basis: '该答复类别不需要填写处理依据',
    });
  });

  test('unavailable.notHeld names the responsible agency with its contact (36(5)), both or neither (36(4))', () => {
    expect(fieldErrors(ReplySchema, { ...target, category: 'unavailable.notHeld' })).toEqual({});
    expect(fieldErrors(ReplySchema, { ...target, category: 'unavailable.notHeld', agencyName: '云溪区自然资源和规划局' })).toEqual({
      agencyContact: expect.stringContaining('第三十六条第五项'),
    });
    expect(fieldErrors(ReplySchema, { ...target, category: 'unavailable.notHeld', agencyContact: '0571-88886666' })).toEqual({ agencyName: expect.any(String) });
  });

  test("a field of another category is refused beside it, so no letter carries what the form did not ask", () => {
    expect(fieldErrors(ReplySchema, { ...target, category: 'partial', procedure: '不动产登记资料查询' })).toEqual({ procedure: '该答复类别不需要填写应当依照办理的特别程序' });
    expect(fieldErrors(ReplySchema, { ...target, category: 'withheld.query', procedure: '不动产登记资料查询', whereToFind: '门户网站' })).toEqual({
      whereToFind: '该答复类别不需要填写获取该信息的方式和途径',
    });
  });
});

describe('preconditions', () => {
  test('unavailable.unclear only after a supplement was asked and answered (Art. 30)', () => {
    const r = registered();
    expect(refusalOf(r, reply('unavailable.unclear'), '2026-09-29', calendar)).toEqual({ refused: 'UNCLEAR_WITHOUT_SUPPLEMENT' });
    const asked = apply(r, { type: 'askSupplement', actor: clerk, items: ['请写明文件名称'], workingDays: 10 }, '2026-09-29');
    const supplemented = apply(asked, { type: 'supplement', actor: resident, text: '大概是去年的那个文件。', attachments: [] }, '2026-10-09');
    expect(refusalOf(supplemented, reply('unavailable.unclear'), '2026-10-12', calendar)).toBeNull();
    expect(replyLetter(apply(supplemented, reply('unavailable.unclear'), '2026-10-12'))).toContain('经补正后申请内容仍不明确');
  });
});

describe('each letter says what its category must say', () => {
  test('disclosed, already public (36(1)): where and how to get it; otherwise 36(2)', () => {
    const where = '本小程序“政务公开—政策文件”栏目《云溪区住房保障家庭租赁补贴实施细则》';
    const r = apply(registered(), reply('disclosed', { whereToFind: where }), '2026-10-08');
    expect(r.reply).toMatchObject({ replyType: 'alreadyPublic', whereToFind: where, legalBasis: expect.stringMatching(/第三十六条第（一）项$/) });
    expect(replyLetter(r)).toContain(`已经主动公开`);
    expect(replyLetter(r)).toContain(where);
    const provided = apply(registered(), reply('disclosed'), '2026-10-08');
    expect(provided.reply).toMatchObject({ replyType: 'disclose', legalBasis: expect.stringMatching(/第三十六条第（二）项$/) });
  });

  test('not held: 36(5) names the agency and its contact; 36(4) says the search found nothing', () => {
    const ours = apply(registered(), reply('unavailable.notHeld', { agencyName: '云溪区自然资源和规划局', agencyContact: '0571-88886666' }), '2026-10-08');
    expect(ours.reply).toMatchObject({ replyType: 'notOurs', agencyName: '云溪区自然资源和规划局', legalBasis: expect.stringMatching(/第三十六条第（五）项$/) });
    expect(replyLetter(ours)).toMatch(/负责公开该信息的行政机关为云溪区自然资源和规划局，联系方式：0571-88886666/);
    const none = apply(registered(), reply('unavailable.notHeld'), '2026-10-08');
    expect(none.reply).toMatchObject({ replyType: 'notHeld', legalBasis: expect.stringMatching(/第三十六条第（四）项$/) });
    expect(replyLetter(none)).toContain('经检索查找，本机关没有您申请公开的政府信息，该政府信息不存在');
  });

  test('withheld.query (36(7)) names the special procedure instead of saying 不予公开; 复议前置 stays', () => {
    const r = apply(registered(), reply('withheld.query', { procedure: '不动产登记资料查询，请到云溪区不动产登记中心办理' }), '2026-10-08');
    const letter = replyLetter(r);
    expect(r.reply?.replyType).toBe('specialProcedure');
    expect(letter).toContain('不动产登记资料查询，请到云溪区不动产登记中心办理');
    expect(letter).toContain('第三十六条第（七）项');
    expect(letter).not.toMatch(/不予公开。|，不予公开/);
    // The category reads once in the sentence (its report wording already says 属于).
    expect(letter).toContain('您申请获取的信息属于行政查询事项，有关法律、行政法规');
    expect(letter).not.toContain('属于属于');
    expect(letter).toContain('应当先申请行政复议');
  });

  test('notProcessed.repeat names the earlier request; needsCreation states a decision; other.other cites its basis', () => {
    const repeat = apply(registered(), reply('notProcessed.repeat', { earlierTrackingNumber: '依申〔2026〕000098号' }), '2026-10-08');
    expect(replyLetter(repeat)).toMatch(/编号 依申〔2026〕000098号.*不予重复处理/s);
    const creation = apply(registered(), reply('unavailable.needsCreation'), '2026-10-08');
    expect(replyLetter(creation)).toContain('本机关决定不予提供');
    expect(replyLetter(creation)).not.toContain('可以不予提供');
    const other = apply(registered(), reply('other.other', { basis: '第三十九条第二款' }), '2026-10-08');
    expect(other.reply?.legalBasis).toBe('《中华人民共和国政府信息公开条例》第三十九条第二款');
    expect(replyLetter(other)).toContain('根据《中华人民共和国政府信息公开条例》第三十九条第二款的规定');
    const closed = apply(registered(), { type: 'close', actor: clerk, category: 'other.other', reason: '申请人书面确认不再需要', basis: '《中华人民共和国档案法》第二十八条' }, '2026-10-08');
    expect(closed.ending).toMatchObject({ basis: '《中华人民共和国档案法》第二十八条' });
    expect(replyLetter(closed)).toContain('根据《中华人民共和国档案法》第二十八条的规定');
  });
});
