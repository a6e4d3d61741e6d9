import { Button, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { call, messageOf } from '../../../api/call';
import { useElderClass } from '../../../elder-mode';
import { useRemote } from '../../../hooks/use-remote';
import { useWhoami } from '../../../hooks/use-whoami';
import { go, routes } from '../../../navigation';
import { correctionLine } from '../../../../shared/notices/notice-corrections';
import { REVIEW_KIND_LABELS } from '../../../../shared/reviews/review-kinds';
import { approveConsequence, REVIEW_KIND_AUDIENCE, waitedFor } from '../../../../shared/reviews/review-wording';
import { formatBeijingDateTime } from '../../../../shared/time/beijing-time';
import { FormField, TextField } from '../../components/form-field';
import { NoticeDiffView } from '../../components/notice-diff';
import { REVIEW_STATUS_LABELS, type ReviewItemView } from '../../review-item';
import { StaffLoadState } from '../../components/staff-load-state';
import '../../review.css';

/**
 * One item under review (公开审查, 条例 Art. 17): the exact text that will go out (with the change, for a
 * correction, and the 更正 sentence residents will read beside it), who submitted it and when; a reviewer other than the author approves — after a
 * confirmation saying what will happen and to whom — or sends it back with a comment.
 */
export default function ReviewPage() {
  const id = useRouter().params.id ?? '';
  const loaded = useRemote(() => call('reviews', 'get', { id }), [id]);
  const { whoami } = useWhoami();
  const [comment, setComment] = useState('');
  const elder = useElderClass();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');

  if (!loaded.data) {
    return <StaffLoadState error={loaded.loading ? null : loaded.error ?? { code: 'REVIEW_NOT_FOUND', message: '未找到该审核事项' }} reload={loaded.reload} what="个审核事项" back={{ label: '返回审核', url: routes.adminReviews() }} />;
  }
  const item: ReviewItemView = loaded.data;
  const roles = whoami?.staff?.roles ?? [];
  const canDecide = item.status === 'pending' && (roles.includes('reviewer') || roles.includes('admin'));
  const ownWork = whoami?.openid === item.authorOpenid;
  const isNotice = item.kind.startsWith('notice.');

  async function decide(what: 'approve' | 'sendBack') {
    if (busy) return;
    if (what === 'sendBack' && comment.trim().length < 2) {
      setError('请写明退回的理由和需要修改之处');
      return;
    }
    if (what === 'approve') {
      const { confirm } = await Taro.showModal({
        title: `确认通过：${REVIEW_KIND_LABELS[item.kind]}`,
        content: `《${item.text.title}》\n${approveConsequence(item.kind, item.payload)}${item.correctionNote ? `\n居民将看到：“${correctionLine({ at: new Date().toISOString(), note: item.correctionNote })}”` : ''}\n送达：${REVIEW_KIND_AUDIENCE[item.kind]}。提交人：${item.authorName}。`,
        confirmText: '确认通过',
        cancelText: '再看看',
      });
      if (!confirm) return;
    }
    setBusy(true);
    setError('');
    try {
      const decided = what === 'approve' ? await call('reviews', 'approve', { id: item.id, version: item.version }) : await call('reviews', 'sendBack', { id: item.id, version: item.version, comment: comment.trim() });
      loaded.setData(decided);
      void Taro.showToast({ title: what === 'approve' ? '已审核通过' : '已退回提交人', icon: 'none' });
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <View className={`page ${elder}`}>
      <View className="card" data-testid="review-head">
        <View className="notice-card__meta">
          <Text className="badge badge--muted">{REVIEW_KIND_LABELS[item.kind]}</Text>
          <Text className={`badge ${item.status === 'pending' ? 'badge--open' : 'badge--muted'}`} data-testid="review-status">{REVIEW_STATUS_LABELS[item.status]}</Text>
        </View>
        {item.reference && <Text className="hint">申请编号：{item.reference}</Text>}
        <Text className="hint">
          提交人：{item.authorName} · {formatBeijingDateTime(item.submittedAt)}
          {item.status === 'pending' ? ` · 已等待 ${waitedFor(item.submittedAt, new Date())}` : ''}
        </Text>
        {item.dueOn && <Text className="hint" data-testid="review-due">答复期限 {item.dueOn}，审核期间照常计算</Text>}
        {item.reviewerName && (
          <Text className="hint" data-testid="review-decision">
            {REVIEW_STATUS_LABELS[item.status]} · 审核人：{item.reviewerName}{item.decidedAt ? ` · ${formatBeijingDateTime(item.decidedAt)}` : ''}
          </Text>
        )}
        {item.comment && <Text className="field__error" data-testid="review-comment">审核意见：{item.comment}</Text>}
      </View>

      {item.diff && (
        <>
          <Text className="diff__heading">改动之处</Text>
          <NoticeDiffView diff={item.diff} />
          {item.diff.attachments && (item.diff.attachments.added.length > 0 || item.diff.attachments.removed.length > 0) && (
            <View className="card" data-testid="review-attachments">
              {item.diff.attachments.added.map((f) => <Text key={`+${f.url}`} className="diff__line diff__line--added">＋ 附件：{f.name}</Text>)}
              {item.diff.attachments.removed.map((f) => <Text key={`-${f.url}`} className="diff__line diff__line--removed">－ 附件：{f.name}</Text>)}
            </View>
          )}
        </>
      )}
      {item.correctionNote && (
        <>
          <Text className="diff__heading">居民将看到的更正说明</Text>
          <View className="card notice-corrections" data-testid="review-correction" role="note">
            <View className="notice-corrections__item">
              <Text className="badge badge--correction">更正</Text>
              <Text className="notice-corrections__text" data-testid="review-correction-line">{correctionLine({ at: item.decidedAt ?? new Date().toISOString(), note: item.correctionNote })}</Text>
            </View>
            {item.status === 'pending' ? <Text className="hint">显示在信息正文之前，日期为审核通过之日；订阅该类信息的居民同时收到这句说明。</Text> : null}
          </View>
        </>
      )}
      <Text className="diff__heading">{isNotice ? '将要公开的原文' : '将要送达申请人的原文'}</Text>
      <View className="card page--paper" data-testid="review-text">
        <Text className="notice-card__title" data-testid="review-text-title">{item.text.title}</Text>
        <Text className="review__body" data-testid="review-text-body">{item.text.body}</Text>
      </View>

      {canDecide && ownWork && <Text className="hint" data-testid="review-own">这是您本人提交的事项，须由其他审核人员审核。</Text>}
      {canDecide && !ownWork && (
        <View className="card">
          <FormField label="审核意见（退回时必填）" error={error || undefined}>
            <TextField multiline name="review-comment" value={comment} onChange={setComment} placeholder="写明需要修改之处" />
          </FormField>
          <View className="form__actions">
            <Button className="btn btn--plain" disabled={busy || undefined} onClick={() => void decide('sendBack')} data-testid="review-send-back">
              退回修改
            </Button>
            <Button className="btn btn--primary" disabled={busy || undefined} onClick={() => void decide('approve')} data-testid="review-approve">
              审核通过
            </Button>
          </View>
        </View>
      )}
      {!canDecide && error && <Text className="field__error">{error}</Text>}

      {/* The author goes back to the notice or request to correct it and submit again. */}
      {item.status === 'sentBack' && ownWork && (
        <Button className="btn btn--primary" onClick={() => go(isNotice ? routes.adminNoticeEdit(item.subjectId) : routes.adminRequest(item.subjectId))} data-testid="review-fix">
          {isNotice ? '去修改并重新提交' : '回到申请修改'}
        </Button>
      )}
    </View>
  );
}
