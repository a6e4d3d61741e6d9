import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState, type ReactNode } from 'react';
import type * as z from 'zod/mini';
import type { Attachment } from '../../../shared/notices/notice-schema';
import type { Confirmation } from '../../../shared/requests/act-confirmations';
import type { RequestView } from '../../../shared/requests/request-types';
import { ChoiceGroup } from '../../components/requests/choice-group';
import type { useRequestAction } from '../../hooks/use-request';
import { useValidatedForm } from '../../hooks/use-validated-form';
import { AttachmentsField } from './attachments-field';
import { DateField, FormField, TextField, type Keyboard } from './form-field';

/**
 * One of the clerk's actions on a request, as a small form: the card, its
 * fields, the check with the server's schema and the call all come from a
 * description (request-actions.tsx has one per action), so the forms cannot
 * drift apart.
 */
export type Run = ReturnType<typeof useRequestAction>['run'];
type RequestAction = Parameters<Run>[0];
export type Values = Record<string, string>;

interface FieldBase {
  /** The key of its value in the form, and by default of its error. */
  key: string;
  label: string;
  required?: boolean;
  /** The error keys shown under it, first found wins (an empty list: none); by default [key]. */
  errorKeys?: string[];
}
export type Field =
  /** A text box; `name` gives its test id, input-<name>. */
  | (FieldBase & { text: string; multiline?: boolean; placeholder?: string; keyboard?: Keyboard })
  /** A day from the date picker (never typed); `date` gives its test id, input-<date>; `clearable` when optional. */
  | (FieldBase & { date: string; placeholder?: string; start?: string; end?: string; clearable?: boolean })
  /** Large buttons for a few options; `choice` gives the test ids choice-<choice>-<value>. */
  | (FieldBase & { choice: string; options: ReadonlyArray<{ value: string; label: string }>; column?: boolean })
  /** A line of text between fields. */
  | { note: ReactNode; testId?: string };

export interface ActionDescription {
  /** The `requests` action; it also names the card (action-<command>) and its button (do-<command>). */
  command: RequestAction;
  title: string;
  hint?: ReactNode;
  /** The values the fields start from; read once, when the card appears. */
  initial: Values;
  fields: (values: Values) => Field[];
  /** How a change of one value changes the form (by default it sets just that value). */
  change?: (key: string, value: string, values: Values) => Values;
  /** At most this many files may be attached; none when absent. */
  attachments?: number;
  /** The server's own schema for the action's input. */
  schema: z.ZodMiniType;
  /** The action's input from what was typed; `target` names the request and the version the clerk saw. */
  input: (target: { id: string; version: number }, values: Values, attachments: Attachment[]) => unknown;
  /** The toast when it worked. */
  done: string;
  submitLabel: string;
  danger?: boolean;
  /**
   * For an act that cannot be taken back (a letter to the applicant, a closure, a handover): what
   * will happen and to whom, asked once the form is valid; nothing is sent unless confirmed.
   */
  confirm?: (values: Values, attachments: Attachment[]) => Confirmation;
}

export function ActionCard(props: { title: string; testId: string; children: ReactNode }) {
  return (
    <View className="card action-card" data-testid={props.testId}>
      <Text className="action-card__title">{props.title}</Text>
      {props.children}
    </View>
  );
}

export function RequestActionForm(props: { description: ActionDescription; request: RequestView; run: Run; busy: boolean }) {
  const { description: d, request, run } = props;
  const [values, setValues] = useState<Values>(d.initial);
  const [attachments, setAttachments] = useState<Attachment[]>([]);
  const [uploading, setUploading] = useState(false);
  // `run` reports success, failure and a version conflict itself (and reloads): the form only checks and guards.
  // The data is what the description's schema accepted; the description pairs that schema with its command.
  const form = useValidatedForm<z.ZodMiniType, unknown, unknown>({
    schema: d.schema,
    submit: (data): Promise<unknown> => run(d.command, data as never, d.done, (fields) => form.setErrors(fields)),
  });
  const { errors } = form;
  const set = (key: string, value: string) => setValues(d.change ? d.change(key, value, values) : { ...values, [key]: value });
  const errorOf = (field: FieldBase) => (field.errorKeys ?? [field.key]).map((k) => errors[k]).find((e) => e !== undefined);
  const busy = props.busy || form.busy || uploading;

  async function submit() {
    const input = d.input({ id: request.id, version: request.version }, values, attachments);
    if (d.confirm) {
      // Checked first: the confirmation describes a valid act, and errors show beside their fields.
      if (!form.validate(input)) return;
      const { title, content, confirmText } = d.confirm(values, attachments);
      const { confirm } = await Taro.showModal({ title, content, confirmText, cancelText: '再看看' });
      if (!confirm) return;
    }
    void form.submit(input);
  }

  return (
    <ActionCard title={d.title} testId={`action-${d.command}`}>
      {d.hint ? <Text className="hint">{d.hint}</Text> : null}
      {d.fields(values).map((field, i) =>
        'note' in field ? (
          <Text key={`note-${i}`} className="hint" data-testid={field.testId}>
            {field.note}
          </Text>
        ) : (
          <FormField key={field.key} label={field.label} required={field.required} error={errorOf(field)}>
            {'text' in field ? (
              <TextField name={field.text} multiline={field.multiline} keyboard={field.keyboard} value={values[field.key]} onChange={(v) => set(field.key, v)} placeholder={field.placeholder} />
            ) : 'date' in field ? (
              <DateField name={field.date} label={field.label} value={values[field.key]} onChange={(v) => set(field.key, v)} placeholder={field.placeholder} start={field.start} end={field.end} clearable={field.clearable} />
            ) : (
              <ChoiceGroup name={field.choice} column={field.column} options={field.options} value={values[field.key]} onChange={(v) => set(field.key, v)} />
            )}
          </FormField>
        ),
      )}
      {d.attachments ? <AttachmentsField value={attachments} onChange={setAttachments} max={d.attachments} errors={errors} onUploading={setUploading} /> : null}
      <Button
        className={`btn ${d.danger ? 'btn--danger' : 'btn--primary'} btn--block`}
        disabled={busy || undefined}
        onClick={() => void submit()}
        data-testid={`do-${d.command}`}
      >
        {d.submitLabel}
      </Button>
    </ActionCard>
  );
}
