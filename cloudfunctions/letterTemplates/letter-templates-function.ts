import { AppError } from '../../shared/api/errors';
import {
  LETTER_TEMPLATE_KEYS,
  LETTER_TEMPLATE_LABELS,
  requiredSlotsOf,
  previewLetter,
  SLOT_LABELS,
  slotsOf,
  type LetterTemplateView,
  type StoredLetterTemplate,
} from '../../shared/requests/letter-templates';
import { chinesePlaceholder, withChinesePlaceholders } from '../../shared/requests/letter-placeholders';
import { DEFAULT_LETTER_TEMPLATES, type LetterTemplate, type LetterTemplateKey } from '../../shared/requests/letters';
import { defineFunction } from '../_runtime/define-function';
import { letterTemplatesContract } from '../../shared/requests/letter-templates-contract';
import type { HandlerContext } from '../_runtime/handler-context';
import { changeRecord } from '../_runtime/change-record';
import type { Stored } from '../_runtime/store/port';
import { LETTER_TEMPLATES } from '../requests/letter-templates-data';
import { loadSeal } from '../requests/bureau-seal';
import { saveSeal } from './save-seal';

export interface TemplateEvent {
  subjectType: 'letterTemplate';
  /** A template's key, or `seal` for the bureau's seal image. */
  subjectId: LetterTemplateKey | 'seal';
  action: 'templateSaved' | 'templateReset' | 'sealSaved' | 'sealRemoved';
  actor: string;
  at: string;
  detail: string;
}

/**
 * Function `letterTemplates` (admin): the bureau's wording of its formal
 * letters over the built-in defaults. Every change is version-checked and
 * recorded in `events`; letters already issued are stored with their requests
 * and never re-rendered, so a change only reaches letters issued after it.
 */
export const letterTemplatesFunction = defineFunction('letterTemplates', letterTemplatesContract, {
  async list(_input, { store }) {
    const stored = await store.collection(LETTER_TEMPLATES).find({ orderBy: [['updatedAt', 'asc']], limit: 50 });
    const byKey = new Map(stored.items.map((t) => [t.id, t]));
    return LETTER_TEMPLATE_KEYS.map((key) => viewOf(key, byKey.get(key) ?? null));
  },

  async preview({ key, title, paragraphs }) {
    return previewLetter(key, { title, paragraphs });
  },

  async save({ key, version, title, paragraphs }, ctx) {
    const saved = await write(ctx, key, version, { title, paragraphs, custom: true }, 'templateSaved', `修改${LETTER_TEMPLATE_LABELS[key]}模板`);
    return viewOf(key, saved);
  },

  async reset({ key, version }, ctx) {
    const saved = await write(ctx, key, version, { ...DEFAULT_LETTER_TEMPLATES[key], custom: false }, 'templateReset', `${LETTER_TEMPLATE_LABELS[key]}模板恢复为默认文本`);
    return viewOf(key, saved);
  },

  async seal(_input, { store }) {
    return loadSeal(store);
  },

  async saveSeal({ version, png }, ctx) {
    return saveSeal(ctx, version, png);
  },
});

/**
 * Writes a template against the version the admin saw, on the one change road
 * (changeRecord): a template never edited is version 0, so the first save
 * creates it, and a second admin's first save racing it is refused like any
 * stale version (VERSION_CONFLICT).
 */
async function write(
  ctx: HandlerContext,
  key: LetterTemplateKey,
  version: number,
  content: LetterTemplate & { custom: boolean },
  action: TemplateEvent['action'],
  detail: string,
): Promise<Stored<StoredLetterTemplate>> {
  const at = ctx.now().toISOString();
  const actor = ctx.caller.openid as string;
  const { record } = await changeRecord(ctx.store, {
    collection: LETTER_TEMPLATES,
    id: key,
    expectedVersion: version,
    notFound: 'NOT_FOUND', // never answered: a missing template starts as `initial`
    initial: { ...DEFAULT_LETTER_TEMPLATES[key], custom: false, updatedAt: at, updatedBy: actor, updatedByName: null },
    decide: (current) => {
      // Only a stored bureau edit can be reset: the built-in text needs no resetting, but a first reset is allowed (it stores the default).
      if (action === 'templateReset' && current.version > 0 && !current.custom) throw new AppError('INVALID_STATE', '该模板已是默认文本');
      const event: TemplateEvent = { subjectType: 'letterTemplate', subjectId: key, action, actor, at, detail: `${detail}（第 ${current.version + 1} 版）` };
      return { patch: { ...content, updatedAt: at, updatedBy: actor, updatedByName: ctx.caller.staff?.name ?? null }, events: [event] };
    },
  });
  return record;
}

function viewOf(key: LetterTemplateKey, stored: Stored<StoredLetterTemplate> | null): LetterTemplateView {
  const builtin = DEFAULT_LETTER_TEMPLATES[key];
  const required = new Set(requiredSlotsOf(key));
  const text = stored?.custom ? stored : builtin;
  return {
    key,
    label: LETTER_TEMPLATE_LABELS[key],
    // A template saved with the old English placeholders is shown (and, once saved again, stored) with the Chinese ones.
    title: withChinesePlaceholders(text.title),
    paragraphs: text.paragraphs.map(withChinesePlaceholders),
    custom: stored?.custom ?? false,
    version: stored?.version ?? 0,
    updatedAt: stored?.updatedAt ?? null,
    updatedByName: stored?.updatedByName ?? null,
    slots: slotsOf(key).map((name) => ({ name, placeholder: chinesePlaceholder(name), label: SLOT_LABELS[name], required: required.has(name) })),
    defaultTitle: builtin.title,
    defaultParagraphs: builtin.paragraphs,
  };
}
