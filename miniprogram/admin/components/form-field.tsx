import { Input, Picker, Text, Textarea, View } from '@tarojs/components';
import { createContext, useContext, useEffect, useRef, useState, type ReactNode } from 'react';

/** The label of the field a control sits in, so the control can carry it as its accessible name (H5). */
const FieldLabel = createContext<string | undefined>(undefined);

/** A labelled field with its error right under it, where the clerk is looking. */
export function FormField(props: { label: string; error?: string; required?: boolean; children: ReactNode }) {
  return (
    <View className={`field ${props.error ? 'field--invalid' : ''}`}>
      <Text className="field__label">
        {props.label}
        {props.required ? <Text className="field__required"> *</Text> : null}
      </Text>
      <FieldLabel.Provider value={props.label}>{props.children}</FieldLabel.Provider>
      {props.error ? <Text className="field__error" role="alert">{props.error}</Text> : null}
    </View>
  );
}

/**
 * Which keyboard a phone shows: `idcard` is WeChat's ID keyboard (digits and X), `number` its digit pad
 * (phones, codes, counts). In a browser there is no ID keyboard, and `type="number"` would turn a phone
 * number into a spinner that drops what is not a number, so H5 asks for the telephone keypad instead.
 */
export type Keyboard = 'idcard' | 'number';
function inputType(keyboard: Keyboard | undefined): string | undefined {
  if (!keyboard) return undefined;
  if (process.env.TARO_ENV === 'h5') return keyboard === 'number' ? 'tel' : 'text';
  return keyboard;
}

/**
 * A text input, or a growing text area when `multiline`; reports every
 * keystroke. No length cap on the input itself (Taro's Input silently stops
 * at 140 characters by default): the shared schema says what is too long,
 * next to the field.
 */
/** What TextField needs of Taro's element: H5's web component has both; WeChat's input neither. */
type TaroField = { componentOnReady?: () => Promise<unknown>; value?: string };

/**
 * The value to hand Taro's input: until it has drawn itself once, the value it mounted with. In H5,
 * Taro's Input and Textarea are web components that draw on the next animation frame, and a value
 * set before that — a form filling its fields from what it loaded, in an effect straight after
 * mounting — reaches their `watchValue`, which writes to the inner <input> not made yet and throws
 * (taro-input-core, taro-textarea-core). Held back, the newer value goes in once the element is
 * ready (`componentOnReady`, which Stencil gives each). What the person typed is theirs at once; an
 * element without `componentOnReady` (WeChat) takes every value at once.
 */
function useDrawnValue(value: string) {
  const element = useRef<TaroField | null>(null);
  const mounted = useRef(value);
  const drawn = useRef(false);
  const held = useRef(false);
  const [, redraw] = useState(0);
  useEffect(() => {
    const el = element.current;
    if (typeof el?.componentOnReady !== 'function') {
      drawn.current = true;
      return;
    }
    let live = true;
    void el.componentOnReady().then(() => {
      drawn.current = true;
      if (live && held.current) redraw((n) => n + 1);
    });
    return () => {
      live = false;
    };
  }, []);
  const through = drawn.current || value === mounted.current || element.current?.value === value;
  if (through && !drawn.current) mounted.current = value;
  held.current = !through;
  return { ref: element, value: through ? value : mounted.current };
}

export function TextField(props: {
  name: string;
  value: string;
  placeholder?: string;
  multiline?: boolean;
  keyboard?: Keyboard;
  onChange: (value: string) => void;
}) {
  // The visible label is a separate Text: the input inside Taro's element gets it as its name.
  const label = useContext(FieldLabel);
  const drawn = useDrawnValue(props.value);
  const shared = {
    ref: drawn.ref,
    nativeProps: label ? { 'aria-label': label } : undefined,
    name: props.name,
    value: drawn.value,
    placeholder: props.placeholder,
    onInput: (e: { detail: { value: string } }) => props.onChange(e.detail.value),
    'data-testid': `input-${props.name}`,
  };
  return props.multiline ? (
    <Textarea className="field__textarea" maxlength={-1} autoHeight {...shared} />
  ) : (
    <Input className="field__input" maxlength={-1} type={inputType(props.keyboard) as 'text'} {...shared} />
  );
}

/** 2026-12-03 → 2026年12月3日, as a date is written on a form; anything else as it is. */
export function chineseDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : iso;
}

/**
 * A day, always chosen from a calendar, never typed: WeChat's date picker (Taro's Picker, mode
 * date); in a browser its own date input (Taro's H5 picker is a wheel a keyboard cannot reach).
 * The value is `YYYY-MM-DD` or '' — what the schemas take — but nobody is asked to write it.
 * An optional field offers 清除 once a day is set.
 */
export function DateField(props: {
  name: string;
  value: string;
  onChange: (value: string) => void;
  label: string;
  placeholder?: string;
  /** Earliest and latest day offered, YYYY-MM-DD. */
  start?: string;
  end?: string;
  clearable?: boolean;
}) {
  const placeholder = props.placeholder ?? '请选择日期';
  const clear =
    props.clearable && props.value ? (
      <Text className="field__clear" role="button" tabIndex={0} aria-label={`清除${props.label}`} onClick={() => props.onChange('')} data-testid={`clear-${props.name}`}>
        清除
      </Text>
    ) : null;
  if (process.env.TARO_ENV === 'h5') {
    return (
      <View className="field__date" data-testid={`input-${props.name}`}>
        <input
          className="field__input field__date-input"
          type="date"
          name={props.name}
          value={props.value}
          min={props.start}
          max={props.end}
          aria-label={props.label}
          onChange={(e) => props.onChange(e.target.value)}
        />
        {clear}
      </View>
    );
  }
  return (
    <View className="field__date">
      <Picker mode="date" value={props.value} start={props.start} end={props.end} onChange={(e) => props.onChange(String(e.detail.value))} data-testid={`input-${props.name}`}>
        <View className={`field__picker ${props.value ? '' : 'field__picker--empty'}`} aria-label={props.label}>
          {props.value ? chineseDate(props.value) : placeholder}
        </View>
      </Picker>
      {clear}
    </View>
  );
}

/** A time of day (HH:mm), chosen like a day: WeChat's time picker, or the browser's own time input. */
export function TimeField(props: { name: string; value: string; onChange: (value: string) => void; label: string }) {
  if (process.env.TARO_ENV === 'h5') {
    return (
      <View className="field__date" data-testid={`input-${props.name}`}>
        <input className="field__input field__date-input" type="time" name={props.name} value={props.value} aria-label={props.label} onChange={(e) => props.onChange(e.target.value)} />
      </View>
    );
  }
  return (
    <Picker mode="time" value={props.value} onChange={(e) => props.onChange(String(e.detail.value))} data-testid={`input-${props.name}`}>
      <View className="field__picker" aria-label={props.label}>
        {props.value || '请选择时间'}
      </View>
    </Picker>
  );
}
