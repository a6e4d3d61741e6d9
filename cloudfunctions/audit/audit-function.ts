import { ACTION_SUMMARIES } from '../../shared/audit/action-summaries';
import type { AuditEntryView, AuditFilters } from '../../shared/audit/audit-contract';
import { auditCsv } from '../../shared/audit/audit-csv';
import { beijingToday } from '../../shared/time/beijing-time';
import { defineFunction } from '../_runtime/define-function';
import { actorLabelOf, labelRecords } from './record-labels';
import { auditContract } from '../../shared/audit/audit-contract';
import type { HandlerContext } from '../_runtime/handler-context';
import type { Stored, Where } from '../_runtime/store/port';
import type { AuditRecord } from '../../shared/audit/audit-record';

const PAGE_SIZE = 20;
/** One export carries at most this many entries; a bureau needing more narrows the dates. */
export const EXPORT_LIMIT = 10_000;

/** Function `audit` (admins): search the trail and export it. Reading it is not itself audited: it holds no resident's data. */
export const auditFunction = defineFunction('audit', auditContract, {
  async search({ cursor, ...filters }, ctx) {
    const page = await ctx.store.collection('audit').find({ where: await whereOf(filters, ctx), orderBy: [['at', 'desc']], limit: PAGE_SIZE, cursor });
    const labels = await labelRecords(ctx.store, page.items);
    return { items: page.items.map((entry) => ({ ...toView(entry), records: entry.recordIds.map((id) => labels.get(id)!) })), nextCursor: page.nextCursor };
  },

  async export(filters, ctx) {
    const where = await whereOf(filters, ctx);
    const entries: AuditEntryView[] = [];
    let cursor: string | null = null;
    let truncated = false;
    do {
      const page = await ctx.store.collection('audit').find({ where, orderBy: [['at', 'desc']], limit: 1000, cursor });
      entries.push(...page.items.map(toView));
      cursor = page.nextCursor;
      if (entries.length >= EXPORT_LIMIT) {
        truncated = entries.length > EXPORT_LIMIT || cursor !== null;
        entries.length = Math.min(entries.length, EXPORT_LIMIT);
        break;
      }
    } while (cursor);
    return { filename: `操作记录-${beijingToday(ctx.now())}.csv`, csv: auditCsv(entries), rows: entries.length, truncated };
  },
});

/**
 * The filters as one store query. `actor` is a staff member's OPENID when the staff list knows it,
 * otherwise the name recorded with the entry (so a removed clerk is still found by name). Dates are
 * Beijing calendar days, both ends included.
 */
async function whereOf(filters: AuditFilters, ctx: HandlerContext): Promise<Where> {
  const where: Where = {};
  if (filters.actor) {
    where[(await isOpenid(filters.actor, ctx)) ? 'actor' : 'actorName'] = filters.actor;
  }
  if (filters.recordId) where.recordId = await recordIdOf(filters.recordId, ctx);
  if (filters.action) where.action = filters.action;
  if (filters.from || filters.to) {
    where.at = {
      ...(filters.from ? { gte: beijingDayStart(filters.from) } : {}),
      ...(filters.to ? { lt: beijingDayStart(filters.to, 1) } : {}),
    };
  }
  return where;
}

/**
 * Whether a person filter is an OPENID: someone on the staff list, or someone the trail recorded
 * without a name (未命名人员, tapped on the page: the page narrows by the OPENID it never shows).
 */
async function isOpenid(actor: string, ctx: HandlerContext): Promise<boolean> {
  if (await ctx.store.collection('staff').get(actor)) return true;
  const page = await ctx.store.collection('audit').find({ where: { actor }, orderBy: [['at', 'desc']], limit: 1 });
  return page.items.length > 0;
}

/**
 * What a person types in 记录编号 — the tracking number on a letter, a case's number — to the id the
 * trail holds; anything else is taken as an id.
 */
async function recordIdOf(typed: string, ctx: HandlerContext): Promise<string> {
  const [request] = (await ctx.store.collection('requests').find({ where: { trackingNumber: typed }, orderBy: [], limit: 1 })).items;
  if (request) return request.id;
  const [inquiry] = (await ctx.store.collection('inquiries').find({ where: { caseNumber: typed }, orderBy: [['caseNumber', 'asc']], limit: 1 })).items;
  return inquiry ? inquiry.id : typed;
}

/** The UTC instant a Beijing calendar day (plus `days`) begins, as stored times are written. */
export function beijingDayStart(day: string, days = 0): string {
  const start = new Date(`${day}T00:00:00+08:00`);
  start.setUTCDate(start.getUTCDate() + days);
  return start.toISOString();
}

function toView(entry: Stored<AuditRecord>): AuditEntryView {
  return {
    id: entry.id,
    at: entry.at,
    actor: entry.actor,
    actorName: entry.actorName,
    actorLabel: actorLabelOf(entry.actorName),
    action: entry.action,
    actionLabel: actionLabelOf(entry.action),
    kind: entry.kind,
    recordIds: entry.recordIds,
    fields: entry.fields,
  };
}

/**
 * What an action does, from the contract's summary (a generated table: the contract itself would bring
 * every function's schemas into this bundle); an action since removed keeps its name.
 */
function actionLabelOf(name: string): string {
  return Object.prototype.hasOwnProperty.call(ACTION_SUMMARIES, name) ? ACTION_SUMMARIES[name] : name;
}
