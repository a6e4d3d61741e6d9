/**
 * The information processing fee (信息处理费) of 条例 Art. 42, as the State
 * Council's 《政府信息公开信息处理费管理办法》 (国办函〔2020〕109号) sets it.
 * Disclosure on request is free; a fee exists only to temper applications
 * beyond a reasonable number or volume, and is counted progressively (超额累进,
 * 办法 Art. 3) by one of two tables, never both for one applicant:
 *
 * - 按件计收 (`perItem`, Art. 4): by the applicant's applications in one natural
 *   month — the 1st to 10th free, the 11th to 30th 100 元 each, and from the
 *   31st each band of 10 costs 100 元 more per item than the band before
 *   (31st–40th 200 元, 41st–50th 300 元, …). One application that asks for
 *   several things may be counted as several items (一事一申请).
 * - 按量计收 (`perPage`, Art. 5): by the pages provided for the application —
 *   up to 30 free, the 31st to 100th 10 元 a page, the 101st to 200th 20 元, from
 *   the 201st 40 元.
 *
 * Amounts are whole 元. Pure: the applicant's other applications in the month
 * are read by the caller and passed in as `FeeMonth`.
 */

export const FEE_METHODS = ['perItem', 'perPage'] as const;
export type FeeMethod = (typeof FEE_METHODS)[number];

export const FEE_METHOD_LABELS: Record<FeeMethod, string> = { perItem: '按件计收', perPage: '按量计收' };
export const FEE_UNIT_LABELS: Record<FeeMethod, string> = { perItem: '件', perPage: '页' };

/** 办法: the applicant has 20 working days from the fee notice to pay; unpaid, the application is not processed further. */
export const FEE_PAYMENT_WORKING_DAYS = 20;

/** The most units one notice may name: far beyond any real application, it bounds the arithmetic. */
export const MAX_FEE_UNITS = 100_000;

/** Free items per applicant and natural month (Art. 4 (一)). */
export const FREE_ITEMS_PER_MONTH = 10;
/** Free pages per application (Art. 5 (一)). */
export const FREE_PAGES = 30;

/** The price of the n-th item of an applicant's month (n from 1), in 元. */
export function perItemRate(n: number): number {
  if (n <= FREE_ITEMS_PER_MONTH) return 0;
  if (n <= 30) return 100;
  // From the 31st: bands of 10, each 100 元 per item above the one before.
  return 100 + 100 * Math.ceil((n - 30) / 10);
}

/** The price of the n-th page of an application (n from 1), in 元. */
export function perPageRate(n: number): number {
  if (n <= FREE_PAGES) return 0;
  if (n <= 100) return 10;
  if (n <= 200) return 20;
  return 40;
}

export function rateOf(method: FeeMethod, n: number): number {
  return method === 'perItem' ? perItemRate(n) : perPageRate(n);
}

/** One run of units at the same price: 「第 11—12 件，每件 100 元，计 200 元」. */
export interface FeeBand {
  from: number;
  to: number;
  rate: number;
  subtotal: number;
}

export interface FeeComputation {
  method: FeeMethod;
  /** The units counted before this application's (the month's earlier items; 0 for pages). */
  unitsBefore: number;
  units: number;
  /** The table's amount for this application's units, in 元. */
  amount: number;
  /** The bands the units fall into, in order (free ones included), for the notice's "how computed". */
  bands: FeeBand[];
}

/**
 * What the table charges for `units` more units after `unitsBefore` already counted: the sum of
 * each unit's price at its position. Bands are found from the tables' thresholds, so a million
 * pages cost no more work than ten.
 */
export function computeFee(method: FeeMethod, unitsBefore: number, units: number): FeeComputation {
  const bands: FeeBand[] = [];
  let n = unitsBefore + 1;
  const last = unitsBefore + units;
  while (n <= last) {
    const rate = rateOf(method, n);
    const to = Math.min(last, bandEnd(method, n));
    bands.push({ from: n, to, rate, subtotal: rate * (to - n + 1) });
    n = to + 1;
  }
  return { method, unitsBefore, units, amount: bands.reduce((sum, b) => sum + b.subtotal, 0), bands };
}

