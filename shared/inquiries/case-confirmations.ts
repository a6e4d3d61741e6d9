import type { Confirmation } from '../requests/act-confirmations';
import { scopeOf, staffMaySee, type CaseViewer } from './case-access';
import { INQUIRY_KIND_LABELS, type StaffCaseView } from './inquiry-types';

/**
 * What an answerer reads before a step on a case that cannot be taken back: what will happen, to
 * whom, and how they hear of it. The resident relies on an answer or a request for more as the
 * bureau's word (件件有回复), so the wording names the person, how it reaches them and what cannot be
 * undone. Pure text, shown by the case page in the same confirmation dialog as the request page's.
 */
type Case = Pick<StaffCaseView, 'kind' | 'anonymous' | 'contact' | 'notifiable' | 'replyBy' | 'status' | 'dueOn' | 'departmentId' | 'assignedTo'>;

/** 咨询人王某 / 投诉人 / 匿名投诉人: who asked, as far as they gave a name. */
export function askerOf(c: Pick<Case, 'kind' | 'anonymous' | 'contact'>): string {
  const role = c.kind === 'complaint' ? '投诉人' : '咨询人';
  if (c.anonymous) return `匿名${role}`;
  return `${role}${c.contact?.name ?? ''}`;
}

/** How the asker learns of it: in the app, or only if the answerer tells them by the way they left. */
function howTold(c: Case): string {
  if (c.notifiable) return `${askerOf(c)}在小程序中收到消息`;
  const phone = c.contact?.phone ? `（${c.contact.phone}）` : '';
  return `${askerOf(c)}无法在小程序内收到通知，须由您按其留下的方式${phone}告知`;
}

export function answerConfirmation(c: Case): Confirmation {
  return {
    title: '确认答复',
    content: `将向${askerOf(c)}发出这条答复，${howTold(c)}，可以评价或追问。本件转为“已答复”，按时与否以${c.dueOn ? ` ${c.dueOn} 的` : ''}答复期限计。答复发出后不能修改或撤回。`,
    confirmText: '确认答复',
  };
}

export function askMoreConfirmation(c: Case, items: number): Confirmation {
  return {
    title: '确认告知补充',
    content: `将一次性告知${askerOf(c)}补充 ${items} 项内容，${howTold(c)}。答复期限暂停，收到补充之日起重新计算。告知后不能追加事项或撤回，请确认已一次列全。`,
    confirmText: '确认告知',
  };
}

export function closeConfirmation(c: Case): Confirmation {
  const unanswered = c.status === 'open' || c.status === 'moreAsked';
  const what = unanswered
    ? `本件尚未答复：办结后${askerOf(c)}不会收到任何答复，请确认已按其留下的方式另行答复，或本件无需答复。`
    : `${askerOf(c)}已收到答复，办结后仍可追问（追问后重新打开）。`;
  return { title: '确认办结', content: `本件将办结，不再出现在待办中。${what}办结后不能撤回。`, confirmText: '确认办结' };
}

export function toRequestConfirmation(c: Case): Confirmation {
  return {
    title: '确认请当事人申请',
    content: `本件将办结，并告知${askerOf(c)}：所问属于政府信息，请提交政府信息公开申请（${askerOf(c)}在小程序中收到消息，可据此提交申请）。此后按申请办理、答复。告知后不能撤回。`,
    confirmText: '确认告知',
  };
}

export function publishFaqConfirmation(question: string): Confirmation {
  return {
    title: '确认发布为常见问题',
    content: `“${question.trim().slice(0, 40)}${question.trim().length > 40 ? '…' : ''}”及其回答将在“常见问题”中向所有人公开，可被搜索到。请确认已删去姓名、电话、地址等个人信息。`,
    confirmText: '确认发布',
  };
}

/**
 * 分派: to whom, that they are reminded of the due date, and — what the answerer may not expect —
 * whether they themselves can still open the case afterwards (a complaint is only its answerer's and
 * the admins'; an inquiry its department's).
 */
export function assignConfirmation(
  c: Case & { id?: string },
  to: { departmentId: string; departmentName: string; answererOpenid?: string; answererName?: string },
  viewer: CaseViewer | null,
): Confirmation {
  const target = to.answererName ? `${to.departmentName} · ${to.answererName}` : `${to.departmentName}的答复人员`;
  const after = { kind: c.kind, departmentId: to.departmentId, assignedTo: to.answererOpenid ? { openid: to.answererOpenid, name: to.answererName ?? '' } : null };
  const confidential = c.kind === 'complaint' ? `${INQUIRY_KIND_LABELS.complaint}只有被分派的人员和管理员能看到。` : '';
  const lost = viewer && !staffMaySee({ scope: scopeOf(after) }, viewer) ? '分派后您将不能再查看本件，也不能撤回分派。' : '';
  return {
    title: '确认分派',
    content: `本件将分派给${target}答复${c.dueOn ? `，答复期限 ${c.dueOn} 不变` : ''}。${confidential}${lost}`,
    confirmText: '确认分派',
  };
}
