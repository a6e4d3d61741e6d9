import { Button, Image, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { call, messageOf } from '../../../api/call';
import { useRemote } from '../../../hooks/use-remote';
import type { IssuedVisit, RatingQr } from '../../../../shared/ratings/ratings-types';
import { formatBeijingDateTime } from '../../../../shared/time/beijing-time';
import { routes } from '../../../navigation';
import { StaffLoadState } from '../../components/staff-load-state';
import { askFirst } from '../../ask-first';
import { visitCodeConfirmation } from '../../../../shared/ratings/window-confirmations';
import '../../../rating/rating.css';

/** In the H5 build the QR should lead back to this very server; in WeChat the code opens the mini-program. */
function currentOrigin(): string | undefined {
  return process.env.TARO_ENV === 'h5' && typeof window !== 'undefined' ? window.location.origin : undefined;
}

/**
 * Staff: 「生成评价码」 — a single-use code for the service just completed,
 * shown as a QR for the resident to scan; or the window's own QR to print
 * and put up (one rating per resident per day). Neither shows the link the code carries: a printed
 * address of a local server is useless to a resident, and the window's internal id means nothing to one.
 */
export default function WindowQrPage() {
  const { id = '', mode } = useRouter().params;
  const window = useRemote(() => call('windows', 'get', { id }), [id]);
  const [serviceId, setServiceId] = useState<string | undefined>(undefined);
  const [visit, setVisit] = useState<{ issued: IssuedVisit; qr: RatingQr } | null>(null);
  const [busy, setBusy] = useState(false);
  const windowQr = useRemote(() => (mode === 'window' ? call('windows', 'qrcode', { windowId: id, origin: currentOrigin() }) : Promise.resolve(null)), [id, mode]);

  /** A code counts for the window and service it names and cannot be taken back: it asks first. */
  async function issue() {
    if (busy || !window.data) return;
    const service = window.data.services.find((s) => s.id === serviceId);
    if (!(await askFirst(visitCodeConfirmation(window.data.name, service?.name ?? null)))) return;
    setBusy(true);
    try {
      const issued = await call('windows', 'issueVisit', { windowId: id, serviceId, origin: currentOrigin() });
      const qr = await call('windows', 'qrcode', { visitCode: issued.visitCode, origin: currentOrigin() });
      setVisit({ issued, qr });
    } catch (e) {
      await Taro.showToast({ title: messageOf(e), icon: 'none' });
    } finally {
      setBusy(false);
    }
  }

  if (!window.data) return <StaffLoadState error={window.error} reload={window.reload} what="个服务窗口" back={{ label: '返回服务窗口', url: routes.adminWindows() }} />;
  const w = window.data;

  if (mode === 'window') {
    return (
      <View className="page page--paper">
        <View className="qr" data-testid="window-qr">
          <Text className="done__title">{w.name}</Text>
          <Text className="rate-target__meta">{w.departmentName} · {w.location}</Text>
          {windowQr.data ? <Image className="qr__image" src={windowQr.data.image} mode="aspectFit" nativeProps={{ alt: "窗口评价二维码" }} /> : <Text>{windowQr.error?.message ?? '正在生成…'}</Text>}
          <Text className="done__title">办完事，扫一扫，评一评</Text>
          <Text className="hint">每人每天可对本窗口评价一次。您的评价将用于改进服务，差评我们会联系您核实整改。</Text>
          <Button className="btn btn--primary no-print" onClick={() => (process.env.TARO_ENV === 'h5' ? globalThis.print?.() : Taro.showToast({ title: '请长按图片保存后打印', icon: 'none' }))}>打印</Button>
        </View>
      </View>
    );
  }

  return (
    <View className="page">
      <View className="card">
        <Text className="rating-card__title">{w.name}</Text>
        <Text className="hint">选择本次办理的事项（可不选），点「生成评价码」，请居民用微信扫码评价。评价码仅能使用一次，7 天内有效。</Text>
        <View className="tags">
          {w.services.map((s) => (
            <Text role="button" aria-pressed={serviceId === s.id} tabIndex={0} key={s.id} className={`tag ${serviceId === s.id ? 'tag--selected' : ''}`} onClick={() => setServiceId(serviceId === s.id ? undefined : s.id)} data-testid="visit-service">
              {s.name}
            </Text>
          ))}
        </View>
        <Button className="btn btn--primary btn--block" disabled={busy || undefined} onClick={() => void issue()} data-testid="generate-visit">
          {visit ? '再生成一个' : '生成评价码'}
        </Button>
      </View>
      {visit && (
        <View className="card qr" data-testid="visit-qr">
          <Image className="qr__image" src={visit.qr.image} mode="aspectFit" nativeProps={{ alt: "本次服务评价二维码" }} />
          <Text className="qr__code" data-testid="visit-code">{visit.issued.visitCode}</Text>
          {visit.issued.serviceName && <Text className="rate-target__meta">{visit.issued.serviceName}</Text>}
          <Text className="rate-target__meta">有效期至 {formatBeijingDateTime(visit.issued.expiresAt)}</Text>
        </View>
      )}
    </View>
  );
}
