import { ok, type CloudHarness } from './cloud-harness';

/** Everything staff enter for a year, so that its report passes every check and may be published. */
export const FULL_INPUTS = { licences: 1520, penalties: 86, enforcement: 12, feesWan: 35.6 };
export const FULL_TEXTS = {
  overview: '本年度依法做好政府信息公开工作。',
  problems: '（一）存在的主要问题：公开内容的解读不够。（二）改进措施：加强政策解读。',
  otherMatters: '本年度未收取信息处理费。',
};

/**
 * A past year (2024, over by the harness clock) with every input and text entered, ready to
 * publish; and one reconsideration case on record.
 */
export async function prepareReportFixture(cloud: CloudHarness) {
  const saved = ok(await cloud.call('demo-admin', 'reports', { action: 'saveInputs', data: { year: 2024, version: 0, inputs: FULL_INPUTS, texts: FULL_TEXTS } }));
  const reportCase = ok(
    await cloud.call('demo-admin', 'reports', {
      action: 'saveCase',
      data: { case: { kind: 'reconsideration', filedOn: '2026-03-02', outcome: 'upheld', summary: '云复〔2026〕3号，申请人不服不予公开答复' } },
    }),
  );
  return { reportYear: 2024, reportVersion: saved.version as number, caseId: reportCase.id as string, caseVersion: reportCase.version as number };
}
