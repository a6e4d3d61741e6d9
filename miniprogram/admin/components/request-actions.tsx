import { Button, Text, View } from '@tarojs/components';
import { useState, type ReactNode } from 'react';
import type * as z from 'zod';
import { fieldErrorsOf } from '../../../shared/api/zod-messages';
import {
  AskSupplementSchema,
  CLOSE_CATEGORIES,
  CONSULTED_PARTIES,
  CONSULTED_PARTY_LABELS,
  CloseSchema,
  ConsultSchema,
  ExtendSchema,
  RecordSupplementSchema,
  REPLY_CATEGORIES,
  REPLY_CATEGORY_INFO,
  REPLY_GROUPS,
  REPLY_GROUP_LABELS,
  RegisterSchema,
  ReplySchema,
  type CloseCategory,
  type ConsultedParty,
  type ReplyCategory,
  type ReplyGroup,
} from '../../../shared/requests/request-schema';
import type { RequestView } from '../../../shared/requests/request-types';
import { ChoiceGroup } from '../../components/requests/choice-group';
import type { useRequestAction } from '../../hooks/use-request';
import type { Attachment } from '../../../shared/notices/notice-schema';
import { AttachmentsField } from './attachments-field';
import { FormField, TextField } from './form-field';

/**
 * The clerk's actions on one request, each a small form checked with the
 * server's own schema before it is sent. Only the actions the server lists
 * in `allowed` are offered; the server decides again when it is called.
 */
type Run = ReturnType<typeof useRequestAction>['run'];
interface ActionProps {
  request: RequestView;
  run: Run;
  busy: boolean;
}

/** Checks `input` with `schema`; on failure shows the errors and returns null. */
function check<S extends z.ZodType>(schema: S, input: unknown, setErrors: (e: Record<string, string>) => void): z.output<S> | null {
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    setErrors(fieldErrorsOf(parsed.error));
    return null;
  }
  setErrors({});
  return parsed.data;
}

function ActionCard(props: { title: string; testId: string; children: ReactNode }) {
  return (
    <View className="card action-card" data-testid={props.testId}>
      <Text className="action-card__title">{props.title}</Text>
      {props.children}
    </View>
  );
}

function SubmitButton(props: { label: string; busy: boolean; onClick: () => void; testId: string; danger?: boolean }) {
  return (
    <Button className={`btn ${props.danger ? 'btn--danger' : 'btn--primary'} btn--block`} disabled={props.busy || undefined} onClick={props.onClick} data-testid={props.testId}>
      {props.label}
    </Button>
  );
}

export function RegisterAction({ request, run, busy }: ActionProps) {
  const [receivedOn, setReceivedOn] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const submit = () => {
    const input = check(RegisterSchema, { id: request.id, version: request.version, ...(receivedOn.trim() ? { receivedOn: receivedOn.trim() } : {}) }, setErrors);
    if (input) void run('register', input, '已受理', setErrors);
  };
  return (
    <ActionCard title="受理申请" testId="action-register">
      <Text className="hint">受理之日为答复期限的第0天。网上申请默认今天受理；如实际收到更早，请填写收到日期。</Text>
      <FormField label="收到日期（选填，YYYY-MM-DD）" error={errors.receivedOn}>
        <TextField name="receivedOn" value={receivedOn} onChange={setReceivedOn} placeholder="默认今天" />
      </FormField>
      <SubmitButton label="受理" busy={busy} onClick={submit} testId="do-register" />
    </ActionCard>
  );
}

export function AskSupplementAction({ request, run, busy }: ActionProps) {
  const [items, setItems] = useState('');
  const [days, setDays] = useState('10');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const submit = () => {
    const lines = items.split('\n').map((l) => l.trim()).filter(Boolean);
    const input = check(AskSupplementSchema, { id: request.id, version: request.version, items: lines, workingDays: Number(days) }, setErrors);
    if (input) void run('askSupplement', input, '已告知补正', setErrors);
  };
  return (
    <ActionCard title="告知补正" testId="action-askSupplement">
      <Text className="hint">须在收到申请之日起7个工作日内一次性告知全部补正事项。补正期间答复期限暂停，收到补正之日起重新计算。</Text>
      <FormField label="补正事项（每行一项）" required error={errors.items ?? errors['items.0']}>
        <TextField multiline name="supplementItems" value={items} onChange={setItems} placeholder="例如：请说明所需信息的年份范围" />
      </FormField>
      <FormField label="补正期限（工作日）" required error={errors.workingDays}>
        <TextField name="supplementDays" value={days} onChange={setDays} />
      </FormField>
      <SubmitButton label="发出补正告知书" busy={busy} onClick={submit} testId="do-askSupplement" />
    </ActionCard>
  );
}

