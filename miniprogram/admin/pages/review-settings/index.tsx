import { Button, Switch, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { call, messageOf } from '../../../api/call';
import { useElderClass } from '../../../elder-mode';
import { useRemote } from '../../../hooks/use-remote';
import { REVIEW_KIND_LABELS, REVIEW_KINDS, type ReviewKind } from '../../../../shared/reviews/review-kinds';
import { REVIEW_KIND_AUDIENCE } from '../../../../shared/reviews/review-wording';
import '../../review.css';

/** Admins: which acts wait for a reviewer's approval before they take effect (公开审查, 条例 Art. 17). */
export default function ReviewSettingsPage() {
  const elder = useElderClass();
  const settings = useRemote(() => call('reviews', 'settings', {}), []);
  const [required, setRequired] = useState<ReviewKind[] | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (settings.data) setRequired(settings.data.required);
  }, [settings.data]);

  if (settings.error) return <View className="page list-state list-state--error">{settings.error.message}</View>;
  if (!settings.data || !required) return <View className="page list-state">正在加载…</View>;
  const current = settings.data;

  const toggle = (kind: ReviewKind, on: boolean) => setRequired(on ? REVIEW_KINDS.filter((k) => k === kind || required.includes(k)) : required.filter((k) => k !== kind));

  async function save() {
    const dropped = current.required.filter((k) => !required!.includes(k));
    if (dropped.length) {
      // Switching review off lets one person's act reach residents or applicants unchecked: say so first.
      const { confirm } = await Taro.showModal({
        title: '确认取消审核',
        content: `取消后，${dropped.map((k) => `${REVIEW_KIND_LABELS[k]}（送达${REVIEW_KIND_AUDIENCE[k]}）`).join('、')}将由经办人直接发出，不再经第二人审核。`,
        confirmText: '确认取消',
      });
      if (!confirm) return;
    }
    setBusy(true);
    try {
      const saved = await call('reviews', 'saveSettings', { version: current.version, required: required! });
      settings.setData(saved);
      void Taro.showToast({ title: '已保存', icon: 'none' });
    } catch (e) {
      void Taro.showModal({ title: '未能保存', content: messageOf(e), showCancel: false });
    } finally {
      setBusy(false);
    }
  }

  return (
    <View className={`page ${elder}`}>
      <Text className="review__notice">《政府信息公开条例》第十七条要求建立公开审查机制。打开的事项须由提交人以外的审核人员（或管理员）审核通过后才发出；审核期间答复期限照常计算。</Text>
      <View className="menu">
        {REVIEW_KINDS.map((kind) => (
          <View key={kind} className="menu__item" data-testid={`review-setting-${kind}`}>
            <Text>{REVIEW_KIND_LABELS[kind]}（{REVIEW_KIND_AUDIENCE[kind]}）</Text>
            <Switch checked={required.includes(kind)} onChange={(e) => toggle(kind, e.detail.value)} color="#b71c1c" aria-label={`${REVIEW_KIND_LABELS[kind]}须经审核`} nativeProps={{ "aria-label": `${REVIEW_KIND_LABELS[kind]}须经审核` }} />
          </View>
        ))}
      </View>
      <Button className="btn btn--primary" disabled={busy || undefined} onClick={() => void save()} data-testid="review-settings-save">
        保存
      </Button>
    </View>
  );
}
