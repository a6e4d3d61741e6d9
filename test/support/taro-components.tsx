/**
 * Host-element stand-ins for `@tarojs/components` in jsdom page tests:
 * each renders the nearest HTML element and passes through what the pages
 * use (className, click, input, value, data-* attributes).
 */
import { createElement, forwardRef, useRef, type ForwardedRef, type ReactNode } from 'react';

type Props = Record<string, unknown> & { children?: ReactNode };

function passThrough(props: Props): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(props)) {
    if (key === 'className' || key === 'id' || key === 'onClick' || key === 'disabled' || key === 'placeholder' || key === 'role' || key === 'tabIndex' || key === 'type' || key === 'style' || key.startsWith('data-') || key.startsWith('aria-')) {
      out[key] = value;
    }
    // WeChat's open abilities (getPhoneNumber…) show as an attribute a test can look for.
    if (key === 'openType') out['data-open-type'] = value;
    // In WeChat a tap on the privacy popup's agree button fires this event (the button has no onClick).
    if (key === 'onAgreePrivacyAuthorization') out.onClick = value;
  }
  return out;
}

function host(tag: string) {
  return function Host(props: Props) {
    return createElement(tag, passThrough(props), props.children);
  };
}

export const View = host('div');
export const Text = host('span');
export const ScrollView = host('div');
export const Button = host('button');
/** An image with its address, so a page test can tell which picture is shown. */
export function Image(props: Props) {
  return createElement('img', { ...passThrough(props), src: props.src });
}
/**
 * A selector Picker given its own data-testid also gets a <select> over its range, so tests can choose;
 * a date or time Picker gets an <input type="date"|"time"> answering as WeChat's picker does.
 */
export function Picker(props: Props) {
  if (props['data-testid'] && (props.mode === 'date' || props.mode === 'time')) {
    const onPick = props.onChange as ((e: { detail: { value: string } }) => void) | undefined;
    return createElement(
      'div',
      { ...passThrough(props), 'data-mode': props.mode },
      props.children,
      createElement('input', { type: props.mode, value: String(props.value ?? ''), min: props.start, max: props.end, onChange: (e: { target: { value: string } }) => onPick?.({ detail: { value: e.target.value } }) }),
    );
  }
  const range = props.range as string[] | undefined;
  const onChange = props.onChange as ((e: { detail: { value: number } }) => void) | undefined;
  const choose =
    props['data-testid'] && props.mode === 'selector' && range
      ? createElement(
          'select',
          { value: String(props.value ?? 0), onChange: (e: { target: { value: string } }) => onChange?.({ detail: { value: Number(e.target.value) } }) },
          range.map((label, i) => createElement('option', { key: i, value: String(i) }, label)),
        )
      : null;
  return createElement('div', passThrough(props), props.children, choose);
}

/** How long H5's Taro input takes to draw itself the first time: Stencil renders on the next animation frame. */
const FIRST_DRAW_MS = 16;

/**
 * Taro's Input and Textarea as H5 has them: web components that draw themselves a frame after
 * mounting, answer `componentOnReady()` once they have, and throw (taro-input-core's `watchValue`)
 * when their value is set before that by anything but the person typing — a form filling a field in
 * an effect straight after mounting. The stand-in throws there too, so a page test catches it.
 */
function field(tag: 'input' | 'textarea') {
  return forwardRef(function Field(props: Props, ref: ForwardedRef<unknown>) {
    const onInput = props.onInput as ((e: { detail: { value: string } }) => void) | undefined;
    const value = String(props.value ?? '');
    const dom = useRef<HTMLInputElement | null>(null);
    const state = useRef<{ drawn: boolean; ready: Promise<void> | null; value: string }>({ drawn: false, ready: null, value });
    if (value !== state.current.value && !state.current.drawn && dom.current && dom.current.value !== value) {
      throw new TypeError(`${tag} ${String(props.name ?? '')}: value set before it has drawn (taro-input-core watchValue: Cannot read properties of undefined)`);
    }
    state.current.value = value;
    const attach = (el: HTMLInputElement | null) => {
      dom.current = el;
      if (el && !state.current.ready) {
        state.current.ready = new Promise<void>((done) => setTimeout(() => ((state.current.drawn = true), done()), FIRST_DRAW_MS));
      }
      if (el) (el as unknown as { componentOnReady: () => Promise<void> }).componentOnReady = () => state.current.ready as Promise<void>;
      if (typeof ref === 'function') ref(el);
      else if (ref) ref.current = el;
    };
    return createElement(tag, {
      ...passThrough(props),
      ref: attach,
      name: props.name,
      value,
      onChange: (e: { target: { value: string } }) => onInput?.({ detail: { value: e.target.value } }),
    });
  });
}

export const Input = field('input');
export const Textarea = field('textarea');

/** A checkbox standing in for Taro's Switch: `checked` in, `onChange({ detail: { value } })` out. */
export function Switch(props: Props) {
  const onChange = props.onChange as ((e: { detail: { value: boolean } }) => void) | undefined;
  return createElement('input', {
    ...passThrough(props),
    type: 'checkbox',
    checked: !!props.checked,
    onChange: (e: { target: { checked: boolean } }) => onChange?.({ detail: { value: e.target.checked } }),
  });
}
