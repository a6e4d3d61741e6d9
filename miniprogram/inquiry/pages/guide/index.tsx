import { Button, Text, View } from '@tarojs/components';
import { call } from '../../../api/call';
import { CallLine } from '../../../components/inquiries/call-line';
import { DueDateCalculator } from '../../../components/inquiries/due-date-calculator';
import { DetailRow } from '../../../components/detail-row';
import { useElderClass } from '../../../elder-mode';
import { useRemote } from '../../../hooks/use-remote';
import { go, routes } from '../../../navigation';
import { beijingToday } from '../../../../shared/time/beijing-time';
import { NOTICE_KINDS, NOTICE_KIND_TITLES } from '../../../../shared/notices/notice-kinds';
import '../../../components/requests/requests.css';
import '../../../components/inquiries/inquiries.css';
import { usePageShare } from '../../../hooks/use-page-share';

/**
 * 政府信息公开指南 (条例 Art. 12): what the bureau holds, how to apply, the office with its address,
 * hours and lines (tap to call), the catalogue, the remedies; and the deadline calculator.
 */
export default function GuidePage() {
  usePageShare(() => ({ title: '政府信息公开指南', path: routes.disclosureGuide() }));
  const elder = useElderClass();
  const { data: g, error, reload } = useRemote(() => call('guide', 'get', {}), []);
  if (!g) {
    return (
      <View className={`page ${elder} list-state`} data-testid="guide-loading">
        <Text>{error ? error.message : '正在加载…'}</Text>
        {error ? <Button className="btn btn--plain" onClick={() => void reload()}>重新加载</Button> : null}
      </View>
    );
  }
  return (
    <View className={`page ${elder} request-page`} data-testid="guide-page">
      <View className="card">
        <Text className="section-title">联系我们</Text>
        <CallLine label="咨询电话" number={g.inquiryLine} testId="call-inquiry-line" />
        <CallLine label="投诉举报电话" number={g.complaintLine} testId="call-complaint-line" />
        <DetailRow label="办公机构" value={g.office.name} />
        <DetailRow label="办公地址" value={g.office.address} />
        <DetailRow label="办公时间" value={g.office.hours} />
        <CallLine label="办公电话" number={g.office.phone} testId="call-office" />
        {g.office.fax ? <DetailRow label="传真" value={g.office.fax} /> : null}
        {g.office.email ? <DetailRow label="电子邮箱" value={g.office.email} /> : null}
        <Text className="hint">{`咨询一般在 ${g.inquiryWorkingDays} 个工作日内答复，投诉举报在 ${g.complaintWorkingDays} 个工作日内答复。`}</Text>
      </View>
      <View className="form__actions">
        <Button className="btn btn--primary" onClick={() => go(routes.ask())} data-testid="guide-ask">我要咨询</Button>
        <Button className="btn btn--plain" onClick={() => go(routes.faq())}>常见问题</Button>
      </View>
      <Section title="信息分类" text={g.categories} />
      <Section title="申请方法" text={g.howToApply} />
      <Catalogue text={g.catalogue} />
      <Section title="救济途径" text={g.remedies} />
      <DueDateCalculator today={beijingToday(new Date())} />
    </View>
  );
}

/**
 * 主动公开目录 (Art. 12): the admin's words on how the catalogue is arranged, then its categories —
 * the notice kinds — each opening 政务公开 on that kind, so the catalogue is the way in, not a description of it.
 */
function Catalogue({ text }: { text: string }) {
  return (
    <View className="card" data-testid="guide-catalogue">
      <Text className="section-title">主动公开目录</Text>
      {text ? <Text className="guide-text" style={{ whiteSpace: 'pre-wrap' }}>{text}</Text> : null}
      <View className="menu">
        {NOTICE_KINDS.map((kind) => (
          <View role="button" tabIndex={0} key={kind} className="menu__item" onClick={() => go(routes.notices(kind))} data-testid={`catalogue-${kind}`}>
            <Text>{NOTICE_KIND_TITLES[kind]}</Text>
            <Text className="menu__arrow">›</Text>
          </View>
        ))}
        <View role="button" tabIndex={0} className="menu__item" onClick={() => go(routes.notices())} data-testid="catalogue-all">
          <Text>全部主动公开信息</Text>
          <Text className="menu__arrow">›</Text>
        </View>
      </View>
    </View>
  );
}

function Section({ title, text }: { title: string; text: string }) {
  return (
    <View className="card">
      <Text className="section-title">{title}</Text>
      <Text className="guide-text" style={{ whiteSpace: 'pre-wrap' }}>{text}</Text>
    </View>
  );
}
