import * as z from 'zod/mini';
import '../api/zod-messages';
import { action } from '../api/define';
import { anyone, staff } from '../staff/roles';
import type { DueDateAnswer } from './due-date-calculator';
import { CalendarYearSchema, SetDaySchema, SetYearSchema, type CalendarChangeResult, type CalendarYearView } from './calendar-schema';

/** Function `calendar`: the working-day arrangement the deadlines are counted on. */
export const calendarContract = {
  days: action<CalendarYearView>()({
    input: z.strictObject({ year: CalendarYearSchema }),
    access: anyone,
    summary: '某一年的节假日与调休安排，以及是否已录入',
    writes: false,
  }),
  dueDate: action<DueDateAnswer>()({
    input: z.strictObject({ receivedOn: z.iso.date('请选择有效的日期').check(z.refine((d) => d >= '2000-01-01' && d <= '2100-12-31', '请选择 2000 年至 2100 年之间的日期')), workingDays: z.optional(z.number().check(z.int(), z.gte(1), z.lte(60))) }),
    access: anyone,
    summary: '期限计算器：某日收到申请，按本机关工作日历何日到期，跳过哪些节假日和调休',
    writes: false,
  }),
  setYear: action<CalendarChangeResult>()({
    input: SetYearSchema,
    access: staff('admin'),
    summary: '录入（替换）某一年的全部节假日和调休上班日；未办结申请的期限随之重算',
    writes: true,
  }),
  setDay: action<CalendarChangeResult>()({
    input: SetDaySchema,
    access: staff('admin'),
    summary: '更正某一天为放假、调休上班或普通日；未办结申请的期限随之重算',
    writes: true,
  }),
};
