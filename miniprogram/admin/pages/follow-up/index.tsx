import { Button, Picker, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { call } from '../../../api/call';
import { useRemote } from '../../../hooks/use-remote';
import { useValidatedForm } from '../../../hooks/use-validated-form';
import { useWhoami } from '../../../hooks/use-whoami';
import {
  CONTACT_METHODS,
  CONTACT_METHOD_LABELS,
  FINDINGS,
  FINDING_LABELS,
  FOLLOW_UP_STATUS_LABELS,
  RECTIFICATIONS,
  RECTIFICATION_LABELS,
  type ContactMethod,
  type Finding,
  type Rectification,
} from '../../../../shared/ratings/follow-up';
import { FollowUpRespondSchema } from '../../../../shared/ratings/ratings-schema';
import type { FollowUpView } from '../../../../shared/ratings/ratings-types';
import { addDays } from '../../../../shared/calendar/dates';
import { beijingToday, formatBeijingDateTime } from '../../../../shared/time/beijing-time';
import { LevelChip } from '../../../rating/components/level-chip';
import { DetailRow } from '../../../components/detail-row';
import { FormField, TextField } from '../../components/form-field';
import { routes } from '../../../navigation';
import { StaffLoadState } from '../../components/staff-load-state';
import '../../../rating/rating.css';

interface Draft {
  contactMethod: ContactMethod;
  contactNote: string;
  finding: Finding;
  rectification: Rectification;
  planDueDate: string;
  answer: string;
}

/**
 * Staff: one 差评 worked to the end — who rated (always shown here, anonymous
 * or not), then contact → verify → rectify → answer; close after the answer;
 * or appeal an untrue one, which an admin decides.
 */
export default function FollowUpPage() {
  const id = useRouter().params.id ?? '';
  const { whoami } = useWhoami();
  const remote = useRemote(() => call('ratings', 'followUp', { id }), [id]);
  const [draft, setDraft] = useState<Draft>({ contactMethod: 'phone', contactNote: '', finding: 'valid', rectification: 'immediate', planDueDate: addDays(beijingToday(new Date()), 14), answer: '' });
  const [note, setNote] = useState('');
  const [done, setDone] = useState('');
  const form = useValidatedForm({
    schema: FollowUpRespondSchema,
    submit: (_checked, input) => call('ratings', 'respond', input),
    done: '已答复居民',
    onDone: shown,
  });
  const { errors, busy } = form;

  /** Every step's answer is the follow-up as it now stands. */
  function shown(updated: FollowUpView) {
    remote.setData(updated);
    setNote('');
    setDone('');
  }

  if (!remote.data) return <StaffLoadState error={remote.error} reload={remote.reload} what="条差评整改" back={{ label: '返回差评整改', url: routes.adminFollowUps() }} />;
  const f = remote.data;
  const isAdmin = !!whoami?.staff?.roles.includes('admin');

  /** The steps after the answer (close, appeal, decide): no form to check, the same guard and toasts. */
  const act = (run: () => Promise<FollowUpView>, done: string) => form.send(run, { done, onDone: shown });
  /** Each step here cannot be taken back: say what it does and to whom, and act only on 确认. */
  const confirmed = async (title: string, content: string, confirmText: string) =>
    (await Taro.showModal({ title, content, confirmText, cancelText: '再看看' })).confirm;
  const rater = f.rater.contactName ? `评价人${f.rater.contactName}` : '评价人';
  const confirmThen = (title: string, content: string, confirmText: string, run: () => Promise<FollowUpView>, done: string) =>
    void (async () => {
      if (await confirmed(title, content, confirmText)) act(run, done);
    })();

  async function respond() {
    const input = { id: f.id, version: f.version, ...draft, planDueDate: draft.rectification === 'plan' ? draft.planDueDate : undefined };
    if (!form.validate(input)) return;
    const plan = draft.rectification === 'plan' ? `限期整改至 ${draft.planDueDate}，登记整改完成前不能办结；` : '';
    if (await confirmed('确认答复居民', `将向${rater}发出答复（在“我的评价”中可见，并发送消息）。${plan}答复发出后不能修改。`, '确认答复')) void form.submit(input);
  }

  const pick = <K extends keyof Draft>(key: K, values: readonly Draft[K][], labels: Record<string, string>) => (
    <Picker mode="selector" range={values.map((v) => labels[v as string])} value={values.indexOf(draft[key])} onChange={(e) => setDraft({ ...draft, [key]: values[Number(e.detail.value)] })}>
      <View className="field__picker" data-testid={`pick-${key}`}>{labels[draft[key] as string]}</View>
    </Picker>
  );

  return (
    <View className="page form">
      <View className={`card rating-card ${f.overdue ? 'follow-up--overdue' : ''}`} data-testid="follow-up-detail">
        <View className="rating-card__head">
          <Text className="rating-card__title">{f.windowName}</Text>
          <LevelChip level={f.rating.level} />
        </View>
        <Text className="status-line" data-testid="follow-up-status">
          {FOLLOW_UP_STATUS_LABELS[f.status]}
          {f.overdue ? ' · 已超期' : ''} · {f.status === 'rectifying' && f.response?.planDueDate ? `整改期限 ${f.response.planDueDate}` : `答复期限 ${f.dueDate}${f.dueProvisional ? '（暂定）' : ''}`}
        </Text>
        <DetailRow label="办理事项" value={f.serviceName ?? '未指定'} />
        <DetailRow label="评价时间" value={formatBeijingDateTime(f.rating.createdAt)} />
        <DetailRow label="标签" value={f.rating.tags.join('、') || '无'} />
        <DetailRow label="留言" value={f.rating.commentStatus === 'rejected' ? '（留言未通过内容审核，不予显示）' : f.rating.comment ?? '无'} />
        <DetailRow label="评价人" value={`${f.rater.contactName || '未留称呼'}${f.rating.anonymous ? '（选择匿名公开）' : ''}`} />
        <DetailRow label="联系电话" value={f.rater.contactPhone || '未留电话（可通过小程序消息联系）'} />
      </View>

      {f.response && (
        <View className="card outcome" data-testid="follow-up-response">
          <Text className="outcome__title">{f.status === 'rectifying' ? '已答复，限期整改中' : '已答复'} · {f.response.respondedByName} · {formatBeijingDateTime(f.response.respondedAt)}{f.answeredOnTime ? '' : '（超期答复）'}</Text>
          <Text>{CONTACT_METHOD_LABELS[f.response.contactMethod]}：{f.response.contactNote}</Text>
          <Text>核实：{FINDING_LABELS[f.response.finding]} · {RECTIFICATION_LABELS[f.response.rectification]}{f.response.planDueDate ? `（${f.response.planDueDate} 前）` : ''}</Text>
          <Text>{f.response.answer}</Text>
          {f.completion && (
            <Text data-testid="follow-up-completion">
              整改完成 · {f.completion.byName} · {formatBeijingDateTime(f.completion.at)}{f.completion.onTime ? '' : '（超过整改期限）'}：{f.completion.done}
            </Text>
          )}
          <Text>居民反馈：{f.feedback ? (f.feedback.solved ? '问题已解决' : `问题未解决${f.feedback.note ? `：${f.feedback.note}` : ''}`) : f.status === 'rectifying' ? '整改完成后由居民评价' : '尚未反馈'}</Text>
        </View>
      )}
      {f.reopen && (
        <View className="card outcome outcome--waiting" data-testid="follow-up-reopened">
          <Text className="outcome__title">评价人表示问题未解决 · {formatBeijingDateTime(f.reopen.at)} · 已重新办理并报管理员</Text>
          {f.reopen.feedback.note && <Text>{f.reopen.feedback.note}</Text>}
          {f.reopen.previousResponse && <Text>此前答复（{RECTIFICATION_LABELS[f.reopen.previousResponse.rectification]}）：{f.reopen.previousResponse.answer}</Text>}
          {f.reopen.previousCompletion && <Text>此前整改：{f.reopen.previousCompletion.done}</Text>}
        </View>
      )}
      {f.appeal && (
        <View className="card outcome outcome--waiting">
          <Text className="outcome__title">申诉 · {f.appeal.byName}</Text>
          <Text>{f.appeal.reason}</Text>
          {f.appeal.decision && <Text>复核：{f.appeal.decision.upheld ? '申诉成立，该差评不计入统计（记录保留）' : '申诉不成立'} · {f.appeal.decision.note}</Text>}
        </View>
      )}

      {f.status === 'open' && (
        <>
          <FormField label="1. 联系居民" required error={errors.contactNote}>
            {pick('contactMethod', CONTACT_METHODS, CONTACT_METHOD_LABELS)}
            <TextField name="contactNote" value={draft.contactNote} onChange={(contactNote) => setDraft({ ...draft, contactNote })} placeholder="联系时间、沟通情况" />
          </FormField>
          <FormField label="2. 核实情况" required>
            {pick('finding', FINDINGS, FINDING_LABELS)}
          </FormField>
          <FormField label="3. 整改方式" required error={errors.planDueDate}>
            {/* Three choices, all in view: which one decides whether the follow-up stays open until the work is done. */}
            <View className="tags">
              {RECTIFICATIONS.map((r) => (
                <Text role="button" aria-pressed={draft.rectification === r} tabIndex={0} key={r} className={`tag ${draft.rectification === r ? 'tag--selected' : ''}`} onClick={() => setDraft({ ...draft, rectification: r })} data-testid={`rectification-${r}`}>
                  {RECTIFICATION_LABELS[r]}
                </Text>
              ))}
            </View>
            {draft.rectification === 'plan' && (
              <Picker mode="date" value={draft.planDueDate} onChange={(e) => setDraft({ ...draft, planDueDate: e.detail.value })}>
                <View className="field__picker" data-testid="plan-due-date">整改完成日期：{draft.planDueDate}</View>
              </Picker>
            )}
          </FormField>
          <FormField label="4. 答复居民" required error={errors.answer}>
            <TextField name="answer" multiline value={draft.answer} onChange={(answer) => setDraft({ ...draft, answer })} placeholder="居民将在「我的评价」看到这段答复" />
          </FormField>
          <Button className="btn btn--primary btn--block" disabled={busy || undefined} onClick={() => void respond()} data-testid="respond">提交答复</Button>
        </>
      )}

      {f.status === 'rectifying' && (
        <>
          <FormField label="整改完成情况" required error={errors.done}>
            <TextField name="done" multiline value={done} onChange={setDone} placeholder="做了什么、何时完成；居民将看到这段说明并评价是否解决" />
          </FormField>
          <Button className="btn btn--primary btn--block" disabled={busy || undefined} onClick={() => confirmThen('确认整改完成', `将登记整改已完成，并告知${rater}做了什么、请其评价问题是否解决。登记后不能修改。`, '确认登记', () => call('ratings', 'complete', { id: f.id, version: f.version, done }), '已登记整改完成')} data-testid="complete">登记整改完成</Button>
        </>
      )}

      {(f.status === 'open' || f.status === 'answered' || (f.status === 'appealed' && isAdmin)) && (
        <FormField label={f.status === 'appealed' ? '复核意见' : f.status === 'answered' ? '办结说明 / 申诉理由' : '申诉理由（差评不实时）'} error={errors.reason ?? errors.note}>
          <TextField name="note" value={note} onChange={setNote} placeholder={f.status === 'appealed' ? '复核意见' : '选填'} />
        </FormField>
      )}
      <View className="form__actions">
        {f.status === 'answered' && (
          <Button className="btn btn--primary" disabled={busy || undefined} onClick={() => confirmThen('确认办结', `本条差评将办结，不再跟进整改回访；办结后不能撤回。`, '确认办结', () => call('ratings', 'close', { id: f.id, version: f.version, note }), '已办结')} data-testid="close">办结</Button>
        )}
        {(f.status === 'open' || f.status === 'answered') && !f.appeal && (
          <Button className="btn btn--danger" disabled={busy || undefined} onClick={() => confirmThen('确认提出申诉', `将以“${note.trim() || '（未填写理由）'}”为由申诉本条差评不实，由管理员复核；申诉成立的，该差评不再计入满意度统计（评价记录保留）。提交后不能撤回。`, '提交申诉', () => call('ratings', 'appeal', { id: f.id, version: f.version, reason: note }), '已提交申诉')} data-testid="appeal">申诉</Button>
        )}
        {f.status === 'appealed' && isAdmin && (
          <>
            <Button className="btn btn--primary" disabled={busy || undefined} onClick={() => confirmThen('确认申诉成立', `${f.windowName}的这条差评将不再计入满意度和排名（评价和全部记录保留，不会删除）。复核决定作出后不能更改。`, '确认成立', () => call('ratings', 'decideAppeal', { id: f.id, version: f.version, upheld: true, note }), '申诉成立')} data-testid="appeal-uphold">申诉成立</Button>
            <Button className="btn btn--plain" disabled={busy || undefined} onClick={() => confirmThen('确认申诉不成立', `驳回${f.appeal?.byName ?? '整改单位'}的申诉：这条差评继续计入${f.windowName}的满意度，并须按期整改、回访${rater}。复核决定作出后不能更改。`, '确认驳回', () => call('ratings', 'decideAppeal', { id: f.id, version: f.version, upheld: false, note }), '申诉不成立')} data-testid="appeal-reject">不成立</Button>
          </>
        )}
      </View>
    </View>
  );
}
