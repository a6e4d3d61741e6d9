import { AppError } from '../../shared/api/errors';
import { requireOwnUploads } from '../_runtime/require-own-uploads';
import { beijingToday } from '../../shared/time/beijing-time';
import type { Actor, RequestRecord } from '../../shared/requests/request-record';
import type { Application } from '../../shared/requests/request-schema';
import { requestInScope, requestScopeOf } from '../../shared/requests/department-scope';
import { toMySummary } from '../../shared/requests/request-view';
import { defineFunction } from '../_runtime/define-function';
import { recordAudit } from '../_runtime/audit-trail';
import { requestsContract } from '../../shared/requests/requests-contract';
import type { HandlerContext } from '../_runtime/handler-context';
import { loadCalendar } from '../calendar/calendar-data';
import { loadSeal } from './bureau-seal';
import { layoutLetter } from '../../shared/requests/letter-layout';
import { decideAccess, isStaff, staff } from '../../shared/staff/roles';
import { applicant, ownRequest, requests, staffActor, viewFor } from './request-views';

/**
 * Function `requests` (依申请公开). Thin: every decision is the state machine's
 * (shared/requests/request-machine.ts); this file loads, stores and answers.
 *
 * What a call needs loads with it: the function starts with the reads (a resident's list and request
 * page, a letter); the request machine comes with the first change (request-changes.ts), the staff
 * actions with the first staff call (staff-actions.ts). Cold start parses the reads alone.
 */
const changes = once(() => import('./request-changes'));
const staffActions = once(async () => (await import('./staff-actions')).staffActions);

/**
 * The first call's import, kept: an `import()` per call asks the module loader every time (under the
 * local cloud's TypeScript loader a message to its thread and back: 0.3 ms of CPU, forty times a
 * remembered queue answer). A failed import is not kept, so the next call tries again.
 */
function once<T>(load: () => Promise<T>): () => Promise<T> {
  let loaded: Promise<T> | null = null;
  return () =>
    (loaded ??= load().catch((error: unknown) => {
      loaded = null;
      throw error;
    }));
}

export const requestsFunction = defineFunction('requests', requestsContract, {
  async submit(input, ctx) {
    const { submitRequest } = await changes();
    return submitRequest(ctx, input as Application, input.idempotencyKey, { channel: 'online', ownerOpenid: ctx.caller.openid as string }, applicant(ctx));
  },

  async mine({ cursor, limit }, ctx) {
    const page = await requests(ctx.store).find({
      where: { ownerOpenid: ctx.caller.openid as string },
      orderBy: [['submittedAt', 'desc']],
      limit,
      cursor,
    });
    const calendar = await loadCalendar(ctx.store);
    const today = beijingToday(ctx.now());
    return { items: page.items.map((r) => toMySummary(r, today, calendar)), nextCursor: page.nextCursor };
  },

  async get({ id }, ctx) {
    return viewFor(ctx, await ownRequest(ctx.store, id, ctx.caller.openid as string), applicant(ctx));
  },

  async letterPdf({ id, letter }, ctx) {
    const { record, viewer } = await letterReader(ctx, id);
    const [view, seal] = await Promise.all([viewFor(ctx, record, viewer), loadSeal(ctx.store)]);
    const shown = view.letters[letter];
    if (!shown) throw new AppError('NOT_FOUND', '未找到该告知书');
    const doc = layoutLetter(shown, null);
    // pdf-lib and the font load only here: the requests function's other actions never pay for them.
    const { renderLetterPdf } = await import('./letter-pdf');
    const pdf = await renderLetterPdf(doc, seal.png ? Buffer.from(seal.png, 'base64') : null);
    // A letter is addressed to the applicant by name: a handler's download is a view of their personal data, on the trail as manageGet is.
    if (viewer.role !== 'applicant') await recordAudit(ctx, 'requests.letterPdf', 'personalDataViewed', { id, letter }, null);
    return { fileName: pdfFileName(doc), pdfBase64: Buffer.from(pdf).toString('base64'), bytes: pdf.length };
  },

  async supplement({ id, version, text, attachments }, ctx) {
    // Someone else's request answers as a missing one, before anything is said about the files.
    if (attachments?.length) await ownRequest(ctx.store, id, ctx.caller.openid as string);
    await requireOwnUploads(ctx, attachments ?? []);
    return (await changes()).change(ctx, id, version, { type: 'supplement', actor: applicant(ctx), text, attachments: attachments ?? [] });
  },

  async giveReasons({ id, version, text }, ctx) {
    return (await changes()).change(ctx, id, version, { type: 'giveReasons', actor: applicant(ctx), text });
  },

  async withdraw({ id, version, reason }, ctx) {
    return (await changes()).change(ctx, id, version, { type: 'withdraw', actor: applicant(ctx), reason: reason ?? null });
  },

  // Staff actions: their module loads at the first staff call (staff-actions.ts).
  queue: async (input, ctx) => (await staffActions()).queue(input, ctx),
  enter: async (input, ctx) => (await staffActions()).enter(input, ctx),
  register: async (input, ctx) => (await staffActions()).register(input, ctx),
  assignDepartment: async (input, ctx) => (await staffActions()).assignDepartment(input, ctx),
  askSupplement: async (input, ctx) => (await staffActions()).askSupplement(input, ctx),
  recordSupplement: async (input, ctx) => (await staffActions()).recordSupplement(input, ctx),
  consult: async (input, ctx) => (await staffActions()).consult(input, ctx),
  extend: async (input, ctx) => (await staffActions()).extend(input, ctx),
  askReasons: async (input, ctx) => (await staffActions()).askReasons(input, ctx),
  recordReasons: async (input, ctx) => (await staffActions()).recordReasons(input, ctx),
  setDelayedDue: async (input, ctx) => (await staffActions()).setDelayedDue(input, ctx),
  reply: async (input, ctx) => (await staffActions()).reply(input, ctx),
  close: async (input, ctx) => (await staffActions()).close(input, ctx),
  quoteFee: async (input, ctx) => (await staffActions()).quoteFee(input, ctx),
  askFee: async (input, ctx) => (await staffActions()).askFee(input, ctx),
  recordPayment: async (input, ctx) => (await staffActions()).recordPayment(input, ctx),
  manageGet: async (input, ctx) => (await staffActions()).manageGet(input, ctx),
});

/**
 * Whose letter a caller may have as a PDF: the applicant's own request, or one a handler (or admin)
 * may handle (department-scope.ts). Anyone else — another resident, a clerk of another department —
 * is answered exactly as for a missing request.
 */
async function letterReader(ctx: HandlerContext, id: string): Promise<{ record: RequestRecord; viewer: Actor }> {
  const record = await requests(ctx.store).get(id);
  if (record && record.ownerOpenid && record.ownerOpenid === ctx.caller.openid) return { record, viewer: applicant(ctx) };
  const handles = decideAccess(staff('handler'), ctx.caller) === 'allow' && isStaff(ctx.caller);
  if (record && handles && requestInScope(requestScopeOf(ctx.caller), record)) return { record, viewer: staffActor(ctx) };
  throw new AppError('REQUEST_NOT_FOUND');
}

/** 政府信息公开申请答复告知书（依申〔2026〕第000123号）.pdf — what the phone's file viewer and a download show. */
function pdfFileName(doc: { title: string; number: string }): string {
  return `${doc.title}（${doc.number}）.pdf`.replace(/[\\/:*?"<>|\s]/g, '');
}
