import { Button, Text, View } from '@tarojs/components';
import { useState, type ReactNode } from 'react';
import type { Department } from '../../../shared/api/common';
import {
  AskReasonsSchema,
  RecordReasonsSchema,
  AssignDepartmentSchema,
  AskSupplementSchema,
  SetDelayedDueSchema,
  CLOSE_CATEGORIES,
  CONSULTED_PARTIES,
  CONSULTED_PARTY_LABELS,
  CloseSchema,
  ConsultSchema,
  legalBasisOf,
  ExtendSchema,
  RecordPaymentSchema,
  RecordSupplementSchema,
  REPLY_CATEGORIES,
  REPLY_CATEGORY_INFO,
  REPLY_GROUPS,
  REPLY_GROUP_LABELS,
  RegisterSchema,
  REPLY_DETAIL_FIELDS,
  replyDetailFieldsOf,
  ReplySchema,
  type ReplyCategory,
  type ReplyDetailField,
} from '../../../shared/requests/request-schema';
import { MAX_EXTENSION_WORKING_DAYS, SUPPLEMENT_WINDOW_WORKING_DAYS, THIRD_PARTY_WORKING_DAYS } from '../../../shared/requests/statutory-periods';
import type { RequestCommandName, RequestView } from '../../../shared/requests/request-types';
import {
  assignConfirmation,
  closeConfirmation,
  delayedDueConfirmation,
  extendConfirmation,
  reasonsConfirmation,
  replyConfirmation,
  supplementConfirmation,
} from '../../../shared/requests/act-confirmations';
import { beijingToday } from '../../../shared/time/beijing-time';

/** Today in Beijing, the latest day a received-on or paid-on date may be (the server checks again). */
const today = () => beijingToday(new Date());
import { RequestActionForm, type ActionDescription, type Run } from './request-action-form';
import { FeeNoticeForm } from './fee-notice-form';
import { RedirectToCase } from './redirect-to-case';

/**
 * The clerk's actions on one request, each a small form checked with the
 * server's own schema before it is sent. Only the actions the server lists
 * in `allowed` are offered; the server decides again when it is called.
 */
/** What the cards need besides the request: the bureau's departments (to register into, or hand on to). */
interface ActionContext {
  departments: Department[];
}

const register = (_request: RequestView, { departments }: ActionContext): ActionDescription => ({
  command: 'register',
  title: '受理申请',
  hint: '受理之日为答复期限的第0天。网上申请默认今天受理；如实际收到更早，请填写收到日期。承办部门的办理人员可以查看和办理本申请。',
  initial: { receivedOn: '', departmentId: '' },
  fields: () => [
    { key: 'receivedOn', label: '收到日期（选填）', date: 'receivedOn', placeholder: '默认今天', end: today(), clearable: true },
    {
      key: 'departmentId',
      label: '承办部门',
      choice: 'registerDepartment',
      column: true,
      options: [{ value: '', label: '默认（本人所在部门）' }, ...departments.map((d) => ({ value: d.id, label: d.name }))],
    },
  ],
  schema: RegisterSchema,
  input: (target, v) => ({ ...target, ...(v.receivedOn.trim() ? { receivedOn: v.receivedOn.trim() } : {}), ...(v.departmentId ? { departmentId: v.departmentId } : {}) }),
  done: '已受理',
  submitLabel: '受理',
});

/** Handing the request to another department: its handlers take over, and this department's no longer see it. */
const assignDepartment = (request: RequestView, { departments }: ActionContext): ActionDescription => ({
  command: 'assignDepartment',
  title: '转交承办部门',
  hint: '转交后由所选部门的办理人员办理；本部门的办理人员（管理员除外）将不能再查看本申请。',
  initial: { departmentId: '' },
  fields: () => [
    {
      key: 'departmentId',
      label: '转交给',
      required: true,
      choice: 'assignDepartment',
      column: true,
      options: departments.filter((d) => d.id !== request.departmentId).map((d) => ({ value: d.id, label: d.name })),
    },
  ],
  schema: AssignDepartmentSchema,
  input: (target, v) => ({ ...target, departmentId: v.departmentId }),
  confirm: (v) => assignConfirmation(departments.find((d) => d.id === v.departmentId)?.name ?? '所选部门'),
  done: '已转交',
  submitLabel: '转交',
});

