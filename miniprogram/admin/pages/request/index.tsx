import { Text, View } from '@tarojs/components';
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro';
import { DetailRow } from '../../../components/detail-row';
import { DueBox, LetterLinks, ReplyBox, Timeline } from '../../../components/requests/request-progress';
import { ReasonsBox } from '../../../components/requests/reasons-box';
import { SupplementAnswer } from '../../../components/requests/supplement-answer';
import { FeeBox } from '../../../components/requests/fee-box';
import { RequestStatusTag } from '../../../components/requests/request-status';
import { useManagedRequest } from '../../../hooks/use-request';
import { departmentNameIn, useDepartmentList } from '../../../hooks/use-department-names';
import { go, routes } from '../../../navigation';
import { CaseRequestLink } from '../../../components/inquiries/case-request-link';
import {
  APPLICANT_TYPE_LABELS,
  CHANNEL_LABELS,
  CONSULTED_PARTY_LABELS,
  DELIVERY_METHOD_LABELS,
  ID_TYPE_LABELS,
  INFORMATION_FORM_LABELS,
  ORG_KIND_LABELS,
} from '../../../../shared/requests/request-schema';
import { formatBeijingDateTime } from '../../../../shared/time/beijing-time';
import { StaffLink } from '../../components/staff-link';
import { RequestActions } from '../../components/request-actions';
import { RequestReview } from '../../components/request-review';
import { StaffLoadState } from '../../components/staff-load-state';
import '../../../components/requests/requests.css';

/**
 * Staff: one request in full (personal data unmasked: the server records the
 * view), its deadline and how it was reached, every event, and the actions
 * the workflow allows now.
 */
export default function AdminRequestPage() {
  const id = useRouter().params.id ?? '';
  const { request, error, reload, busy, run } = useManagedRequest(id);
  const departmentList = useDepartmentList();
  const departments = departmentList ?? [];
  usePullDownRefresh(() => {
    void reload().finally(() => Taro.stopPullDownRefresh());
  });

  // Loaded before and not found now: it was handed to a department the clerk is not in (or registered into one).
  if (request && error?.code === 'REQUEST_NOT_FOUND') {
    return (
      <View className="page request-page list-state" data-testid="request-handed-on">
        <Text>该申请已由其他部门承办，您不能再查看。</Text>
        <Text className="hint">{error.message}</Text>
      </View>
    );
  }
  if (!request) return <StaffLoadState error={error} reload={reload} what="件申请" back={{ label: '返回申请办理', url: routes.adminRequests() }} />;
  const r = request;
  const a = r.applicant;

  return (
    <View className="page request-page" data-testid="admin-request">
      <View className="card">
        <View className="request-card__head">
          <Text className="request-card__number" data-testid="tracking-number">{r.trackingNumber}</Text>
          <RequestStatusTag status={r.status} />
        </View>
        <DetailRow label="来源" value={CHANNEL_LABELS[r.channel]} />
        <DetailRow label="提交时间" value={formatBeijingDateTime(r.submittedAt)} />
        {r.fromCase ? <CaseRequestLink testId="request-from-case" text={`由咨询 ${r.fromCase.caseNumber} 转为申请`} url={routes.adminInquiry(r.fromCase.id)} /> : null}
        <View data-testid="request-department">
          <DetailRow label="承办部门" value={r.departmentId ? departmentNameIn(departmentList, r.departmentId) : r.status === 'submitted' ? '待受理时确定' : '未分配（请转交承办部门）'} />
        </View>
        {r.waitingSince ? <DetailRow label="待受理" value={`自 ${formatBeijingDateTime(r.waitingSince)} 起（条例第三十一条：网上申请以双方确认之日为收到之日，请及时受理）`} /> : null}
      </View>

      <View className="card" data-testid="applicant">
        <Text className="section-title">申请人</Text>
        <DetailRow label="类型" value={a.type === 'organization' && a.orgKind ? `${APPLICANT_TYPE_LABELS[a.type]}（${ORG_KIND_LABELS[a.orgKind]}）` : APPLICANT_TYPE_LABELS[a.type]} />
        <DetailRow label={a.type === 'person' ? '姓名' : '名称'} value={a.name} />
        <DetailRow label={a.idType ? ID_TYPE_LABELS[a.idType] : '证件号码'} value={a.idNumber} />
        <DetailRow label="统一社会信用代码" value={a.creditCode} />
        <DetailRow label="手机号码" value={a.phone} />
        <DetailRow label="电子邮箱" value={a.email} />
        <DetailRow label="通信地址" value={a.address} />
      </View>

      <View className="card">
        <Text className="section-title">所需信息</Text>
        <DetailRow label="描述" value={r.information.description} />
        <DetailRow label="信息名称" value={r.information.title} />
        <DetailRow label="文号" value={r.information.docNumber} />
        <DetailRow label="用途" value={r.purpose} />
        <DetailRow label="获取方式" value={`${INFORMATION_FORM_LABELS[r.form]}，${DELIVERY_METHOD_LABELS[r.delivery]}`} />
      </View>

      <DueBox request={r} />

      {r.supplement && (
        <View className="card" data-testid="supplement">
          <Text className="section-title">补正</Text>
          <DetailRow label="告知日期" value={r.supplement.requestedOn} />
          <DetailRow label="补正期限" value={`${r.supplement.deadlineOn}（${r.supplement.workingDays}个工作日）`} />
          <DetailRow label="补正事项" value={r.supplement.items.map((item, i) => `${i + 1}. ${item}`).join('\n')} />
          {r.supplement.answer ? <SupplementAnswer supplement={r.supplement} requestId={r.id} /> : <DetailRow label="申请人补正" value="尚未补正" />}
        </View>
      )}
      {r.consultations.length > 0 && (
        <View className="card" data-testid="consultations">
          <Text className="section-title">征求意见（不计入答复期限）</Text>
          {r.consultations.map((c, i) => (
            <DetailRow
              key={i}
              label={`${CONSULTED_PARTY_LABELS[c.party]}`}
              value={`${c.partyName}：${c.matter}\n${c.startedOn} 起${c.answerDueOn ? `，应于 ${c.answerDueOn} 前答复` : ''}${c.endedOn ? `\n${c.endedOn} 结束：${c.outcome ?? ''}` : '\n尚未结束'}`}
            />
          ))}
        </View>
      )}
      {r.extension && (
        <View className="card" data-testid="extension">
          <Text className="section-title">延期</Text>
          <DetailRow label="延长" value={`${r.extension.workingDays}个工作日（${r.extension.on}）`} />
          <DetailRow label="批准人" value={r.extension.approver} />
          <DetailRow label="理由" value={r.extension.reason} />
        </View>
      )}
      <ReasonsBox request={r} />
      <FeeBox fee={r.fee} />
      {r.reply ? <ReplyBox reply={r.reply} requestId={r.id} /> : null}

      <RequestReview request={r} />
      <RequestActions request={r} run={run} busy={busy} departments={departments} reload={reload} />

      <StaffLink label="通知送达情况（站内消息、微信订阅消息）" url={routes.adminDeliveries(r.id)} testId="request-deliveries" />
      <LetterLinks letters={r.letters} onOpen={(i) => go(routes.adminRequestLetter(r.id, i))} />
      <Timeline entries={r.timeline} />
    </View>
  );
}
