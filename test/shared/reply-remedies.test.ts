import { builtinArrangement } from '../../shared/calendar/builtin-arrangements';
import { buildCalendar } from '../../shared/calendar/working-calendar';
import { lettersFor } from '../../shared/requests/letters';
import { REPLY_CATEGORIES, REPLY_CATEGORY_INFO, type ReplyCategory } from '../../shared/requests/reply-categories';
import { newRequest, transition, type RequestCommand } from '../../shared/requests/request-machine';
import type { Actor, RequestRecord } from '../../shared/requests/request-record';
import { SubmitSchema } from '../../shared/requests/request-schema';
import { application } from '../support/request-factories';

/**
 * 行政复议法 (2023) Art. 23(1)(4): where a request is refused (不予公开), 行政复议 comes first and
 * only its decision may be taken to court; Art. 23(2): the refusal must say so. Other replies keep
 * the choice of 复议 or 诉讼.
 */
const calendar = buildCalendar([], builtinArrangement);
const clerk: Actor = { role: 'staff', openid: 'demo-clerk', name: '李华' };
const bureau = { name: '云溪区住房和城乡建设局', government: '云溪区人民政府' };
const at = (date: string) => new Date(`${date}T02:00:00Z`);

function registered(): RequestRecord {
  const { record } = newRequest(SubmitSchema.parse(application()), { channel: 'online', ownerOpenid: 'resident-a' }, '依申〔2026〕000001号', at('2026-09-28'), calendar);
  const r = { ...record, id: 'r1', version: 1 } as RequestRecord;
  return { ...r, ...transition(r, { type: 'register', actor: clerk }, at('2026-09-28'), calendar).request };
}

/** A registered request with the step its category needs first: a supplement received (unclear, Art. 30), reasons asked (excessive, Art. 35). */
function readyFor(category: ReplyCategory): RequestRecord {
  const step = (r: RequestRecord, command: RequestCommand, on: string) => ({ ...r, ...transition(r, command, at(on), calendar).request }) as RequestRecord;
  const r = registered();
  if (category === 'notProcessed.excessive') return step(r, { type: 'askReasons', actor: clerk, text: '请说明申请用途。' }, '2026-09-28');
  if (category !== 'unavailable.unclear') return r;
  const asked = step(r, { type: 'askSupplement', actor: clerk, items: ['请写明文件名称'], workingDays: 5 }, '2026-09-28');
  return step(asked, { type: 'supplement', actor: { role: 'applicant', openid: 'resident-a', name: null }, text: '补正。', attachments: [] }, '2026-09-28');
}

function replyLetter(category: ReplyCategory): string {
  const r = readyFor(category);
  const command: RequestCommand = { type: 'reply', actor: clerk, category, text: '答复正文。', attachments: [], government: bureau.government };
  const replied = { ...r, ...transition(r, command, at('2026-09-29'), calendar).request } as RequestRecord;
  return lettersFor(replied, bureau, calendar, null).find((l) => l.kind === 'reply')!.paragraphs.join('\n');
}

const WITHHELD = REPLY_CATEGORIES.filter((c) => REPLY_CATEGORY_INFO[c].group === 'withheld');

test.each(WITHHELD)('a %s reply tells the applicant to apply for 行政复议 first, and only then sue', (category) => {
  const letter = replyLetter(category);
  expect(letter).toContain('应当先申请行政复议');
  expect(letter).toContain('《中华人民共和国行政复议法》第二十三条第一款第（四）项');
  expect(letter).toContain('向云溪区人民政府申请行政复议；对行政复议决定不服的，可以自收到行政复议决定书之日起十五日内依法向人民法院提起行政诉讼');
  expect(letter).not.toContain('六个月内向人民法院提起行政诉讼');
});

test('a partial disclosure names 复议前置 for the part withheld and the choice for the rest', () => {
  const letter = replyLetter('partial');
  expect(letter).toContain('如对本答复中不予公开的部分不服');
  expect(letter).toContain('应当先申请行政复议');
  expect(letter).toContain('如对本答复的其他内容不服，可以自收到本告知书之日起六十日内向云溪区人民政府申请行政复议，或者自收到之日起六个月内向人民法院提起行政诉讼');
});

test.each(REPLY_CATEGORIES.filter((c) => c !== 'partial' && !WITHHELD.includes(c) && !c.startsWith('other.')))(
  'a %s reply keeps the choice of 复议 or 诉讼',
  (category) => {
    const letter = replyLetter(category);
    expect(letter).not.toContain('应当先申请行政复议');
    expect(letter).toContain('可以自收到本告知书之日起六十日内向云溪区人民政府申请行政复议，或者自收到之日起六个月内向人民法院提起行政诉讼');
  },
);

test('a letter already issued keeps the remedies sentence it was sent with', () => {
  const r = registered();
  const old = '如对本答复不服，可以自收到本告知书之日起六十日内向云溪区人民政府申请行政复议，或者自收到之日起六个月内向人民法院提起行政诉讼。';
  const replied = { ...r, ...transition(r, { type: 'reply', actor: clerk, category: 'withheld.process', text: 'x', attachments: [], government: bureau.government }, at('2026-09-29'), calendar).request } as RequestRecord;
  const before2024 = { ...replied, reply: { ...replied.reply!, remedies: old }, letters: undefined };
  expect(lettersFor(before2024, bureau, calendar, null).find((l) => l.kind === 'reply')!.paragraphs).toContain(old);
});
