import { Button, Picker, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { call } from '../../../api/call';
import { useRemote } from '../../../hooks/use-remote';
import { useValidatedForm } from '../../../hooks/use-validated-form';
import { POLICY_LEVEL_LABELS, type PolicyLevel } from '../../../../shared/reports/report-layout';
import { EDITABLE_NOTICE_KINDS as NOTICE_KINDS, NOTICE_KIND_LABELS, NOTICE_STATUS_LABELS, POLICY_VALIDITIES, POLICY_VALIDITY_LABELS } from '../../../../shared/notices/notice-kinds';
import { NoticeContentSchema, type Notice } from '../../../../shared/notices/notice-schema';
import { beijingToday } from '../../../../shared/time/beijing-time';
import { AttachmentsField } from '../../components/attachments-field';
import { FormField, TextField } from '../../components/form-field';
import { StaffLink } from '../../components/staff-link';
import { contentFromDraft, draftFromNotice, emptyDraft, formFieldErrors, type NoticeDraft } from '../../notice-form';
import { NoticePreview } from '../../components/notice-preview';
import { LinkedNoticeField } from '../../components/linked-notice-field';
import { NoticeSchedule } from '../../components/notice-schedule';
import { go, routes } from '../../../navigation';
import { isScheduled } from '../../../../shared/notices/notice-schedule';
import { formatBeijingDateTime } from '../../../../shared/time/beijing-time';
import type { NoticeContent } from '../../../../shared/notices/notice-schema';
import { ReviewState } from '../../components/review-state';
import type { ReviewItem } from '../../../../shared/reviews/review-kinds';
import type { PendingReview } from '../../../../shared/reviews/reviews-contract';
import { StaffLoadState } from '../../components/staff-load-state';

/** 规章 and 行政规范性文件 are counted in the annual report's Part 2; other policy papers are neither. */
const POLICY_LEVEL_CHOICES: Array<[PolicyLevel | '', string]> = [['', '其他政策文件'], ['rule', POLICY_LEVEL_LABELS.rule], ['normative', POLICY_LEVEL_LABELS.normative]];

/** Staff: write a notice, save it as a draft, publish it, or withdraw it with a reason. */
export default function NoticeEditPage() {
  const id = useRouter().params.id;
  // Fixed when the editor opens: a date that changed at Beijing midnight would re-run the load
  // below and overwrite what the clerk has typed but not saved.
  const [today] = useState(() => beijingToday(new Date()));
  const departments = useRemote(() => call('directory', 'departments', {}), []);
  // The notice as last loaded or saved (null for a new one until its first save).
  const loaded = useRemote(() => (id ? call('notices', 'manageGet', { id }) : Promise.resolve(null)), [id]);
  const notice = loaded.data;
  const setNotice = loaded.setData;
  const [draft, setDraft] = useState<NoticeDraft | null>(null);
  // 公开审查: the latest submission of this notice, if any — waiting, or sent back with a comment.
  const subjectId = notice?.id ?? id;
  const review = useRemote(() => (subjectId ? call('reviews', 'forSubject', { subjectId }) : Promise.resolve(null)), [subjectId]);
  // What this page just submitted: a lookup started by the save before it may answer after it, with nothing.
  const [submitted, setSubmitted] = useState<ReviewItem | null>(null);
  const latestReview = submitted && (!review.data || review.data.subjectVersion <= submitted.subjectVersion) ? submitted : review.data;
  // Publishing (or its schedule) waits: the draft reads 已提交审核. A correction waits while the published text stays: 已发布 still.
  const awaitingReview = latestReview?.status === 'pending' && latestReview.kind === 'notice.publish' && latestReview.subjectVersion === notice?.version;
  // One form, several buttons (save, publish, schedule, withdraw): each goes through `form.send`, the content is checked with `form.validate`.
  const form = useValidatedForm({
    schema: NoticeContentSchema,
    invalidToast: '请检查标红的内容',
    serverFields: formFieldErrors,
  });
  const { errors, busy } = form;
  const [uploading, setUploading] = useState(false);
  const [reason, setReason] = useState('');
  const [preview, setPreview] = useState<NoticeContent | null>(null);

  // The form starts from the notice once it has loaded; after that it is the clerk's (a save does not reset it).
  useEffect(() => {
    if (notice && !draft) setDraft(draftFromNotice(notice, today));
  }, [notice, draft, today]);

  useEffect(() => {
    if (!id && !draft && departments.data?.length) setDraft(emptyDraft(departments.data[0].id, today));
  }, [id, draft, departments.data, today]);

  if (loaded.error || departments.error) return <StaffLoadState error={loaded.error ?? departments.error} what="条公开信息" back={{ label: '返回信息发布', url: routes.adminNotices() }} />;
  if (!draft || !departments.data) return <View className="page list-state">正在加载…</View>;

  const set = <K extends keyof NoticeDraft>(key: K) => (value: NoticeDraft[K]) => setDraft({ ...draft, [key]: value });
  const deptIndex = Math.max(0, departments.data.findIndex((d) => d.id === draft.departmentId));

  if (preview) {
    const departmentName = departments.data.find((d) => d.id === preview.departmentId)?.name ?? '';
    return <NoticePreview content={preview} departmentName={departmentName} publishedAt={notice?.publishedAt ?? null} onClose={() => setPreview(null)} />;
  }

  /** The draft checked with the server's schema (errors shown next to the fields), or null. */
  const validContent = (): NoticeContent | null => form.validate(contentFromDraft(draft!));

  /** Validates locally with the server's schema, then saves; returns the saved notice, or null when the check failed. */
  async function save(): Promise<Notice | PendingReview | null> {
    if (!validContent()) return null;
    const content = contentFromDraft(draft!);
    const saved = await call('notices', 'save', notice ? { id: notice.id, version: notice.version, notice: content } : { notice: content });
    if (!('pendingReview' in saved)) setNotice(saved);
    return saved;
  }

  /** Runs one button's calls; resolves to the toast that says what happened, or null when nothing was sent. */
  async function perform(action: 'save' | 'publish' | 'withdraw' | 'schedule' | 'unschedule', publishAt?: string): Promise<string | null> {
    if (action === 'unschedule') {
      setNotice(await call('notices', 'unschedule', { id: notice!.id, version: notice!.version }));
      return '已取消定时发布';
    }
    if (action === 'withdraw') {
      const updated = await call('notices', 'withdraw', { id: notice!.id, version: notice!.version, reason });
      setNotice(updated);
      setReason('');
      return '已撤回';
    }
    const saved = await save();
    if (!saved) return null;
    // 公开审查: a correction of a published notice waits for a reviewer; residents read the published text meanwhile.
    if ('pendingReview' in saved) {
      setSubmitted(await call('reviews', 'get', { id: saved.reviewId }));
      return '更正已提交审核，审核通过后生效';
    }
    if (action === 'save') return saved.status === 'published' ? '已保存修改' : '已保存草稿';
    if (action === 'schedule') {
      const scheduled = await call('notices', 'schedule', { id: saved.id, version: saved.version, publishAt: publishAt! });
      // 公开审查: the schedule is set once a reviewer approves it.
      if ('pendingReview' in scheduled) {
        setSubmitted(await call('reviews', 'get', { id: scheduled.reviewId }));
        return '定时发布已提交审核，审核通过后按时发布';
      }
      setNotice(scheduled);
      return '已设定定时发布';
    }
    if (saved.status === 'published') return '已发布';
    const published = await call('notices', 'publish', { id: saved.id, version: saved.version });
    // 公开审查: the notice stays as it is until a reviewer approves it.
    if ('pendingReview' in published) {
      setSubmitted(await call('reviews', 'get', { id: published.reviewId }));
      return '已提交审核，审核通过后发布';
    }
    setNotice(published);
    return '已发布';
  }

  function run(action: Parameters<typeof perform>[0], publishAt?: string) {
    if (uploading) return;
    void form.send(() => perform(action, publishAt), { done: (said) => said });
  }

  async function confirmWithdraw() {
    const { confirm } = await Taro.showModal({
      title: '确认撤回',
      content: `撤回后居民不再能看到《${notice!.title}》，从已收到的通知打开也看不到。撤回原因和全部记录保留，可再次发布。`,
      confirmText: '确认撤回',
      cancelText: '再看看',
    });
    if (confirm) run('withdraw');
  }

  /** Saving a published notice publishes a correction (更正) that subscribers are told of: say so before it happens. */
  async function confirmCorrection() {
    if (uploading || busy) return;
    const content = validContent();
    if (!content) return;
    const { confirm } = await Taro.showModal({
      title: '确认发布更正',
      content: `《${content.title}》已发布，保存修改即发布更正（如本机关要求审核，则在审核人员审核通过后）：居民会在信息页看到更正日期和修改了什么，订阅“${NOTICE_KIND_LABELS[content.kind]}”的居民会收到更正通知，已发出的通知不能收回。`,
      confirmText: '发布更正',
      cancelText: '再看看',
    });
    if (confirm) run('save');
  }

  /** Publishing cannot be taken back (only withdrawn afterwards): say what will happen and to whom before it does. */
  async function confirmPublish() {
    if (uploading || busy) return;
    const content = validContent();
    if (!content) return;
    const reviewed = latestReview?.status === 'sentBack';
    const { confirm } = await Taro.showModal({
      title: reviewed ? '确认重新提交审核' : '确认发布',
      content: `《${content.title}》${reviewed ? '将提交审核人员审核，审核通过后' : '发布后（如本机关要求审核，则在审核人员审核通过后）'}所有居民可在“政务公开”中看到，订阅“${NOTICE_KIND_LABELS[content.kind]}”的居民会收到通知。发布后只能撤回，已发出的通知不能收回。`,
      confirmText: reviewed ? '提交审核' : '确认发布',
      cancelText: '再看看',
    });
    if (confirm) run('publish');
  }

  const kindIndex = NOTICE_KINDS.indexOf(draft.kind);
  return (
    <View className="page form">
      {notice && (
        <View className={`status-line status-line--${notice.status}`} data-testid="edit-status">
          状态：{awaitingReview ? '已提交审核' : NOTICE_STATUS_LABELS[notice.status]}
          {notice.withdrawReason ? `（${notice.withdrawReason}）` : ''}
          {isScheduled(notice) ? ` · 定时发布 ${formatBeijingDateTime(notice.scheduledAt)}` : ''}
        </View>
      )}
      <ReviewState review={latestReview} subjectVersion={notice?.version} />
      {notice?.kind === 'consultation' && <StaffLink label="居民意见审核" url={routes.adminOpinions(notice.id)} testId="edit-opinions" />}
      <FormField label="类别" required>
        <Picker mode="selector" range={NOTICE_KINDS.map((k) => NOTICE_KIND_LABELS[k])} value={kindIndex} onChange={(e) => set('kind')(NOTICE_KINDS[Number(e.detail.value)])}>
          <View className="field__picker" data-testid="pick-kind">{NOTICE_KIND_LABELS[draft.kind]}</View>
        </Picker>
      </FormField>
      <FormField label="标题" required error={errors.title}>
        <TextField name="title" value={draft.title} onChange={set('title')} placeholder="不超过100字" />
      </FormField>
      <FormField label="摘要" error={errors.summary}>
        <TextField name="summary" value={draft.summary} onChange={set('summary')} placeholder="列表中显示，不超过200字" />
      </FormField>
      <FormField label="发布部门" required error={errors.departmentId}>
        <Picker mode="selector" range={departments.data.map((d) => d.name)} value={deptIndex} onChange={(e) => set('departmentId')(departments.data![Number(e.detail.value)].id)}>
          <View className="field__picker">{departments.data[deptIndex]?.name}</View>
        </Picker>
      </FormField>

      {(draft.kind === 'publicity' || draft.kind === 'consultation') && (
        <>
          <FormField label={draft.kind === 'publicity' ? '公示开始' : '征求意见开始'} required error={errors['period.start']}>
            <Picker mode="date" value={draft.periodStart} onChange={(e) => set('periodStart')(e.detail.value)}>
              <View className="field__picker">{draft.periodStart}</View>
            </Picker>
          </FormField>
          <FormField label={draft.kind === 'publicity' ? '公示结束' : '征求意见结束'} required error={errors['period.end'] ?? errors.period}>
            <Picker mode="date" value={draft.periodEnd} onChange={(e) => set('periodEnd')(e.detail.value)}>
              <View className="field__picker">{draft.periodEnd}</View>
            </Picker>
          </FormField>
        </>
      )}
      {draft.kind === 'consultation' && (
        <LinkedNoticeField label="结果公告（意见采纳情况）" selfId={notice?.id} value={draft.resultNoticeId} error={errors.resultNoticeId} testId="pick-result" onChange={set('resultNoticeId')} />
      )}
      {draft.kind === 'publicity' && (
        <FormField label="异议受理方式" required error={errors.objectionContact}>
          <TextField name="objectionContact" value={draft.objectionContact} onChange={set('objectionContact')} placeholder="科室、电话和受理时间" />
        </FormField>
      )}
      {draft.kind === 'policy' && (
        <>
          <FormField label="文号" required error={errors.docNumber}>
            <TextField name="docNumber" value={draft.docNumber} onChange={set('docNumber')} placeholder="如 云建发〔2026〕12号" />
          </FormField>
          <FormField label="发布机关" required error={errors.issuingBody}>
            <TextField name="issuingBody" value={draft.issuingBody} onChange={set('issuingBody')} />
          </FormField>
          <FormField label="施行日期" required error={errors.effectiveDate}>
            <Picker mode="date" value={draft.effectiveDate} onChange={(e) => set('effectiveDate')(e.detail.value)}>
              <View className="field__picker">{draft.effectiveDate}</View>
            </Picker>
          </FormField>
          <FormField label="效力状态" required>
            <Picker mode="selector" range={POLICY_VALIDITIES.map((v) => POLICY_VALIDITY_LABELS[v])} value={POLICY_VALIDITIES.indexOf(draft.validity)} onChange={(e) => set('validity')(POLICY_VALIDITIES[Number(e.detail.value)] ?? 'inForce')}>
              <View className="field__picker">{POLICY_VALIDITY_LABELS[draft.validity]}</View>
            </Picker>
          </FormField>
          <FormField label="文件类别（年度报告统计）">
            <Picker mode="selector" range={POLICY_LEVEL_CHOICES.map(([, label]) => label)} value={POLICY_LEVEL_CHOICES.findIndex(([v]) => v === draft.policyLevel)} onChange={(e) => set('policyLevel')(POLICY_LEVEL_CHOICES[Number(e.detail.value)]?.[0] ?? '')}>
              <View className="field__picker" data-testid="policy-level">{POLICY_LEVEL_CHOICES.find(([v]) => v === draft.policyLevel)?.[1]}</View>
            </Picker>
          </FormField>
          {draft.validity !== 'inForce' && (
            <FormField label={draft.validity === 'revised' ? '修订日期（原文件失效之日）' : '废止日期'} error={errors.repealedOn}>
              <Picker mode="date" value={draft.repealedOn} onChange={(e) => set('repealedOn')(e.detail.value)}>
                <View className="field__picker">{draft.repealedOn || '请选择'}</View>
              </Picker>
            </FormField>
          )}
          {draft.validity !== 'inForce' && (
            <LinkedNoticeField label="替代文件" kind="policy" selfId={notice?.id} value={draft.replacedById} error={errors.replacedById} testId="pick-replacement" onChange={(v) => set('replacedById')(v ?? '')} />
          )}
        </>
      )}
      {draft.kind === 'guide' && <GuideFields draft={draft} errors={errors} set={set} />}

      <FormField label="正文" required error={errors.body}>
        <TextField multiline name="body" value={draft.body} onChange={set('body')} placeholder="分段请换行" />
      </FormField>
      <AttachmentsField value={draft.attachments} onChange={set('attachments')} max={10} errors={errors} onUploading={setUploading} />

      {/* `disabled={false}` still writes a disabled="false" attribute in Taro H5, which its CSS styles as disabled: pass undefined instead. */}
      <View className="form__actions">
        <Button className="btn btn--plain" disabled={busy || uploading || undefined} onClick={() => void (notice?.status === 'published' ? confirmCorrection() : run('save'))} data-testid="save">
          {notice?.status === 'published' ? '保存修改' : '保存草稿'}
        </Button>
        {notice?.status !== 'published' && !awaitingReview && (
          <Button className="btn btn--primary" disabled={busy || uploading || undefined} onClick={() => void confirmPublish()} data-testid="publish">
            {latestReview?.status === 'sentBack' ? '重新提交审核' : '发布'}
          </Button>
        )}
      </View>

      {/* Preview, history and 定时发布: their own components. */}
      <View className="form__actions">
        <Button className="btn btn--plain" onClick={() => { const content = validContent(); if (content) setPreview(content); }} data-testid="preview">
          预览
        </Button>
        {notice && (
          <Button className="btn btn--plain" onClick={() => go(routes.adminNoticeHistory(notice.id))} data-testid="history">
            历史版本
          </Button>
        )}
      </View>
      {notice?.status !== 'published' && (
        <NoticeSchedule
          key={notice?.scheduledAt ?? 'none'}
          notice={notice}
          busy={busy}
          error={errors.publishAt}
          onSchedule={(publishAt) => void run('schedule', publishAt)}
          onUnschedule={() => void run('unschedule')}
        />
      )}

      {notice?.status === 'published' && (
        <View className="card withdraw">
          <FormField label="撤回原因（撤回后居民不可见，记录保留）">
            <TextField name="reason" value={reason} onChange={setReason} />
          </FormField>
          <Button className="btn btn--danger" disabled={busy || reason.trim().length < 2 || undefined} onClick={() => void confirmWithdraw()} data-testid="withdraw">
            撤回
          </Button>
        </View>
      )}
      <Text className="hint">发布后居民立即可在“政务公开”中看到。每次保存、发布、撤回都会留痕。</Text>
    </View>
  );
}

function GuideFields({ draft, errors, set }: { draft: NoticeDraft; errors: Record<string, string>; set: <K extends keyof NoticeDraft>(key: K) => (value: NoticeDraft[K]) => void }) {
  const text: Array<[keyof NoticeDraft, string, string, boolean]> = [
    ['approvalItem', '审批项目', 'guide.approvalItem', false],
    ['legalBasis', '法律依据', 'guide.legalBasis', true],
    ['conditions', '申办条件', 'guide.conditions', true],
    ['procedure', '办理程序', 'guide.procedure', true],
    ['timeLimit', '办理时限', 'guide.timeLimit', false],
    ['fees', '收费标准', 'guide.fees', false],
    ['materials', '申请材料目录（每行一项）', 'guide.materials', true],
    ['sampleForm', '申请书示范文本', 'guide.sampleForm', true],
    ['contactPhone', '联系电话', 'guide.contactPhone', false],
    ['window', '办理窗口', 'guide.location.window', false],
    ['address', '办理地址', 'guide.location.address', false],
    ['hours', '办理时间', 'guide.location.hours', false],
  ];
  return (
    <>
      <FormField label="办件类型" required>
        <Picker mode="selector" range={['即办件', '承诺件']} value={draft.processingType === 'immediate' ? 0 : 1} onChange={(e) => set('processingType')(Number(e.detail.value) === 0 ? 'immediate' : 'promised')}>
          <View className="field__picker">{draft.processingType === 'immediate' ? '即办件' : '承诺件'}</View>
        </Picker>
      </FormField>
      {draft.processingType === 'promised' && (
        <FormField label="承诺办结（工作日）" required error={errors['guide.processing.workingDays']}>
          <TextField name="workingDays" keyboard="number" value={draft.workingDays} onChange={set('workingDays')} />
        </FormField>
      )}
      {text.map(([key, label, path, long]) => (
        <FormField key={key} label={label} required={key !== 'sampleForm'} error={errors[path] ?? (key === 'materials' ? errors['guide.materials.0'] : undefined)}>
          <TextField multiline={long} name={key} value={String(draft[key])} onChange={set(key) as (v: string) => void} />
        </FormField>
      ))}
    </>
  );
}