const supplementItems = (text: string) => text.split('\n').map((l) => l.trim()).filter(Boolean);

const askSupplement = (request: RequestView): ActionDescription => ({
  command: 'askSupplement',
  title: '告知补正',
  hint: `须在收到申请之日起${SUPPLEMENT_WINDOW_WORKING_DAYS}个工作日内一次性告知全部补正事项。补正期间答复期限暂停，收到补正之日起重新计算。`,
  initial: { items: '', workingDays: '10' },
  fields: () => [
    { key: 'items', label: '补正事项（每行一项）', required: true, errorKeys: ['items', 'items.0'], text: 'supplementItems', multiline: true, placeholder: '例如：请说明所需信息的年份范围' },
    { key: 'workingDays', label: '补正期限（工作日）', required: true, text: 'supplementDays', keyboard: 'number' },
  ],
  schema: AskSupplementSchema,
  input: (target, v) => ({ ...target, items: supplementItems(v.items), workingDays: Number(v.workingDays) }),
  confirm: (v) => supplementConfirmation(request, supplementItems(v.items).length, Number(v.workingDays)),
  done: '已告知补正',
  submitLabel: '发出补正告知书',
});

/** A supplement that came by post, fax or in person (the 补正告知书 invites written ones): typed in with the day it arrived. */
const recordSupplement = (request: RequestView): ActionDescription => ({
  command: 'recordSupplement',
  title: '登记书面补正',
  hint: (
    <>
      申请人以邮寄、传真或当面方式提交的补正材料，在此登记。收到之日不得早于告知补正之日（{request.supplement?.requestedOn ?? ''}）；晚于补正期限
      {request.supplement?.deadlineOn ? `（${request.supplement.deadlineOn}）` : ''}的，只有申请人有正当理由才能受理，须填写逾期理由（条例第三十条）
      {request.status === 'closed' ? '；本申请已以逾期未补正终止，受理后恢复办理' : ''}。答复期限自收到之日起重新计算。
    </>
  ),
  initial: { receivedOn: '', text: '', lateReason: '' },
  fields: () => [
    { key: 'receivedOn', label: '收到补正之日', required: true, date: 'supplementReceivedOn', end: today() },
    { key: 'text', label: '补正内容', required: true, text: 'recordedSupplementText', multiline: true, placeholder: '摘录或概述申请人补正的内容' },
    { key: 'lateReason', label: '逾期理由（逾期补正时填写）', text: 'supplementLateReason', multiline: true, placeholder: '例如：申请人住院治疗，有医院证明' },
  ],
  attachments: 10,
  schema: RecordSupplementSchema,
  input: (target, v, attachments) => ({
    ...target,
    receivedOn: v.receivedOn.trim(),
    text: v.text,
    ...(v.lateReason.trim() ? { lateReason: v.lateReason.trim() } : {}),
    ...(attachments.length ? { attachments } : {}),
  }),
  done: '已登记补正',
  submitLabel: '登记补正',
});

