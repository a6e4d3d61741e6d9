import { defineFunction } from '../_runtime/define-function';
import { directoryContract } from '../../shared/api/session-contract';

export const directoryFunction = defineFunction('directory', directoryContract, {
  async departments(_input, { store }) {
    // A bureau has tens of departments, never thousands: one page holds them all.
    const page = await store.collection('departments').find({ orderBy: [['order', 'asc']], limit: 200 });
    return page.items.map(({ id, name, order }) => ({ id, name, order }));
  },
});
