import { envelopeBody } from '../../server/envelope-body';

/** The local cloud keeps the bytes of a frozen (remembered, shared) answer; any other answer is written afresh. */
test('a frozen answer is written once and its bytes sent again; any other answer is written every time', () => {
  const shared = Object.freeze({ items: Object.freeze([Object.freeze({ id: 'n1', title: '关于加装电梯的公告' })]), nextCursor: null });
  const first = envelopeBody({ ok: true, data: shared });
  expect(JSON.parse(first.toString())).toEqual({ ok: true, data: { items: [{ id: 'n1', title: '关于加装电梯的公告' }], nextCursor: null } });
  expect(envelopeBody({ ok: true, data: shared })).toBe(first);

  const fresh = { items: [{ id: 'n1', title: '旧标题' }] };
  expect(JSON.parse(envelopeBody({ ok: true, data: fresh }).toString()).data.items[0].title).toBe('旧标题');
  fresh.items[0].title = '新标题';
  expect(JSON.parse(envelopeBody({ ok: true, data: fresh }).toString()).data.items[0].title).toBe('新标题');
  expect(JSON.parse(envelopeBody({ ok: false, code: 'NOT_FOUND', message: '未找到' }).toString())).toEqual({ ok: false, code: 'NOT_FOUND', message: '未找到' });
});
