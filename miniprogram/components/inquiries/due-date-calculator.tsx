import { Button, Picker, Text, View } from '@tarojs/components';
import { useState } from 'react';
import type { DueDateAnswer } from '../../../shared/calendar/due-date-calculator';
import { call, messageOf } from '../../api/call';

/**
 * 期限计算器: "if I apply on this day, when must the bureau answer, and why" — the due date on the
 * bureau's own calendar with every step of the count, the holidays and 调休 passed, whether it is
 * provisional, and what could still move it. Any day can be tried.
 */
export function DueDateCalculator({ today }: { today: string }) {
  const [receivedOn, setReceivedOn] = useState(today);
  const [answer, setAnswer] = useState<DueDateAnswer | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function calculate(day: string) {
    setBusy(true);
    setProblem(null);
    try {
      setAnswer(await call('calendar', 'dueDate', { receivedOn: day }));
    } catch (e) {
      setProblem(messageOf(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <View className="card" data-testid="due-calculator">
      <Text className="section-title">答复期限计算器</Text>
      <Text className="hint">选择提交申请的日期，看看本机关最晚何时答复、为什么。</Text>
      <Picker mode="date" value={receivedOn} start="2000-01-01" end="2100-12-31" onChange={(e) => setReceivedOn(e.detail.value)}>
        <View className="field__input" data-testid="due-received-on">{receivedOn}</View>
      </Picker>
      <Button className="btn btn--primary btn--block" disabled={busy || undefined} onClick={() => void calculate(receivedOn)} data-testid="due-calculate">计算</Button>
      {problem ? <Text className="notice-box notice-box--error">{problem}</Text> : null}
      {answer ? (
        <View data-testid="due-answer">
          <Text className="notice-box" data-testid="due-on">
            最晚答复日期：{answer.dueOn}{answer.provisional ? '（暂定）' : ''}
          </Text>
          {answer.steps.map((s, i) => (
            <Text key={i} className="explain__line">{s}</Text>
          ))}
          {answer.provisionalNote ? <Text className="hint">{answer.provisionalNote}</Text> : null}
          <Text className="section-title">可能改变期限的情形</Text>
          {answer.mayChange.map((s, i) => (
            <Text key={i} className="explain__line">{s}</Text>
          ))}
        </View>
      ) : null}
    </View>
  );
}
