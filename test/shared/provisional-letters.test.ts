import { builtinArrangement } from '../../shared/calendar/builtin-arrangements';
import { buildCalendar } from '../../shared/calendar/working-calendar';
import { lettersFor } from '../../shared/requests/letters';
import { newRequest, transition, type RequestCommand } from '../../shared/requests/request-machine';
import type { Actor, RequestRecord } from '../../shared/requests/request-record';
import { SubmitSchema } from '../../shared/requests/request-schema';
import { application } from '../support/request-factories';

/** A letter whose date was counted over a year not entered yet (2027 here) says 暂定 and carries `provisional: true`. */
const calendar = buildCalendar([], builtinArrangement);
const clerk: Actor = { role: 'staff', openid: 'demo-clerk', name: '李华' };
const bureau = { name: '云溪区住房和城乡建设局', government: '云溪区人民政府' };
const at = (date: string) => new Date(`${date}T02:00:00Z`);

function registeredOn(day: string): RequestRecord {
  const { record } = newRequest(SubmitSchema.parse(application()), { channel: 'online', ownerOpenid: 'resident-a' }, '依申〔2026〕000001号', at(day), calendar);
  const r = { ...record, id: 'r1', version: 1 } as RequestRecord;
  return { ...r, ...transition(r, { type: 'register', actor: clerk }, at(day), calendar).request };
}
const apply = (r: RequestRecord, c: RequestCommand, day: string) => ({ ...r, ...transition(r, c, at(day), calendar).request }) as RequestRecord;
const letter = (r: RequestRecord, kind: 'supplement' | 'extension') => lettersFor(r, bureau, calendar, r.dueOn).find((l) => l.kind === kind)!;

test('a supplement period running into 2027 is 暂定 in its letter (元旦 skipped); one within 2026 is not', () => {
  const late = apply(registeredOn('2026-12-28'), { type: 'askSupplement', actor: clerk, items: ['请写明文号'], workingDays: 5 }, '2026-12-28');
  // 12-29, 12-30, 12-31, (元旦 01-01, weekend) 01-04, 01-05.
  expect(letter(late, 'supplement')).toMatchObject({ provisional: true });
  expect(letter(late, 'supplement').paragraphs.join('\n')).toContain('2027-01-05');
  expect(letter(late, 'supplement').paragraphs.at(-1)).toMatch(/^注：.*该期限为暂定/);
  const early = apply(registeredOn('2026-11-02'), { type: 'askSupplement', actor: clerk, items: ['请写明文号'], workingDays: 5 }, '2026-11-02');
  expect(letter(early, 'supplement').provisional).toBeUndefined();
  expect(letter(early, 'supplement').paragraphs.join('\n')).not.toContain('暂定');
});

test('an extension whose due date lies in 2027 is 暂定 in its letter', () => {
  const extended = apply(registeredOn('2026-11-23'), { type: 'extend', actor: clerk, workingDays: 20, approver: '张敏', reason: '需要调阅档案' }, '2026-12-01');
  expect(extended.dueProvisional).toBe(true);
  expect(letter(extended, 'extension')).toMatchObject({ provisional: true });
  expect(letter(extended, 'extension').paragraphs.join('\n')).toContain(`将于 ${extended.dueOn} 前作出答复`);
  expect(letter(extended, 'extension').paragraphs.at(-1)).toMatch(/该期限为暂定/);
});
