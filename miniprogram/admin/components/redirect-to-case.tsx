import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { ApiError, call, messageOf } from '../../api/call';
import { INQUIRY_KIND_LABELS, type InquiryKind } from '../../../shared/inquiries/inquiry-types';
import type { RequestView } from '../../../shared/requests/request-types';

/**
 * 条例 Art. 39 on a request's page: a "request" that is really a complaint, petition or inquiry is
 * turned into a case in one step (answered 不予处理（信访举报投诉类）, the letter naming the case).
 * Offered while the request may still be answered; asks once before doing it.
 */
export function RedirectToCase({ request, onDone }: { request: RequestView; onDone: () => Promise<void> }) {
  const [kind, setKind] = useState<InquiryKind | null>(null);
  const [busy, setBusy] = useState(false);
  if (!request.allowed.includes('reply')) return null;

  async function redirect(to: InquiryKind) {
    setBusy(true);
    try {
      const moved = await call('inquiries', 'redirectFromRequest', { requestId: request.id, version: request.version, kind: to });
      void Taro.showToast({ title: `已转为${INQUIRY_KIND_LABELS[to]} ${moved.caseNumber}`, icon: 'none' });
      setKind(null);
      await onDone();
    } catch (e) {
      void Taro.showToast({ title: e instanceof ApiError && e.code === 'VERSION_CONFLICT' ? '内容已被他人修改，请刷新后重试' : messageOf(e), icon: 'none' });
      if (e instanceof ApiError && e.code === 'VERSION_CONFLICT') await onDone();
    } finally {
      setBusy(false);
    }
  }

  return (
    <View className="card action-card" data-testid="action-redirect">
      <Text className="action-card__title">不属于政府信息公开申请？</Text>
      {kind ? (
        <>
          <Text className="notice-box">本申请将按“不予处理：信访举报投诉类”答复（条例第三十九条），转为{INQUIRY_KIND_LABELS[kind]}件办理，并通知申请人。确定吗？</Text>
          <View className="form__actions">
            <Button className="btn btn--plain" onClick={() => setKind(null)}>取消</Button>
            <Button className="btn btn--primary" disabled={busy || undefined} onClick={() => void redirect(kind)} data-testid="confirm-redirect">确定转办</Button>
          </View>
        </>
      ) : (
        <View className="form__actions">
          <Button className="btn btn--plain" onClick={() => setKind('complaint')} data-testid="redirect-complaint">转为投诉举报</Button>
          <Button className="btn btn--plain" onClick={() => setKind('inquiry')} data-testid="redirect-inquiry">转为咨询</Button>
        </View>
      )}
    </View>
  );
}