/** A supplement that came by post, fax or in person (the 补正告知书 invites written ones): typed in with the day it arrived. */
export function RecordSupplementAction({ request, run, busy }: ActionProps) {
  const [receivedOn, setReceivedOn] = useState('');
  const [text, setText] = useState('');
  const [attachments, setAttachments] = useState<Attachment[]>([]);
  const [uploading, setUploading] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const submit = () => {
    const input = check(
      RecordSupplementSchema,
      { id: request.id, version: request.version, receivedOn: receivedOn.trim(), text, ...(attachments.length ? { attachments } : {}) },
      setErrors,
    );
    if (input) void run('recordSupplement', input, '已登记补正', setErrors);
  };
  return (
    <ActionCard title="登记书面补正" testId="action-recordSupplement">
      <Text className="hint">
        申请人以邮寄、传真或当面方式提交的补正材料，在此登记。收到之日不得早于告知补正之日（{request.supplement?.requestedOn ?? ''}），也不得晚于补正期限
        {request.supplement?.deadlineOn ? `（${request.supplement.deadlineOn}）` : ''}；答复期限自收到之日起重新计算。
      </Text>
      <FormField label="收到补正之日（YYYY-MM-DD）" required error={errors.receivedOn}>
        <TextField name="supplementReceivedOn" value={receivedOn} onChange={setReceivedOn} placeholder="例如 2026-10-09" />
      </FormField>
      <FormField label="补正内容" required error={errors.text}>
        <TextField multiline name="recordedSupplementText" value={text} onChange={setText} placeholder="摘录或概述申请人补正的内容" />
      </FormField>
      <AttachmentsField value={attachments} onChange={setAttachments} max={10} errors={errors} onUploading={setUploading} />
      <SubmitButton label="登记补正" busy={busy || uploading} onClick={submit} testId="do-recordSupplement" />
    </ActionCard>
  );
}

export function ConsultAction({ request, run, busy }: ActionProps) {
  const open = request.consultations.find((c) => c.endedOn === null);
  const [party, setParty] = useState<ConsultedParty>('thirdParty');
  const [partyName, setPartyName] = useState('');
  const [matter, setMatter] = useState('');
  const [outcome, setOutcome] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const target = { id: request.id, version: request.version };
  const submit = () => {
    const input = check(ConsultSchema, open ? { ...target, step: 'end', outcome } : { ...target, step: 'start', party, partyName, matter }, setErrors);
    if (input) void run('consult', input, open ? '已记录征求意见结果' : '已开始征求意见', setErrors);
  };
  if (open) {
    return (
      <ActionCard title="结束征求意见" testId="action-consult">
        <Text className="hint">正在征求 {open.partyName} 的意见（{open.startedOn} 起{open.answerDueOn ? `，应于 ${open.answerDueOn} 前答复` : ''}）。</Text>
        <FormField label="意见结果" required error={errors.outcome}>
          <TextField multiline name="consultOutcome" value={outcome} onChange={setOutcome} />
        </FormField>
        <SubmitButton label="记录结果，恢复计时" busy={busy} onClick={submit} testId="do-consult" />
      </ActionCard>
    );
  }
  return (
    <ActionCard title="征求意见" testId="action-consult">
      <Text className="hint">征求第三方或其他机关意见的时间不计入答复期限；第三方应在15个工作日内提出意见。</Text>
      <FormField label="征求对象" required error={errors.party}>
        <ChoiceGroup name="consultParty" options={CONSULTED_PARTIES.map((p) => ({ value: p, label: CONSULTED_PARTY_LABELS[p] }))} value={party} onChange={setParty} />
      </FormField>
      <FormField label="对象名称" required error={errors.partyName}>
        <TextField name="partyName" value={partyName} onChange={setPartyName} />
      </FormField>
      <FormField label="征求事项" required error={errors.matter}>
        <TextField multiline name="consultMatter" value={matter} onChange={setMatter} />
      </FormField>
      <SubmitButton label="开始征求意见" busy={busy} onClick={submit} testId="do-consult" />
    </ActionCard>
  );
}

