import type { NamedDay } from '../../shared/calendar/calendar-schema';

/**
 * The admin types a year's arrangement the way the State Council's notice
 * reads: one day per line, "2027-02-06 春节". Ranges are written
 * "2027-02-06~2027-02-12 春节" and expanded here, so a week-long holiday is
 * one line. What comes out is checked by the server's schema.
 */
export function parseDayLines(text: string): { days: NamedDay[]; problems: string[] } {
  const days: NamedDay[] = [];
  const problems: string[] = [];
  text.split('\n').forEach((raw, index) => {
    const line = raw.trim();
    if (!line) return;
    const match = /^(\d{4}-\d{2}-\d{2})(?:\s*[~～至-]\s*(\d{4}-\d{2}-\d{2}))?\s+(.+)$/.exec(line);
    if (!match) {
      problems.push(`第${index + 1}行格式应为“日期 名称”，如 2027-01-01 元旦`);
      return;
    }
    const [, from, to, name] = match;
    for (const date of datesFrom(from, to ?? from)) days.push({ date, name: name.trim() });
  });
  return { days, problems };
}

export function dayLines(days: NamedDay[]): string {
  return days.map((d) => `${d.date} ${d.name}`).join('\n');
}

function datesFrom(from: string, to: string): string[] {
  const out: string[] = [];
  const day = new Date(`${from}T00:00:00Z`);
  const end = new Date(`${to}T00:00:00Z`);
  if (Number.isNaN(day.getTime()) || Number.isNaN(end.getTime())) return [from];
  while (day <= end && out.length < 60) {
    out.push(day.toISOString().slice(0, 10));
    day.setUTCDate(day.getUTCDate() + 1);
  }
  return out;
}
