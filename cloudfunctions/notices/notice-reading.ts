import type { noticeReadingContract } from '../../shared/notices/notice-reading-contract';
import { highlightsOf, searchTerms } from '../../shared/notices/notice-search';
import type { Handlers } from '../_runtime/define-function';
import { noticeSearchOf } from '../_runtime/store/search-port';

/** Handlers of the notices function's reading actions (search, opinions); spread into noticesFunction. */
export const noticeReadingHandlers: Pick<Handlers<'notices'>, keyof typeof noticeReadingContract> = {
  async search({ q, kind, departmentId, order, cursor, limit }, { store }) {
    const terms = searchTerms(q);
    const page = await noticeSearchOf(store).search({ terms, kind, departmentId, order, cursor, limit });
    return {
      items: page.items.map(({ summary, texts }) => ({ ...summary, highlights: highlightsOf(texts, terms) })),
      nextCursor: page.nextCursor,
    };
  },
};