export function ExtendAction({ request, run, busy }: ActionProps) {
  const [days, setDays] = useState('20');
  const [approver, setApprover] = useState('');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const submit = () => {
    const input = check(ExtendSchema, { id: request.id, version: request.version, workingDays: Number(days), approver, reason }, setErrors);
    if (input) void run('extend', input, '已延期并告知申请人', setErrors);
  };
  return (
    <ActionCard title="延长答复期限" testId="action-extend">
      <Text className="hint">只能延长一次，最长20个工作日，须经政府信息公开工作机构负责人同意，并告知申请人。</Text>
      <FormField label="延长（工作日）" required error={errors.workingDays}>
        <TextField name="extendDays" value={days} onChange={setDays} />
      </FormField>
      <FormField label="批准人" required error={errors.approver}>
        <TextField name="approver" value={approver} onChange={setApprover} />
      </FormField>
      <FormField label="延期理由" required error={errors.reason}>
        <TextField multiline name="extendReason" value={reason} onChange={setReason} />
      </FormField>
      <SubmitButton label="延期并发出告知书" busy={busy} onClick={submit} testId="do-extend" />
    </ActionCard>
  );
}

const groupOf = (c: ReplyCategory): ReplyGroup => REPLY_CATEGORY_INFO[c].group;

export function ReplyAction({ request, run, busy }: ActionProps) {
  const [group, setGroup] = useState<ReplyGroup>('disclosed');
  const [category, setCategory] = useState<ReplyCategory>('disclosed');
  const [text, setText] = useState('');
  const [attachments, setAttachments] = useState<Attachment[]>([]);
  const [uploading, setUploading] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const inGroup = REPLY_CATEGORIES.filter((c) => groupOf(c) === group);
  const chooseGroup = (g: ReplyGroup) => {
    setGroup(g);
    setCategory(REPLY_CATEGORIES.find((c) => groupOf(c) === g)!);
  };
  const submit = () => {
    const input = check(ReplySchema, { id: request.id, version: request.version, category, text, ...(attachments.length ? { attachments } : {}) }, setErrors);
    if (input) void run('reply', input, '已答复', setErrors);
  };
  const info = REPLY_CATEGORY_INFO[category];
  return (
    <ActionCard title="作出答复" testId="action-reply">
      <FormField label="办理结果（年报类别）" required error={errors.category}>
        <ChoiceGroup name="replyGroup" options={REPLY_GROUPS.map((g) => ({ value: g, label: REPLY_GROUP_LABELS[g] }))} value={group} onChange={chooseGroup} />
      </FormField>
      {inGroup.length > 1 && (
        <FormField label="具体情形" required>
          <ChoiceGroup name="replyCategory" column options={inGroup.map((c) => ({ value: c, label: REPLY_CATEGORY_INFO[c].reportLabel }))} value={category} onChange={setCategory} />
        </FormField>
      )}
      <Text className="hint" data-testid="reply-basis">依据：{info.legalBasis}</Text>
      <FormField label="答复内容" required error={errors.text}>
        <TextField multiline name="replyText" value={text} onChange={setText} placeholder={group === 'partial' ? '写明公开的部分，以及不予公开部分的理由' : '写明答复内容；不予公开的须说明理由'} />
      </FormField>
      <AttachmentsField value={attachments} onChange={setAttachments} max={20} errors={errors} onUploading={setUploading} />
      <SubmitButton label="答复并生成告知书" busy={busy || uploading} onClick={submit} testId="do-reply" />
    </ActionCard>
  );
}

export function CloseAction({ request, run, busy }: ActionProps) {
  const [category, setCategory] = useState<CloseCategory>('other.noSupplement');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const submit = () => {
    const input = check(CloseSchema, { id: request.id, version: request.version, category, reason }, setErrors);
    if (input) void run('close', input, '已终止办理', setErrors);
  };
  return (
    <ActionCard title="终止办理" testId="action-close">
      <FormField label="情形" required error={errors.category}>
        <ChoiceGroup name="closeCategory" column options={CLOSE_CATEGORIES.map((c) => ({ value: c, label: REPLY_CATEGORY_INFO[c].label }))} value={category} onChange={setCategory} />
      </FormField>
      <FormField label="说明" required error={errors.reason}>
        <TextField multiline name="closeReason" value={reason} onChange={setReason} />
      </FormField>
      <SubmitButton label="终止办理" danger busy={busy} onClick={submit} testId="do-close" />
    </ActionCard>
  );
}
