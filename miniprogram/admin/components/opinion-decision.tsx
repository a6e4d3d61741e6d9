import { Button, Text, View } from '@tarojs/components';
import { useState } from 'react';
import { contract } from '../../../shared/api/contract';
import { COMMENT_STATUS_LABELS } from '../../../shared/notices/comment-rules';
import type { ManagedComment } from '../../../shared/notices/notice-comments';
import { opinionConfirmation } from '../../../shared/notices/opinion-confirmations';
import { formatBeijingDateTime } from '../../../shared/time/beijing-time';
import { ApiError, call } from '../../api/call';
import { useValidatedForm } from '../../hooks/use-validated-form';
import { askFirst } from '../ask-first';
import { FormField, TextField } from './form-field';

type Decision = { decision: 'publish' | 'hide'; reply?: string };

/**
 * One resident's opinion as staff decide on it: who (masked), when, the text,
 * what the screening flagged, and — by its status — 公开 with an optional
 * reply, 不予公开, or a reply added to / taking down one already public.
 * A form of its own (the reply's error stays under this opinion); `onChanged`
 * reloads the list after a decision, or after someone else's (VERSION_CONFLICT).
 * Every decision asks first, saying who will see what (opinion-confirmations.ts).
 */
export function OpinionDecision({ comment, notice, onChanged }: { comment: ManagedComment; notice: { title: string } | null; onChanged: () => void }) {
  const [reply, setReply] = useState('');
  const form = useValidatedForm({
    schema: contract.notices.moderateComment.input,
    onFailure: (e) => {
      if (e instanceof ApiError && e.code === 'VERSION_CONFLICT') onChanged();
    },
  });
  const send = async (d: Decision) => {
    const data = form.validate({ commentId: comment.id, version: comment.version, ...d });
    if (!data) return;
    if (!(await askFirst(opinionConfirmation(comment.status, d.decision, d.reply, notice, comment.authorMasked)))) return;
    const done = d.decision === 'publish' ? (d.reply ? '已公开并答复' : '已公开') : '已不予公开';
    void form.send(() => call('notices', 'moderateComment', data), { done, doneIcon: 'none', onDone: onChanged });
  };
  const error = form.errors.reply;
  const withReply = reply.trim() ? { reply: reply.trim() } : {};
  const busy = form.busy;
  const idle = busy ? true : undefined;
  return (
    <View className="card opinion" data-testid="moderation-item">
      <View className="opinion__head">
        <Text>{comment.authorMasked} · {formatBeijingDateTime(comment.createdAt)}</Text>
        <Text className={`badge badge--comment-${comment.status}`}>{COMMENT_STATUS_LABELS[comment.status]}</Text>
      </View>
      {comment.flagged ? (
        <Text className="field__error" data-testid="moderation-flag">内容检测提示：{comment.flagged}（请仔细审阅）</Text>
      ) : (
        <Text className="hint">内容检测：未发现问题</Text>
      )}
      <Text className="opinion__text" data-testid="moderation-text">{comment.text}</Text>
      {comment.reply ? <Text className="opinion__reply">已答复：{comment.reply.text}</Text> : null}
      {comment.status !== 'hidden' && (
        <FormField label={comment.status === 'published' ? '补充或修改答复' : '答复（可选，随意见一起公开）'} error={error ?? undefined}>
          <TextField name="reply" multiline value={reply} onChange={(v) => { setReply(v); form.setErrors({}); }} placeholder="2–500字" />
        </FormField>
      )}
      <View className="form__actions">
        {comment.status === 'pending' && (
          <>
            <Button className="btn btn--primary" disabled={idle} onClick={() => void send({ decision: 'publish', ...withReply })} data-testid="moderation-publish">公开</Button>
            <Button className="btn btn--plain" disabled={idle} onClick={() => void send({ decision: 'hide' })} data-testid="moderation-hide">不予公开</Button>
          </>
        )}
        {comment.status === 'published' && (
          <>
            <Button className="btn btn--primary" disabled={busy || !reply.trim() || undefined} onClick={() => void send({ decision: 'publish', ...withReply })} data-testid="moderation-reply">保存答复</Button>
            <Button className="btn btn--plain" disabled={idle} onClick={() => void send({ decision: 'hide' })} data-testid="moderation-hide">撤下</Button>
          </>
        )}
        {comment.status === 'hidden' && (
          <Button className="btn btn--plain" disabled={idle} onClick={() => void send({ decision: 'publish' })} data-testid="moderation-publish">改为公开</Button>
        )}
      </View>
    </View>
  );
}
