/**
 * The WeChat subscribe-message templates this app sends, and how each
 * message's values fill a template's fields. This is configuration: the
 * bureau picks templates in the mini-program console (订阅消息 → 我的模板),
 * then writes each template id and its field keys here; the app asks consent
 * with these ids and the dispatcher sends with them.
 *
 * - `longTerm` (长期订阅): one acceptance allows many sends until the resident
 *   turns it off in WeChat's settings. Open to 政务民生 mini-programs such as
 *   this one; right for bulletins.
 * - `oneTime`: each acceptance allows exactly one send, so grants are counted
 *   and spent one per message.
 *
 * Field keys carry WeChat's type prefix (thing, phrase, character_string,
 * time, date, …); `template-fields.ts` applies each type's limits.
 * The ids below are the local cloud's stand-ins; replace them for a real
 * deployment (ids are not secret: the app ships them).
 */
export type TemplatePurpose = 'bulletin' | 'requestReplied' | 'supplementRequested' | 'extended';
export type TemplateKind = 'oneTime' | 'longTerm';

/** The values a notification offers; a template maps its fields onto some of them. */
export interface MessageValues {
  title: string;
  department?: string;
  kindLabel?: string;
  trackingNumber?: string;
  status?: string;
  /** UTC ISO time of the cause (published, replied…). */
  at: string;
  hint?: string;
}

export interface SubscribeTemplate {
  purpose: TemplatePurpose;
  templateId: string;
  kind: TemplateKind;
  /** What the resident is agreeing to, as the 我的订阅 page says it. */
  label: string;
  /** Template field key → which value fills it. */
  fields: Record<string, keyof MessageValues>;
}

export const SUBSCRIBE_TEMPLATES: readonly SubscribeTemplate[] = [
  {
    purpose: 'bulletin',
    templateId: 'local-bulletin-longterm',
    kind: 'longTerm',
    label: '政务公开信息更新提醒',
    fields: { thing1: 'title', thing2: 'department', phrase3: 'kindLabel', time4: 'at' },
  },
  {
    purpose: 'requestReplied',
    templateId: 'local-request-replied',
    kind: 'oneTime',
    label: '申请答复通知',
    fields: { character_string1: 'trackingNumber', phrase2: 'status', time3: 'at', thing4: 'hint' },
  },
  {
    purpose: 'supplementRequested',
    templateId: 'local-request-supplement',
    kind: 'oneTime',
    label: '申请补正通知',
    fields: { character_string1: 'trackingNumber', phrase2: 'status', time3: 'at', thing4: 'hint' },
  },
  {
    purpose: 'extended',
    templateId: 'local-request-extended',
    kind: 'oneTime',
    label: '答复期限延长通知',
    fields: { character_string1: 'trackingNumber', phrase2: 'status', time3: 'at', thing4: 'hint' },
  },
];

export function templateFor(purpose: TemplatePurpose, templates: readonly SubscribeTemplate[] = SUBSCRIBE_TEMPLATES): SubscribeTemplate | null {
  return templates.find((t) => t.purpose === purpose) ?? null;
}

export function templateById(templateId: string, templates: readonly SubscribeTemplate[] = SUBSCRIBE_TEMPLATES): SubscribeTemplate | null {
  return templates.find((t) => t.templateId === templateId) ?? null;
}

/** WeChat shows at most 3 templates in one consent dialog. */
export const MAX_TEMPLATES_PER_DIALOG = 3;

/**
 * Splits templates into consent dialogs WeChat accepts: at most 3 each, and
 * never one-time and long-term together (WeChat answers 20002 to a mix).
 * Order is kept within each kind; duplicates are dropped.
 */
export function consentDialogs(templates: readonly SubscribeTemplate[]): SubscribeTemplate[][] {
  const seen = new Set<string>();
  const byKind: Record<TemplateKind, SubscribeTemplate[]> = { longTerm: [], oneTime: [] };
  for (const t of templates) {
    if (seen.has(t.templateId)) continue;
    seen.add(t.templateId);
    byKind[t.kind].push(t);
  }
  const dialogs: SubscribeTemplate[][] = [];
  for (const group of [byKind.longTerm, byKind.oneTime]) {
    for (let i = 0; i < group.length; i += MAX_TEMPLATES_PER_DIALOG) dialogs.push(group.slice(i, i + MAX_TEMPLATES_PER_DIALOG));
  }
  return dialogs;
}
