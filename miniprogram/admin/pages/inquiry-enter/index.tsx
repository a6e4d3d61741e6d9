import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { call } from '../../../api/call';
import { ChoiceGroup } from '../../../components/requests/choice-group';
import { useValidatedForm } from '../../../hooks/use-validated-form';
import { routes } from '../../../navigation';
import { newIdempotencyKey } from '../../../requests/request-draft';
import { EnterSchema } from '../../../../shared/inquiries/inquiry-schema';
import { ENTERED_CHANNELS, INQUIRY_CHANNEL_LABELS, INQUIRY_KIND_LABELS, INQUIRY_KINDS, type EnteredChannel, type InquiryKind } from '../../../../shared/inquiries/inquiry-types';
import { beijingToday, toBeijing } from '../../../../shared/time/beijing-time';
import { DateField, FormField, TextField, TimeField } from '../../components/form-field';
import '../../../components/requests/requests.css';

const CHANNELS = ENTERED_CHANNELS.map((value) => ({ value, label: INQUIRY_CHANNEL_LABELS[value] }));
/** What the person asked, named for how they asked it: a letter is read, not heard. */
const QUESTION_LABELS: Record<EnteredChannel, string> = { phone: '来电人问题', visit: '来访人问题', letter: '来信内容' };
const KINDS = INQUIRY_KINDS.map((value) => ({ value, label: INQUIRY_KIND_LABELS[value] }));

/** A day and a time picked in Beijing → ISO with its offset, as the schema takes it; an unpicked part is sent as it is and refused beside the field. */
const toIso = (day: string, time: string) => (/^\d{4}-\d{2}-\d{2}$/.test(day) && /^\d{2}:\d{2}$/.test(time) ? `${day}T${time}:00+08:00` : `${day} ${time}`.trim());

/**
 * Answerers: a call, a visit or a letter recorded as a case (件件有记录): channel, time, the caller's
 * name and phone if given, the question, and the answer if given on the spot — then it is closed at
 * once, and the hotline's work is counted.
 */
export default function EnterCasePage() {
  const [key] = useState(newIdempotencyKey);
  const [channel, setChannel] = useState<EnteredChannel>('phone');
  const [kind, setKind] = useState<InquiryKind>('inquiry');
  const [day, setDay] = useState(() => beijingToday(new Date()));
  const [time, setTime] = useState(() => toBeijing(new Date()).format('HH:mm'));
  const [v, setV] = useState({ topic: '', text: '', name: '', phone: '', answer: '' });
  const form = useValidatedForm({
    schema: EnterSchema,
    invalidToast: '请检查标红的内容',
    submit: (_checked, input) => call('inquiries', 'enter', input),
    done: (entered) => `已登记 ${entered.caseNumber}`,
    doneIcon: 'none',
    onDone: (entered) => Taro.redirectTo({ url: routes.adminInquiry(entered.id) }),
  });
  const { errors, busy } = form;
  const save = () =>
    form.submit({
      idempotencyKey: key,
      kind,
      channel,
      contactedAt: toIso(day, time),
      topic: v.topic,
      text: v.text,
      ...(v.name.trim() || v.phone.trim() ? { contact: { ...(v.name.trim() ? { name: v.name } : {}), ...(v.phone.trim() ? { phone: v.phone } : {}) } } : {}),
      ...(v.answer.trim() ? { answer: v.answer } : {}),
    });
  const field = (name: keyof typeof v) => (value: string) => setV({ ...v, [name]: value });

  return (
    <View className="page request-page form" data-testid="enter-case-form">
      <FormField label="渠道" required>
        <ChoiceGroup name="channel" options={CHANNELS} value={channel} onChange={setChannel} />
      </FormField>
      <FormField label="类别" required>
        <ChoiceGroup name="caseKind" options={KINDS} value={kind} onChange={setKind} />
      </FormField>
      <FormField label="时间" required error={errors.contactedAt}>
        <View className="field__row">
          <DateField name="contactedOn" label="来电、来访或来信的日期" value={day} onChange={setDay} end={beijingToday(new Date())} />
          <TimeField name="contactedTime" label="来电、来访或来信的时间" value={time} onChange={setTime} />
        </View>
      </FormField>
      <FormField label="主题" required error={errors.topic}>
        <TextField name="enterTopic" value={v.topic} onChange={field('topic')} />
      </FormField>
      <FormField label={QUESTION_LABELS[channel]} required error={errors.text}>
        <TextField multiline name="enterText" value={v.text} onChange={field('text')} />
      </FormField>
      <FormField label="姓名（如有）" error={errors['contact.name']}>
        <TextField name="callerName" value={v.name} onChange={field('name')} />
      </FormField>
      <FormField label="电话（如有）" error={errors['contact.phone']}>
        <TextField name="callerPhone" value={v.phone} onChange={field('phone')} />
      </FormField>
      <FormField label="当场答复（填写后即办结）" error={errors.answer}>
        <TextField multiline name="spotAnswer" value={v.answer} onChange={field('answer')} />
      </FormField>
      <Text className="hint">未当场答复的，登记后按答复期限办理。</Text>
      <Button className="btn btn--primary btn--block" disabled={busy || undefined} onClick={() => void save()} data-testid="save-case">登记</Button>
    </View>
  );
}
