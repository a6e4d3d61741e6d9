import * as z from 'zod/mini';

/**
 * Zod's own messages are written for programmers ("expected string, received
 * number"). Residents and clerks read ours, next to the form field, so every
 * schema in shared/ is configured here once with plain Chinese. Schemas that
 * need a more specific sentence pass it explicitly.
 */
type Issue = z.core.$ZodRawIssue;

export function residentMessage(issue: Issue): string {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined || issue.input === null ? '此项必填' : '格式不正确';
    case 'too_small':
      if (issue.origin === 'string') return Number(issue.minimum) <= 1 ? '此项必填' : `至少填写 ${issue.minimum} 个字`;
      if (issue.origin === 'array') return `至少需要 ${issue.minimum} 项`;
      return `不能小于 ${issue.minimum}`;
    case 'too_big':
      if (issue.origin === 'string') return `最多填写 ${issue.maximum} 个字`;
      if (issue.origin === 'array') return `最多 ${issue.maximum} 项`;
      return `不能大于 ${issue.maximum}`;
    case 'invalid_value':
      return '请选择有效的选项';
    case 'invalid_format':
      return issue.format === 'date' ? '日期格式应为 YYYY-MM-DD' : '格式不正确';
    case 'unrecognized_keys':
      return '包含不支持的字段';
    case 'invalid_union':
      return '内容类型不正确';
    default:
      return '填写的内容有误';
  }
}

z.config({ customError: residentMessage });

/**
 * Schema modules import this file for its effect (`import './zod-messages'`)
 * and zod itself as `import * as z from 'zod/mini'`. Re-exporting `z` from here
 * would defeat tree-shaking and pull all of zod's locales (~260 KB) into the
 * function bundles and the mini-program.
 *
 * Why zod/mini and not classic zod: classic schemas carry every check as a method
 * (`.email()`, `.url()`, `.ip()`…), so using one schema brings all of them, ~90 KB
 * in every function bundle. zod/mini's checks are functions imported by name
 * (`z.string().check(z.trim(), z.maxLength(100))`), so a bundle carries the checks
 * its schemas use (~25–30 KB). Both run the same validation core: the issues, and
 * so the messages above, are the same.
 */
/** Flattens zod issues into { "period.end": "message" } for forms; the first problem per field wins. */
export function fieldErrorsOf(error: z.core.$ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.join('.') : '_';
    if (!(key in fields)) fields[key] = issue.message;
  }
  return fields;
}

