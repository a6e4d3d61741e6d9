// The calendar's chinese-days answers as a table, for the cloud function bundles (scripts/build-functions.mjs).
import { build } from 'esbuild';
import { isDeepStrictEqual } from 'node:util';
import { createRequire } from 'node:module';

const SOURCE = 'shared/calendar/chinese-days-source.ts';
/** Every year chinese-days might list an arrangement for is asked; it lists 2004 onwards today. */
const ASKED = { from: 1990, to: 2120 };

function evaluate(code) {
  const module = { exports: {} };
  new Function('module', 'exports', 'require', code)(module, module.exports, createRequire(import.meta.url));
  return module.exports;
}

/**
 * A year's days as "<name's index>:<spans>;…": "0101+2" is Jan 1 and the two days after it, so a holiday of
 * several days is one span, and each name (3 bytes a character) is written once for all years.
 */
function spans(days, names) {
  const byName = new Map();
  for (const { date, name } of days) {
    const list = byName.get(name) ?? [];
    const last = list[list.length - 1];
    if (last && nextDay(last.end) === date) last.end = date;
    else list.push({ start: date, end: date });
    byName.set(name, list);
  }
  return [...byName].map(([name, list]) => `${(names.includes(name) ? names : (names.push(name), names)).indexOf(name)}:${list.map(({ start, end }) => `${start.slice(5).replace('-', '')}${start === end ? '' : `+${daysBetween(start, end)}`}`).join(',')}`).join(';');
}
function nextDay(date) {
  return new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}
function daysBetween(a, b) {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

/** The module put in the source's place: the same exports, answered from the table. */
function tableModule(names, published, festivals, years) {
  return `
const NAMES = ${JSON.stringify(names)};
const PUBLISHED = ${JSON.stringify(published)};
const FESTIVALS = ${JSON.stringify(festivals)};
export const FESTIVAL_TABLE_YEARS = ${JSON.stringify(years)};
function day(year, mmdd, plus) {
  return new Date(Date.UTC(year, Number(mmdd.slice(0, 2)) - 1, Number(mmdd.slice(2)) + plus)).toISOString().slice(0, 10);
}
function days(year, table) {
  const out = [];
  for (const group of table ? table.split(';') : []) {
    const [index, list] = group.split(':');
    const name = NAMES[Number(index)];
    for (const span of list.split(',')) {
      const [start, more] = span.split('+');
      for (let i = 0; i <= Number(more || 0); i++) out.push({ date: day(year, start, i), name });
    }
  }
  return out.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}
export function publishedYear(year) {
  const row = PUBLISHED[year];
  return row ? { holidays: days(year, row[0]), workdays: days(year, row[1]) } : null;
}
export function festivalDates(year) {
  if (year < FESTIVAL_TABLE_YEARS.from || year > FESTIVAL_TABLE_YEARS.to) return null;
  const row = FESTIVALS.slice((year - FESTIVAL_TABLE_YEARS.from) * 16, (year - FESTIVAL_TABLE_YEARS.from + 1) * 16);
  const at = (i) => day(year, row.slice(i * 4, i * 4 + 4), 0);
  return { lunarNewYear: at(0), qingming: at(1), duanwu: at(2), zhongqiu: at(3) };
}
`;
}

/**
 * An esbuild plugin putting the table in place of chinese-days-source.ts. The table is checked against
 * the source for every year asked before it is used: a build whose table would answer differently fails.
 */
export async function calendarTablesPlugin() {
  const { outputFiles } = await build({ entryPoints: [SOURCE], bundle: true, platform: 'node', format: 'cjs', write: false, logLevel: 'warning' });
  const source = evaluate(outputFiles[0].text);
  const years = source.FESTIVAL_TABLE_YEARS;
  const published = {};
  const names = [];
  for (let year = ASKED.from; year <= ASKED.to; year++) {
    const found = source.publishedYear(year);
    if (found) published[year] = [spans(found.holidays, names), spans(found.workdays, names)];
  }
  let festivals = '';
  for (let year = years.from; year <= years.to; year++) {
    const f = source.festivalDates(year);
    for (const date of [f.lunarNewYear, f.qingming, f.duanwu, f.zhongqiu]) {
      if (!date.startsWith(`${year}-`)) throw new Error(`calendar tables: ${date} is not in ${year}`);
      festivals += date.slice(5).replace('-', '');
    }
  }
  const contents = tableModule(names, published, festivals, years);
  const { outputFiles: tableOut } = await build({ stdin: { contents, loader: 'js' }, format: 'cjs', write: false, logLevel: 'warning' });
  const table = evaluate(tableOut[0].text);
  for (let year = ASKED.from; year <= ASKED.to; year++) {
    if (!isDeepStrictEqual(table.publishedYear(year), source.publishedYear(year))) throw new Error(`calendar tables: the arrangement of ${year} differs from chinese-days'`);
    if (!isDeepStrictEqual(table.festivalDates(year), source.festivalDates(year))) throw new Error(`calendar tables: the festivals of ${year} differ from chinese-days'`);
  }
  return {
    name: 'calendar-tables',
    setup(b) {
      b.onLoad({ filter: /shared[\\/]calendar[\\/]chinese-days-source\.ts$/ }, () => ({ contents, loader: 'js' }));
    },
  };
}
