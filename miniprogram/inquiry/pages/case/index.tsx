import { Button, Text, View } from '@tarojs/components';
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { FormField, TextField } from '../../../admin/components/form-field';
import { DetailRow } from '../../../components/detail-row';
import { CaseHistory, CaseThread } from '../../../components/inquiries/case-thread';
import { CaseRequestLink } from '../../../components/inquiries/case-request-link';
import { useElderClass } from '../../../elder-mode';
import { useCaseAction, useMyCase } from '../../../hooks/use-inquiries';
import { go, routes } from '../../../navigation';
import { DRAFT_STORAGE_KEY, emptyRequestDraft } from '../../../requests/request-draft';
import { INQUIRY_CHANNEL_LABELS, INQUIRY_KIND_LABELS, type MyCaseView } from '../../../../shared/inquiries/inquiry-types';
import '../../../components/requests/requests.css';
import '../../../components/inquiries/inquiries.css';
import { PrivacyPopup } from '../../../privacy/privacy-popup';

/**
 * One of the resident's cases: its number and status, when the answer is due, the conversation
 * with the answer; and what they may do now: give what was asked for, rate the answer (helpful or
 * not, with a reason), or ask a follow-up in the same case, which reopens it.
 */
export default function MyCasePage() {
  const elder = useElderClass();
  const params = useRouter().params;
  const { view, error, reload, setView } = useMyCase({ id: params.id, caseNumber: params.caseNumber ? decodeURIComponent(params.caseNumber) : undefined });
  const { busy, run } = useCaseAction<MyCaseView>((v) => setView(v), reload);
  const [text, setText] = useState('');
  const [reason, setReason] = useState('');
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  usePullDownRefresh(() => void reload().finally(() => Taro.stopPullDownRefresh()));

  if (!view) {
    return (
      <View className={`page ${elder} request-page list-state ${error ? 'list-state--error' : ''}`} data-testid={error ? 'detail-error' : 'detail-loading'}>
        <Text>{error ? error.message : '正在加载…'}</Text>
      </View>
    );
  }
  const c = view;
  const send = async (action: 'followUp' | 'giveMore') => {
    if (!text.trim()) return setFieldErrors({ text: action === 'followUp' ? '请填写追问内容' : '请填写补充内容' });
    setFieldErrors({});
    if (await run(action, { id: c.id, version: c.version, text }, action === 'followUp' ? '已追问' : '已补充', setFieldErrors)) setText('');
  };

  return (
    <View className={`page ${elder} request-page`} data-testid="my-case">
      <View className="card">
        <View className="request-card__head">
          <Text className="request-card__number" data-testid="case-number">{c.caseNumber}</Text>
          <Text className={`status-tag status-tag--${c.status}`} data-testid="case-status">{c.statusLabel}</Text>
        </View>
        <DetailRow label="类别" value={`${INQUIRY_KIND_LABELS[c.kind]}${c.anonymous ? '（匿名）' : ''}`} />
        <DetailRow label="主题" value={c.topic} />
        <DetailRow label="部门" value={c.departmentName} />
        <DetailRow label="渠道" value={INQUIRY_CHANNEL_LABELS[c.channel]} />
        <DetailRow label="收到日期" value={c.receivedOn} />
        {c.dueOn ? <DetailRow label="答复期限" value={`${c.dueOn}${c.dueProvisional ? '（暂定：节假日安排尚未公布）' : ''}`} /> : null}
      </View>

      {c.fromRequest ? (
        <Text className="notice-box" data-testid="case-from-request">本件由您的政府信息公开申请 {c.fromRequest.trackingNumber} 转来办理（条例第三十九条）。</Text>
      ) : null}

      {c.toRequest ? (
        <CaseRequestLink testId="case-to-request" text={`您已据此提交政府信息公开申请 ${c.toRequest.trackingNumber}，查看办理进度`} url={routes.myRequest(c.toRequest.id)} />
      ) : null}

      <CaseThread messages={c.messages} askerLabel="您" caseId={c.id} />

      {c.applyAsRequest && (
        <View className="card action-card" data-testid="apply-as-request">
          <Text className="action-card__title">您所问的属于政府信息</Text>
          <Text className="hint">可以申请政府信息公开：您的问题已填入申请表，请确认申请人信息后提交。</Text>
          <Button className="btn btn--primary btn--block" data-testid="start-request" onClick={() => {
            // The request form keeps its draft in storage: start one with the question as the description,
            // unless the resident already has a request half written (theirs is not overwritten).
            // The draft names the case, so the application made from it links back to it (and it to the application).
            if (!hasDraftInProgress()) Taro.setStorageSync(DRAFT_STORAGE_KEY, JSON.stringify({ ...emptyRequestDraft(), description: c.messages[0]?.text ?? '', fromCaseId: c.id }));
            go(routes.newRequest());
          }}>申请政府信息公开</Button>
        </View>
      )}

      {c.canGiveMore && (
        <View className="card action-card" data-testid="give-more-form">
          <Text className="action-card__title">请补充以上内容</Text>
          <Text className="hint">补充后重新计算答复期限。</Text>
          <FormField label="补充内容" required error={fieldErrors.text}>
            <TextField multiline name="moreText" value={text} onChange={setText} />
          </FormField>
          <Button className="btn btn--primary btn--block" disabled={busy || undefined} onClick={() => void send('giveMore')} data-testid="send-more">提交补充</Button>
        </View>
      )}

      {c.rating ? (
        <Text className="notice-box" data-testid="case-rating">您的评价：{c.rating.helpful ? '有帮助' : '没有帮助'}{c.rating.reason ? `（${c.rating.reason}）` : ''}</Text>
      ) : null}
      {c.canRate && (
        <View className="card action-card" data-testid="rate-form">
          <Text className="action-card__title">这个答复对您有帮助吗？</Text>
          <FormField label="原因（可不填）" error={fieldErrors.reason}>
            <TextField name="rateReason" value={reason} onChange={setReason} />
          </FormField>
          <View className="form__actions">
            <Button className="btn btn--primary" disabled={busy || undefined} onClick={() => void run('rateAnswer', { id: c.id, version: c.version, helpful: true, ...(reason.trim() ? { reason } : {}) }, '感谢评价', setFieldErrors)} data-testid="rate-helpful">有帮助</Button>
            <Button className="btn btn--plain" disabled={busy || undefined} onClick={() => void run('rateAnswer', { id: c.id, version: c.version, helpful: false, ...(reason.trim() ? { reason } : {}) }, '感谢评价', setFieldErrors)} data-testid="rate-unhelpful">没有帮助</Button>
          </View>
        </View>
      )}

      {c.canFollowUp && (
        <View className="card action-card" data-testid="follow-up-form">
          <Text className="action-card__title">还有疑问？在本件中追问</Text>
          <FormField label="追问内容" required error={fieldErrors.text}>
            <TextField multiline name="followUpText" value={text} onChange={setText} />
          </FormField>
          <Button className="btn btn--plain btn--block" disabled={busy || undefined} onClick={() => void send('followUp')} data-testid="send-follow-up">追问</Button>
        </View>
      )}

      <CaseHistory history={c.history} />
      {/* WeChat's privacy consent, asked here rather than on another page: copying a file name uses the clipboard is a privacy API. */}
      <PrivacyPopup />
    </View>
  );
}

function hasDraftInProgress(): boolean {
  try {
    const raw = Taro.getStorageSync(DRAFT_STORAGE_KEY);
    return typeof raw === 'string' && raw !== '' && Boolean((JSON.parse(raw) as { description?: string }).description?.trim());
  } catch {
    return false;
  }
}
