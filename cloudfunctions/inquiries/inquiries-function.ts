import { AppError } from '../../shared/api/errors';
import { scopesOf, staffMaySee } from '../../shared/inquiries/case-access';
import { CASE_QUEUE_FIELDS, toCaseQueueItem, toMyCaseSummary, toMyCaseView, toStaffCaseView } from '../../shared/inquiries/case-views';
import type { InquiryRecord } from '../../shared/inquiries/inquiry-types';
import { beijingToday } from '../../shared/time/beijing-time';
import { defineFunction } from '../_runtime/define-function';
import { inquiriesContract } from '../../shared/inquiries/inquiries-contract';
import type { HandlerContext } from '../_runtime/handler-context';
import type { Stored, Where } from '../_runtime/store/port';
import { newId } from '../_runtime/store/new-id';
import { loadCalendar } from '../calendar/calendar-data';
import { answersFor, departmentNamed, residentActor, staffActor, viewerOf } from './case-actors';
import { changeCase } from './change-case';
import { createCase } from './create-case';
import { faqFromCase } from '../faq/faq-records';
import { requireOwnUploads } from '../_runtime/require-own-uploads';
import { caseFigures, type FiguredCase } from '../../shared/inquiries/case-figures';

/**
 * Function `inquiries` (政务咨询、投诉举报). Thin: every decision is the case
 * machine's (shared/inquiries/case-machine.ts), who sees what is
 * case-access.ts's; this file loads, stores and answers.
 */
