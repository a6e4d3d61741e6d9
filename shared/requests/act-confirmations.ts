import { DEFAULT_LETTER_TEMPLATES } from './letters';
import { REPLY_CATEGORY_INFO, replyTypeOf, type ReplyCategory, type ReplyDetails } from './reply-categories';
import { DELIVERY_METHOD_LABELS } from './request-schema';
import type { RequestView } from './request-types';

/**
 * What the clerk reads before an act on a request that cannot be taken back: what will happen, to
 * whom, and whether it goes out now or first to a reviewer (公开审查, 条例 Art. 17). Each letter is a
 * statutory step the applicant relies on, so the wording names the letter, the applicant and the one
 * thing that cannot be undone. Pure text: the request page shows it in a confirmation dialog.
 */
export interface Confirmation {
  title: string;
  content: string;
  confirmText: string;
}

type Reviewed = 'reply' | 'close' | 'extend';

/** 申请人张三 / 申请单位云溪某某有限公司. */
export function addresseeOf(request: Pick<RequestView, 'applicant'>): string {
  return `${request.applicant.type === 'organization' ? '申请单位' : '申请人'}${request.applicant.name}`;
}

/** How the applicant learns of it: in the app for an online applicant; a paper applicant has no app. */
function howTold(request: Pick<RequestView, 'channel' | 'delivery'>): string {
  if (request.channel === 'online') return '申请人在小程序中收到消息（已订阅的同时收到微信通知）';
  return `申请人未使用小程序，须由您按其选择的方式（${DELIVERY_METHOD_LABELS[request.delivery]}）送达告知书`;
}

/** Names for the review route: 孙静 / 孙静、张敏 / 孙静、张敏等. */
function reviewersText(names: readonly string[]): string {
  if (names.length === 0) return '审核人员';
  if (names.length <= 2) return `${names.join('、')}（审核人员）`;
  return `${names.slice(0, 2).join('、')}等审核人员`;
}

const letterTitle = (key: keyof typeof DEFAULT_LETTER_TEMPLATES) => `《${DEFAULT_LETTER_TEMPLATES[key].title}》`;

/**
 * A letter that may wait for review: where the bureau requires it, it goes to the reviewers and
 * nothing reaches the applicant until one approves; otherwise it is issued at once.
 */
function issuing(request: RequestView, step: Reviewed, letter: string, after: string): { content: string; review: boolean } {
  const review = request.reviewBeforeIssue?.steps.includes(step) ?? false;
  const to = addresseeOf(request);
  if (review) {
    const who = reviewersText(request.reviewBeforeIssue?.reviewers ?? []);
    return {
      review,
      content: `${letter}将提交${who}审核，审核通过后才向${to}发出（${howTold(request)}）；审核期间答复期限照常计算，申请人暂不会收到任何消息。${after}`,
    };
  }
  return { review, content: `将立即向${to}发出${letter}，${howTold(request)}。${after}` };
}

export function replyConfirmation(request: RequestView, category: ReplyCategory, details: ReplyDetails, attachments: number): Confirmation {
  const letter = letterTitle(replyTypeOf(category, details));
  const files = attachments > 0 ? `，附 ${attachments} 个文件` : '';
  const { content, review } = issuing(
    request,
    'reply',
    `以“${REPLY_CATEGORY_INFO[category].label}”作出的${letter}${files}`,
    '发出后本申请即告办结，计入年度报告“办理结果”；告知书发出后不能撤回或修改。',
  );
  return { title: review ? '提交答复审核' : '确认作出答复', content, confirmText: review ? '提交审核' : '确认发出' };
}

export function closeConfirmation(request: RequestView, category: ReplyCategory): Confirmation {
  const { content, review } = issuing(
    request,
    'close',
    `终止办理本申请（${REPLY_CATEGORY_INFO[category].label}）的${letterTitle('terminated')}`,
    '终止后本申请不再办理，告知书发出后不能撤回。',
  );
  return { title: review ? '提交终止办理审核' : '确认终止办理', content, confirmText: review ? '提交审核' : '确认终止' };
}

export function extendConfirmation(request: RequestView, workingDays: number, approver: string): Confirmation {
  const { content, review } = issuing(
    request,
    'extend',
    `答复期限延长 ${workingDays} 个工作日（批准人：${approver}）的${letterTitle('extension')}`,
    '延期只能一次，延长后不能撤回或再次延长。',
  );
  return { title: review ? '提交延期审核' : '确认延长答复期限', content, confirmText: review ? '提交审核' : '确认延期' };
}

export function supplementConfirmation(request: RequestView, items: number, workingDays: number): Confirmation {
  return {
    title: '确认告知补正',
    content: `将立即向${addresseeOf(request)}发出${letterTitle('supplement')}，列明 ${items} 项补正事项，补正期限 ${workingDays} 个工作日，${howTold(request)}。补正只能告知一次（条例第三十条），发出后不能补充事项或撤回；答复期限暂停，自收到补正之日起重新计算。`,
    confirmText: '确认发出',
  };
}

export function reasonsConfirmation(request: RequestView): Confirmation {
  return {
    title: '确认要求说明理由',
    content: `将立即向${addresseeOf(request)}发出${letterTitle('reasons')}，${howTold(request)}。只能要求一次（条例第三十五条），发出后不能撤回；答复期限照常计算。`,
    confirmText: '确认发出',
  };
}

export function delayedDueConfirmation(request: RequestView, dueOn: string): Confirmation {
  return {
    title: '确认延迟答复期限',
    content: `答复期限将改为 ${dueOn}，并立即向${addresseeOf(request)}发出${letterTitle('delayedDue')}，${howTold(request)}。延迟答复期限只能确定一次，确定后不能更改，也不能再延期。`,
    confirmText: '确认发出',
  };
}

export function assignConfirmation(departmentName: string): Confirmation {
  return {
    title: '确认转交',
    content: `本申请将转交${departmentName}办理，由该部门的办理人员答复。转交后本部门的办理人员（管理员除外）不能再查看本申请，也不能撤回转交。`,
    confirmText: '确认转交',
  };
}
