import { Button, Text, View } from '@tarojs/components';
import { useState } from 'react';
import { askForReplyNotice, canAskForConsent, type ConsentResult } from '../../requests/reply-notice-consent';

/**
 * The subscribe-consent prompt for the reply notification. WeChat shows its
 * dialog only from a tap, so this is a button, never an automatic popup.
 * Outside WeChat it says plainly that the reply will be in the app instead.
 */
export function ReplyConsentPrompt() {
  const [result, setResult] = useState<ConsentResult | null>(null);
  const [busy, setBusy] = useState(false);
  const supported = canAskForConsent();

  if (!supported) {
    return (
      <Text className="notice-box" data-testid="consent-unsupported">
        当前环境不支持微信订阅消息提醒。答复后，您可以在“我的 → 我的申请”中查看，也会在“消息”中收到通知。
      </Text>
    );
  }
  if (result) {
    const text =
      result.outcome === 'accepted'
        ? result.recorded
          ? '已开启：答复、补正或延期时将通过微信服务通知提醒您。'
          : '您已同意提醒，但暂未登记成功；答复后请在“我的申请”中查看。'
        : result.outcome === 'rejected'
          ? '您未开启微信提醒。答复后可在“我的申请”和“消息”中查看。'
          : '未能打开提醒设置，可能已在微信设置中关闭订阅消息。答复后可在“我的申请”中查看。';
    return (
      <Text className={`notice-box ${result.outcome === 'accepted' && result.recorded ? 'notice-box--ok' : ''}`} data-testid="consent-result">
        {text}
      </Text>
    );
  }
  return (
    <View className="card" data-testid="consent-prompt">
      <Text className="section-title">答复时提醒我</Text>
      <Text className="hint">开启后，本机关答复您的申请、要求补正或延长期限时，微信会发服务通知给您（每项提醒一次）。</Text>
      <Button
        className="btn btn--primary btn--block"
        disabled={busy || undefined}
        data-testid="consent-ask"
        onClick={() => {
          setBusy(true);
          void askForReplyNotice()
            .then(setResult)
            .finally(() => setBusy(false));
        }}
      >
        开启答复提醒
      </Button>
    </View>
  );
}
