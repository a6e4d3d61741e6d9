import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState, type ReactNode } from 'react';
import type { GuideDetails } from '../../shared/notices/notice-schema';

/**
 * A service guide (办事指南) as a resident reads it before going to the
 * window: what kind of case it is and how long it takes up front, then the
 * nine items of 政务九公开 in order, the materials as a checklist to tick
 * off at home, and where to go with a tap to call and a tap for the map.
 */
export function GuideView({ guide }: { guide: GuideDetails }) {
  const immediate = guide.processing.type === 'immediate';
  return (
    <View className="guide" data-testid="guide">
      <View className="guide__facts">
        <View className="guide__fact">
          <Text className={`guide__type guide__type--${guide.processing.type}`} data-testid="guide-processing">
            {immediate ? '即办件' : '承诺件'}
          </Text>
          <Text className="guide__fact-text">
            {guide.processing.type === 'immediate' ? '材料齐全当场办结' : `${guide.processing.workingDays}个工作日内办结`}
          </Text>
        </View>
        <View className="guide__fact">
          <Text className="guide__fact-label">收费</Text>
          <Text className="guide__fact-text">{guide.fees}</Text>
        </View>
      </View>

      <GuideItem n={1} id="approvalItem" title="审批项目">{guide.approvalItem}</GuideItem>
      <GuideItem n={2} id="legalBasis" title="法律依据">{guide.legalBasis}</GuideItem>
      <GuideItem n={3} id="conditions" title="申办条件">{guide.conditions}</GuideItem>
      <GuideItem n={4} id="procedure" title="办理程序">
        <View className="guide__steps">
          {stepsOf(guide.procedure).map((step, i) => (
            <View key={i} className="guide__step">
              <Text className="guide__step-no">{i + 1}</Text>
              <Text className="guide__step-text">{step}</Text>
            </View>
          ))}
        </View>
      </GuideItem>
      <GuideItem n={5} id="timeLimit" title="办理时限">{guide.timeLimit}</GuideItem>
      <GuideItem n={6} id="fees" title="收费标准">{guide.fees}</GuideItem>
      <GuideItem n={7} id="materials" title="申请材料目录">
        <MaterialsChecklist materials={guide.materials} />
      </GuideItem>
      <GuideItem n={8} id="sampleForm" title="申请书示范文本">
        {guide.sampleForm || '示范文本可在办理窗口领取。'}
      </GuideItem>
      <GuideItem n={9} id="contactPhone" title="联系电话">
        <View className="guide__row">
          <Text className="guide__phone">{guide.contactPhone}</Text>
          <Button className="btn btn--small btn--plain" onClick={() => call(guide.contactPhone)} data-testid="guide-call">拨打电话</Button>
        </View>
      </GuideItem>

      <View className="guide__place card" data-testid="guide-location">
        <Text className="guide__item-title">办理地点</Text>
        <Text className="guide__place-line">窗口：{guide.location.window}</Text>
        <Text className="guide__place-line">地址：{guide.location.address}</Text>
        <Text className="guide__place-line">时间：{guide.location.hours}</Text>
        <View className="guide__actions">
          <Button className="btn btn--small btn--primary" onClick={() => openMap(guide.location)} data-testid="guide-map">查看地图</Button>
          <Button className="btn btn--small btn--plain" onClick={() => call(guide.contactPhone)}>电话咨询</Button>
        </View>
      </View>
    </View>
  );
}

function GuideItem(props: { n: number; id: string; title: string; children: ReactNode }) {
  return (
    <View className="guide__item" data-testid={`guide-item-${props.id}`}>
      <Text className="guide__item-title">
        {props.n}. {props.title}
      </Text>
      {typeof props.children === 'string' ? <Text className="guide__item-text">{props.children}</Text> : props.children}
    </View>
  );
}

/** Ticks are for the resident's own preparation and live only on this screen. */
function MaterialsChecklist({ materials }: { materials: string[] }) {
  const [ready, setReady] = useState<boolean[]>(() => materials.map(() => false));
  const count = ready.filter(Boolean).length;
  return (
    <View className="checklist">
      <Text className="checklist__count" data-testid="materials-count">已备齐 {count} / {materials.length} 项</Text>
      {materials.map((m, i) => (
        <View role="button" tabIndex={0}
          key={i}
          className={`checklist__item ${ready[i] ? 'checklist__item--done' : ''}`}
          onClick={() => setReady((r) => r.map((v, j) => (j === i ? !v : v)))}
          data-testid="material"
        >
          <Text className="checklist__box">{ready[i] ? '✓' : ''}</Text>
          <Text className="checklist__text">{m}</Text>
        </View>
      ))}
    </View>
  );
}

/** "1. 提交；2. 受理；3. 审查" → ['提交', '受理', '审查']; text without numbering stays one step. */
export function stepsOf(procedure: string): string[] {
  const steps = procedure
    .split(/(?:^|[；;。\n])\s*\d+\s*[.、．)]\s*/)
    .map((s) => s.replace(/[；;。]\s*$/, '').trim())
    .filter(Boolean);
  return steps.length ? steps : [procedure];
}

function call(phone: string): void {
  const phoneNumber = phone.replace(/[^0-9+]/g, '');
  Taro.makePhoneCall({ phoneNumber }).catch(() => undefined);
}

function openMap(location: GuideDetails['location']): void {
  const { coordinates, window: name, address } = location;
  if (coordinates && process.env.TARO_ENV === 'weapp') {
    Taro.openLocation({ ...coordinates, name, address, scale: 17 }).catch(() => undefined);
    return;
  }
  if (coordinates && process.env.TARO_ENV === 'h5' && typeof window !== 'undefined') {
    const url = `https://uri.amap.com/marker?position=${coordinates.longitude},${coordinates.latitude}&name=${encodeURIComponent(address)}`;
    window.open(url, '_blank', 'noopener');
    return;
  }
  Taro.setClipboardData({ data: address })
    .then(() => Taro.showToast({ title: '地址已复制，可在地图中粘贴搜索', icon: 'none' }))
    .catch(() => undefined);
}
