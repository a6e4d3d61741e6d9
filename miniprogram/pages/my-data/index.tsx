import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState, type PropsWithChildren } from 'react';
import type { ErasureReport, PersonalDataExport } from '../../../shared/privacy/personal-data';
import { formatBeijingDateTime } from '../../../shared/time/beijing-time';
import { call, messageOf } from '../../api/call';
import { useElderClass } from '../../elder-mode';
import { useRemote } from '../../hooks/use-remote';
import { go, routes } from '../../navigation';
import { clearPhoneOnlyData, phoneOnlyDataPresent } from '../../privacy/phone-only-data';
import { PrivacyPopup } from '../../privacy/privacy-popup';

/**
 * 我的 → 个人信息: everything the bureau holds about me (me.data), a copy as JSON (me.export), and
 * deletion (me.erase) after a confirmation that says what goes, what stays and why. This page is
 * also the readable form of the export. Main package: plain calls, no schema library.
 */
export default function MyDataPage() {
  const elder = useElderClass();
  const { data, error, loading, reload } = useRemote(() => call('me', 'data', {}), []);
  const [exported, setExported] = useState<PersonalDataExport | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [erased, setErased] = useState<ErasureReport | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);

  const exportJson = async () => {
    setBusy(true);
    try {
      const out = await call('me', 'export', {});
      setExported(out);
      downloadInBrowser(out);
      void Taro.showToast({ title: '已导出', icon: 'success' });
    } catch (e) {
      void Taro.showToast({ title: messageOf(e), icon: 'none' });
    } finally {
      setBusy(false);
    }
  };

  const erase = async () => {
    setBusy(true);
    setRefusal(null);
    try {
      const report = await call('me', 'erase', { confirm: true });
      clearPhoneOnlyData();
      setErased(report);
      setConfirming(false);
      setExported(null);
      void Taro.showToast({ title: '已删除', icon: 'success' });
      await reload();
    } catch (e) {
      setRefusal(messageOf(e));
    } finally {
      setBusy(false);
    }
  };

  if (error && !data) {
    return (
      <View className={`page ${elder}`}>
        <View className="list-state list-state--error" data-testid="my-data-error">
          <Text>{error.message}</Text>
          <Button className="btn btn--plain" onClick={() => void reload()}>重新加载</Button>
        </View>
      </View>
    );
  }
  if (!data || (loading && !data)) return <View className={`page ${elder}`}><View className="list-state" data-testid="list-loading">正在加载…</View></View>;

  const onPhone = phoneOnlyDataPresent();
  const openRequests = data.requests.filter((r) => r.open).length + data.inquiries.filter((c) => c.open).length;
  const otherCount =
    data.noticesRead.length + data.helpful.length + data.files.length + data.limits.length +
    (data.notifications > 0 ? 1 : 0) + (data.wechatDeliveries > 0 ? 1 : 0) + (data.submissionKeys > 0 ? 1 : 0);

  return (
    <View className={`page ${elder}`} data-testid="my-data">
      <PrivacyPopup />
      {erased && (
        <View className="card" data-testid="my-data-erased">
          <Text className="my-data__title">已删除您的个人信息</Text>
          <Text className="my-data__line">
            匿名保留：申请 {erased.anonymised.requests} 件、咨询投诉 {erased.anonymised.inquiries} 件、评价 {erased.anonymised.ratings} 条、意见 {erased.anonymised.opinions} 条；
            已删除：订阅 {erased.removed.subscriptions} 项、消息 {erased.removed.inbox} 条、微信授权 {erased.removed.grants} 项。
          </Text>
        </View>
      )}

      <View className="card">
        <Text className="my-data__line">以下是本机关保存的关于您的全部信息（截至 {data.asOf.slice(0, 10)}），只有您本人能看到完整内容。</Text>
        <View className="my-data__actions">
          <Button className="btn btn--primary" disabled={busy || undefined} onClick={() => void exportJson()} data-testid="my-data-export">导出（JSON 文件）</Button>
          <Button className="btn btn--plain" onClick={() => go(routes.privacyPolicy())} data-testid="my-data-policy">隐私政策</Button>
        </View>
        {exported && <ExportResult exported={exported} />}
      </View>

      <Section title={`政府信息公开申请（${data.requests.length}）`} testId="my-data-requests" empty="没有申请" count={data.requests.length}>
        {data.requests.map((r) => (
          <View key={r.id} className="my-data__item">
            <Text className="my-data__strong">{r.trackingNumber} · {r.statusLabel}</Text>
            <Text className="my-data__line">申请人：{r.applicant.name}{r.applicant.idNumber ? `，证件号码 ${r.applicant.idNumber}` : ''}{r.applicant.creditCode ? `，统一社会信用代码 ${r.applicant.creditCode}` : ''}</Text>
            <Text className="my-data__line">电话：{r.applicant.phone}{r.applicant.email ? `，邮箱 ${r.applicant.email}` : ''}{r.applicant.address ? `，地址 ${r.applicant.address}` : ''}</Text>
            <Text className="my-data__line">所需信息：{r.information.title || r.information.description}</Text>
            {r.reply && <Text className="my-data__line">答复：{r.reply.categoryLabel}（{r.reply.on}）</Text>}
          </View>
        ))}
      </Section>

      <Section title={`咨询与投诉（${data.inquiries.length}）`} testId="my-data-inquiries" empty="没有咨询或投诉" count={data.inquiries.length}>
        {data.inquiries.map((c) => (
          <View key={c.caseNumber} className="my-data__item">
            <Text className="my-data__strong">{c.caseNumber} · {c.kind} · {c.statusLabel}</Text>
            <Text className="my-data__line">{c.topic}：{c.text}</Text>
            {c.contact && <Text className="my-data__line">联系人：{c.contact.name ?? '—'}，电话 {c.contact.phone ?? '—'}</Text>}
            {c.rating && <Text className="my-data__line">您对答复的评价：{c.rating.helpful ? '有帮助' : '没帮助'}{c.rating.reason ? `（${c.rating.reason}）` : ''}</Text>}
          </View>
        ))}
      </Section>

      <Section title={`评价（${data.ratings.length}）`} testId="my-data-ratings" empty="没有评价" count={data.ratings.length}>
        {data.ratings.map((r, i) => (
          <View key={i} className="my-data__item">
            <Text className="my-data__strong">{r.windowName} · {r.level}</Text>
            {r.comment && <Text className="my-data__line">{r.comment}</Text>}
            {(r.contactName || r.contactPhone) && <Text className="my-data__line">留下的联系方式：{r.contactName} {r.contactPhone}</Text>}
            {r.followUp && (
              <Text className="my-data__line">
                差评整改：{r.followUp.statusLabel}{r.followUp.answer ? `，答复：${r.followUp.answer}` : ''}
                {r.followUp.feedback ? `；您的意见：${r.followUp.feedback.solved ? '已解决' : '未解决'}${r.followUp.feedback.note ? `（${r.followUp.feedback.note}）` : ''}` : ''}
              </Text>
            )}
          </View>
        ))}
      </Section>

      <Section title={`征求意见留言（${data.opinions.length}）`} testId="my-data-opinions" empty="没有留言" count={data.opinions.length}>
        {data.opinions.map((o, i) => (
          <View key={i} className="my-data__item">
            <Text className="my-data__strong">{o.noticeTitle} · {o.status}</Text>
            <Text className="my-data__line">{o.text}</Text>
          </View>
        ))}
      </Section>

      <Section title={`订阅与微信提醒（${data.subscriptions.length + data.unsubscribed.length + data.grants.length}）`} testId="my-data-subscriptions" empty="没有订阅" count={data.subscriptions.length + data.unsubscribed.length + data.grants.length}>
        {data.subscriptions.map((s, i) => <Text key={`s${i}`} className="my-data__line">订阅：{s.label}</Text>)}
        {data.unsubscribed.map((s, i) => <Text key={`u${i}`} className="my-data__line">已退订：{s.label}</Text>)}
        {data.grants.map((g, i) => <Text key={`g${i}`} className="my-data__line">微信提醒授权：{g.label}{g.kind === 'oneTime' ? `（剩余 ${g.remaining} 次）` : g.remaining > 0 ? '（已开启）' : ''}</Text>)}
      </Section>

      <Section title={`消息（${data.inbox.length}）`} testId="my-data-inbox" empty="没有消息" count={data.inbox.length + (data.readMarks?.length ?? 0)}>
        {data.inbox.slice(-20).reverse().map((m, i) => <Text key={i} className="my-data__line">{m.createdAt.slice(0, 10)} {m.title}</Text>)}
        {data.inbox.length > 20 && <Text className="my-data__note">仅显示最近 20 条，导出文件包含全部</Text>}
        {/* Bulletins are kept once for all subscribers; what is the resident's own is which ones they read. */}
        {(data.readMarks?.length ?? 0) > 0 && <Text className="my-data__line">公告已读记录 {data.readMarks.length} 条（导出文件包含全部）</Text>}
      </Section>

      <Section title={`其他记录（${otherCount}）`} testId="my-data-other" empty="没有" count={otherCount}>
        {data.noticesRead.map((v, i) => <Text key={`v${i}`} className="my-data__line">阅读记录：{v.day} {v.noticeTitle}</Text>)}
        {data.helpful.map((h, i) => <Text key={`h${i}`} className="my-data__line">常见问题“有帮助”：{h.question}</Text>)}
        {data.files.map((f, i) => <Text key={`f${i}`} className="my-data__line">上传的附件：{f.name}（{Math.max(1, Math.round(f.sizeBytes / 1024))} KB）</Text>)}
        {data.limits.map((l, i) => <Text key={`l${i}`} className="my-data__line">防止频繁操作的计数：{l.what} {l.count} 次（{formatBeijingDateTime(l.until)} 后清除）</Text>)}
        {data.notifications > 0 && <Text className="my-data__line">发给您的通知记录：{data.notifications} 条</Text>}
        {data.wechatDeliveries > 0 && <Text className="my-data__line">微信提醒发送记录：{data.wechatDeliveries} 条</Text>}
        {data.submissionKeys > 0 && <Text className="my-data__line">防止重复提交的记录：{data.submissionKeys} 条（不含内容）</Text>}
      </Section>

      <Section title="仅保存在本手机" testId="my-data-phone" empty="没有" count={onPhone.length}>
        {onPhone.map((label) => <Text key={label} className="my-data__line">{label}</Text>)}
      </Section>

      <View className="card" data-testid="my-data-erase-card">
        {!confirming ? (
          <Button className="btn btn--danger btn--block" onClick={() => setConfirming(true)} data-testid="my-data-erase">删除我的个人信息</Button>
        ) : (
          <View data-testid="my-data-erase-confirm">
            <Text className="my-data__title">删除前请确认</Text>
            <Text className="my-data__strong">将删除：</Text>
            <Text className="my-data__line">· 申请、咨询投诉中的姓名、证件号码、电话、地址、邮箱和您账号的关联；文字中出现的这些信息一并删除</Text>
            <Text className="my-data__line">· 全部订阅、微信提醒授权、消息和通知记录，以及本手机上的申请草稿和搜索记录</Text>
            <Text className="my-data__line">· 阅读记录、常见问题“有帮助”、防止频繁操作的计数和防止重复提交的记录</Text>
            <Text className="my-data__line">· 附件与您的关联（附件作为申请材料随申请保留）</Text>
            <Text className="my-data__line">· 评价和留言与您的关联，以及评价中留下的联系方式</Text>
            <Text className="my-data__strong">将匿名保留（不再能识别您）：</Text>
            <Text className="my-data__line">
              · 每件申请的办理记录（编号、申请人类型、收到和办结日期、所需信息、答复及其类别）：《政府信息公开条例》第四十五条要求记录并保存办理全过程，第五十条年度报告须统计申请数量和办理结果
            </Text>
            <Text className="my-data__line">· 咨询投诉的办理记录；评价的等级（计入服务评价统计）；已公开的意见（属于征求意见的记录）</Text>
            <Text className="my-data__line">删除后无法恢复，也无法再在“我的申请”中查看这些申请。</Text>
            {openRequests > 0 && <Text className="my-data__warn">您还有 {openRequests} 件尚未办结，须在答复或撤回后才能删除。</Text>}
            {refusal && <Text className="my-data__warn" data-testid="my-data-erase-refused">{refusal}</Text>}
            <View className="my-data__actions">
              <Button className="btn btn--plain" onClick={() => setConfirming(false)} data-testid="my-data-erase-cancel">取消</Button>
              <Button className="btn btn--danger" disabled={busy || undefined} onClick={() => void erase()} data-testid="my-data-erase-confirm-button">确认删除</Button>
            </View>
          </View>
        )}
      </View>
    </View>
  );
}

