import { BUILTIN_LETTER_TEMPLATES, type LetterTemplateKey, type LetterTemplateSet } from '../../shared/requests/letters';
import type { Store } from '../_runtime/store/port';

/** The bureau's edits over the built-in letter templates: one document per template key. */
export const LETTER_TEMPLATES = 'letterTemplates';

/**
 * The templates in force: the bureau's edited ones over the built-in
 * defaults. Each carries its revision (the stored document's version, 0 for
 * a built-in one never edited), which an issued letter records.
 */
export async function loadLetterTemplates(store: Store): Promise<LetterTemplateSet> {
  const page = await store.collection(LETTER_TEMPLATES).find({ orderBy: [['updatedAt', 'asc']], limit: 50 });
  const set = { ...BUILTIN_LETTER_TEMPLATES };
  for (const stored of page.items) {
    const key = stored.id as LetterTemplateKey;
    if (!(key in set)) continue;
    set[key] = stored.custom
      ? { title: stored.title, paragraphs: stored.paragraphs, revision: stored.version }
      : { ...BUILTIN_LETTER_TEMPLATES[key], revision: stored.version };
  }
  return set;
}
