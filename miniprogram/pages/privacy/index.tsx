import { Button, Text, View } from '@tarojs/components';
import type { PropsWithChildren } from 'react';
import { DEFAULT_RETENTION, RETENTION_BOUNDS, type RetentionSettings } from '../../../shared/privacy/retention';
import { call } from '../../api/call';
import { useElderClass } from '../../elder-mode';
import { useRemote } from '../../hooks/use-remote';
import { go, routes } from '../../navigation';
import { PrivacyPopup } from '../../privacy/privacy-popup';

/**
 * 隐私政策 (个人信息保护法 Arts. 7, 17; WeChat's 用户隐私保护指引): what the app collects, why, how long
 * it is kept (the bureau's own periods, `retention.get`), who sees it, and how to export or delete
 * it. Every form that collects personal data links here. The privacy popup lives here too, for a
 * privacy API called on a page without one.
 */
export default function PrivacyPolicyPage() {
  const elder = useElderClass();
  const { data } = useRemote(() => call('retention', 'get', {}), []);
  const periods: RetentionSettings = data ?? DEFAULT_RETENTION;
  const period = (key: keyof RetentionSettings) => `${periods[key]} ${RETENTION_BOUNDS[key].unit}`;

  return (
    <View className={`page ${elder}`} data-testid="privacy-policy">
      <PrivacyPopup askOnOpen />
      <Part title="一、我们收集哪些信息，为什么收集">
        <Line>· 申请政府信息公开（《政府信息公开条例》第二十九条）：姓名或单位名称、证件号码或统一社会信用代码、手机号码；选择邮寄或电子邮件时的地址、邮箱。用于确认申请人、办理和送达答复。</Line>
        <Line>· 咨询、投诉：您留下的姓名和电话（可不填，匿名投诉不收集），用于回复您。</Line>
        <Line>· 服务评价：您自愿留下的称呼和电话，用于差评整改后的回访。</Line>
        <Line>· 征求意见留言、订阅、消息：与您的微信账号标识（OPENID）关联，只用于向您本人显示和提醒。</Line>
        <Line>· 微信订阅消息授权：您在微信授权框中的选择，用于按次发送提醒。</Line>
        <Line>· 仅保存在您手机上的：填写中的申请草稿、最近的搜索，不上传。</Line>
        <Line>· 使用剪贴板（复制地址、链接）、选择文件时，会先征得您的同意。</Line>
      </Part>
      <Part title="二、保存多久">
        <Line>· {RETENTION_BOUNDS.requestYears.label}：{period('requestYears')}，期满后删除申请人信息，匿名保留办理记录（条例第四十五条）和年度报告统计（第五十条）</Line>
        <Line>· {RETENTION_BOUNDS.inquiryYears.label}：{period('inquiryYears')}</Line>
        <Line>· {RETENTION_BOUNDS.ratingContactDays.label}：{period('ratingContactDays')}，评价等级匿名计入统计</Line>
        <Line>· {RETENTION_BOUNDS.messageDays.label}：{period('messageDays')}</Line>
        <Line>期满后由系统自动匿名化或删除。保存期限由本机关设定并在此公布。</Line>
      </Part>
      <Part title="三、谁能看到">
        <Line>· 您本人：在“我的 → 个人信息”看到全部内容。</Line>
        <Line>· 办理您事项的工作人员：列表中证件号码、电话等只显示部分（如 138****5678）。完整信息只在办理页面显示给承办您申请的部门的办理人员、答复您咨询或投诉的人员、回访您差评的整改人员；审核告知书的公开审查人员看到告知书上的您的姓名。每次查看都记入操作记录。</Line>
        <Line>· 公众：公开的评价只显示匿名或姓氏（如 陈**），公开的意见不显示作者。</Line>
        <Line>· 不向任何第三方提供，法律法规另有规定的除外。</Line>
      </Part>
      <Part title="四、如何查看、导出或删除">
        <Line>在“我的 → 个人信息”中可以查看本机关保存的关于您的全部信息，导出为 JSON 文件，或申请删除。删除时，法律要求保留的办理记录匿名保留，其余全部删除；尚未办结的申请须在答复或撤回后删除。</Line>
        <Button className="btn btn--primary btn--block" onClick={() => go(routes.myData())} data-testid="privacy-my-data">前往 个人信息</Button>
      </Part>
    </View>
  );
}

function Part(props: PropsWithChildren<{ title: string }>) {
  return (
    <View className="card">
      <Text className="my-data__title">{props.title}</Text>
      {props.children}
    </View>
  );
}

function Line(props: PropsWithChildren) {
  return <Text className="my-data__line">{props.children}</Text>;
}