function Section(props: PropsWithChildren<{ title: string; testId: string; empty: string; count: number }>) {
  return (
    <View className="card" data-testid={props.testId}>
      <Text className="my-data__title">{props.title}</Text>
      {props.count > 0 ? props.children : <Text className="my-data__note">{props.empty}</Text>}
    </View>
  );
}

/**
 * A browser saves the file at once. WeChat cannot save a file where the resident finds it, so it is
 * written to the app's own folder and sent to a chat (shareFileMessage, allowed only straight from a tap).
 */
function ExportResult(props: { exported: PersonalDataExport }) {
  const { exported } = props;
  const sendToChat = () => {
    const fs = Taro.getFileSystemManager();
    const filePath = `${Taro.env.USER_DATA_PATH}/${exported.filename}`;
    fs.writeFileSync(filePath, exported.json, 'utf8');
    void Taro.shareFileMessage({ filePath, fileName: exported.filename }).catch(() => Taro.showToast({ title: '未能发送文件，请稍后重试', icon: 'none' }));
  };
  return (
    <View className="my-data__export" data-testid="my-data-export-result">
      <Text className="my-data__line">已生成 {exported.filename}</Text>
      {process.env.TARO_ENV === 'weapp' && (
        <Button className="btn btn--primary btn--block" onClick={sendToChat}>发送到微信聊天保存</Button>
      )}
    </View>
  );
}

function downloadInBrowser(exported: PersonalDataExport): void {
  if (process.env.TARO_ENV === 'weapp' || typeof document === 'undefined' || typeof URL.createObjectURL !== 'function') return;
  const url = URL.createObjectURL(new Blob([exported.json], { type: 'application/json;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = exported.filename;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

