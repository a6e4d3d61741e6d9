import { Text } from '@tarojs/components';
import { useState } from 'react';

/** One day of a working-day count: its number in the count, or null for a day not counted. */
interface CountedDayLine<K extends string> {
  date: string;
  count: number | null;
  kind: K;
  name: string | null;
}

/**
 * 逐日明细: a count of working days shown day by day on request — each day counted (第N个工作日) or
 * skipped (why, in the caller's words for each kind), with the holiday's or 调休's name. A request's
 * due date and the guide's deadline calculator both show their count this way.
 */
export function DayByDay<K extends string>({ days, kindText, toggleTestId, dayTestId }: { days: readonly CountedDayLine<K>[]; kindText: Record<K, string>; toggleTestId: string; dayTestId: string }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Text role="button" tabIndex={0} className="explain__toggle" onClick={() => setOpen(!open)} data-testid={toggleTestId}>
        {open ? '收起逐日明细 ▲' : '查看逐日明细 ▼'}
      </Text>
      {open &&
        days.map((d) => (
          <Text key={d.date} className="explain__line" data-testid={dayTestId}>
            {d.date}　{d.count !== null ? `第${d.count}个工作日` : kindText[d.kind]}
            {d.name ? `　${d.name}` : ''}
            {d.kind === 'makeupWorkday' && d.count !== null ? '（调休上班）' : ''}
          </Text>
        ))}
    </>
  );
}
