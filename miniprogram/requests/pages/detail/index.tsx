import { Button, Text, View } from '@tarojs/components';
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { DetailRow } from '../../../components/detail-row';
import { RateRequestEntry } from '../../../components/rate-request-entry';
import { DueBox, LetterLinks, ReplyBox, Timeline } from '../../../components/requests/request-progress';
import { ReasonsBox } from '../../../components/requests/reasons-box';
import { SupplementAnswer } from '../../../components/requests/supplement-answer';
import { AttachmentsField } from '../../../admin/components/attachments-field';
import type { Attachment } from '../../../../shared/notices/notice-schema';
import { FeeBox } from '../../../components/requests/fee-box';
import { RequestLoadState } from '../../../components/requests/request-load-state';
import { ReplyConsentAgain } from '../../../components/requests/reply-consent-again';
import { RequestStatusTag } from '../../../components/requests/request-status';
import { FormField, TextField } from '../../../admin/components/form-field';
import { useMyRequest, useRequestAction } from '../../../hooks/use-request';
import { go, routes } from '../../../navigation';
import { CaseRequestLink } from '../../../components/inquiries/case-request-link';
import { PrivacyNotice } from '../../../privacy/privacy-notice';
import { DELIVERY_METHOD_LABELS, INFORMATION_FORM_LABELS } from '../../../../shared/requests/request-schema';
import { formatBeijingDateTime } from '../../../../shared/time/beijing-time';
import '../../../components/requests/requests.css';
import { useElderClass } from '../../../elder-mode';
import { PrivacyPopup } from '../../../privacy/privacy-popup';

/**
 * One of the resident's requests: where it stands, when the answer is due
 * and why, every step so far, the reply and the formal letters; and what the
 * resident may do now (supplement when asked, withdraw before a reply).
 */
