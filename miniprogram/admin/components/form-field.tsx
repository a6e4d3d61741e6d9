import { Input, Text, Textarea, View } from '@tarojs/components';
import type { ReactNode } from 'react';

/** A labelled field with its error right under it, where the clerk is looking. */
export function FormField(props: { label: string; error?: string; required?: boolean; children: ReactNode }) {
  return (
    <View className={`field ${props.error ? 'field--invalid' : ''}`}>
      <Text className="field__label">
        {props.label}
        {props.required ? <Text className="field__required"> *</Text> : null}
      </Text>
      {props.children}
      {props.error ? <Text className="field__error">{props.error}</Text> : null}
    </View>
  );
}

/**
 * A text input, or a growing text area when `multiline`; reports every
 * keystroke. No length cap on the input itself (Taro's Input silently stops
 * at 140 characters by default): the shared schema says what is too long,
 * next to the field.
 */
export function TextField(props: {
  name: string;
  value: string;
  placeholder?: string;
  multiline?: boolean;
  onChange: (value: string) => void;
}) {
  const shared = {
    name: props.name,
    value: props.value,
    placeholder: props.placeholder,
    onInput: (e: { detail: { value: string } }) => props.onChange(e.detail.value),
    'data-testid': `input-${props.name}`,
  };
  return props.multiline ? (
    <Textarea className="field__textarea" maxlength={-1} autoHeight {...shared} />
  ) : (
    <Input className="field__input" maxlength={-1} {...shared} />
  );
}
