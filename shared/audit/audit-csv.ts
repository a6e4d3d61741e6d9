import { formatBeijingDateTime } from '../time/beijing-time';
import { AUDIT_KIND_LABELS } from './audit-record';
import type { AuditEntryView } from './audit-contract';

/** Excel opens a CSV as the local code page unless it starts with a byte order mark. */
export const UTF8_BOM = '\uFEFF';

const HEADER = ['时间（北京时间）', '操作人', 'OPENID', '操作', '操作说明', '类别', '记录编号', '涉及字段'];

/**
 * The export as CSV, for whoever audits the bureau: it keeps the OPENID and the record ids (what the
 * trail is searched and matched by) that the page never shows. The export as CSV (RFC 4180: quoted where needed, CRLF lines). A cell that begins like a formula
 * (= + - @) is prefixed with `'`, so a name typed by someone cannot run as a formula in Excel.
 */
export function auditCsv(entries: AuditEntryView[]): string {
  const lines = [HEADER, ...entries.map((e) => [
    formatBeijingDateTime(e.at),
    e.actorLabel,
    e.actor,
    e.action,
    e.actionLabel,
    AUDIT_KIND_LABELS[e.kind],
    e.recordIds.join(' '),
    e.fields.join(' '),
  ])];
  return UTF8_BOM + lines.map((cells) => cells.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
