import { toBeijing } from '../time/beijing-time';
import type { MessageValues, SubscribeTemplate } from './subscribe-templates';

/**
 * WeChat refuses a subscribe message whose field values break their type's
 * rule (errcode 47003), and the message is then lost. So every value is fitted
 * to its field's type before sending (WeChat's subscribe-message docs):
 *
 * | type             | rule                                              |
 * |------------------|---------------------------------------------------|
 * | thing            | ≤ 20 characters                                   |
 * | phrase           | ≤ 5 Chinese characters, nothing else              |
 * | character_string | ≤ 32 letters, digits and symbols (no Chinese)     |
 * | number           | ≤ 32 digits (a decimal point allowed)             |
 * | letter           | ≤ 32 letters                                      |
 * | name             | ≤ 10 Chinese characters, or ≤ 20 letters          |
 * | phone_number     | ≤ 17 digits and symbols                           |
 * | time             | 24-hour time with date: 2026年1月5日 09:30         |
 * | date             | a date: 2026年1月5日                               |
 *
 * Characters are counted as people count them (code points, so a Chinese
 * character is one). An empty value is also refused, so a placeholder stands in.
 */
export const FIELD_TYPES = ['thing', 'phrase', 'character_string', 'number', 'letter', 'name', 'phone_number', 'time', 'date'] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

export type TemplateData = Record<string, { value: string }>;

/** "thing12" → "thing"; "character_string3" → "character_string"; anything else → null. */
export function fieldTypeOf(key: string): FieldType | null {
  const match = /^([a-z_]+?)(\d+)$/.exec(key);
  if (!match) return null;
  return (FIELD_TYPES as readonly string[]).includes(match[1]) ? (match[1] as FieldType) : null;
}

const chars = (text: string) => Array.from(text);
const HAN = /\p{Script=Han}/u;

function cut(text: string, max: number, ellipsis: boolean): string {
  const all = chars(text);
  if (all.length <= max) return text;
  return ellipsis ? all.slice(0, max - 1).join('') + '…' : all.slice(0, max).join('');
}

function orPlaceholder(value: string, placeholder: string): string {
  return value.length ? value : placeholder;
}

/** Fits one value to one field type; `at`-like values for time/date are UTC ISO strings shown in Beijing time. */
export function fitFieldValue(type: FieldType, raw: string): string {
  const text = raw.replace(/\s+/g, ' ').trim();
  switch (type) {
    case 'thing':
      return orPlaceholder(cut(text, 20, true), '无');
    case 'phrase':
      return orPlaceholder(chars(text).filter((c) => HAN.test(c)).slice(0, 5).join(''), '有更新');
    case 'character_string':
      return orPlaceholder(cut(text.replace(/[^\x21-\x7e]/g, ''), 32, false), '-');
    case 'number':
      return orPlaceholder(cut(text.replace(/[^0-9.]/g, ''), 32, false), '0');
    case 'letter':
      return orPlaceholder(cut(text.replace(/[^A-Za-z]/g, ''), 32, false), 'NA');
    case 'name': {
      const han = chars(text).filter((c) => HAN.test(c));
      if (han.length) return han.slice(0, 10).join('');
      return orPlaceholder(cut(text.replace(/[^A-Za-z .·-]/g, ''), 20, false), '居民');
    }
    case 'phone_number':
      return orPlaceholder(cut(text.replace(/[^0-9+\-()]/g, ''), 17, false), '-');
    case 'time':
      return toBeijing(text).format('YYYY年M月D日 HH:mm');
    case 'date':
      return toBeijing(text).format('YYYY年M月D日');
  }
}

/** The `data` of a subscribeMessage.send call: each of the template's fields, filled and fitted. */
export function fitTemplateData(template: Pick<SubscribeTemplate, 'fields'>, values: MessageValues): TemplateData {
  const data: TemplateData = {};
  for (const [key, source] of Object.entries(template.fields)) {
    const type = fieldTypeOf(key);
    if (!type) throw new Error(`template field ${key} has no known WeChat type`);
    data[key] = { value: fitFieldValue(type, String(values[source] ?? '')) };
  }
  return data;
}
