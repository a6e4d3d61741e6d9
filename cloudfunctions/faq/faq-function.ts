import { helpfulClaimId } from './helpful-claims';
import { AppError } from '../../shared/api/errors';
import { faqTopicsOf, toFaqSummary, toFaqView, type FaqRecord } from '../../shared/inquiries/faq-types';
import { readAll } from '../_runtime/read-all';
import { searchTerms } from '../../shared/notices/notice-search';
import { changeRecord } from '../_runtime/change-record';
import { defineFunction } from '../_runtime/define-function';
import { faqContract } from '../../shared/inquiries/faq-contract';
import type { Where } from '../_runtime/store/port';
import { newId } from '../_runtime/store/new-id';
import { departmentNamed } from '../inquiries/case-actors';

/**
 * Function `faq` (常见问题). Anyone lists, searches (the notices' search
 * port, HandlerContext.search) and reads active entries; answerers write,
 * check and retire them. A retired entry is kept, and answered as not found
 * to residents.
 */
export const faqFunction = defineFunction('faq', faqContract, {
  async list({ departmentId, topic, cursor, limit }, ctx) {
    const where: Where = { status: 'active' };
    if (departmentId) where.departmentId = departmentId;
    if (topic) where.topic = topic;
    const page = await ctx.store.collection('faq').find({ where, orderBy: [['checkedAt', 'desc']], limit, cursor });
    return { items: page.items.map(toFaqSummary), nextCursor: page.nextCursor };
  },

  async topics({ departmentId }, ctx) {
    // The whole set, projected to the topic: a bureau's FAQ is hundreds of entries, not a list to page.
    const where: Where = { status: 'active' };
    if (departmentId) where.departmentId = departmentId;
    return { topics: faqTopicsOf(await readAll(ctx.store.collection('faq'), ['topic'], where)) };
  },

  async search({ q, departmentId, topic, limit }, ctx) {
    const items = await ctx.search.searchFaq({ terms: searchTerms(q), departmentId, topic, limit });
    return { items: items.map(toFaqSummary) };
  },

  async get({ id }, ctx) {
    const entry = await ctx.store.collection('faq').get(id);
    if (!entry || entry.status !== 'active') throw new AppError('FAQ_NOT_FOUND');
    return toFaqView(entry);
  },

  async helpful({ id }, ctx) {
    const at = ctx.now().toISOString();
    const openid = ctx.caller.openid as string;
    // One count per resident and entry, claimed in the same transaction as the count (uniqueKeys).
    const claim = helpfulClaimId(openid, id);
    const { record } = await changeRecord(ctx.store, {
      collection: 'faq',
      id,
      expectedVersion: 'current',
      notFound: 'FAQ_NOT_FOUND',
      visible: (current) => current.status === 'active',
      decide: async (current, tx) => {
        if (await tx.collection('uniqueKeys').get(claim)) throw new AppError('INVALID_STATE', '您已经评价过这条回答');
        return {
          patch: { helpfulCount: current.helpfulCount + 1 },
          events: [{ subjectType: 'faq', subjectId: id, action: 'faqHelpful', actor: openid, at, detail: null }],
          alongside: async (inner) => void (await inner.collection('uniqueKeys').insert({ id: claim, recordId: id, at })),
        };
      },
    });
    return toFaqView(record);
  },

  async save({ id, version, entry }, ctx) {
    const department = await departmentNamed(ctx, entry.departmentId, 'entry.departmentId');
    const at = ctx.now().toISOString();
    const actor = ctx.caller.openid as string;
    const content = {
      question: entry.question,
      answer: entry.answer,
      topic: entry.topic,
      departmentId: department?.id ?? null,
      departmentName: department?.name ?? null,
      // Saving is checking: the entry now says when staff last stood behind it.
      checkedAt: at,
      updatedAt: at,
      updatedByName: ctx.caller.staff?.name ?? null,
    };
    const creating = id === undefined;
    const initial: FaqRecord = { ...content, status: 'active', sourceCaseId: null, helpfulCount: 0, createdAt: at };
    const { record } = await changeRecord(ctx.store, {
      collection: 'faq',
      id: id ?? newId(ctx.now().getTime()),
      expectedVersion: creating ? 0 : (version as number),
      notFound: 'FAQ_NOT_FOUND',
      ...(creating ? { initial } : {}),
      decide: (current) => {
        if (current.status === 'retired') throw new AppError('INVALID_STATE', '该常见问题已停用，不能修改');
        return {
          patch: content,
          events: [{ subjectType: 'faq', subjectId: current.id, action: creating ? 'faqCreated' : 'faqSaved', actor, at, detail: entry.question }],
        };
      },
    });
    return toFaqView(record);
  },

  async retire({ id, version, reason }, ctx) {
    const at = ctx.now().toISOString();
    const { record } = await changeRecord(ctx.store, {
      collection: 'faq',
      id,
      expectedVersion: version,
      notFound: 'FAQ_NOT_FOUND',
      decide: (current) => {
        if (current.status === 'retired') throw new AppError('INVALID_STATE', '该常见问题已停用');
        return {
          patch: { status: 'retired' as const, updatedAt: at, updatedByName: ctx.caller.staff?.name ?? null },
          events: [{ subjectType: 'faq', subjectId: id, action: 'faqRetired', actor: ctx.caller.openid as string, at, detail: reason ?? null }],
        };
      },
    });
    return toFaqView(record);
  },
});