/** The last position priced like position n. */
function bandEnd(method: FeeMethod, n: number): number {
  if (method === 'perPage') return n <= FREE_PAGES ? FREE_PAGES : n <= 100 ? 100 : n <= 200 ? 200 : Number.MAX_SAFE_INTEGER;
  if (n <= FREE_ITEMS_PER_MONTH) return FREE_ITEMS_PER_MONTH;
  if (n <= 30) return 30;
  return 30 + 10 * Math.ceil((n - 30) / 10);
}

/** The lines a notice prints to say how the amount was reached. */
export function describeFee(c: FeeComputation): string[] {
  const unit = FEE_UNIT_LABELS[c.method];
  const head =
    c.method === 'perItem'
      ? `按件计收：您本自然月内此前已申请 ${c.unitsBefore} 件，本申请计 ${c.units} 件，为本月第 ${c.unitsBefore + 1}${c.units > 1 ? `—${c.unitsBefore + c.units}` : ''} 件（《政府信息公开信息处理费管理办法》第四条）`
      : `按量计收：本申请所提供的信息共 ${c.units} 页（《政府信息公开信息处理费管理办法》第五条）`;
  const lines = c.bands.map((b) => {
    const span = b.from === b.to ? `第 ${b.from} ${unit}` : `第 ${b.from}—${b.to} ${unit}`;
    return b.rate === 0 ? `${span}：不收费` : `${span}：每${unit} ${b.rate} 元，计 ${b.subtotal} 元`;
  });
  return [head, ...lines, `合计 ${c.amount} 元`];
}

/**
 * What the caller reads of the applicant's other applications in the natural month of this one:
 * the items counted before it, and whether a fee notice of the other method was issued to the
 * applicant that month (办法 Art. 3: the two tables are never both applied).
 */
export interface FeeMonth {
  /** YYYY-MM (Beijing), the month the application was received in. */
  month: string;
  itemsBefore: number;
  otherMethod: FeeMethod | null;
}

/** Who the applicant is across their applications: the document they identified themselves with. */
export function applicantKey(a: { type: string; idType?: string; idNumber?: string; creditCode?: string }): string | null {
  if (a.type === 'organization') return a.creditCode ? `org:${a.creditCode}` : null;
  return a.idType && a.idNumber ? `person:${a.idType}:${a.idNumber}` : null;
}

/** An application as feeMonthOf reads it. */
export interface MonthApplication {
  id: string;
  applicant: { type: string; idType?: string; idNumber?: string; creditCode?: string };
  receivedOn: string | null;
  submittedAt: string;
  fee?: { method: FeeMethod; units: number; waived: boolean } | null;
}

/**
 * The fee facts of `self`'s month from the applicant's applications received that month (others of
 * other applicants are ignored). An application counts as one item, or as the items its own per-item
 * notice counted it as; it is "before" this one when received earlier (or the same day, submitted
 * earlier).
 */
export function feeMonthOf(self: MonthApplication, method: FeeMethod, applications: readonly MonthApplication[]): FeeMonth {
  const month = (self.receivedOn ?? '').slice(0, 7);
  const key = applicantKey(self.applicant);
  const mine = applications.filter((a) => a.id !== self.id && a.receivedOn?.slice(0, 7) === month && key !== null && applicantKey(a.applicant) === key);
  const before = mine.filter((a) => (a.receivedOn as string) < (self.receivedOn as string) || (a.receivedOn === self.receivedOn && a.submittedAt < self.submittedAt));
  const itemsBefore = before.reduce((sum, a) => sum + (a.fee?.method === 'perItem' ? a.fee.units : 1), 0);
  const other = mine.find((a) => a.fee && !a.fee.waived && a.fee.method !== method);
  return { month, itemsBefore, otherMethod: other?.fee?.method ?? null };
}

/** The units counted before this application's: the month's earlier items per item; none per page (each application's pages alone). */
export function unitsBeforeOf(method: FeeMethod, month: FeeMonth): number {
  return method === 'perItem' ? month.itemsBefore : 0;
}
