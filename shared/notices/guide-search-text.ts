import type { GuideDetails } from './notice-schema';

/**
 * Which fields of a service guide are searched, in one list: the SQLite
 * index builds its `guide` column from these paths (plus the materials), and
 * highlighting rebuilds the same text from the stored guide.
 */
export const GUIDE_SEARCH_PATHS = [
  'approvalItem', 'legalBasis', 'conditions', 'procedure', 'timeLimit', 'fees', 'sampleForm', 'contactPhone',
  'location.window', 'location.address', 'location.hours',
] as const;

export function guideSearchText(guide: GuideDetails): string {
  const values = GUIDE_SEARCH_PATHS.map((path) =>
    path.split('.').reduce<unknown>((value, key) => (value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined), guide),
  );
  return [...values, (guide.materials ?? []).join('\n')].filter((v) => typeof v === 'string' && v !== '').join('\n');
}
