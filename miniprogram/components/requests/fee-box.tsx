import { Text, View } from '@tarojs/components';
import { DetailRow } from '../detail-row';
import type { FeeView } from '../../../shared/requests/request-types';

const STATE_TEXT: Record<FeeView['state'], string> = {
  awaiting: '待缴费',
  paid: '已缴费',
  waived: '已决定免收',
  lapsed: '逾期未缴费，申请已终止',
};

/**
 * The processing fee (条例 Art. 42) on a request's page, for the applicant and for staff alike: the
 * amount, how it was computed, the last day to pay and whether it was paid. While it awaits payment
 * the applicant reads what happens if they do not pay.
 */
export function FeeBox({ fee }: { fee: FeeView | null }) {
  if (!fee) return null;
  const provisional = fee.deadlineProvisional ? '（暂定）' : '';
  return (
    <View className="card" data-testid="fee">
      <Text className="section-title">信息处理费（条例第四十二条）</Text>
      {fee.state === 'awaiting' ? (
        <Text className="notice-box" data-testid="fee-due">
          请于 {fee.deadlineOn}{provisional} 前缴纳信息处理费 {fee.amount} 元（缴费方式见收费通知）。缴费前答复期限暂停计算；逾期未缴纳的，视为放弃申请。
        </Text>
      ) : null}
      <DetailRow label="状态" value={STATE_TEXT[fee.state]} />
      <DetailRow label="应缴金额" value={`${fee.amount} 元${fee.amount < fee.computedAmount && !fee.waived ? `（按标准 ${fee.computedAmount} 元，已减收）` : ''}`} />
      <DetailRow label="计收方式" value={fee.methodLabel} />
      {!fee.waived ? <DetailRow label="缴费期限" value={`${fee.deadlineOn}${provisional}（收费通知之日 ${fee.noticeOn} 起 20 个工作日）`} /> : null}
      {fee.paidOn ? <DetailRow label="缴费日期" value={fee.paidOn} /> : null}
      <View className="explain" data-testid="fee-computation">
        {fee.computation.map((line, i) => (
          <Text key={i} className="explain__line">{line}</Text>
        ))}
      </View>
    </View>
  );
}
