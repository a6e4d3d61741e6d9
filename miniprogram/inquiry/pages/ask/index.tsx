import { Button, Picker, Switch, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { call, messageOf } from '../../../api/call';
import { AttachmentsField } from '../../../admin/components/attachments-field';
import { FormField, TextField } from '../../../admin/components/form-field';
import { ChoiceGroup } from '../../../components/requests/choice-group';
import { FaqListItem } from '../../../components/inquiries/faq-list-item';
import { useElderClass } from '../../../elder-mode';
import { useFaqSuggestions } from '../../../hooks/use-inquiries';
import { useRemote } from '../../../hooks/use-remote';
import { useStoredDraft } from '../../../hooks/use-stored-draft';
import { useValidatedForm } from '../../../hooks/use-validated-form';
import { go, routes } from '../../../navigation';
import { AskSchema, MAX_CASE_PHOTOS } from '../../../../shared/inquiries/inquiry-schema';
import { INQUIRY_KIND_LABELS, REPLY_BY_LABELS, type InquiryKind, type ReplyBy } from '../../../../shared/inquiries/inquiry-types';
import { ASK_DRAFT_KEY, askInputFromDraft, emptyAskDraft, isAskDraft } from '../../inquiry-draft';
import '../../../components/requests/requests.css';
import '../../../components/inquiries/inquiries.css';
import { PrivacyNotice } from '../../../privacy/privacy-notice';
import { PrivacyPopup } from '../../../privacy/privacy-popup';

const KINDS = (['inquiry', 'complaint'] as const).map((value) => ({ value, label: INQUIRY_KIND_LABELS[value] }));
const REPLY_BY = (['app', 'phone'] as const).map((value) => ({ value, label: REPLY_BY_LABELS[value] }));

/**
 * 我要咨询 / 投诉举报: the resident writes a question (topic, department, text, up to 9 photos, how
 * they want the answer); while they type the topic, matching FAQ answers are shown first
 * (这些回答也许能帮到您). The draft is kept in storage; a retried 提交 files the same case.
 */
export default function AskPage() {
  const elder = useElderClass();
  const startKind = useRouter().params.kind === 'complaint' ? 'complaint' : 'inquiry';
  const { draft, update, discard } = useStoredDraft(ASK_DRAFT_KEY, () => emptyAskDraft(startKind), isAskDraft);
  const departments = useRemote(() => call('directory', 'departments', {}), []);
  const suggestions = useFaqSuggestions(draft.topic);
  const [uploading, setUploading] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  const form = useValidatedForm({
    schema: AskSchema,
    submit: (_checked, input) => {
      setFailure(null);
      return call('inquiries', 'ask', input);
    },
    onDone: (created) => {
      discard();
      void Taro.showToast({ title: `已提交，编号 ${created.caseNumber}`, icon: 'none' });
      return Taro.redirectTo({ url: routes.myCase(created.id) });
    },
    invalidToast: '请检查标红的内容',
    onFailure: (e) => {
      setFailure(messageOf(e));
      return false;
    },
  });
  const { errors } = form;
  const complaint = draft.kind === 'complaint';
  const depts = departments.data ?? [];
  const deptIndex = depts.findIndex((d) => d.id === draft.departmentId);

  return (
    <View className={`page ${elder} request-page form`} data-testid="ask-form">
      <ChoiceGroup name="kind" options={KINDS} value={draft.kind} onChange={(kind: InquiryKind) => update({ kind, anonymous: false })} />
      {complaint ? (
        <Text className="notice-box">投诉举报只有管理员和负责答复的工作人员能看到您的身份，也可以匿名提交（匿名时不留姓名电话、不发送通知，请记下编号查询结果）。</Text>
      ) : null}

      <FormField label="主题" required error={errors.topic}>
        <TextField name="topic" value={draft.topic} onChange={(topic) => update({ topic })} placeholder="如：养犬登记、社保卡补办" />
      </FormField>

      {suggestions.length > 0 && (
        <View className="faq-suggestions" data-testid="faq-suggestions">
          <Text className="faq-suggestions__title">这些回答也许能帮到您</Text>
          {suggestions.map((f) => (
            <FaqListItem key={f.id} faq={f} onOpen={(id) => go(routes.faq({ id }))} />
          ))}
        </View>
      )}

      <FormField label="部门（可不选）" error={errors.departmentId}>
        <Picker mode="selector" range={['不确定', ...depts.map((d) => d.name)]} value={deptIndex + 1} onChange={(e) => {
          const i = Number(e.detail.value) - 1;
          update({ departmentId: i >= 0 ? depts[i].id : '' });
        }}>
          <View className="field__input" data-testid="pick-department">{deptIndex >= 0 ? depts[deptIndex].name : '不确定'}</View>
        </Picker>
      </FormField>

      <FormField label={complaint ? '投诉举报内容' : '您的问题'} required error={errors.text}>
        <TextField multiline name="text" value={draft.text} onChange={(text) => update({ text })} placeholder="请写清楚事情经过、地点和您的诉求" />
      </FormField>

      <AttachmentsField value={draft.attachments} onChange={(attachments) => update({ attachments })} max={MAX_CASE_PHOTOS} errors={errors} onUploading={setUploading} photos />

      {complaint && (
        <View className="field call-line">
          <Text>匿名提交</Text>
          <Switch checked={draft.anonymous} nativeProps={{ 'aria-label': '匿名提交' }} onChange={(e) => update({ anonymous: e.detail.value })} data-testid="anonymous-switch" />
        </View>
      )}
      {!(complaint && draft.anonymous) && (
        <>
          <FormField label="答复方式">
            <ChoiceGroup name="replyBy" options={REPLY_BY} value={draft.replyBy} onChange={(replyBy: ReplyBy) => update({ replyBy })} />
          </FormField>
          <FormField label="姓名" required={draft.replyBy === 'phone'} error={errors['contact.name'] ?? errors.contact}>
            <TextField name="contactName" value={draft.name} onChange={(name) => update({ name })} />
          </FormField>
          <FormField label="手机号码" required={draft.replyBy === 'phone'} error={errors['contact.phone']}>
            <TextField name="contactPhone" keyboard="number" value={draft.phone} onChange={(phone) => update({ phone })} />
          </FormField>
          <PrivacyNotice purpose="答复您的咨询或投诉" />
        </>
      )}
      {/* Choosing an attachment is a privacy API in WeChat: the consent popup shows here. */}
      <PrivacyPopup />

      {failure && <Text className="notice-box notice-box--error" data-testid="ask-failure">提交未成功：{failure}。内容已保存在本机，可再次提交，不会重复。</Text>}
      <Button className="btn btn--primary btn--block" disabled={form.busy || uploading || undefined} onClick={() => void form.submit(askInputFromDraft(draft))} data-testid="submit-ask">
        提交
      </Button>
    </View>
  );
}
