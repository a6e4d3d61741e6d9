import { createCloudHarness, ok, type CloudHarness } from '../support/cloud-harness';
import { application } from '../support/request-factories';

/**
 * Editable letter templates: the bureau's admin rewords the formal letters
 * over the built-in defaults; required parts (the remedies sentence of a
 * reply, Art. 51) cannot be removed; letters already issued never change.
 */
let cloud: CloudHarness;
beforeEach(async () => {
  cloud = await createCloudHarness();
});
afterEach(() => cloud.close());

const admin = (action: string, data: unknown) => cloud.call('demo-admin', 'letterTemplates', { action, data });
const templateOf = async (key: string) => (ok(await admin('list', {})) as any[]).find((t) => t.key === key);
const ADDED = '本机关已同时将上述信息在门户网站“政府信息公开”专栏公布。';

async function registeredRequest(): Promise<{ id: string; version: number }> {
  const submitted = ok(await cloud.call('resident-a', 'requests', { action: 'submit', data: application() }));
  return ok(await cloud.call('demo-clerk', 'requests', { action: 'register', data: { id: submitted.id, version: submitted.version } }));
}
const replyTo = async (r: { id: string; version: number }) =>
  ok(await cloud.call('demo-clerk', 'requests', { action: 'reply', data: { id: r.id, version: r.version, category: 'partial', text: '招标文件予以公开，报价明细不予公开。' } }));
const replyLetterOf = async (id: string) => ok(await cloud.call('resident-a', 'requests', { action: 'get', data: { id } })).letters.find((l: any) => l.kind === 'reply');

test('every template is listed with its placeholders; replies must keep the remedies sentence', async () => {
  const list = ok(await admin('list', {})) as any[];
  expect(list.map((t) => t.key)).toEqual([
    'alreadyPublic', 'disclose', 'partial', 'withhold', 'specialProcedure', 'notHeld', 'notOurs', 'notExisting', 'unclear', 'repeat', 'notProcessed', 'terminated',
    'supplement', 'extension', 'reasons', 'delayedDue', 'fee',
  ]);
  expect(list.every((t) => t.version === 0 && t.custom === false)).toBe(true);
  const partial = list.find((t) => t.key === 'partial');
  expect(partial.slots).toEqual(
    expect.arrayContaining([
      { name: 'remedies', placeholder: '{救济途径}', label: '救济途径（条例第五十一条）', required: true },
      { name: 'bureau', placeholder: '{本机关}', label: '本机关名称', required: false },
    ]),
  );
  expect(list.find((t) => t.key === 'supplement').slots.filter((s: any) => s.required).map((s: any) => s.name)).toEqual(['trackingNumber', 'items', 'supplementDeadline']);
});

