import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ERROR_CATALOGUE } from '../../shared/api/errors';

/**
 * The README is the user's document: it must keep up with the code it
 * describes. Its error table is checked against ERROR_CATALOGUE (every code,
 * its HTTP status and its message), every cloud function of the registry must
 * be named, and it must not point outside the repository or at issue numbers.
 */
const README = readFileSync(join(__dirname, '../../README.md'), 'utf8');

/**
 * The function names of `FUNCTIONS` in cloudfunctions/registry.ts, read from its text: importing it
 * would compile every function, and this test should not fail because a handler is half-edited.
 */
function registeredFunctions(): string[] {
  const source = readFileSync(join(__dirname, '../../cloudfunctions/registry.ts'), 'utf8');
  const body = /export const FUNCTIONS\b[^=]*=\s*\{([\s\S]*?)\n\};/.exec(source);
  if (!body) throw new Error('cannot find `export const FUNCTIONS = { … };` in cloudfunctions/registry.ts');
  return [...body[1].matchAll(/^\s*([A-Za-z_$][\w$]*)\s*:/gm)].map((m) => m[1]);
}

interface ErrorRow {
  code: string;
  status: number;
  message: string;
  when: string;
}

/** The rows of the table under `## Error codes`: | `CODE` | status | message | when | */
function errorRows(markdown: string): ErrorRow[] {
  const start = markdown.search(/^## Error codes\s*$/m);
  if (start < 0) throw new Error('README has no "## Error codes" section');
  const rest = markdown.slice(start).split('\n').slice(1);
  const end = rest.findIndex((line) => /^## /.test(line));
  const section = end < 0 ? rest : rest.slice(0, end);
  const rows: ErrorRow[] = [];
  for (const line of section) {
    const match = /^\|\s*`([A-Z_]+)`\s*\|\s*(\d{3})\s*\|([^|]*)\|([^|]*)\|\s*$/.exec(line);
    if (match) rows.push({ code: match[1], status: Number(match[2]), message: match[3].trim(), when: match[4].trim() });
    else if (/^\|\s*`/.test(line)) throw new Error(`an error table row the test cannot read: ${line}`);
  }
  return rows;
}

describe('README', () => {
  const rows = errorRows(README);
  const catalogue = ERROR_CATALOGUE as Record<string, { status: number; message: string }>;

  it('lists every error code of shared/api/errors.ts', () => {
    const listed = new Set(rows.map((r) => r.code));
    expect(Object.keys(catalogue).filter((code) => !listed.has(code))).toEqual([]);
  });

  it('lists no code that errors.ts does not have, and each code once', () => {
    expect(rows.map((r) => r.code).filter((code) => !(code in catalogue))).toEqual([]);
    const seen = new Set<string>();
    expect(rows.map((r) => r.code).filter((code) => seen.has(code) || !seen.add(code))).toEqual([]);
  });

  it("gives each code errors.ts's HTTP status and message, and says when it happens", () => {
    const wrong = rows
      .filter((r) => r.code in catalogue)
      .filter((r) => r.status !== catalogue[r.code].status || r.message !== catalogue[r.code].message || r.when.length === 0)
      .map((r) => `${r.code}: README ${r.status} ${r.message}; errors.ts ${catalogue[r.code].status} ${catalogue[r.code].message}`);
    expect(wrong).toEqual([]);
  });

  it('names every cloud function of cloudfunctions/registry.ts', () => {
    const names = registeredFunctions();
    expect(names.length).toBeGreaterThan(0);
    expect(names.filter((name) => !README.includes(`\`${name}\``))).toEqual([]);
  });

  it('names no path outside the repository', () => {
    const outside = README.split('\n').filter((line) => /\/work\/|\.\.\/shared|(^|[\s(`'"])\.\.\//.test(line));
    expect(outside).toEqual([]);
  });

  it('names no issue numbers', () => {
    const issues = README.split('\n').filter((line) => /\bissues?\s*#?\d+|(^|[\s(])#\d+\b/i.test(line));
    expect(issues).toEqual([]);
  });
});
