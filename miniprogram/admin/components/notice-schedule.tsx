import { Button, Picker, Text, View } from '@tarojs/components';
import { useState } from 'react';
import { beijingPickToIso, isScheduled } from '../../../shared/notices/notice-schedule';
import type { Notice } from '../../../shared/notices/notice-schema';
import { formatBeijingDateTime, toBeijing } from '../../../shared/time/beijing-time';
import { FormField } from './form-field';

/**
 * 定时发布 in the editor: pick a day and a time (Beijing time, as staff read
 * it; the server stores UTC), then 定时发布; a scheduled notice shows when it
 * will go out, and can be moved or cancelled until then. The page does the
 * calls (it saves the draft first, as for 发布).
 */
export function NoticeSchedule(props: {
  notice: Notice | null;
  busy: boolean;
  error?: string;
  onSchedule: (publishAtIso: string) => void;
  onUnschedule: () => void;
}) {
  const { notice, busy } = props;
  const scheduled = notice && isScheduled(notice) ? notice.scheduledAt : null;
  // Tomorrow 09:00 unless a time is already set.
  const [date, setDate] = useState(() => (scheduled ? toBeijing(scheduled) : toBeijing(new Date()).add(1, 'day')).format('YYYY-MM-DD'));
  const [time, setTime] = useState(() => (scheduled ? toBeijing(scheduled).format('HH:mm') : '09:00'));
  const [today] = useState(() => toBeijing(new Date()).format('YYYY-MM-DD'));

  return (
    <View className="card schedule" data-testid="schedule-section">
      {scheduled ? (
        <Text className="schedule__status" data-testid="schedule-status">
          已设定定时发布：{formatBeijingDateTime(scheduled)}（北京时间），到时自动发布
        </Text>
      ) : (
        <Text className="schedule__status">定时发布：到点自动发布，与点“发布”相同</Text>
      )}
      <FormField label="发布日期" error={props.error}>
        <Picker mode="date" value={date} start={today} onChange={(e) => setDate(e.detail.value)}>
          <View className="field__picker" data-testid="schedule-date">{date}</View>
        </Picker>
      </FormField>
      <FormField label="发布时间（北京时间）">
        <Picker mode="time" value={time} onChange={(e) => setTime(e.detail.value)}>
          <View className="field__picker" data-testid="schedule-time">{time}</View>
        </Picker>
      </FormField>
      <View className="form__actions">
        <Button className="btn btn--primary" disabled={busy || undefined} onClick={() => props.onSchedule(beijingPickToIso(date, time))} data-testid="schedule">
          {scheduled ? '修改定时' : '定时发布'}
        </Button>
        {scheduled && (
          <Button className="btn btn--plain" disabled={busy || undefined} onClick={props.onUnschedule} data-testid="unschedule">
            取消定时
          </Button>
        )}
      </View>
    </View>
  );
}
