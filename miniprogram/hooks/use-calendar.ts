import { call } from '../api/call';
import { useRemote } from './use-remote';

/** A year's holiday arrangement as the deadlines are counted on it, and whether it has been entered. */
export function useCalendarYear(year: number) {
  return useRemote(() => call('calendar', 'days', { year }), [year]);
}
