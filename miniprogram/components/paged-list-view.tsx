import type { ReactNode } from 'react';
import type { PagedList } from '../hooks/use-paged-list';
import { ListStates } from './list-states';

/** A paged list's items followed by its state line; items are hidden while a first load is pending or failed. */
export function PagedListView<T>(props: { list: PagedList<T>; emptyText: string; renderItem: (item: T) => ReactNode }) {
  const { list, emptyText, renderItem } = props;
  const showItems = list.status !== 'loading' && list.status !== 'error';
  return (
    <>
      {showItems ? list.items.map(renderItem) : null}
      <ListStates
        status={list.status}
        count={list.items.length}
        hasMore={list.hasMore}
        error={list.error}
        emptyText={emptyText}
        onRetry={() => void list.refresh()}
        onLoadMore={() => void list.loadMore()}
      />
    </>
  );
}
