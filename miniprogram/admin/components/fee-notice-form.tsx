import { Button, Text, View } from '@tarojs/components';
import { useState } from 'react';
import { call } from '../../api/call';
import { ChoiceGroup } from '../../components/requests/choice-group';
import { useValidatedForm } from '../../hooks/use-validated-form';
import { FEE_METHODS, FEE_METHOD_LABELS, FEE_PAYMENT_WORKING_DAYS, FEE_UNIT_LABELS, type FeeMethod } from '../../../shared/requests/processing-fee';
import { AskFeeSchema } from '../../../shared/requests/request-schema';
import type { FeeQuote, RequestView } from '../../../shared/requests/request-types';
import { ActionCard, type Run } from './request-action-form';
import { FormField, TextField } from './form-field';

type Relief = 'none' | 'reduce' | 'waive';
const RELIEF_OPTIONS: ReadonlyArray<{ value: Relief; label: string }> = [
  { value: 'none', label: '按标准收费' },
  { value: 'reduce', label: '减收' },
  { value: 'waive', label: '免收' },
];

/**
 * 收费通知 (条例 Art. 42): one form, then a confirmation. The clerk picks 按件 or 按量 and the count
 * (and any 减收 / 免收 with its reason); the server computes the amount from the applicant's month
 * (`quoteFee`), and the card shows it, how it was reached and to whom the notice goes before
 * anything is sent (`askFee`).
 */
export function FeeNoticeForm(props: { request: RequestView; run: Run; busy: boolean }) {
  const { request, run } = props;
  const [method, setMethod] = useState<FeeMethod>('perPage');
  const [units, setUnits] = useState('');
  const [relief, setRelief] = useState<Relief>('none');
  const [reducedTo, setReducedTo] = useState('');
  const [reason, setReason] = useState('');
  const [quote, setQuote] = useState<FeeQuote | null>(null);
  const form = useValidatedForm<typeof AskFeeSchema, unknown, unknown>({
    schema: AskFeeSchema,
    submit: (data): Promise<unknown> => run('askFee', data as never, relief === 'waive' ? '已记录免收决定' : '已发出收费通知', (fields) => form.setErrors(fields)),
  });
  const { errors } = form;
  const busy = props.busy || form.busy;

  const input = () => ({
    id: request.id,
    version: request.version,
    method,
    units: Number(units),
    ...(relief === 'waive' ? { waive: true } : {}),
    ...(relief === 'reduce' ? { reducedTo: Number(reducedTo) } : {}),
    ...(relief !== 'none' || reason.trim() ? { reason: reason.trim() } : {}),
  });

  // Check the form, then ask the server what the notice would charge: the confirmation shows it.
  function review() {
    const data = form.validate(input());
    if (!data) return;
    void form.send(() => call('requests', 'quoteFee', { id: request.id, method, units: Number(units) }), { onDone: setQuote });
  }
  const edit = (change: () => void) => {
    change();
    setQuote(null);
  };

  const unit = FEE_UNIT_LABELS[method];
  const charged = quote ? (relief === 'waive' ? 0 : relief === 'reduce' ? Number(reducedTo) : quote.amount) : 0;
  return (
    <ActionCard title="收费通知（信息处理费）" testId="action-askFee">
      <Text className="hint">
        申请数量或频次明显超过合理范围的，可以收取信息处理费（条例第四十二条；《政府信息公开信息处理费管理办法》）：按件计收以申请人本自然月内的申请件数计，10 件以内不收费；按量计收以本申请提供的页数计，30 页以内不收费。同一申请人不得同时按两种方式计收。申请人应在 {FEE_PAYMENT_WORKING_DAYS} 个工作日内缴纳，缴费前答复期限暂停计算。
      </Text>
      <FormField label="计收方式" required error={errors.method}>
        <ChoiceGroup name="feeMethod" options={FEE_METHODS.map((m) => ({ value: m, label: FEE_METHOD_LABELS[m] }))} value={method} onChange={(v) => edit(() => setMethod(v))} />
      </FormField>
      <FormField label={method === 'perItem' ? '本申请计件数（一事一申请）' : '提供的信息页数'} required error={errors.units}>
        <TextField name="feeUnits" keyboard="number" value={units} onChange={(v) => edit(() => setUnits(v))} placeholder={method === 'perItem' ? '通常为 1' : '例如 50'} />
      </FormField>
      <FormField label="减免" error={errors.waive}>
        <ChoiceGroup name="feeRelief" options={RELIEF_OPTIONS} value={relief} onChange={(v) => edit(() => setRelief(v))} />
      </FormField>
      {relief === 'reduce' ? (
        <FormField label="减收后金额（元）" required error={errors.reducedTo}>
          <TextField name="feeReducedTo" value={reducedTo} onChange={(v) => edit(() => setReducedTo(v))} />
        </FormField>
      ) : null}
      {relief !== 'none' ? (
        <FormField label="减免理由" required error={errors.reason}>
          <TextField name="feeReason" multiline value={reason} onChange={(v) => edit(() => setReason(v))} />
        </FormField>
      ) : null}

      {quote ? (
        <View className="notice-box" data-testid="fee-confirmation">
          <Text data-testid="fee-confirmation-summary">
            {relief === 'waive'
              ? `对 ${quote.applicantName} 的本申请决定免收信息处理费（按标准应缴 ${quote.amount} 元），不发出收费通知。`
              : `向 ${quote.applicantName} 发出收费通知：${quote.methodLabel} ${quote.units} ${unit}，应缴 ${charged} 元${relief === 'reduce' ? `（按标准 ${quote.amount} 元，减收）` : ''}，自通知之日起 ${FEE_PAYMENT_WORKING_DAYS} 个工作日内缴纳。`}
          </Text>
          <View className="explain">
            {quote.computation.map((line, i) => (
              <Text key={i} className="explain__line">{line}</Text>
            ))}
            {quote.conflict ? <Text className="explain__line">本月已对该申请人{FEE_METHOD_LABELS[quote.conflict]}，不能改用{quote.methodLabel}。</Text> : null}
            {quote.amount === 0 ? <Text className="explain__line">按标准计算不收费，不能发出收费通知。</Text> : null}
          </View>
          <View className="form__actions">
            <Button className="btn btn--plain" onClick={() => setQuote(null)} data-testid="fee-back">返回修改</Button>
            <Button
              className="btn btn--primary"
              disabled={busy || quote.amount === 0 || quote.conflict !== null || undefined}
              onClick={() => void form.submit(input())}
              data-testid="do-askFee"
            >
              {relief === 'waive' ? '确认免收' : '确认发出收费通知'}
            </Button>
          </View>
        </View>
      ) : (
        <Button className="btn btn--primary btn--block" disabled={busy || undefined} onClick={review} data-testid="review-askFee">
          计算金额并确认
        </Button>
      )}
    </ActionCard>
  );
}
