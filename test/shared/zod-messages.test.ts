import { contract } from '../../shared/api/contract';
import { fieldErrorsOf } from '../../shared/api/zod-messages';
import { NoticeContentSchema } from '../../shared/notices/notice-schema';

/** Residents and clerks read these messages next to the field: plain Chinese, never zod's English. */
function errorsFor(input: unknown) {
  const result = NoticeContentSchema.safeParse(input);
  if (result.success) throw new Error('expected invalid input');
  return fieldErrorsOf(result.error);
}

test('missing, blank, too long and wrong-type fields read as Chinese sentences', () => {
  const errors = errorsFor({ kind: 'announcement', title: '   ', body: 'x'.repeat(20001), departmentId: 5 });
  expect(errors).toEqual({ title: '此项必填', body: '最多填写 20000 个字', departmentId: '格式不正确' });
});

test('dates, enums, unknown keys and kinds', () => {
  expect(errorsFor({ kind: 'policy', title: 't', body: 'b', departmentId: 'd', docNumber: 'n', issuingBody: 'i', effectiveDate: '2026-02-30', validity: 'maybe' })).toEqual({
    effectiveDate: '日期格式应为 YYYY-MM-DD',
    validity: '请选择有效的选项',
  });
  expect(errorsFor({ kind: 'announcement', title: 't', body: 'b', departmentId: 'd', hack: 1 })).toEqual({ _: '包含不支持的字段' });
  expect(Object.values(errorsFor({ kind: 'poem' }))[0]).toMatch(/[\u4e00-\u9fff]/);
});

test('no message anywhere in the contract falls back to English', () => {
  const inputs: Array<[unknown, unknown]> = [
    [contract.notices.list.input, { limit: 0, kind: 'x', cursor: 5 }],
    [contract.notices.withdraw.input, { id: '', version: 0, reason: '' }],
    [contract.notices.save.input, { notice: { kind: 'guide', title: 't', body: 'b', departmentId: 'd', guide: {} } }],
  ];
  for (const [schema, input] of inputs) {
    const result = (schema as typeof contract.notices.list.input).safeParse(input);
    expect(result.success).toBe(false);
    for (const message of Object.values(fieldErrorsOf(result.error!))) expect(message).toMatch(/^[^A-Za-z]*[\u4e00-\u9fff][^a-z]*$/);
  }
});
