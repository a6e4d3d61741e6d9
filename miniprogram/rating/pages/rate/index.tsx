import { Button, Input, Switch, Text, Textarea, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { call } from '../../../api/call';
import { useRemote } from '../../../hooks/use-remote';
import { DeadEnd, goHome } from '../../../components/dead-end';
import { useValidatedForm } from '../../../hooks/use-validated-form';
import { go, routes } from '../../../navigation';
import { rateSubjectOf } from '../../../../shared/ratings/rate-link';
import { isNegative, RATING_LEVELS, RATING_LEVEL_LABELS, RATING_TAGS, type RatingLevel } from '../../../../shared/ratings/rating-levels';
import { RatingSubmitSchema } from '../../../../shared/ratings/ratings-schema';
import type { SubmittedRating } from '../../../../shared/ratings/ratings-types';
import { formatBeijingDate, formatBeijingDateTime } from '../../../../shared/time/beijing-time';
import '../../rating.css';
import { useElderClass } from '../../../elder-mode';
import { PrivacyNotice } from '../../../privacy/privacy-notice';
import { PrivacyPopup } from '../../../privacy/privacy-popup';

// Stars rather than emoji faces: every font on every phone has ★.
const STARS: Record<RatingLevel, string> = { verySatisfied: '★★★★★', satisfied: '★★★★', basic: '★★★', dissatisfied: '★★', veryDissatisfied: '★' };

/**
 * Rate a visit: opened from a visit code or a window's QR. Tap a level, tap
 * 提交 — tags, a comment and contact details are optional. Three taps at most.
 */
export default function RatePage() {
  const elder = useElderClass();
  const subject = rateSubjectOf(useRouter().params);
  const target = useRemote(() => (subject ? call('ratings', 'target', subject) : Promise.resolve(null)), [JSON.stringify(subject)]);
  const [level, setLevel] = useState<RatingLevel | null>(null);
  const [tags, setTags] = useState<string[]>([]);
  const [comment, setComment] = useState('');
  const [anonymous, setAnonymous] = useState(false);
  const [serviceId, setServiceId] = useState<string | undefined>(undefined);
  const [contactName, setContactName] = useState('');
  const [contactPhone, setContactPhone] = useState('');
  const [done, setDone] = useState<SubmittedRating | null>(null);
  /** What was chosen, as the call takes it (contact details only with a 差评); checked before it is sent. */
  const ratingInput = () => ({
    ...('windowId' in subject! ? { windowId: subject.windowId, serviceId } : subject!),
    level: level ?? undefined,
    tags,
    comment,
    anonymous,
    contactName: level && isNegative(level) ? contactName : '',
    contactPhone: level && isNegative(level) ? contactPhone : '',
  });
  const form = useValidatedForm({
    schema: RatingSubmitSchema,
    submit: (_checked, data: ReturnType<typeof ratingInput>) => call('ratings', 'submit', data as Parameters<typeof call<'ratings', 'submit'>>[2]),
    onDone: setDone,
  });
  const { errors, setErrors, busy } = form;

  if (!subject) {
    return <DeadEnd testId="rate-error" elder={elder} title="没有评价码" text="请扫描服务窗口的评价二维码，或工作人员出示的评价码，即可评价这次服务。" />;
  }
  if (target.loading && !target.data) return <View className={`page ${elder} list-state`} data-testid="rate-loading">正在加载…</View>;
  // A code that is wrong or no longer valid is a dead end, said plainly; retrying helps only when the network failed.
  if (target.error?.code === 'VISIT_NOT_FOUND') {
    return <DeadEnd testId="rate-error" elder={elder} title="评价码无效" text="这个评价码不存在或已失效，可能是扫描不完整或输入有误。如需评价，请向窗口工作人员重新获取评价码。" />;
  }
  if (target.error?.code === 'WINDOW_NOT_FOUND') {
    return <DeadEnd testId="rate-error" elder={elder} title="这个窗口已停用" text="二维码对应的服务窗口已停用，无法评价。如需评价，请扫描正在办理业务的窗口的二维码。" />;
  }
  if (target.error || !target.data) {
    return (
      <View className={`page ${elder} list-state list-state--error`} data-testid="rate-error">
        <Text>{target.error?.message ?? '加载失败'}</Text>
        <Button className="btn btn--plain" onClick={() => void target.reload()}>重试</Button>
        <Button className="btn btn--plain" onClick={goHome} data-testid="go-home">返回首页</Button>
      </View>
    );
  }
  const t = target.data;

  if (done) {
    return (
      <View className={`page ${elder}`}>
        <View className="card done" data-testid="rate-done">
          <Text className="done__mark">✓</Text>
          <Text className="done__title">感谢您的评价</Text>
          {done.followUpDueDate ? (
            <Text className="hint">我们会联系您核实情况并整改，最迟 {done.followUpDueDate}{done.followUpDueProvisional ? '（暂定）' : ''} 前答复您。答复后可在「我的评价」查看。</Text>
          ) : (
            <Text className="hint">您的评价将计入本窗口的满意度。</Text>
          )}
          {done.commentStatus === 'rejected' && <Text className="rating-card__held">您的留言未通过内容审核，不会公开显示。</Text>}
          <Button className="btn btn--primary btn--block" onClick={() => go(routes.myRatings())} data-testid="go-my-ratings">查看我的评价</Button>
        </View>
      </View>
    );
  }

  if (t.state !== 'open') {
    const rated = t.state === 'alreadyRated';
    return (
      <DeadEnd
        testId="rate-closed"
        elder={elder}
        title={rated ? (t.trackingNumber ? '这件申请的办理已经评价过了' : '这次服务已经评价过了') : '评价码已过期'}
        text={rated ? '每次服务只能评价一次，感谢您的参与。' : `这个评价码的有效期到 ${t.expiresAt ? formatBeijingDateTime(t.expiresAt) : ''} 为止，已不能使用。如需评价，请向窗口工作人员重新获取。`}
      >
        <Button className="btn btn--plain btn--block" onClick={() => go(routes.myRatings())}>我的评价</Button>
      </DeadEnd>
    );
  }

  const choose = (next: RatingLevel) => {
    setLevel(next);
    // Tags belong to a level: praise does not survive switching to a complaint.
    setTags((current) => current.filter((tag) => RATING_TAGS[next].includes(tag)));
    setErrors({});
  };
  const toggleTag = (tag: string) => setTags((current) => (current.includes(tag) ? current.filter((x) => x !== tag) : [...current, tag]));

  return (
    <View className={`page ${elder}`}>
      <View className="card rate-target" data-testid="rate-target">
        <Text className="rate-target__window">{t.windowName}</Text>
        <Text className="rate-target__meta">{[t.departmentName, t.location].filter(Boolean).join(' · ')}</Text>
        {t.serviceName && <Text className="rate-target__meta">办理事项：{t.serviceName}</Text>}
        {t.expiresAt && <Text className="rate-target__meta">评价码有效期至 {formatBeijingDate(t.expiresAt)}</Text>}
      </View>

      {t.services.length > 0 && (
        <View className="tags" data-testid="rate-services">
          {t.services.map((s) => (
            <Text role="button" aria-pressed={serviceId === s.id} tabIndex={0} key={s.id} className={`tag ${serviceId === s.id ? 'tag--selected' : ''}`} onClick={() => setServiceId(serviceId === s.id ? undefined : s.id)}>
              {s.name}
            </Text>
          ))}
        </View>
      )}

      <View className="levels" role="radiogroup" aria-label="评价等级">
        {RATING_LEVELS.map((l) => (
          <View
            key={l}
            className={`level ${level === l ? 'level--selected' : ''} ${isNegative(l) ? 'level--negative' : ''}`}
            onClick={() => choose(l)}
            role="radio"
            aria-checked={level === l}
            tabIndex={0}
            data-testid={`level-${l}`}
          >
            <Text className="level__stars">{STARS[l]}</Text>
            <Text>{RATING_LEVEL_LABELS[l]}</Text>
          </View>
        ))}
      </View>
      {errors.level && <Text className="field__error" data-testid="error-level">请选择一个评价等级</Text>}

      {level && (
        <>
          <View className="tags">
            {RATING_TAGS[level].map((tag) => (
              <Text role="button" aria-pressed={tags.includes(tag)} tabIndex={0} key={tag} className={`tag ${tags.includes(tag) ? 'tag--selected' : ''}`} onClick={() => toggleTag(tag)} data-testid="rate-tag">
                {tag}
              </Text>
            ))}
          </View>
          {errors.tags && <Text className="field__error">{errors.tags}</Text>}
          <View className={`field ${errors.comment ? 'field--invalid' : ''}`}>
            <Text className="field__label">{isNegative(level) ? '遇到了什么问题？（选填）' : '想说点什么？（选填）'}</Text>
            <Textarea className="field__textarea" maxlength={-1} nativeProps={{ 'aria-label': '评价内容' }} value={comment} placeholder="不超过300字，审核后公开显示" onInput={(e) => setComment(e.detail.value)} data-testid="input-comment" />
            {errors.comment && <Text className="field__error">{errors.comment}</Text>}
          </View>
          {isNegative(level) && (
            <View className="field">
              <Text className="field__label">联系方式（选填，仅整改人员可见，便于回访）</Text>
              <Input className="field__input" maxlength={-1} nativeProps={{ 'aria-label': '称呼' }} value={contactName} placeholder="称呼，如 陈先生" onInput={(e) => setContactName(e.detail.value)} data-testid="input-contactName" />
              <Input className="field__input" maxlength={-1} type="number" nativeProps={{ 'aria-label': '手机号' }} value={contactPhone} placeholder="手机号" onInput={(e) => setContactPhone(e.detail.value)} data-testid="input-contactPhone" />
              {errors.contactPhone && <Text className="field__error">{errors.contactPhone}</Text>}
              <PrivacyNotice purpose="差评整改后的回访" />
            </View>
          )}
          <View className="switch-row">
            <Text>匿名公开（不显示您的称呼）</Text>
            <Switch checked={anonymous} nativeProps={{ 'aria-label': '匿名公开' }} onChange={(e) => setAnonymous(e.detail.value)} color="#b71c1c" data-testid="input-anonymous" />
          </View>
        </>
      )}

      <Button className="btn btn--primary btn--block" disabled={busy || undefined} onClick={() => void form.submit(ratingInput())} data-testid="rate-submit">
        提交评价
      </Button>
      {errors.visitCode && <Text className="field__error">{errors.visitCode}</Text>}
      {/* WeChat's privacy consent, on the page that collects a contact for the call back. */}
      <PrivacyPopup />
    </View>
  );
}
