import * as z from 'zod';
import '../api/zod-messages';
import { action } from '../api/define';
import { anyone, staff } from '../staff/roles';
import { CalendarYearSchema, SetDaySchema, SetYearSchema, type CalendarChangeResult, type CalendarYearView } from './calendar-schema';

/** Function `calendar`: the working-day arrangement the deadlines are counted on. */
export const calendarContract = {
  days: action<CalendarYearView>()({
    input: z.strictObject({ year: CalendarYearSchema }),
    access: anyone,
    summary: '某一年的节假日与调休安排，以及是否已录入',
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
