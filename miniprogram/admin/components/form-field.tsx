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

export function TextInput(props: { name: string; value: string; placeholder?: string; onChange: (value: string) => void }) {
  return (
    <Input
      className="field__input"
      name={props.name}
      value={props.value}
      placeholder={props.placeholder}
      onInput={(e) => props.onChange(e.detail.value)}
      data-testid={`input-${props.name}`}
    />
  );
}

export function TextArea(props: { name: string; value: string; placeholder?: string; onChange: (value: string) => void }) {
  return (
    <Textarea
      className="field__textarea"
      name={props.name}
      value={props.value}
      placeholder={props.placeholder}
      maxlength={-1}
      autoHeight
      onInput={(e) => props.onChange(e.detail.value)}
      data-testid={`input-${props.name}`}
    />
  );
}