test('a template without a required part, or with an unknown placeholder, is refused and nothing is stored', async () => {
  const partial = await templateOf('partial');
  const withoutRemedies = await admin('save', { key: 'partial', version: 0, title: partial.title, paragraphs: partial.paragraphs.filter((p: string) => p !== '{救济途径}') });
  expect(withoutRemedies).toMatchObject({ ok: false, code: 'VALIDATION_FAILED', fields: { paragraphs: expect.stringContaining('{救济途径}（救济途径（条例第五十一条））') } });
  const unknown = await admin('save', { key: 'partial', version: 0, title: partial.title, paragraphs: [...partial.paragraphs, '联系人：{contactPerson}'] });
  expect(unknown).toMatchObject({ ok: false, code: 'VALIDATION_FAILED', fields: { [`paragraphs.${partial.paragraphs.length}`]: expect.stringContaining('{contactPerson}') } });
  // A supplement request's items may not be used in a reply, nor dropped from a supplement request.
  const supplement = await templateOf('supplement');
  expect(await admin('save', { key: 'supplement', version: 0, title: supplement.title, paragraphs: [supplement.paragraphs[0]] })).toMatchObject({ ok: false, code: 'VALIDATION_FAILED' });
  expect(await cloud.store.collection('letterTemplates').count()).toBe(0);
  // Only admins edit them.
  expect(await cloud.call('demo-clerk', 'letterTemplates', { action: 'save', data: { key: 'partial', version: 0, title: partial.title, paragraphs: partial.paragraphs } })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
});

test('the preview fills in a sample request and lists the problems without saving', async () => {
  const preview = ok(await admin('preview', { key: 'withhold', title: '答复告知书', paragraphs: ['{applicant}：您的申请 {trackingNumber} 不予公开。', '{replyText}', '{oops}'] }));
  expect(preview.letter).toMatchObject({ title: '答复告知书', reference: '依申〔2026〕000123号', kind: 'reply' });
  expect(preview.letter.paragraphs[0]).toBe('陈晓明：您的申请 依申〔2026〕000123号 不予公开。');
  expect(preview.problems).toEqual({ 'paragraphs.2': expect.stringContaining('{oops}'), paragraphs: expect.stringContaining('{救济途径}') });
  expect(await cloud.store.collection('letterTemplates').count()).toBe(0);
});

test('placeholders are shown and written in Chinese; a template stored with the old English names still fills and is shown in Chinese', async () => {
  const disclose = await templateOf('disclose');
  expect(disclose.paragraphs[0]).toBe('{申请人}：\n本机关于 {收到申请日期} 收到{称呼}提出的政府信息公开申请（编号 {申请编号}），申请获取“{申请内容}”。');
  expect(JSON.stringify(disclose)).not.toMatch(/\{(applicant|trackingNumber|remedies|replyText)\}/);

  // A template saved before the Chinese names (English placeholders), as the store still holds it.
  const first = await registeredRequest();
  const old = ['{applicant}：您（单位）的申请（{trackingNumber}）已收悉。', '根据{legalBasis}，予以公开。', '{replyText}', '{remedies}'];
  ok(await admin('save', { key: 'partial', version: 0, title: '答复告知书', paragraphs: old }));
  expect((await cloud.store.collection('letterTemplates').get('partial'))?.paragraphs).toEqual(old);
  expect((await templateOf('partial')).paragraphs[0]).toBe('{申请人}：您（单位）的申请（{申请编号}）已收悉。');
  await replyTo(first);
  const letter = await replyLetterOf(first.id);
  expect(letter.paragraphs[0]).toMatch(/^陈晓明：您（单位）的申请（依申〔2026〕\d{6}号）已收悉。$/);
  expect(letter.paragraphs.join('')).not.toContain('{');

  // Saved in Chinese, mixed with an English one, it checks and fills the same way.
  const current = await templateOf('partial');
  const mixed = ['{申请人}：', '{称呼}的申请（{申请编号}）已收悉，依据{法律依据}答复如下。', '{replyText}', '{救济途径}'];
  ok(await admin('save', { key: 'partial', version: current.version, title: '答复告知书', paragraphs: mixed }));
  const second = await registeredRequest();
  await replyTo(second);
  const filled = await replyLetterOf(second.id);
  expect(filled.paragraphs[1]).toMatch(/^您的申请（依申〔2026〕\d{6}号）已收悉，依据《中华人民共和国政府信息公开条例》第.+条.*答复如下。$/);
  expect(filled.paragraphs.join('')).not.toContain('{');
});

test('an edit reaches the next letter only; letters already issued keep their text and revision', async () => {
  const first = await registeredRequest();
  const second = await registeredRequest();
  await replyTo(first);
  const before = await replyLetterOf(first.id);
  expect(before.paragraphs.join('')).not.toContain(ADDED);

  const partial = await templateOf('partial');
  const edited = ok(await admin('save', { key: 'partial', version: 0, title: partial.title, paragraphs: [...partial.paragraphs.slice(0, 3), ADDED, '{remedies}'] }));
  expect(edited).toMatchObject({ custom: true, version: 1, updatedByName: '张敏' });
  await replyTo(second);

  expect(await replyLetterOf(first.id)).toEqual(before);
  const after = await replyLetterOf(second.id);
  expect(after.paragraphs).toContain(ADDED);
  expect(after.paragraphs.at(-1)).toContain('行政复议');
  const stored = async (id: string) => (await cloud.store.collection('requests').get(id))!.letters!.map((l) => [l.templateKey, l.templateRevision]);
  expect(await stored(first.id)).toEqual([['partial', 0]]);
  expect(await stored(second.id)).toEqual([['partial', 1]]);

  // Reset: the built-in text is in force again (a new revision), the edited letter stays as sent.
  const reset = ok(await admin('reset', { key: 'partial', version: 1 }));
  expect(reset).toMatchObject({ custom: false, version: 2, paragraphs: partial.paragraphs });
  expect(await replyLetterOf(second.id)).toEqual(after);
  expect(await admin('reset', { key: 'partial', version: 2 })).toMatchObject({ ok: false, code: 'INVALID_STATE' });
  const third = await registeredRequest();
  await replyTo(third);
  expect((await replyLetterOf(third.id)).paragraphs.join('')).not.toContain(ADDED);
  expect(await stored(third.id)).toEqual([['partial', 2]]);

  const events = await cloud.store.collection('events').find({ where: { subjectId: 'partial' }, orderBy: [['at', 'asc']], limit: 10 });
  expect(events.items.map((e) => [e.action, e.actor])).toEqual([['templateSaved', 'demo-admin'], ['templateReset', 'demo-admin']]);
});

test('two admins editing the same template: the second is told, not overwritten', async () => {
  const disclose = await templateOf('disclose');
  const draft = (extra: string) => ({ key: 'disclose', version: 0, title: disclose.title, paragraphs: [...disclose.paragraphs, extra] });
  ok(await admin('save', draft('甲的补充说明。')));
  expect(await admin('save', draft('乙的补充说明。'))).toMatchObject({ ok: false, code: 'VERSION_CONFLICT' });
  expect((await templateOf('disclose')).paragraphs.at(-1)).toBe('甲的补充说明。');
  // Two first edits of another template at the very same moment: one is saved, the other told.
  const notHeld = await templateOf('notHeld');
  const race = await Promise.all(['甲', '乙'].map((who) => admin('save', { key: 'notHeld', version: 0, title: notHeld.title, paragraphs: [...notHeld.paragraphs, `${who}的补充说明。`] })));
  expect(race.map((r) => (r.ok ? 'ok' : r.code)).sort()).toEqual(['VERSION_CONFLICT', 'ok']);
});

test('the supplement and extension notices are stored as issued, with the deadline of that day', async () => {
  const r = await registeredRequest();
  const extended = ok(await cloud.call('demo-clerk', 'requests', { action: 'extend', data: { id: r.id, version: r.version, workingDays: 10, approver: '张敏', reason: '需调取档案' } }));
  const letter = extended.letters.find((l: any) => l.kind === 'extension');
  expect(letter.paragraphs.join('')).toContain(`将于 ${extended.dueOn} 前作出答复`);
  const extension = await templateOf('extension');
  ok(await admin('save', { key: 'extension', version: 0, title: '延期答复通知', paragraphs: extension.paragraphs }));
  const again = ok(await cloud.call('resident-a', 'requests', { action: 'get', data: { id: r.id } }));
  expect(again.letters.find((l: any) => l.kind === 'extension')).toEqual(letter);
});
