import { publishDueNotices } from '../notices/publish-due-notices';
import type { Job } from './job';

/** Scheduled notices are published when their time comes (notices/publish-due-notices.ts); due to the minute, so every step. */
export const publishDueNoticesJob: Job = {
  name: 'publish-due-notices',
  async run({ store, now }) {
    const published = await publishDueNotices(store, now());
    return { moreWork: published > 0, counts: { published } };
  },
};