/** Starting a consultation, or, while one is open, recording its outcome: one card whose typed values survive the switch. */
const consult = (request: RequestView): ActionDescription => {
  const open = request.consultations.find((c) => c.endedOn === null);
  const common = { command: 'consult', initial: { party: 'thirdParty', partyName: '', matter: '', outcome: '' }, schema: ConsultSchema } as const;
  if (open) {
    return {
      ...common,
      title: '结束征求意见',
      hint: `正在征求 ${open.partyName} 的意见（${open.startedOn} 起${open.answerDueOn ? `，应于 ${open.answerDueOn} 前答复` : ''}）。`,
      fields: () => [{ key: 'outcome', label: '意见结果', required: true, text: 'consultOutcome', multiline: true }],
      input: (target, v) => ({ ...target, step: 'end', outcome: v.outcome }),
      done: '已记录征求意见结果',
      submitLabel: '记录结果，恢复计时',
    };
  }
  return {
    ...common,
    title: '征求意见',
    hint: `征求第三方或其他机关意见的时间不计入答复期限；第三方应在${THIRD_PARTY_WORKING_DAYS}个工作日内提出意见。`,
    fields: () => [
      { key: 'party', label: '征求对象', required: true, choice: 'consultParty', options: CONSULTED_PARTIES.map((p) => ({ value: p, label: CONSULTED_PARTY_LABELS[p] })) },
      { key: 'partyName', label: '对象名称', required: true, text: 'partyName' },
      { key: 'matter', label: '征求事项', required: true, text: 'consultMatter', multiline: true },
    ],
    input: (target, v) => ({ ...target, step: 'start', party: v.party, partyName: v.partyName, matter: v.matter }),
    done: '已开始征求意见',
    submitLabel: '开始征求意见',
  };
};

const extend = (request: RequestView): ActionDescription => ({
  command: 'extend',
  title: '延长答复期限',
  hint: `只能延长一次，最长${MAX_EXTENSION_WORKING_DAYS}个工作日，须经政府信息公开工作机构负责人同意，并告知申请人。`,
  initial: { workingDays: String(MAX_EXTENSION_WORKING_DAYS), approver: '', reason: '' },
  fields: () => [
    { key: 'workingDays', label: '延长（工作日）', required: true, text: 'extendDays', keyboard: 'number' },
    { key: 'approver', label: '批准人', required: true, text: 'approver' },
    { key: 'reason', label: '延期理由', required: true, text: 'extendReason', multiline: true },
  ],
  schema: ExtendSchema,
  input: (target, v) => ({ ...target, workingDays: Number(v.workingDays), approver: v.approver, reason: v.reason }),
  confirm: (v) => extendConfirmation(request, Number(v.workingDays), v.approver.trim()),
  done: '已延期并告知申请人',
  submitLabel: '延期并发出告知书',
});

/** Art. 35: a volume or frequency clearly beyond reason. Asking for reasons does not stop the clock. */
const askReasons = (request: RequestView): ActionDescription => ({
  command: 'askReasons',
  title: '要求说明理由',
  hint: '申请公开政府信息的数量、频次明显超过合理范围的，可以要求申请人说明理由（条例第三十五条），只能要求一次。其间答复期限照常计算；理由不合理的，以“无正当理由大量反复申请”不予处理；理由合理但无法按期答复的，确定延迟答复期限。',
  initial: { text: '' },
  fields: () => [{ key: 'text', label: '请申请人说明的事项', required: true, text: 'reasonsText', multiline: true, placeholder: '例如：您自本月1日起已提出申请40件，请说明申请用途' }],
  schema: AskReasonsSchema,
  input: (target, v) => ({ ...target, text: v.text }),
  confirm: () => reasonsConfirmation(request),
  done: '已要求说明理由并告知申请人',
  submitLabel: '发出说明理由告知书',
});

/** Art. 35: reasons that came by letter, fax or in person (the only way for a paper applicant): typed in with the day they arrived. */
const recordReasons = (request: RequestView): ActionDescription => ({
  command: 'recordReasons',
  title: '登记书面理由',
  hint: `申请人以信函、传真或当面方式说明理由的，在此登记（条例第三十五条）。收到之日不得早于要求说明理由之日（${request.reasons?.askedOn ?? ''}），不得晚于今天。答复期限照常计算。`,
  initial: { receivedOn: '', text: '' },
  fields: () => [
    { key: 'receivedOn', label: '收到理由之日', required: true, date: 'reasonsReceivedOn', end: today() },
    { key: 'text', label: '申请人说明的理由', required: true, text: 'recordedReasonsText', multiline: true, placeholder: '摘录或概述申请人来信说明的理由' },
  ],
  schema: RecordReasonsSchema,
  input: (target, v) => ({ ...target, receivedOn: v.receivedOn.trim(), text: v.text }),
  done: '已登记申请人说明的理由',
  submitLabel: '登记理由',
});

