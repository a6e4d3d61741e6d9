import { call } from '../api/call';
import { useRemote } from './use-remote';

/**
 * The bureau's seal image for the foot of its letters, as an image address (a data URL: the
 * seal travels with the bureau's settings, see shared/requests/letter-seal.ts), or null while it
 * loads, when the bureau has none, or when it cannot be had — a letter is still the letter without it.
 */
export function useBureauSeal(): string | null {
  const seal = useRemote(() => call('letterTemplates', 'seal', {}), []);
  return seal.data?.png ? `data:image/png;base64,${seal.data.png}` : null;
}
