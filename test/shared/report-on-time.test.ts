import { draftTexts } from '../../shared/reports/report-draft';
import { emptyRows } from '../../shared/reports/requests-table';
import { onTimeRate, type StatsRequest } from '../../shared/reports/report-stats';
import { OPEN_SORT } from '../../shared/reports/request-facts';
import { NOTICE_KINDS } from '../../shared/notices/notice-kinds';

/**
 * 按期答复率 in the report's Part 1 draft: of the requests concluded in the year whose clock ran,
 * the share answered by the due date the clock gave (stored with the answer). Withdrawals are the
 * applicant's doing, not the bureau's, and count neither way.
 */
let seq = 0;
function concluded(on: string, dueOn: string | null, status: StatsRequest['status'] = 'replied'): StatsRequest {
  seq += 1;
  return { id: `r${seq}`, trackingNumber: `依申〔2025〕${seq}号`, status, receivedOn: '2025-01-02', concludedOn: on, concludedSort: on, column: 'person', row: 'disclosed', open: false, dueOn };
}
const open: StatsRequest = { id: 'open', trackingNumber: '依申〔2025〕99号', status: 'registered', receivedOn: '2025-12-01', concludedOn: null, concludedSort: OPEN_SORT, column: 'person', row: null, open: true, dueOn: '2025-12-30' };

test('answered on the due date is on time, a day after is late; withdrawn, clockless, open and other years count neither way', () => {
  const records = [
    concluded('2025-03-10', '2025-03-10'), // on the last day: on time
    concluded('2025-04-01', '2025-04-20'),
    concluded('2025-05-21', '2025-05-20'), // a day late
    concluded('2025-06-01', '2025-05-01', 'withdrawn'), // withdrawn: not counted
    concluded('2025-07-01', null, 'closed'), // no clock ran: not counted
    concluded('2024-12-30', '2024-12-01'), // late, but last year's
    open,
  ];
  expect(onTimeRate(records, '2025-01-01', '2025-12-31')).toBeCloseTo(2 / 3);
  expect(onTimeRate(records, '2024-01-01', '2024-12-31')).toBe(0);
  expect(onTimeRate([open], '2025-01-01', '2025-12-31')).toBeNull();
});

test('the Part 1 draft states the on-time rate when there is one, and says nothing of it when none was concluded', () => {
  const figures = {
    year: 2025,
    bureauName: '云溪区住房和城乡建设局',
    noticesByKind: Object.fromEntries(NOTICE_KINDS.map((k) => [k, 0])) as never,
    requests: emptyRows(),
    consultationsHeld: 0,
    ratings: { total: 0, satisfactionRate: 0 },
    cases: { reconsideration: { total: 0 }, directSuit: { total: 0 }, suitAfterReconsideration: { total: 0 } } as never,
  };
  expect(draftTexts({ ...figures, onTimeRate: 2 / 3 }).overview).toContain('按期答复率 66.7%');
  expect(draftTexts({ ...figures, onTimeRate: 1 }).overview).toContain('按期答复率 100.0%');
  expect(draftTexts({ ...figures, onTimeRate: null }).overview).not.toContain('按期答复率');
});
