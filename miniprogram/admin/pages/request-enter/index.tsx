import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { call } from '../../../api/call';
import { ChoiceGroup } from '../../../components/requests/choice-group';
import { ApplicantSection, ContactSection, InformationSection } from '../../../components/requests/request-form-sections';
import { optionsOf } from '../../../components/requests/request-labels';
import { useDepartments } from '../../../hooks/use-department-names';
import { useStoredDraft } from '../../../hooks/use-stored-draft';
import { useValidatedForm } from '../../../hooks/use-validated-form';
import { routes } from '../../../navigation';
import { emptyRequestDraft, isRequestDraft, submitInputFromDraft } from '../../../requests/request-draft';
import { CHANNEL_LABELS, EnterSchema, PAPER_CHANNELS, type PaperChannel } from '../../../../shared/requests/request-schema';
import { beijingToday } from '../../../../shared/time/beijing-time';
import { DateField, FormField } from '../../components/form-field';
import '../../../components/requests/requests.css';

const ENTER_DRAFT_KEY = 'sg-request-enter-draft';

/**
 * Staff: a letter, a fax or a walk-in application typed in from paper. It
 * is registered at once with the day the bureau received it (letters are
 * often entered days later), then follows the same workflow as online ones.
 */
export default function EnterRequestPage() {
  const { draft, update, discard } = useStoredDraft(ENTER_DRAFT_KEY, emptyRequestDraft, isRequestDraft);
  const [channel, setChannel] = useState<PaperChannel>('letter');
  const [receivedOn, setReceivedOn] = useState(beijingToday(new Date()));
  // '' is the default: the clerk's own department (department-scope.ts).
  const [departmentId, setDepartmentId] = useState('');
  const departments = useDepartments();
  const form = useValidatedForm({
    schema: EnterSchema,
    invalidToast: '请检查标红的内容',
    submit: (_checked, input) =>
      call('requests', 'enter', input).then((entered) => {
        discard();
        return entered;
      }),
    done: (entered) => `已录入 ${entered.trackingNumber}`,
    doneIcon: 'none',
    onDone: (entered) => Taro.redirectTo({ url: routes.adminRequest(entered.id) }),
  });
  const { errors, busy } = form;
  const save = () => form.submit({ ...submitInputFromDraft(draft), channel, receivedOn, ...(departmentId ? { departmentId } : {}) });

  return (
    <View className="page request-page form" data-testid="enter-form">
      <FormField label="申请方式" required error={errors.channel}>
        <ChoiceGroup name="channel" options={optionsOf(PAPER_CHANNELS, CHANNEL_LABELS)} value={channel} onChange={setChannel} />
      </FormField>
      <FormField label="收到日期" required error={errors.receivedOn}>
        <DateField name="receivedOn" label="收到日期" value={receivedOn} onChange={setReceivedOn} end={beijingToday(new Date())} />
      </FormField>
      <Text className="hint">收到日期即受理之日（第0天），可早于今天。</Text>
      <FormField label="承办部门" error={errors.departmentId}>
        <ChoiceGroup
          name="enterDepartment"
          column
          options={[{ value: '', label: '默认（本人所在部门）' }, ...departments.map((d) => ({ value: d.id, label: d.name }))]}
          value={departmentId}
          onChange={setDepartmentId}
        />
      </FormField>
      <ApplicantSection draft={draft} errors={errors} update={update} />
      <ContactSection draft={draft} errors={errors} update={update} />
      <InformationSection draft={draft} errors={errors} update={update} />
      <Button className="btn btn--primary btn--block" disabled={busy || undefined} onClick={() => void save()} data-testid="save-entered">
        录入并受理
      </Button>
    </View>
  );
}
