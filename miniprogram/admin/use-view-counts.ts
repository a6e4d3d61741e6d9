import { useEffect, useState } from 'react';
import { call } from '../api/call';

/** 阅读 counts of the notices a staff list shows, fetched 50 at a time when the list changes; unknown ones stay absent. */
export function useViewCounts(ids: string[]): Record<string, number> {
  const [counts, setCounts] = useState<Record<string, number>>({});
  const key = ids.join(',');
  useEffect(() => {
    if (!key) return;
    let current = true;
    const all = key.split(',');
    const chunks = Array.from({ length: Math.ceil(all.length / 50) }, (_, i) => all.slice(i * 50, i * 50 + 50));
    Promise.all(chunks.map((chunk) => call('notices', 'viewCounts', { ids: chunk })))
      .then((answers) => current && setCounts(Object.assign({}, ...answers)))
      .catch(() => undefined); // a count is a nicety: the list works without it
    return () => {
      current = false;
    };
  }, [key]);
  return counts;
}