export default function MyRequestPage() {
  const elder = useElderClass();
  const id = useRouter().params.id ?? '';
  const { request, error, reload } = useMyRequest(id);
  const { busy, run } = useRequestAction(reload);
  const [supplementText, setSupplementText] = useState('');
  // Files go up as they are picked (only through the app: the server refuses any other address).
  const [supplementFiles, setSupplementFiles] = useState<Attachment[]>([]);
  const [uploading, setUploading] = useState(false);
  const [reasonsText, setReasonsText] = useState('');
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [confirmWithdraw, setConfirmWithdraw] = useState(false);
  usePullDownRefresh(() => {
    void reload().finally(() => Taro.stopPullDownRefresh());
  });

  if (!request) return <RequestLoadState error={error} reload={reload} elder={elder} />;
  const r = request;
  const may = (command: string) => r.allowed.includes(command as (typeof r.allowed)[number]);

  async function sendSupplement() {
    if (!supplementText.trim()) {
      setFieldErrors({ text: '请填写补正内容' });
      return;
    }
    setFieldErrors({});
    const attachments = supplementFiles.length ? { attachments: supplementFiles } : {};
    const done = await run('supplement', { id: r.id, version: r.version, text: supplementText, ...attachments }, '补正材料已提交', setFieldErrors);
    if (done) {
      setSupplementText('');
      setSupplementFiles([]);
    }
  }

  async function sendReasons() {
    if (!reasonsText.trim()) {
      setFieldErrors({ text: '请填写申请理由' });
      return;
    }
    setFieldErrors({});
    const done = await run('giveReasons', { id: r.id, version: r.version, text: reasonsText }, '理由已提交', setFieldErrors);
    if (done) setReasonsText('');
  }

  return (
    <View className={`page ${elder} request-page`} data-testid="my-request">
      <View className="card">
        <View className="request-card__head">
          <Text className="request-card__number" data-testid="tracking-number">{r.trackingNumber}</Text>
          <RequestStatusTag status={r.status} />
        </View>
        <DetailRow label="所需信息" value={r.information.description} />
        {r.fromCase ? <CaseRequestLink testId="request-from-case" text={`由您的咨询 ${r.fromCase.caseNumber} 转为申请，查看该咨询`} url={routes.myCase(r.fromCase.id)} /> : null}
        <DetailRow label="信息名称" value={r.information.title} />
        <DetailRow label="文号" value={r.information.docNumber} />
        <DetailRow label="获取方式" value={`${INFORMATION_FORM_LABELS[r.form]}，${DELIVERY_METHOD_LABELS[r.delivery]}`} />
        <DetailRow label="提交时间" value={formatBeijingDateTime(r.submittedAt)} />
      </View>
      {r.waitingSince ? (
        <Text className="notice-box" data-testid="waiting-since">
          待受理：自 {formatBeijingDateTime(r.waitingSince)} 起等待本机关受理。网上申请以本机关受理（双方确认）之日为收到申请之日，答复期限自受理之日起计算（条例第三十一条、第三十三条）。
        </Text>
      ) : null}

      {r.supplement && !r.supplement.answer && may('supplement') && (
        <View className="card action-card" data-testid="supplement-form">
          <Text className="action-card__title">请补正申请</Text>
          <Text className="notice-box">本机关需要您补充或说明以下内容，请在 {r.supplement.deadlineOn} 前提交（{r.supplement.workingDays}个工作日内）。逾期未补正的，视为放弃申请。</Text>
          {r.supplement.items.map((item, i) => (
            <Text key={i} className="explain__line" data-testid="supplement-item">{i + 1}. {item}</Text>
          ))}
          <FormField label="补正内容" required error={fieldErrors.text}>
            <TextField multiline name="supplementText" value={supplementText} onChange={setSupplementText} placeholder="逐项说明，例如具体的年份、项目名称或文号" />
          </FormField>
          <AttachmentsField value={supplementFiles} onChange={setSupplementFiles} max={10} errors={fieldErrors} onUploading={setUploading} />
          {/* A supplement often carries personal data (an ID scan, a letter): told at collection, like the application. */}
          <PrivacyNotice purpose="办理和答复您的政府信息公开申请" />
          <Button className="btn btn--primary btn--block" disabled={busy || uploading || undefined} onClick={() => void sendSupplement()} data-testid="send-supplement">
            提交补正
          </Button>
        </View>
      )}

      {r.supplement?.answer && (
        <View className="card" data-testid="my-supplement">
          <Text className="section-title">补正</Text>
          <SupplementAnswer supplement={r.supplement} requestId={r.id} />
        </View>
      )}

      {r.reasons && !r.reasons.answer && may('giveReasons') && (
        <View className="card action-card" data-testid="reasons-form">
          <Text className="action-card__title">请说明申请理由</Text>
          <Text className="notice-box">本机关认为您申请公开政府信息的数量、频次明显超过合理范围，请说明理由（条例第三十五条）。理由合理但无法按期答复的，本机关将告知延迟答复的期限；理由不合理的，将不予处理。</Text>
          <Text className="explain__line" data-testid="reasons-asked">{r.reasons.text}</Text>
          <FormField label="申请理由" required error={fieldErrors.text}>
            <TextField multiline name="reasonsAnswer" value={reasonsText} onChange={setReasonsText} placeholder="例如：所需信息的用途，以及与您生产、生活的关联" />
          </FormField>
          <PrivacyNotice purpose="办理和答复您的政府信息公开申请" />
          <Button className="btn btn--primary btn--block" disabled={busy || undefined} onClick={() => void sendReasons()} data-testid="send-reasons">
            提交理由
          </Button>
        </View>
      )}
      {r.reasons?.answer || r.delayedDue ? <ReasonsBox request={r} /> : null}
      <FeeBox fee={r.fee} />

      {r.reply ? <ReplyBox reply={r.reply} requestId={r.id} /> : null}
      {/* 一事一评: rate the handling of this request */}
      <RateRequestEntry requestId={r.id} answered={r.status === 'replied'} />
      {r.ending && !r.reply ? (
        <Text className="notice-box" data-testid="ending">
          {r.status === 'withdrawn' ? '您已撤回本申请' : '本申请已终止办理'}（{r.ending.on}）{r.ending.reason ? `：${r.ending.reason}` : ''}
        </Text>
      ) : null}

      {/* No reply grant left: ask again */}
      <ReplyConsentAgain awaitingAnswer={!r.reply && !r.ending} />
      <DueBox request={r} />
      <LetterLinks letters={r.letters} onOpen={(i) => go(routes.requestLetter(r.id, i))} />
      <Timeline entries={r.timeline} />

      {may('withdraw') && (
        <View className="card action-card">
          {confirmWithdraw ? (
            <>
              <Text className="notice-box">撤回后本申请不再办理。如仍需要这些信息，可以重新申请。确定撤回吗？</Text>
              <View className="form__actions">
                <Button className="btn btn--plain" onClick={() => setConfirmWithdraw(false)}>不撤回</Button>
                <Button
                  className="btn btn--danger"
                  disabled={busy || undefined}
                  data-testid="confirm-withdraw"
                  onClick={() => void run('withdraw', { id: r.id, version: r.version }, '已撤回').then(() => setConfirmWithdraw(false))}
                >
                  确定撤回
                </Button>
              </View>
            </>
          ) : (
            <Button className="btn btn--danger btn--block" onClick={() => setConfirmWithdraw(true)} data-testid="withdraw-request">
              撤回申请
            </Button>
          )}
        </View>
      )}
      {/* WeChat's privacy consent, asked here rather than on another page: copying a file name uses the clipboard is a privacy API. */}
      <PrivacyPopup />
    </View>
  );
}
