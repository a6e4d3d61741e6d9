import { Button, Text, View } from '@tarojs/components';
import { useState } from 'react';
import { call } from '../../../api/call';
import { ChoiceGroup } from '../../../components/requests/choice-group';
import { LetterView } from '../../../components/requests/request-progress';
import { useRemote } from '../../../hooks/use-remote';
import { useValidatedForm } from '../../../hooks/use-validated-form';
import { SaveLetterTemplateSchema, type LetterPreview, type LetterTemplateView } from '../../../../shared/requests/letter-templates';
import { FormField, TextField } from '../../components/form-field';
import { SealSettings } from '../../components/seal-settings';
import { askFirst } from '../../ask-first';
import '../../../components/requests/requests.css';

/**
 * Admin: the wording of the formal letters (告知书), one template per Art. 36
 * reply type plus the supplement and extension notices. The placeholders a
 * template may use are listed (tap one to add it to the last paragraph);
 * those marked 必备 cannot be removed — the server refuses, and so does this
 * page, with the same schema. Letters already issued keep their text. Placeholders are shown and
 * written in Chinese ({申请人}). Above the templates, the bureau's seal for the letters' foot.
 */
export default function LetterTemplatesPage() {
  const templates = useRemote(() => call('letterTemplates', 'list', {}), []);
  const [key, setKey] = useState<LetterTemplateView['key']>('disclose');
  const current = templates.data?.find((t) => t.key === key) ?? null;

  if (templates.error) return <View className="page request-page list-state list-state--error">{templates.error.message}</View>;
  if (!templates.data || !current) return <View className="page request-page list-state">正在加载…</View>;
  return (
    <View className="page request-page form" data-testid="letter-templates">
      <SealSettings />
      <Text className="hint">修改后，之后发出的告知书使用新文本；已经发出的告知书保持原样。</Text>
      <ChoiceGroup column name="template" options={templates.data.map((t) => ({ value: t.key, label: `${t.label}${t.custom ? '（已修改）' : ''}` }))} value={key} onChange={setKey} />
      {/* Keyed by what was loaded, so the fields start from the stored text after a save or reset. */}
      <TemplateEditor key={`${current.key}-${current.version}`} template={current} onSaved={() => void templates.reload()} />
    </View>
  );
}

function TemplateEditor({ template, onSaved }: { template: LetterTemplateView; onSaved: () => void }) {
  const [title, setTitle] = useState(template.title);
  const [paragraphs, setParagraphs] = useState(template.paragraphs);
  const [preview, setPreview] = useState<LetterPreview | null>(null);
  const form = useValidatedForm({
    schema: SaveLetterTemplateSchema,
    submit: (checked) => call('letterTemplates', 'save', checked),
    done: '已保存',
    onDone: onSaved,
  });
  const { errors, busy } = form;

  const setParagraph = (index: number, text: string) => setParagraphs(paragraphs.map((p, i) => (i === index ? text : p)));
  const addSlot = (placeholder: string) => setParagraphs(paragraphs.length ? paragraphs.map((p, i) => (i === paragraphs.length - 1 ? `${p}${placeholder}` : p)) : [placeholder]);

  /** Preview and reset: nothing to check here (the server checks the preview), the same guard and toasts. */
  const act = <T,>(work: () => Promise<T>, done: string) => form.send(work, { done });

  return (
    <>
      <View className="card" data-testid="template-status">
        <Text>
          {template.custom ? `本机关修改的文本（第 ${template.version} 版${template.updatedByName ? `，${template.updatedByName} 最后修改` : ''}）` : '内置默认文本'}
        </Text>
      </View>
      <FormField label="标题" required error={errors.title}>
        <TextField name="template-title" value={title} onChange={setTitle} />
      </FormField>
      {paragraphs.map((p, i) => (
        <FormField key={i} label={`第 ${i + 1} 段`} error={errors[`paragraphs.${i}`]}>
          <TextField multiline name={`paragraph-${i}`} value={p} onChange={(text) => setParagraph(i, text)} />
          <Text role="button" tabIndex={0} className="link-button" onClick={() => setParagraphs(paragraphs.filter((_, j) => j !== i))} data-testid={`remove-paragraph-${i}`}>
            删除此段
          </Text>
        </FormField>
      ))}
      {errors.paragraphs ? <Text className="field__error" data-testid="paragraphs-error">{errors.paragraphs}</Text> : null}
      <Button className="btn btn--plain btn--block" onClick={() => setParagraphs([...paragraphs, ''])} data-testid="add-paragraph">
        添加一段
      </Button>

      <Text className="section-title">可用占位符（点击加到最后一段末尾）</Text>
      <View className="slots" data-testid="template-slots">
        {template.slots.map((slot) => (
          <Text role="button" tabIndex={0} key={slot.name} className={`slot ${slot.required ? 'slot--required' : ''}`} onClick={() => addSlot(slot.placeholder)} data-testid={`slot-${slot.name}`}>
            {slot.placeholder} {slot.label}
            {slot.required ? '（必备）' : ''}
          </Text>
        ))}
      </View>

      <Button
        className="btn btn--plain btn--block"
        disabled={busy || undefined}
        onClick={() => void act(() => call('letterTemplates', 'preview', { key: template.key, title, paragraphs }), '已生成预览').then((p) => p && setPreview(p))}
        data-testid="preview-template"
      >
        预览
      </Button>
      <Button className="btn btn--primary btn--block" disabled={busy || undefined} onClick={() => void form.submit({ key: template.key, version: template.version, title, paragraphs })} data-testid="save-template">
        保存模板
      </Button>
      {template.custom && (
        <Button
          className="btn btn--plain btn--block"
          disabled={busy || undefined}
          onClick={async () => {
            const ask = {
              title: '确认恢复默认文本',
              content: `本机关修改的“${template.label}”文本（第 ${template.version} 版）将被删除，之后发出的告知书改用内置默认文本；已经发出的告知书保持原样。删除的文本不能找回，如需保留请先复制。`,
              confirmText: '确认恢复',
            };
            if (await askFirst(ask)) void act(() => call('letterTemplates', 'reset', { key: template.key, version: template.version }), '已恢复默认').then((r) => r && onSaved());
          }}
          data-testid="reset-template"
        >
          恢复默认文本
        </Button>
      )}

      {preview && (
        <View className="card" data-testid="template-preview">
          {Object.values(preview.problems).map((problem) => (
            <Text key={problem} className="notice-box notice-box--error">{problem}</Text>
          ))}
          <LetterView letter={preview.letter} />
        </View>
      )}
    </>
  );
}
