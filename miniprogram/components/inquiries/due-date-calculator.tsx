import { Button, Picker, Text, View } from '@tarojs/components';
import { useRef, useState } from 'react';
import type { DueDateAnswer } from '../../../shared/calendar/due-date-calculator';
import type { CountedDay } from '../../../shared/calendar/working-day-count';
import { call, messageOf } from '../../api/call';
import { DayByDay } from '../day-by-day';

/** Each day of the count, as the request page's 逐日明细 reads. */
const DAY_TEXT: Record<CountedDay['kind'], string> = {
  start: '收到申请（第0日，不计入）',
  working: '工作日',
  makeupWorkday: '调休上班日（计入）',
  weekend: '周末（不计入）',
  holiday: '法定节假日（不计入）',
};

/**
 * 期限计算器: "if I apply on this day, when must the bureau answer, and why" — the due date on the
 * bureau's own calendar with every step of the count, the holidays and 调休 passed, whether it is
 * provisional, and what could still move it; day by day on request. Any day can be tried: picking one
 * counts it at once.
 */
export function DueDateCalculator({ today }: { today: string }) {
  const [receivedOn, setReceivedOn] = useState(today);
  const [answer, setAnswer] = useState<DueDateAnswer | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // The day last asked about: an answer for an earlier pick that arrives late is dropped.
  const asked = useRef(today);

  async function calculate(day: string) {
    asked.current = day;
    setBusy(true);
    setProblem(null);
    try {
      const counted = await call('calendar', 'dueDate', { receivedOn: day });
      if (asked.current === day) setAnswer(counted);
    } catch (e) {
      setProblem(messageOf(e));
    } finally {
      setBusy(false);
    }
  }

  // The answer always belongs to the day shown: a new day is counted at once, never left beside the old answer.
  const pick = (day: string) => {
    setReceivedOn(day);
    setAnswer(null);
    void calculate(day);
  };

  return (
    <View className="card" data-testid="due-calculator">
      <Text className="section-title">答复期限计算器</Text>
      <Text className="hint">选择提交申请的日期，看看本机关最晚何时答复、为什么。</Text>
      <Picker mode="date" value={receivedOn} start="2000-01-01" end="2100-12-31" onChange={(e) => pick(e.detail.value)} data-testid="due-date-picker">
        <View className="field__input" data-testid="due-received-on">{receivedOn}</View>
      </Picker>
      <Button className="btn btn--primary btn--block" disabled={busy || undefined} onClick={() => void calculate(receivedOn)} data-testid="due-calculate">计算</Button>
      {problem ? <Text className="notice-box notice-box--error">{problem}</Text> : null}
      {answer ? (
        <View data-testid="due-answer">
          <Text className="notice-box" data-testid="due-on">
            {answer.receivedOn} 提交，最晚答复日期：{answer.dueOn}{answer.provisional ? '（暂定）' : ''}
          </Text>
          <View className="explain">
            {answer.steps.map((s, i) => (
              <Text key={i} className="explain__line">{s}</Text>
            ))}
            {answer.provisionalNote ? <Text className="hint">{answer.provisionalNote}</Text> : null}
            <DayByDay days={answer.days} kindText={DAY_TEXT} toggleTestId="due-calculator-days-toggle" dayTestId="due-calculator-day" />
          </View>
          <Text className="section-title">可能改变期限的情形</Text>
          <View className="explain">
            {answer.mayChange.map((s, i) => (
              <Text key={i} className="explain__line">{s}</Text>
            ))}
          </View>
        </View>
      ) : null}
    </View>
  );
}
