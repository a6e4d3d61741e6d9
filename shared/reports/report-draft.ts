import { NOTICE_KIND_LABELS, NOTICE_KINDS, type NoticeKind } from '../notices/notice-kinds';
import type { CasesTable } from './cases-table';
import type { RequestsTableRows } from './requests-table';
import type { ReportTexts } from './report-record';

/**
 * A first draft of Parts 1, 5 and 6 written from the figures, for staff to
 * edit: the numbers are the records', the judgement is theirs. Nothing here is
 * published unless staff save it as their own text.
 */
export interface DraftFigures {
  year: number;
  bureauName: string;
  noticesByKind: Record<NoticeKind, number>;
  requests: RequestsTableRows;
  /** Concluded by the due date / concluded with a clock; null without any. */
  onTimeRate: number | null;
  /** 征求意见 notices whose period ended in the year, and the opinions residents left on them. */
  consultationsHeld: number;
  ratings: { total: number; satisfactionRate: number };
  cases: CasesTable;
}

const percent = (rate: number) => `${(Math.round(rate * 1000) / 10).toFixed(1)}%`;

export function draftTexts(f: DraftFigures): ReportTexts {
  const published = NOTICE_KINDS.reduce((s, k) => s + f.noticesByKind[k], 0);
  const kinds = NOTICE_KINDS.filter((k) => f.noticesByKind[k] > 0).map((k) => `${NOTICE_KIND_LABELS[k]} ${f.noticesByKind[k]} 条`).join('、');
  const r = f.requests;
  const disclosedShare = r.concluded.total ? percent((r.disclosed.total + r.partial.total) / r.concluded.total) : null;
  const cases = f.cases.reconsideration.total + f.cases.directSuit.total + f.cases.suitAfterReconsideration.total;

  const overview = [
    `${f.year}年，${f.bureauName}认真贯彻落实《中华人民共和国政府信息公开条例》，坚持以公开为常态、不公开为例外，依法做好主动公开和依申请公开工作。`,
    `（一）主动公开。全年通过本机关政务公开平台主动公开政府信息 ${published} 条${kinds ? `，其中${kinds}` : ''}。组织征求意见 ${f.consultationsHeld} 次。`,
    `（二）依申请公开。全年新收政府信息公开申请 ${r.received.total} 件，上年结转 ${r.carriedIn.total} 件，办结 ${r.concluded.total} 件${disclosedShare ? `，其中予以公开和部分公开的占 ${disclosedShare}` : ''}${f.onTimeRate !== null ? `，按期答复率 ${percent(f.onTimeRate)}` : ''}；结转下年度继续办理 ${r.carriedOut.total} 件。`,
    `（三）政府信息管理。严格执行公开前保密审查，依申请公开的登记、审核、办理、答复、归档各环节均有记录。`,
    `（四）平台建设。依托“阳光政务”小程序提供主动公开信息查询、依申请公开在线申请和进度查询、政务服务“好差评”等服务${f.ratings.total ? `，全年收到评价 ${f.ratings.total} 条，满意率 ${percent(f.ratings.satisfactionRate)}` : ''}。`,
    `（五）监督保障。全年涉及政府信息公开的行政复议、行政诉讼案件共 ${cases} 件。`,
  ].join('\n');

  const problems = [
    '（一）存在的主要问题：（请结合本年工作情况填写）。',
    '（二）改进措施：（请结合存在的问题填写下一年度的改进措施）。',
  ].join('\n');

  const otherMatters = [
    '（一）信息处理费收取情况：（请按《政府信息公开信息处理费管理办法》填写本年度发出收费通知和实际收取的情况）。',
    '（二）人大代表建议和政协委员提案办理结果公开情况：（请填写）。',
    '（三）年度工作要点落实情况：（请填写）。',
  ].join('\n');

  return { overview, problems, otherMatters };
}
