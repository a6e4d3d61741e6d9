import { workingDaysBetween, type WorkingCalendar } from '../calendar/working-calendar';
import { INQUIRY_CHANNELS, type InquiryChannel, type InquiryKind, type InquiryRecord } from './inquiry-types';

/**
 * The year's figures of the inquiry line (件件有记录、有回复, counted): cases per month and
 * channel, how many were answered by their due date, the median working days to a first answer,
 * and how residents rated the answers. Counts only: no case, asker or complainant is named.
 * Pure: the cases and the calendar are arguments.
 */
export type FiguredCase = Pick<InquiryRecord, 'kind' | 'channel' | 'receivedOn' | 'firstAnswer' | 'rating'>;

export interface CaseFigures {
  year: number;
  total: number;
  byKind: Record<InquiryKind, number>;
  byChannel: Record<InquiryChannel, number>;
  months: Array<{ month: string; total: number; byChannel: Record<InquiryChannel, number> }>;
  answered: number;
  answeredOnTime: number;
  /** answeredOnTime / answered; null with nothing answered. */
  onTimeRate: number | null;
  /** Working days from receipt to the first answer (0: answered on the day), median; null with nothing answered. */
  medianWorkingDaysToAnswer: number | null;
  rated: number;
  helpful: number;
  helpfulRate: number | null;
}

const zeroChannels = (): Record<InquiryChannel, number> => Object.fromEntries(INQUIRY_CHANNELS.map((c) => [c, 0])) as Record<InquiryChannel, number>;

export function caseFigures(cases: Iterable<FiguredCase>, year: number, calendar: WorkingCalendar): CaseFigures {
  const months = Array.from({ length: 12 }, (_, i) => ({ month: `${year}-${String(i + 1).padStart(2, '0')}`, total: 0, byChannel: zeroChannels() }));
  const f: CaseFigures = {
    year, total: 0, byKind: { inquiry: 0, complaint: 0 }, byChannel: zeroChannels(), months,
    answered: 0, answeredOnTime: 0, onTimeRate: null, medianWorkingDaysToAnswer: null, rated: 0, helpful: 0, helpfulRate: null,
  };
  const waits: number[] = [];
  for (const c of cases) {
    if (Number(c.receivedOn.slice(0, 4)) !== year) continue;
    f.total += 1;
    f.byKind[c.kind] += 1;
    f.byChannel[c.channel] += 1;
    const month = months[Number(c.receivedOn.slice(5, 7)) - 1];
    month.total += 1;
    month.byChannel[c.channel] += 1;
    if (c.firstAnswer) {
      f.answered += 1;
      if (c.firstAnswer.onTime) f.answeredOnTime += 1;
      waits.push(Math.max(0, workingDaysBetween(calendar, c.receivedOn, c.firstAnswer.on)));
    }
    if (c.rating) {
      f.rated += 1;
      if (c.rating.helpful) f.helpful += 1;
    }
  }
  f.onTimeRate = f.answered ? f.answeredOnTime / f.answered : null;
  f.helpfulRate = f.rated ? f.helpful / f.rated : null;
  f.medianWorkingDaysToAnswer = median(waits);
  return f;
}

function median(values: number[]): number | null {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
