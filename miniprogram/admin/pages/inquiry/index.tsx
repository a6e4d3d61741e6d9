import { Button, Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { call } from '../../../api/call';
import { DetailRow } from '../../../components/detail-row';
import { CaseHistory, CaseThread } from '../../../components/inquiries/case-thread';
import { CaseRequestLink } from '../../../components/inquiries/case-request-link';
import { routes } from '../../../navigation';
import { useCaseAction, useManagedCase } from '../../../hooks/use-inquiries';
import { useRemote } from '../../../hooks/use-remote';
import { useWhoami } from '../../../hooks/use-whoami';
import { contract } from '../../../../shared/api/contract';
import type { ActionName } from '../../../../shared/api/contract';
import {
  answerConfirmation,
  askMoreConfirmation,
  assignConfirmation,
  closeConfirmation,
  publishFaqConfirmation,
  toRequestConfirmation,
} from '../../../../shared/inquiries/case-confirmations';
import type { Confirmation } from '../../../../shared/requests/act-confirmations';
import { INQUIRY_CHANNEL_LABELS, INQUIRY_KIND_LABELS, REPLY_BY_LABELS, type StaffCaseView } from '../../../../shared/inquiries/inquiry-types';
import { formatBeijingDateTime } from '../../../../shared/time/beijing-time';
import { askFirst } from '../../ask-first';
import { CaseAssign } from '../../components/case-assign';
import { FormField, TextField } from '../../components/form-field';
import { StaffLoadState } from '../../components/staff-load-state';
import '../../../components/requests/requests.css';
import '../../../components/inquiries/inquiries.css';

/**
 * Answerers: one case whole — the asker's contact (a complaint's only to admins and its assigned
 * answerer, who alone can open it), the conversation, the history — and the steps: answer, ask for
 * more (every missing item at once), assign (to a department, and to one answerer by name), close, publish an answered inquiry as FAQ.
 * Each step asks first, saying what will happen and to whom (case-confirmations.ts).
 */
export default function AdminInquiryPage() {
  const id = useRouter().params.id ?? '';
  const { view, error, reload, setView } = useManagedCase(id);
  const { busy, run } = useCaseAction<StaffCaseView>((v) => setView(v), reload);
  const departments = useRemote(() => call('directory', 'departments', {}), []);
  const [answer, setAnswer] = useState('');
  const [items, setItems] = useState('');
  const [faq, setFaq] = useState<{ question: string; answer: string } | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const { whoami } = useWhoami();

  /**
   * A step the asker relies on asks first, as the request page's acts do: on 再看看 nothing is sent.
   * Input the contract refuses goes straight to the server, whose field errors show beside the boxes
   * (nothing is written), so the dialog only ever describes a step that can happen.
   */
  const confirmThen = async (act: ActionName<'inquiries'>, data: unknown, confirmation: () => Confirmation, send: () => Promise<boolean>): Promise<boolean> => {
    if (contract.inquiries[act].input.safeParse(data).success) {
      if (!(await askFirst(confirmation()))) return false;
    }
    return send();
  };

  if (!view) return <StaffLoadState error={error} reload={reload} what="件咨询或投诉" back={{ label: '返回咨询投诉', url: routes.adminInquiries() }} />;
  const c = view;
  const target = { id: c.id, version: c.version };
  const lastAnswer = [...c.messages].reverse().find((m) => m.kind === 'answer')?.text ?? '';
  const depts = departments.data ?? [];
  const asker = c.kind === 'complaint' ? (c.anonymous ? '匿名投诉人' : '投诉人') : '咨询人';

  return (
    <View className="page request-page" data-testid="admin-case">
      <View className="card">
        <View className="request-card__head">
          <Text className="request-card__number" data-testid="case-number">{c.caseNumber}</Text>
          <Text className={`status-tag status-tag--${c.status}`} data-testid="case-status">{c.statusLabel}</Text>
        </View>
        <DetailRow label="类别" value={INQUIRY_KIND_LABELS[c.kind]} />
        <DetailRow label="主题" value={c.topic} />
        <DetailRow label="渠道" value={`${INQUIRY_CHANNEL_LABELS[c.channel]}${c.contactedAt ? `（${formatBeijingDateTime(c.contactedAt)}）` : ''}`} />
        <DetailRow label="部门" value={c.departmentName ? `${c.departmentName}${c.assignedTo ? ` · ${c.assignedTo.name}` : ''}` : '未分派'} />
        <DetailRow label={asker} value={c.contact ? [c.contact.name, c.contact.phone].filter(Boolean).join(' ') : c.anonymous ? '匿名' : '未留联系方式'} />
        <DetailRow label="答复方式" value={REPLY_BY_LABELS[c.replyBy]} />
        {c.fromRequest ? <DetailRow label="转自申请" value={c.fromRequest.trackingNumber} /> : null}
        {c.toRequest ? <CaseRequestLink testId="case-to-request" text={`当事人已据此提交申请 ${c.toRequest.trackingNumber}`} url={routes.adminRequest(c.toRequest.id)} /> : null}
        {c.status === 'closed' && c.applyAsRequest ? <Text className="hint">已请当事人提交政府信息公开申请，尚未提交。</Text> : null}
        {c.dueOn ? <DetailRow label="答复期限" value={`${c.dueOn}${c.dueProvisional ? '（暂定）' : ''}${c.overdue ? ' 已超期' : c.dueSoon ? ' 即将到期' : ''}`} /> : null}
        {!c.notifiable ? <Text className="hint">当事人无法在小程序内收到通知，请按其留下的方式答复。</Text> : null}
      </View>

      <CaseThread messages={c.messages} askerLabel={asker} caseId={c.id} />

      {c.status === 'open' && (
        <View className="card action-card" data-testid="action-answer">
          <Text className="action-card__title">答复</Text>
          <FormField label="答复内容" required error={errors.text}>
            <TextField multiline name="answerText" value={answer} onChange={setAnswer} />
          </FormField>
          <Button className="btn btn--primary btn--block" disabled={busy || undefined} data-testid="do-answer" onClick={() => {
            const data = { ...target, text: answer };
            void confirmThen('answer', data, () => answerConfirmation(c), () => run('answer', data, '已答复', setErrors));
          }}>答复</Button>
        </View>
      )}

      {c.status === 'open' && c.notifiable && (
        <View className="card action-card" data-testid="action-ask-more">
          <Text className="action-card__title">一次性告知需补充的内容</Text>
          <FormField label="需补充的内容（每行一项，一次列全）" required error={errors.items}>
            <TextField multiline name="moreItems" value={items} onChange={setItems} />
          </FormField>
          <Button className="btn btn--plain btn--block" disabled={busy || undefined} data-testid="do-ask-more" onClick={() => {
            const data = { ...target, items: items.split('\n').map((s) => s.trim()).filter(Boolean) };
            void confirmThen('askMore', data, () => askMoreConfirmation(c, data.items.length), () => run('askMore', data, '已告知', setErrors));
          }}>告知补充</Button>
        </View>
      )}

      {c.status !== 'closed' && depts.length > 0 && (
        <CaseAssign key={`${c.id}-${c.version}`} view={c} departments={depts} busy={busy} onAssign={(choice, names) => {
          const data = { ...target, ...choice };
          const viewer = whoami?.staff && whoami.openid ? { openid: whoami.openid, isAdmin: whoami.staff.roles.includes('admin'), departmentIds: whoami.staff.departmentIds } : null;
          void confirmThen('assign', data, () => assignConfirmation(c, { ...choice, ...names }, viewer), () => run('assign', data, '已分派', setErrors));
        }} />
      )}

      {c.kind === 'inquiry' && lastAnswer && !c.faqId && (
        <View className="card action-card" data-testid="action-publish-faq">
          <Text className="action-card__title">发布为常见问题</Text>
          {faq ? (
            <>
              <Text className="hint">请删去姓名、电话、地址等个人信息后再发布；只发布下面的问与答。</Text>
              <FormField label="问题" required error={errors.question}>
                <TextField name="faqQuestion" value={faq.question} onChange={(question) => setFaq({ ...faq, question })} />
              </FormField>
              <FormField label="回答" required error={errors.answer}>
                <TextField multiline name="faqAnswer" value={faq.answer} onChange={(a) => setFaq({ ...faq, answer: a })} />
              </FormField>
              <Button className="btn btn--primary btn--block" disabled={busy || undefined} data-testid="do-publish-faq" onClick={() => {
                  const data = { ...target, ...faq };
                  void confirmThen('publishFaq', data, () => publishFaqConfirmation(faq.question), () => run('publishFaq', data, '已发布为常见问题', setErrors)).then((okay) => okay && setFaq(null));
                }}>发布</Button>
            </>
          ) : (
            <Button className="btn btn--plain btn--block" data-testid="start-publish-faq" onClick={() => setFaq({ question: c.text.slice(0, 200), answer: lastAnswer })}>编辑并发布</Button>
          )}
        </View>
      )}
      {c.faqId ? <Text className="notice-box" data-testid="published-faq">已发布为常见问题</Text> : null}

      {c.kind === 'inquiry' && c.status !== 'closed' && c.notifiable && (
        <Button className="btn btn--plain btn--block" disabled={busy || undefined} data-testid="do-to-request" onClick={() => void confirmThen('toRequest', target, () => toRequestConfirmation(c), () => run('toRequest', target, '已请当事人提交申请'))}>
          实为政府信息公开申请：请当事人申请
        </Button>
      )}
      {c.status !== 'closed' && (
        <Button className="btn btn--plain btn--block" disabled={busy || undefined} data-testid="do-close" onClick={() => void confirmThen('close', target, () => closeConfirmation(c), () => run('close', target, '已办结'))}>办结</Button>
      )}

      <CaseHistory history={c.history} />
    </View>
  );
}