/** Art. 35: reasons found sound, but the answer cannot be given in time: a later date, told to the applicant by letter. */
const setDelayedDue = (request: RequestView): ActionDescription => ({
  command: 'setDelayedDue',
  title: '确定延迟答复期限',
  hint: `申请理由合理，但无法在法定期限${request.dueOn ? `（${request.dueOn}）` : ''}内答复的，确定延迟答复的合理期限并告知申请人（条例第三十五条）。只能确定一次。`,
  initial: { dueOn: '', reason: '' },
  fields: () => [
    { key: 'dueOn', label: '延迟至', required: true, date: 'delayedDueOn', placeholder: '选择一个工作日，须晚于现行答复期限', start: today() },
    { key: 'reason', label: '无法按期答复的原因', required: true, text: 'delayedReason', multiline: true },
  ],
  schema: SetDelayedDueSchema,
  input: (target, v) => ({ ...target, dueOn: v.dueOn.trim(), reason: v.reason }),
  confirm: (v) => delayedDueConfirmation(request, v.dueOn.trim()),
  done: '已确定延迟答复期限并告知申请人',
  submitLabel: '确定并发出延迟答复告知书',
});

/** Art. 42: the applicant paid the fee; the clock runs again from the next working day. */
const recordPayment = (request: RequestView): ActionDescription => ({
  command: 'recordPayment',
  title: '登记缴费',
  hint: request.fee
    ? `收费通知（${request.fee.noticeOn}）应缴 ${request.fee.amount} 元，缴费期限 ${request.fee.deadlineOn}。登记申请人实际缴费之日；自通知之日至缴费之日的期间不计入答复期限。`
    : undefined,
  initial: { paidOn: '' },
  fields: () => [{ key: 'paidOn', label: '缴费日期', required: true, date: 'paidOn', end: today() }],
  schema: RecordPaymentSchema,
  input: (target, v) => ({ ...target, paidOn: v.paidOn.trim() }),
  done: '已登记缴费，答复期限恢复计算',
  submitLabel: '登记缴费',
});

const groupOf = (c: ReplyCategory) => REPLY_CATEGORY_INFO[c].group;

/** How the form asks for each Art. 36 field: its label (with the article where a field decides the letter) and an example. */
const DETAIL_FIELD_TEXT: Record<ReplyDetailField, { label: string; placeholder: string; multiline?: boolean }> = {
  whereToFind: { label: '已主动公开的，获取方式和途径（第三十六条第一项；未主动公开的不填）', placeholder: '例如：本机关门户网站“政府信息公开—政策文件”栏目', multiline: true },
  agencyName: { label: '不属于本机关负责公开的，负责公开的行政机关（第三十六条第五项；经检索不存在的不填）', placeholder: '例如：云溪区自然资源和规划局' },
  agencyContact: { label: '该机关的联系方式', placeholder: '电话、地址' },
  procedure: { label: '应当依照办理的特别程序（第三十六条第七项）', placeholder: '例如：不动产登记资料查询，到不动产登记中心办理' },
  earlierTrackingNumber: { label: '已答复的原申请编号（第三十六条第六项）', placeholder: '依申〔2026〕000123号' },
  basis: { label: '处理依据', placeholder: '例如：第三十九条第二款，或其他法律法规的名称和条款' },
};

/** The Art. 36 fields of `category`, and nothing else: what the letter of that category needs. */
const detailFields = (category: ReplyCategory) => {
  const { fields, required } = replyDetailFieldsOf(category);
  return fields.map((key) => ({ key, text: key, required: required.includes(key), ...DETAIL_FIELD_TEXT[key] }));
};

/** Only the typed fields the chosen category takes go on the wire. */
const detailInput = (category: ReplyCategory, v: Record<string, string>) =>
  Object.fromEntries(replyDetailFieldsOf(category).fields.filter((f) => v[f]?.trim()).map((f) => [f, v[f].trim()]));

