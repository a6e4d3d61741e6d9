import { Button, Text, View } from '@tarojs/components';
import { useState } from 'react';
import type { CalendarYearView, NamedDay } from '../../../shared/calendar/calendar-schema';
import { ChoiceGroup } from '../../components/requests/choice-group';
import { daysOf, newRow, rowsOf, type DayRow, type RowKind } from '../calendar-rows';
import { DateField, FormField, TextField } from './form-field';

const KIND_OPTIONS: ReadonlyArray<{ value: RowKind; label: string }> = [
  { value: 'holiday', label: '休（放假）' },
  { value: 'workday', label: '班（调休上班）' },
];

/**
 * 录入全年安排: the year's holidays and make-up working days as picked rows (calendar-rows.ts) — add a
 * day or a run, mark it 休 or 班, name it, remove it — saved whole (`calendar.setYear` replaces the
 * year). `errors` are the server's, for the two lists; a row's own problem is shown beside it.
 */
export function YearDaysEditor(props: {
  year: number;
  initial: CalendarYearView;
  errors: Record<string, string>;
  busy: boolean;
  onSave: (year: number, holidays: NamedDay[], workdays: NamedDay[]) => void;
}) {
  const [rows, setRows] = useState<DayRow[]>(() => {
    const stored = rowsOf(props.initial.holidays, props.initial.workdays);
    return stored.length ? stored : [newRow()];
  });
  const [problems, setProblems] = useState<Record<number, string>>({});
  const start = `${props.year}-01-01`;
  const end = `${props.year}-12-31`;

  const change = (key: number, patch: Partial<DayRow>) => {
    setRows(rows.map((r) => (r.key === key ? { ...r, ...patch } : r)));
    if (problems[key]) setProblems({ ...problems, [key]: '' });
  };
  const save = () => {
    const out = daysOf(rows, props.year);
    setProblems(out.problems);
    if (Object.keys(out.problems).length === 0) props.onSave(props.year, out.holidays, out.workdays);
  };
  const serverError = [props.errors.holidays, props.errors.workdays, props.errors.year].filter(Boolean).join('；');

  return (
    <View data-testid="year-editor">
      <Text className="section-title">录入全年安排</Text>
      <Text className="hint">按国务院公布的安排逐项添加：选择日期（连续几天的，再选“至”），选休或班，填写名称。保存后替换 {props.year} 年的全部安排。</Text>
      {rows.map((row, index) => (
        <View key={row.key} className="card year-day" data-testid="year-day">
          <View className="audit-filters__row">
            <FormField label={`第 ${index + 1} 项 日期`} required error={problems[row.key] || undefined}>
              <DateField name={`yearDayFrom-${index}`} label={`第 ${index + 1} 项的日期`} value={row.from} start={start} end={end} onChange={(from) => change(row.key, { from })} />
            </FormField>
            <FormField label="至（连续多天时）">
              <DateField name={`yearDayTo-${index}`} label={`第 ${index + 1} 项的结束日期`} placeholder="仅一天" value={row.to} start={row.from || start} end={end} clearable onChange={(to) => change(row.key, { to })} />
            </FormField>
          </View>
          <ChoiceGroup name={`yearDayKind-${index}`} options={KIND_OPTIONS} value={row.kind} onChange={(kind) => change(row.key, { kind })} />
          <FormField label="名称" required>
            <TextField name={`yearDayName-${index}`} value={row.name} onChange={(name) => change(row.key, { name })} placeholder="如 春节、国庆调休" />
          </FormField>
          <Button className="btn btn--plain btn--small" onClick={() => setRows(rows.filter((r) => r.key !== row.key))} data-testid={`remove-year-day-${index}`}>
            删除这一项
          </Button>
        </View>
      ))}
      <Button className="btn btn--plain btn--block" onClick={() => setRows([...rows, newRow(rows[rows.length - 1]?.kind)])} data-testid="add-year-day">
        添加一项
      </Button>
      {serverError ? <Text className="field__error" data-testid="year-error">{serverError}</Text> : null}
      <Button className="btn btn--primary btn--block" disabled={props.busy || undefined} onClick={save} data-testid="save-year">
        保存{props.year}年安排
      </Button>
    </View>
  );
}
