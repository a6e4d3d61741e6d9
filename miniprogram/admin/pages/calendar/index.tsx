import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { call } from '../../../api/call';
import { ChoiceGroup } from '../../../components/requests/choice-group';
import { optionsOf } from '../../../components/requests/request-labels';
import { useCalendarYear } from '../../../hooks/use-calendar';
import { useValidatedForm } from '../../../hooks/use-validated-form';
import { fieldErrorsOf } from '../../../../shared/api/zod-messages';
import { DAY_KINDS, DAY_KIND_LABELS, SetDaySchema, SetYearSchema, type DayKind, type NamedDay } from '../../../../shared/calendar/calendar-schema';
import { beijingToday, formatBeijingDateTime } from '../../../../shared/time/beijing-time';
import { DateField, FormField, TextField } from '../../components/form-field';
import { YearDaysEditor } from '../../components/year-days-editor';
import '../../../components/requests/requests.css';

const SOURCE_TEXT = { 'chinese-days': '国务院公布的安排（内置数据）', bureau: '本机关录入', none: '尚未录入' } as const;

/**
 * Admin: the working-day calendar the deadlines are counted on. Enter a
 * year's holidays and make-up working days when the State Council announces
 * them, or correct a single day; every open request's due date is then
 * recomputed on the server and the change shows on its timeline.
 */
export default function CalendarAdminPage() {
  const thisYear = Number(beijingToday(new Date()).slice(0, 4));
  const [year, setYear] = useState(thisYear);
  const calendar = useCalendarYear(year);
  const next = useCalendarYear(thisYear + 1);
  const [day, setDay] = useState({ date: '', kind: 'holiday' as DayKind, name: '' });
  const [outcome, setOutcome] = useState<string | null>(null);

  /** Both forms: the outcome line says how many open requests' due dates moved, then both years are reloaded. */
  const saved = {
    done: '已保存',
    onDone: (result: { recomputed: number }) => {
      setOutcome(`已保存。${result.recomputed ? `${result.recomputed} 件未办结申请的答复期限已重新计算。` : '没有申请的答复期限因此改变。'}`);
      return Promise.all([calendar.reload(), next.reload()]);
    },
  };
  const yearForm = useValidatedForm({
    schema: SetYearSchema,
    submit: (checked) => call('calendar', 'setYear', checked),
    ...saved,
    // Point at the line: "holidays.3.date" → the 4th day of the holidays box.
    errorsOf: (error, input) => {
      const byList: Record<string, string> = {};
      for (const [path, message] of Object.entries(fieldErrorsOf(error))) {
        const [list, index] = path.split('.');
        const days = list === 'holidays' ? input.holidays : input.workdays;
        byList[list] = byList[list] ?? (index !== undefined && days[Number(index)] ? `${days[Number(index)].date}：${message}` : message);
      }
      return byList;
    },
  });
  /**
   * Saving the calendar moves every open deadline counted over it and tells the people concerned: say
   * so, and save only on 确认.
   */
  async function confirmRecompute(change: string): Promise<boolean> {
    const { confirm } = await Taro.showModal({
      title: '确认保存工作日历',
      content: `${change}保存后，所有未办结申请的答复期限、差评整改期限和咨询投诉的答复期限将按新日历重新计算；期限有变化的，申请人、整改人员和提问的居民会收到通知。`,
      confirmText: '确认保存',
      cancelText: '再看看',
    });
    return confirm;
  }
  const dayForm = useValidatedForm({ schema: SetDaySchema, submit: (checked) => call('calendar', 'setDay', checked), ...saved });
  const busy = yearForm.busy || dayForm.busy;

  function saveYear(editedYear: number, holidays: NamedDay[], workdays: NamedDay[]) {
    const input = { year: editedYear, holidays, workdays };
    if (!yearForm.validate(input)) return;
    void confirmRecompute(`${editedYear}年的节假日和调休安排将替换为所填的 ${holidays.length} 个休息日、${workdays.length} 个调休上班日。`).then((ok) => { if (ok) void yearForm.submit(input); });
  }

  function saveDay() {
    const input = { date: day.date.trim(), kind: day.kind, ...(day.name.trim() ? { name: day.name } : {}) };
    if (!dayForm.validate(input)) return;
    void confirmRecompute(`${input.date} 将改为“${DAY_KIND_LABELS[day.kind]}”。`).then((ok) => { if (ok) void dayForm.submit(input); });
  }

  const years = [thisYear - 1, thisYear, thisYear + 1];
  return (
    <View className="page request-page form" data-testid="calendar-admin">
      {next.data && !next.data.covered && (
        <Text className="notice-box notice-box--error" data-testid="coverage-warning">
          {thisYear + 1} 年的节假日安排尚未录入：期限落在 {thisYear + 1} 年的申请只能暂按周一至周五计算，标为“暂定”。国务院公布安排后请尽快录入。
        </Text>
      )}
      <ChoiceGroup name="year" options={years.map((y) => ({ value: String(y), label: `${y}年` }))} value={String(year)} onChange={(y) => setYear(Number(y))} />

      {calendar.error ? (
        <Text className="notice-box notice-box--error">{calendar.error.message}</Text>
      ) : !calendar.data ? (
        <Text className="list-state">正在加载…</Text>
      ) : (
        <>
          <View className="card" data-testid="calendar-source">
            <Text>
              {calendar.data.year}年：{calendar.data.covered ? '已录入' : '未录入'}，来源 {SOURCE_TEXT[calendar.data.source]}
              {calendar.data.updatedAt ? `，${formatBeijingDateTime(calendar.data.updatedAt)} 最后修改（修改人见操作记录）` : ''}
            </Text>
          </View>
          {/* Keyed by what was loaded: the rows start from the stored arrangement instead of being overwritten after they mount. */}
          <YearDaysEditor key={`${calendar.data.year}-${calendar.data.updatedAt ?? 'builtin'}`} year={calendar.data.year} initial={calendar.data} errors={yearForm.errors} busy={busy} onSave={saveYear} />
        </>
      )}

      <Text className="section-title">更正某一天</Text>
      <FormField label="日期" required error={dayForm.errors.date}>
        <DateField name="dayDate" label="更正的日期" value={day.date} onChange={(date) => setDay({ ...day, date })} />
      </FormField>
      <FormField label="改为" required error={dayForm.errors.kind}>
        <ChoiceGroup name="dayKind" options={optionsOf(DAY_KINDS, DAY_KIND_LABELS)} value={day.kind} onChange={(kind) => setDay({ ...day, kind })} />
      </FormField>
      <FormField label="名称" required={day.kind !== 'ordinary'} error={dayForm.errors.name}>
        <TextField name="dayName" value={day.name} onChange={(name) => setDay({ ...day, name })} placeholder="如 国庆节、国庆调休" />
      </FormField>
      <Button className="btn btn--primary btn--block" disabled={busy || undefined} onClick={saveDay} data-testid="save-day">
        保存更正
      </Button>
      {outcome ? <Text className="notice-box notice-box--ok" data-testid="calendar-outcome">{outcome}</Text> : null}
    </View>
  );
}