const EMPTY_DETAILS = Object.fromEntries(REPLY_DETAIL_FIELDS.map((f) => [f, '']));

/** The result is chosen in two steps: its group, then (where the group has several) the exact annual-report category. */
const reply = (request: RequestView): ActionDescription => ({
  command: 'reply',
  title: '作出答复',
  initial: { group: 'disclosed', category: 'disclosed', text: '', ...EMPTY_DETAILS },
  fields: (v) => {
    const inGroup = REPLY_CATEGORIES.filter((c) => groupOf(c) === v.group);
    return [
      { key: 'group', label: '办理结果（年报类别）', required: true, errorKeys: ['category'], choice: 'replyGroup', options: REPLY_GROUPS.map((g) => ({ value: g, label: REPLY_GROUP_LABELS[g] })) },
      ...(inGroup.length > 1
        ? [{ key: 'category', label: '具体情形', required: true, errorKeys: [], choice: 'replyCategory', column: true, options: inGroup.map((c) => ({ value: c, label: REPLY_CATEGORY_INFO[c].reportLabel })) }]
        : []),
      // The article follows what is typed: 36(1) once a place to find it is given, 36(5) once an agency is named.
      { note: `依据：${legalBasisOf(v.category as ReplyCategory, detailInput(v.category as ReplyCategory, v))}`, testId: 'reply-basis' },
      ...detailFields(v.category as ReplyCategory),
      { key: 'text', label: '答复内容', required: true, text: 'replyText', multiline: true, placeholder: v.group === 'partial' ? '写明公开的部分，以及不予公开部分的理由' : '写明答复内容；不予公开的须说明理由' },
    ];
  },
  change: (key, value, v) => (key === 'group' ? { ...v, group: value, category: REPLY_CATEGORIES.find((c) => groupOf(c) === value)! } : { ...v, [key]: value }),
  attachments: 20,
  schema: ReplySchema,
  input: (target, v, attachments) => ({
    ...target,
    category: v.category,
    text: v.text,
    ...detailInput(v.category as ReplyCategory, v),
    ...(attachments.length ? { attachments } : {}),
  }),
  confirm: (v, attachments) => replyConfirmation(request, v.category as ReplyCategory, detailInput(v.category as ReplyCategory, v), attachments.length),
  done: '已答复',
  submitLabel: '答复并生成告知书',
});

const close = (request: RequestView): ActionDescription => ({
  command: 'close',
  title: '终止办理',
  // No 情形 is chosen for the clerk: each has its own precondition (a lapsed supplement, a lapsed fee
  // notice, a stated basis), and a preselected one would be wrong for most requests that reach this card.
  initial: { category: '', reason: '', basis: '' },
  fields: (v) => [
    { key: 'category', label: '情形', required: true, choice: 'closeCategory', column: true, options: CLOSE_CATEGORIES.map((c) => ({ value: c, label: REPLY_CATEGORY_INFO[c].label })) },
    ...detailFields(v.category as ReplyCategory),
    { key: 'reason', label: '说明', required: true, text: 'closeReason', multiline: true },
  ],
  schema: CloseSchema,
  input: (target, v) => ({ ...target, category: v.category, reason: v.reason, ...detailInput(v.category as ReplyCategory, v) }),
  confirm: (v) => closeConfirmation(request, v.category as ReplyCategory),
  done: '已终止办理',
  submitLabel: '终止办理',
  danger: true,
});