export const inquiriesFunction = defineFunction('inquiries', inquiriesContract, {
  async ask(input, ctx) {
    const { idempotencyKey, ...content } = input;
    await requireOwnUploads(ctx, input.attachments ?? []);
    const department = await departmentNamed(ctx, input.departmentId);
    const created = await createCase(
      ctx,
      idempotencyKey,
      {
        kind: input.kind,
        topic: input.topic,
        department,
        text: input.text,
        attachments: input.attachments ?? [],
        contact: input.contact ?? null,
        replyBy: input.replyBy ?? 'app',
        anonymous: input.anonymous ?? false,
        source: { channel: 'online', ownerOpenid: ctx.caller.openid as string },
      },
      content,
    );
    return { id: created.id, caseNumber: created.caseNumber };
  },

  async mine({ cursor, limit }, ctx) {
    const page = await ctx.store.collection('inquiries').find({ where: { ownerOpenid: ctx.caller.openid as string }, orderBy: [['submittedAt', 'desc']], limit, cursor });
    return { items: page.items.map(toMyCaseSummary), nextCursor: page.nextCursor };
  },

  async get({ id, caseNumber }, ctx) {
    return toMyCaseView(await ownCase(ctx, id, caseNumber));
  },

  async followUp({ id, version, text, attachments }, ctx) {
    // Someone else's case answers as a missing one, before anything is said about the files.
    if (attachments?.length) await ownCase(ctx, id, undefined);
    await requireOwnUploads(ctx, attachments ?? []);
    return toMyCaseView(await changeCase(ctx, id, version, { type: 'followUp', actor: residentActor(ctx), text, attachments: attachments ?? [] }, { resident: ctx.caller.openid as string }));
  },

  async rateAnswer({ id, version, helpful, reason }, ctx) {
    return toMyCaseView(await changeCase(ctx, id, version, { type: 'rate', actor: residentActor(ctx), helpful, reason: reason ?? null }, { resident: ctx.caller.openid as string }));
  },

  async giveMore({ id, version, text, attachments }, ctx) {
    if (attachments?.length) await ownCase(ctx, id, undefined);
    await requireOwnUploads(ctx, attachments ?? []);
    return toMyCaseView(await changeCase(ctx, id, version, { type: 'giveMore', actor: residentActor(ctx), text, attachments: attachments ?? [] }, { resident: ctx.caller.openid as string }));
  },

  async enter(input, ctx) {
    const { idempotencyKey, ...content } = input;
    if (Date.parse(input.contactedAt) > ctx.now().getTime()) throw new AppError('VALIDATION_FAILED', undefined, { contactedAt: '来电、来访或来信时间不能晚于现在' });
    const department = await departmentNamed(ctx, input.departmentId);
    const created = await createCase(
      ctx,
      idempotencyKey,
      {
        kind: input.kind,
        topic: input.topic,
        department,
        text: input.text,
        attachments: [],
        contact: input.contact && (input.contact.name || input.contact.phone) ? { name: input.contact.name ?? null, phone: input.contact.phone ?? null } : null,
        replyBy: input.contact?.phone ? 'phone' : 'app',
        anonymous: false,
        source: { channel: input.channel, contactedAt: new Date(input.contactedAt).toISOString(), enteredBy: staffActor(ctx), answerOnTheSpot: input.answer ?? null },
      },
      content,
    );
    return staffView(ctx, created);
  },

  async queue({ status, kind, cursor, limit }, ctx) {
    const where: Where = status ? { status } : { open: true };
    if (kind) where.kind = kind;
    const scopes = scopesOf(viewerOf(ctx));
    if (scopes) where.scope = { in: scopes };
    const [page, calendar] = await Promise.all([
      ctx.store.collection('inquiries').find({ where, orderBy: [['dueSort', 'asc']], limit, cursor, fields: CASE_QUEUE_FIELDS }),
      loadCalendar(ctx.store),
    ]);
    const today = beijingToday(ctx.now());
    return { items: page.items.map((c) => toCaseQueueItem(c, today, calendar)), nextCursor: page.nextCursor };
  },

  async manageGet({ id }, ctx) {
    const record = await ctx.store.collection('inquiries').get(id);
    if (!record || !staffMaySee(record, viewerOf(ctx))) throw new AppError('INQUIRY_NOT_FOUND');
    // The asker's contact is shown whole to staff: each view is on record, as a request's is.
    await ctx.store.collection('events').insert({
      subjectType: 'inquiry',
      subjectId: id,
      action: 'personalDataViewed',
      actor: ctx.caller.openid as string,
      at: ctx.now().toISOString(),
      detail: '查看咨询或投诉全貌',
    });
    return staffView(ctx, record);
  },

  async assign({ id, version, departmentId, answererOpenid }, ctx) {
    const department = (await departmentNamed(ctx, departmentId)) as { id: string; name: string };
    const answerer = answererOpenid ? await answererIn(ctx, answererOpenid, department.id) : null;
    return staffView(ctx, await changeCase(ctx, id, version, { type: 'assign', actor: staffActor(ctx), department, answerer }, { staff: viewerOf(ctx) }));
  },

  async answerers({ departmentId }, ctx) {
    // A bureau's staff is tens of people: one page holds them all.
    const page = await ctx.store.collection('staff').find({ orderBy: [['name', 'asc']], limit: 500 });
    return page.items.filter((s) => answersFor(s, departmentId)).map((s) => ({ openid: s.id, name: s.name, admin: s.roles.includes('admin') }));
  },

  async askMore({ id, version, items }, ctx) {
    return staffView(ctx, await changeCase(ctx, id, version, { type: 'askMore', actor: staffActor(ctx), items }, { staff: viewerOf(ctx) }));
  },

  async answer({ id, version, text }, ctx) {
    return staffView(ctx, await changeCase(ctx, id, version, { type: 'answer', actor: staffActor(ctx), text }, { staff: viewerOf(ctx) }));
  },

  async close({ id, version, note }, ctx) {
    return staffView(ctx, await changeCase(ctx, id, version, { type: 'close', actor: staffActor(ctx), note: note ?? null }, { staff: viewerOf(ctx) }));
  },

  async publishFaq({ id, version, question, answer }, ctx) {
    const faqId = newId(ctx.now().getTime());
    const actor = staffActor(ctx);
    const saved = await changeCase(ctx, id, version, { type: 'publishFaq', actor, faqId }, { staff: viewerOf(ctx) }, async (tx, c) => {
      // The entry holds only what the answerer checked and typed: the question and answer as edited, no contact.
      const faq = faqFromCase(c, { question, answer }, actor.name, ctx.now());
      await tx.collection('faq').insert({ ...faq, id: faqId });
      await tx.collection('events').insert({ subjectType: 'faq', subjectId: faqId, action: 'faqCreated', actor: ctx.caller.openid as string, at: faq.createdAt, detail: `由 ${c.caseNumber} 发布` });
    });
    return staffView(ctx, saved);
  },

  async redirectFromRequest({ requestId, version, kind }, ctx) {
    // The request machine (answering the request 不予处理) loads for this rare staff step only, not at every start.
    const redirect = await import('./redirect-from-request');
    const created = await redirect.redirectFromRequest(ctx, requestId, version, kind);
    return { id: created.id, caseNumber: created.caseNumber, requestId };
  },

  async figures({ year }, ctx) {
    // Every case received in the year, a page at a time, only the fields the figures count.
    const cases: FiguredCase[] = [];
    let cursor: string | null = null;
    do {
      const page = await ctx.store.collection('inquiries').find({
        where: { receivedOn: { gte: `${year}-01-01`, lte: `${year}-12-31` } },
        orderBy: [['receivedOn', 'asc']],
        limit: 500,
        cursor,
        fields: ['kind', 'channel', 'receivedOn', 'firstAnswer', 'rating'],
      });
      cases.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    return caseFigures(cases, year, await loadCalendar(ctx.store));
  },

  async toRequest({ id, version, note }, ctx) {
    return staffView(ctx, await changeCase(ctx, id, version, { type: 'toRequest', actor: staffActor(ctx), note: note ?? null }, { staff: viewerOf(ctx) }));
  },
});

async function ownCase(ctx: HandlerContext, id: string | undefined, caseNumber: string | undefined): Promise<Stored<InquiryRecord>> {
  const owner = ctx.caller.openid as string;
  const found = id
    ? await ctx.store.collection('inquiries').get(id)
    : (await ctx.store.collection('inquiries').find({ where: { caseNumber: caseNumber as string }, orderBy: [['caseNumber', 'asc']], limit: 1 })).items[0] ?? null;
  // Someone else's case is answered exactly like a missing one.
  if (!found || found.ownerOpenid !== owner) throw new AppError('INQUIRY_NOT_FOUND');
  return found;
}

async function staffView(ctx: HandlerContext, record: Stored<InquiryRecord>) {
  return toStaffCaseView(record, beijingToday(ctx.now()), await loadCalendar(ctx.store));
}

/** An answerer (or admin) on the staff now, of the department the case goes to. */
async function answererIn(ctx: HandlerContext, openid: string, departmentId: string): Promise<{ openid: string; name: string }> {
  const member = await ctx.store.collection('staff').get(openid);
  if (!member || !answersFor(member, departmentId)) throw new AppError('VALIDATION_FAILED', undefined, { answererOpenid: '该人员不是此部门的咨询答复人员' });
  return { openid, name: member.name };
}
