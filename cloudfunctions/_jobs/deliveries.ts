import { dispatchOnce } from '../_notifications/dispatch-once';
import type { Job } from './job';

/** The notification dispatcher: expands outbox rows into inbox messages and sends the WeChat messages due. */
export const deliveriesJob: Job = {
  name: 'deliveries',
  async run(deps) {
    const { expanded, sent, moreWork } = await dispatchOnce(deps);
    return { moreWork, counts: { expanded, sent } };
  },
};