/** In the order they are listed, each with the workflow commands that offer it. */
const ACTIONS: Array<{ offeredBy: RequestCommandName[]; describe: (request: RequestView, context: ActionContext) => ActionDescription } | { offeredBy: RequestCommandName[]; custom: 'fee' }> = [
  { offeredBy: ['register'], describe: register },
  { offeredBy: ['reply'], describe: reply },
  { offeredBy: ['askSupplement'], describe: askSupplement },
  { offeredBy: ['recordSupplement'], describe: recordSupplement },
  { offeredBy: ['startConsultation', 'endConsultation'], describe: consult },
  { offeredBy: ['extend'], describe: extend },
  { offeredBy: ['askReasons'], describe: askReasons },
  { offeredBy: ['recordReasons'], describe: recordReasons },
  { offeredBy: ['setDelayedDue'], describe: setDelayedDue },
  // The fee notice has a confirmation step (the amount and to whom) before it is sent: its own form.
  { offeredBy: ['askFee'], custom: 'fee' },
  { offeredBy: ['recordPayment'], describe: recordPayment },
  { offeredBy: ['close'], describe: close },
  { offeredBy: ['assignDepartment'], describe: assignDepartment },
];

/**
 * The step a clerk most likely takes next in each state: what the request waits for. Anything else
 * the workflow allows is one tap away in 其他操作.
 */
const NEXT_STEP: Partial<Record<RequestView['status'], string>> = {
  submitted: 'register',
  registered: 'reply',
  supplementRequested: 'recordSupplement',
  consulting: 'consult',
  reasonsRequested: 'recordReasons',
  feeRequested: 'recordPayment',
  closed: 'recordSupplement',
};

/** 条例 Art. 39: not a disclosure request at all; offered while the request may still be answered. */
const REDIRECT = 'redirect';

interface Entry {
  key: string;
  title: string;
  render: () => ReactNode;
}

/**
 * The clerk's actions on `request`, among those the server allows now: the likely next step open as
 * a form, every other one behind 其他操作, and only one form on the page at a time (a long request
 * page with five open forms hid which one mattered).
 */
export function RequestActions(props: { request: RequestView; run: Run; busy: boolean; departments: Department[]; reload: () => Promise<void> }) {
  const { request } = props;
  const [chosen, setChosen] = useState<string | null>(null);
  const [menuOpen, setMenuOpen] = useState(false);
  const entries: Entry[] = ACTIONS.filter((a) => a.offeredBy.some((c) => request.allowed.includes(c))).map((a) => {
    if ('custom' in a) return { key: 'askFee', title: '收费通知（信息处理费）', render: () => <FeeNoticeForm key="askFee" request={request} run={props.run} busy={props.busy} /> };
    const description = a.describe(request, { departments: props.departments });
    return {
      key: description.command,
      title: description.title,
      render: () => <RequestActionForm key={description.command} description={description} request={request} run={props.run} busy={props.busy} />,
    };
  });
  if (request.allowed.includes('reply')) {
    entries.push({ key: REDIRECT, title: '转为咨询或投诉举报（不属于政府信息公开申请）', render: () => <RedirectToCase key={REDIRECT} request={request} onDone={props.reload} /> });
  }
  if (entries.length === 0) return null;
  const next = entries.find((e) => e.key === NEXT_STEP[request.status]) ?? entries[0];
  const shown = entries.find((e) => e.key === chosen) ?? next;
  const others = entries.filter((e) => e !== shown);

  return (
    <View data-testid="request-actions">
      <Text className="section-title" data-testid="shown-action-heading">{shown === next ? '下一步' : '所选操作'}</Text>
      {shown.render()}
      {others.length > 0 ? (
        <View className="card action-menu">
          <Button className="btn btn--plain btn--block" onClick={() => setMenuOpen(!menuOpen)} data-testid="more-actions">
            {menuOpen ? '收起' : `其他操作（${others.length}）`}
          </Button>
          {menuOpen ? (
            <View className="menu" data-testid="action-menu">
              {others.map((e) => (
                <View role="button" tabIndex={0}
                  key={e.key}
                  className="menu__item"
                  onClick={() => {
                    setChosen(e.key);
                    setMenuOpen(false);
                  }}
                  data-testid={`open-${e.key}`}
                >
                  <Text>{e === next ? `${e.title}（建议）` : e.title}</Text>
                  <Text className="menu__arrow">›</Text>
                </View>
              ))}
            </View>
          ) : null}
        </View>
      ) : null}
    </View>
  );
}
