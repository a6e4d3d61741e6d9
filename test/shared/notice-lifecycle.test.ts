import { AppError } from '../../shared/api/errors';
import { newNotice, publishNotice, reviseNotice, toSummary, withdrawNotice } from '../../shared/notices/notice-lifecycle';
import { NoticeContentSchema, type Notice } from '../../shared/notices/notice-schema';
import { announcement, policy, publicity } from '../support/factories';

const t0 = new Date('2026-11-24T01:00:00Z');
const t1 = new Date('2026-11-25T01:00:00Z');

function stored(content = announcement(), overrides: Partial<Notice> = {}): Notice {
  const parsed = NoticeContentSchema.parse(content);
  return { ...newNotice(parsed, '局办公室', 'editor', t0), id: 'n1', version: 1, ...overrides } as Notice;
}

test('a new notice is a draft stamped with who and when', () => {
  expect(stored()).toMatchObject({ status: 'draft', createdBy: 'editor', createdAt: t0.toISOString(), publishedAt: null });
});

test('draft → published → withdrawn → published', () => {
  const draft = stored();
  const published = { ...draft, ...publishNotice(draft, 'admin', t1) } as Notice;
  expect(published).toMatchObject({ status: 'published', publishedAt: t1.toISOString(), updatedBy: 'admin' });
  const withdrawn = { ...published, ...withdrawNotice(published, '有误', 'admin', t1) } as Notice;
  expect(withdrawn).toMatchObject({ status: 'withdrawn', withdrawReason: '有误', withdrawnAt: t1.toISOString() });
  expect(publishNotice(withdrawn, 'admin', t1)).toMatchObject({ status: 'published', withdrawReason: null });
});

test.each([
  ['publish a published notice', () => publishNotice(stored(undefined, { status: 'published' }), 'a', t1)],
  ['withdraw a draft', () => withdrawNotice(stored(), 'x', 'a', t1)],
  ['withdraw a withdrawn notice', () => withdrawNotice(stored(undefined, { status: 'withdrawn' }), 'x', 'a', t1)],
])('refuses to %s', (_label, act) => {
  expect(act).toThrow(AppError);
  try {
    act();
  } catch (e) {
    expect((e as AppError).code).toBe('INVALID_STATE');
  }
});

test('revising to another kind clears every field of the old kind', () => {
  const patch = reviseNotice(NoticeContentSchema.parse(announcement({ title: '新' })), '局办公室', 'b', t1);
  const after = JSON.parse(JSON.stringify({ ...stored(policy()), ...patch })) as Record<string, unknown>;
  expect(after).toMatchObject({ kind: 'announcement', title: '新', createdBy: 'editor', updatedBy: 'b' });
  for (const key of ['docNumber', 'issuingBody', 'effectiveDate', 'validity']) expect(after).not.toHaveProperty(key);
});

test('summaries carry what a card needs and never the body', () => {
  const p = toSummary(stored(publicity()));
  expect(p.period).toEqual({ start: '2026-11-20', end: '2026-11-27' });
  expect(p).not.toHaveProperty('body');
  expect(toSummary(stored(policy()))).toMatchObject({ docNumber: '云建发〔2026〕1号', validity: 'inForce' });
  expect(toSummary(stored())).not.toHaveProperty('period');
});
