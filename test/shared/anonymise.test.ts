import { ANONYMISED_NAME, anonymiseRequest, personalValuesOf, REDACTED, redactDeep, redactText } from '../../shared/privacy/anonymise';
import type { RequestRecord } from '../../shared/requests/request-record';

/** The pure rules of anonymisation: which values go, where, and what stays for the record and the report. */
const applicant = { type: 'person' as const, name: '欧阳澄明', idType: 'residentId' as const, idNumber: '330102198505124310', phone: '13957246810', email: 'oy@example.com', address: '云溪区澄明路 88 号' };

function record(overrides: Partial<RequestRecord> = {}): RequestRecord {
  return {
    id: 'r1', version: 3, trackingNumber: '依申〔2026〕000001号', status: 'withdrawn', channel: 'online', applicant,
    information: { description: '请公开澄明路改造图纸' }, purpose: null, form: 'electronic', delivery: 'inApp',
    submittedAt: '2026-11-24T02:00:00.000Z', receivedOn: '2026-11-24', extension: null, reply: null,
    ending: { category: null, reason: '请按 13957246810 联系欧阳澄明', on: '2026-11-25' },
    ownerOpenid: 'resident-x', enteredBy: null, supplement: null, consultations: [],
    history: [{ at: '2026-11-24T02:00:00.000Z', kind: 'submitted', actor: 'applicant', actorOpenid: 'resident-x', actorName: null, detail: null }],
    updatedAt: '2026-11-25T02:00:00.000Z', dueOn: null, dueProvisional: false, dueSort: '9999-12-31', open: false,
    ...overrides,
  } as RequestRecord;
}

test('every copy of a value goes, the longest first; one-character values are not searched for', () => {
  expect(redactText('云溪区澄明路 88 号，欧阳澄明', ['欧阳澄明', '云溪区澄明路 88 号'])).toBe(`${REDACTED}，${REDACTED}`);
  expect(redactText('张三和张四', ['张'])).toBe('张三和张四');
  expect(redactDeep({ a: ['打 13957246810'], n: 3, b: null }, ['13957246810'])).toEqual({ a: [`打 ${REDACTED}`], n: 3, b: null });
  expect(personalValuesOf(applicant)).toEqual(['欧阳澄明', '330102198505124310', '13957246810', 'oy@example.com', '云溪区澄明路 88 号']);
});

test('a request keeps what the report counts and loses who the applicant is, with the fields named', () => {
  const done = anonymiseRequest(record(), [], '2026-12-01T00:00:00.000Z')!;
  expect(done.patch.applicant).toEqual({ type: 'person', idType: 'residentId', name: ANONYMISED_NAME, phone: '' });
  expect(done.patch.ownerOpenid).toBeNull();
  expect(done.patch.ending?.reason).toBe(`请按 ${REDACTED} 联系${REDACTED}`);
  expect(done.patch.history?.[0].actorOpenid).toBeNull();
  expect(done.fields).toEqual(expect.arrayContaining(['applicant.name', 'applicant.idNumber', 'applicant.phone', 'applicant.email', 'applicant.address', 'ownerOpenid', 'history.actorOpenid', 'ending']));
  const text = JSON.stringify(done);
  for (const value of personalValuesOf(applicant)) expect(text).not.toContain(value);
  // Nothing personal left: nothing to do.
  const anonymised = record({ ...done.patch } as Partial<RequestRecord>);
  expect(anonymiseRequest(anonymised, [], '2026-12-02T00:00:00.000Z')).toBeNull();
});

test('an organisation keeps its category for the report', () => {
  const org = { type: 'organization' as const, orgKind: 'legalService' as const, name: '云溪明理律师事务所', creditCode: '91350100M000100Y43', phone: '13900001111' };
  expect(anonymiseRequest(record({ applicant: org }), [], '2026-12-01T00:00:00.000Z')!.patch.applicant).toEqual({ type: 'organization', orgKind: 'legalService', name: ANONYMISED_NAME, phone: '' });
});
