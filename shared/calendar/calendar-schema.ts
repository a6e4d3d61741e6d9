import * as z from 'zod/mini';
import { refuseBidiControls } from '../api/bidi-controls';
import '../api/zod-messages';

/**
 * The bureau's working-day calendar as data (domain.md §2): for each year the
 * statutory holidays and the make-up working days (调休上班), with names. An
 * admin enters next year's arrangement when the State Council announces it
 * (usually November) and corrects single days when ad-hoc changes come.
 */
export const CalendarYearSchema = z.number().check(z.int(), z.gte(2000), z.lte(2100));

export const NamedDaySchema = z.strictObject({
  date: z.iso.date(),
  name: refuseBidiControls(z.string().check(z.trim(), z.minLength(1), z.maxLength(30))),
});
export type NamedDay = z.infer<typeof NamedDaySchema>;

export const SetYearSchema = z.strictObject({
  year: CalendarYearSchema,
  holidays: z.array(NamedDaySchema).check(z.maxLength(60)),
  workdays: z.array(NamedDaySchema).check(z.maxLength(20)),
}).check(z.superRefine((v, ctx) => {
  const seen = new Set<string>();
  (['holidays', 'workdays'] as const).forEach((list) =>
    v[list].forEach((day, index) => {
      if (!day.date.startsWith(`${v.year}-`)) {
        ctx.addIssue({ code: 'custom', path: [list, index, 'date'], message: `日期须在 ${v.year} 年内` });
      } else if (seen.has(day.date)) {
        ctx.addIssue({ code: 'custom', path: [list, index, 'date'], message: '同一天不能重复填写' });
      }
      seen.add(day.date);
    }),
  );
  v.workdays.forEach((day, index) => {
    const weekday = new Date(`${day.date}T00:00:00Z`).getUTCDay();
    if (weekday !== 0 && weekday !== 6) {
      ctx.addIssue({ code: 'custom', path: ['workdays', index, 'date'], message: '调休上班日应为周六或周日' });
    }
  });
}));
export type SetYearInput = z.input<typeof SetYearSchema>;

/** One day's correction: make it a holiday, a make-up working day, or back to an ordinary day. */
export const DAY_KINDS = ['holiday', 'workday', 'ordinary'] as const;
export type DayKind = (typeof DAY_KINDS)[number];
export const DAY_KIND_LABELS: Record<DayKind, string> = { holiday: '放假', workday: '调休上班', ordinary: '按周一至周五' };

export const SetDaySchema = z.strictObject({
  date: z.iso.date(),
  kind: z.enum(DAY_KINDS),
  name: z.optional(refuseBidiControls(z.string().check(z.trim(), z.maxLength(30)))),
}).check(z.refine((v) => v.kind === 'ordinary' || !!v.name, { message: '请填写节日或调休名称', path: ['name'] }));

/** Where a year's arrangement comes from. */
export type CalendarSource = 'chinese-days' | 'bureau' | 'none';

/** `calendar.days`: a year's arrangement and whether due dates in it are final. */
export interface CalendarYearView {
  year: number;
  /** False when nobody has entered this year's arrangement: due dates in it are provisional. */
  covered: boolean;
  source: CalendarSource;
  holidays: NamedDay[];
  workdays: NamedDay[];
  /**
   * When the bureau last changed it (null for the built-in data). Who changed it is not part of this
   * public answer: residents never see staff names; admins find it in 操作记录 (`audit.search`).
   */
  updatedAt: string | null;
}

export interface CalendarChangeResult {
  calendar: CalendarYearView;
  /** Open requests whose due date moved because of this change. */
  recomputed: number;
}
