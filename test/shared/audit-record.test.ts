import { auditEntryOf, changedFieldsOf, recordIdsOf } from '../../shared/audit/audit-record';
import { csvCell } from '../../shared/audit/audit-csv';

describe('what an audit entry keeps of a call', () => {
  test('record ids come from the input’s id-like fields, then the answer’s id, once each', () => {
    expect(recordIdsOf({ id: 'r1', version: 3 }, { id: 'r1' })).toEqual(['r1']);
    expect(recordIdsOf({ openid: 'o-1' }, {})).toEqual(['o-1']);
    expect(recordIdsOf({ windowId: 'w1', serviceId: 's1' }, { code: 'ABC' })).toEqual(['w1']);
    expect(recordIdsOf({ year: 2027 }, null)).toEqual(['2027']);
    expect(recordIdsOf({ idempotencyKey: 'k', applicant: { name: '王小明' } }, { id: 'new-request' })).toEqual(['new-request']);
    expect(recordIdsOf({ ids: ['a', 'b'] }, undefined)).toEqual(['a', 'b']);
  });

  test('fields are names only, one level into objects, without ids, versions or idempotency keys', () => {
    expect(changedFieldsOf({ id: 'n1', version: 2, notice: { title: '标题', body: '正文' } })).toEqual(['notice.body', 'notice.title']);
    expect(changedFieldsOf({ idempotencyKey: 'k', applicant: { name: '王小明', idNumber: '330106199003071236' }, channel: 'letter' })).toEqual(['applicant.idNumber', 'applicant.name', 'channel']);
    expect(changedFieldsOf({ id: 'r', attachments: [{ name: 'a.pdf' }], note: undefined })).toEqual(['attachments']);
  });

  test('no personal value of the input reaches the entry', () => {
    const entry = auditEntryOf({
      at: '2026-11-24T02:00:00.000Z', actor: 'demo-clerk', actorName: '李华', action: 'requests.enter', kind: 'write',
      input: { idempotencyKey: 'k1', applicant: { type: 'person', name: '王小明', idNumber: '330106199003071236', phone: '13812345678' } },
      answer: { id: 'req-1', applicant: { name: '王小明' } },
    });
    const text = JSON.stringify(entry);
    for (const value of ['王小明', '330106199003071236', '13812345678', 'person']) expect(text).not.toContain(value);
    expect(entry).toMatchObject({ recordId: 'req-1', fields: ['applicant.idNumber', 'applicant.name', 'applicant.phone', 'applicant.type'] });
  });

  test('a view records no fields', () => {
    expect(auditEntryOf({ at: 'x', actor: 'a', actorName: 'n', action: 'requests.manageGet', kind: 'personalDataViewed', input: { id: 'r1' }, answer: { id: 'r1' } }).fields).toEqual([]);
  });
});

describe('CSV cells', () => {
  test.each([
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['=1+1', "'=1+1"],
    ['+86', "'+86"],
    ['-1', "'-1"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['张敏', '张敏'],
  ])('%j → %j', (value, cell) => expect(csvCell(value)).toBe(cell));
});
