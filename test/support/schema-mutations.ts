/**
 * Bad inputs derived from a zod schema and one valid value: for every field
 * the schema describes, values of the wrong type, too short, too long, out of
 * range, not in the enum, plus unknown keys. Generated from the schema itself,
 * so a field added to the contract is attacked without anyone editing a test.
 */
export type Path = Array<string | number>;

export interface Mutation {
  path: Path;
  value: unknown;
  why: string;
  /**
   * The exact field key (dotted, `_` for the input itself) the answer must
   * name; when absent, the mutated path. Unknown keys are reported on the
   * object holding them, a cross-field rule on the field it names.
   */
  field?: string;
}

/** Strings a phone could send where a pattern applies: script and data URLs, traversal, markup, blanks. */
const HOSTILE_STRINGS = [
  'javascript:alert(1)',
  'JavaScript:alert(document.cookie)',
  ' javascript:alert(1)',
  'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
  'vbscript:msgbox(1)',
  'http://insecure.example/file.pdf',
  'file:///etc/passwd',
  '//evil.example/x',
  '../../etc/passwd',
  '<script>alert(1)</script>',
  'a',
  '\u0000',
];

const fieldOf = (path: Path): string => (path.length ? path.join('.') : '_');

type Def = { type: string; [key: string]: any };
const defOf = (schema: any): Def => schema._zod.def;

export function mutationsOf(schema: unknown, valid: unknown): Mutation[] {
  const out: Mutation[] = [];
  walk(schema, valid, [], out);
  return out;
}

function checks(def: Def): Array<Record<string, any>> {
  return (def.checks ?? []).map((c: any) => c._zod.def);
}

function walk(schema: unknown, value: unknown, path: Path, out: Mutation[]): void {
  const def = defOf(schema);
  switch (def.type) {
    case 'optional':
    case 'default':
    case 'nullable':
    case 'readonly':
      return walk(def.innerType, value, path, out);
    case 'pipe':
      return walk(def.in, value, path, out);
    case 'object': {
      out.push({ path, value: 'not an object', why: 'object replaced by a string' });
      out.push({ path, value: [], why: 'object replaced by an array' });
      if (value && typeof value === 'object') {
        out.push({ path, value: { ...(value as object), injected: true }, why: 'unknown key', field: fieldOf(path) });
        if (checks(def).some((c) => c.check === 'custom')) crossFieldMutations(schema, value as Record<string, unknown>, path, out);
      }
      for (const [key, field] of Object.entries(def.shape as Record<string, unknown>)) {
        walk(field, (value as Record<string, unknown> | undefined)?.[key], [...path, key], out);
      }
      return;
    }
    case 'union': {
      const discriminator: string | undefined = def.discriminator;
      if (!discriminator || !value || typeof value !== 'object') return;
      const tag = (value as Record<string, unknown>)[discriminator];
      out.push({ path: [...path, discriminator], value: 'bogus-kind', why: 'unknown discriminator' });
      const option = def.options.find((o: unknown) => {
        const lit = defOf(defOf(o).shape[discriminator]);
        return (lit.values ?? []).includes(tag);
      });
      if (option) walk(option, value, path, out);
      return;
    }
    case 'string': {
      out.push({ path, value: 42, why: 'number instead of string' });
      for (const c of checks(def)) {
        if (c.check === 'min_length' && c.minimum >= 1) out.push({ path, value: '   ', why: 'blank' });
        if (c.check === 'max_length') out.push({ path, value: '字'.repeat(c.maximum + 1), why: `longer than ${c.maximum}` });
      }
      if (def.format === 'date') out.push({ path, value: '2026-02-30', why: 'impossible date' });
      for (const c of checks(def)) {
        if (c.check !== 'string_format' || !(c.pattern instanceof RegExp)) continue;
        const pattern = new RegExp(c.pattern.source, c.pattern.flags.replace('g', ''));
        for (const hostile of HOSTILE_STRINGS) {
          if (!pattern.test(hostile)) out.push({ path, value: hostile, why: `breaks ${pattern}: ${hostile}` });
        }
      }
      return;
    }
    case 'number': {
      out.push({ path, value: '12', why: 'string instead of number' });
      out.push({ path, value: Number.NaN, why: 'NaN' });
      for (const c of checks(def)) {
        if (c.check === 'number_format' && /int/.test(c.format)) out.push({ path, value: 1.5, why: 'fraction' });
        if (c.check === 'greater_than') out.push({ path, value: c.value - 1, why: `below ${c.value}` });
        if (c.check === 'less_than') out.push({ path, value: c.value + 1, why: `above ${c.value}` });
      }
      return;
    }
    case 'enum':
      out.push({ path, value: 'bogus', why: 'not in the enum' });
      return;
    case 'literal':
      out.push({ path, value: 'bogus', why: 'not the literal' });
      return;
    case 'boolean':
      out.push({ path, value: 'yes', why: 'string instead of boolean' });
      return;
    case 'array': {
      out.push({ path, value: 'not an array', why: 'string instead of array' });
      const items = Array.isArray(value) ? value : [];
      for (const c of checks(def)) {
        if (c.check === 'min_length' && c.minimum >= 1) out.push({ path, value: [], why: 'empty array' });
        if (c.check === 'max_length' && items.length) {
          out.push({ path, value: Array.from({ length: c.maximum + 1 }, () => items[0]), why: `more than ${c.maximum} items` });
        }
      }
      if (items.length) walk(def.element, items[0], [...path, 0], out);
      return;
    }
    default:
      return;
  }
}

/**
 * Refine rules (end before start, id without version, …) cannot be read out
 * of the schema, so their breakers are searched for: swap two fields of the
 * same type, or drop one field, and keep each change that this object's own
 * schema refuses by a custom rule while accepting its fields one by one. The
 * field to be named is the one the rule reports.
 */
function crossFieldMutations(schema: any, value: Record<string, unknown>, path: Path, out: Mutation[]): void {
  const keys = Object.keys(value);
  const candidates: Array<[Record<string, unknown>, string]> = [];
  for (const a of keys) {
    const { [a]: _dropped, ...rest } = value;
    candidates.push([rest, `without ${a}`]);
    for (const b of keys) {
      if (a < b && typeof value[a] === typeof value[b] && value[a] !== value[b] && typeof value[a] !== 'object') {
        candidates.push([{ ...value, [a]: value[b], [b]: value[a] }, `${a} and ${b} swapped`]);
      }
    }
  }
  for (const [candidate, why] of candidates) {
    const result = schema.safeParse(candidate);
    if (result.success) continue;
    const issues = result.error.issues as Array<{ code: string; path: Path }>;
    if (!issues.every((issue) => issue.code === 'custom')) continue;
    out.push({ path, value: candidate, why: `cross-field rule: ${why}`, field: fieldOf([...path, ...issues[0].path]) });
  }
}

export function expectedField(mutation: Mutation): string {
  return mutation.field ?? fieldOf(mutation.path);
}

export function applyMutation(valid: unknown, mutation: Mutation): unknown {
  if (mutation.path.length === 0) return mutation.value;
  const copy = structuredClone(valid) as Record<string | number, unknown>;
  let cursor: Record<string | number, unknown> = copy;
  for (const key of mutation.path.slice(0, -1)) cursor = cursor[key] as Record<string | number, unknown>;
  cursor[mutation.path[mutation.path.length - 1]] = mutation.value;
  return copy;
}
