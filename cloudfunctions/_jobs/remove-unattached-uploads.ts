import { removeUnattachedUploads } from '../_runtime/unattached-uploads';
import type { Job, JobResult } from './job';

/** A day's grace is counted in hours: one run an hour is plenty. */
const EVERY_MS = 60 * 60 * 1000;

/**
 * Uploads picked and never sent (no notice, reply, supplement or question named them within a day)
 * removed with their bytes: _runtime/unattached-uploads.ts. A runner with no upload storage wired
 * leaves them be.
 */
export const removeUnattachedUploadsJob: Job = {
  name: 'remove-unattached-uploads',
  everyMs: EVERY_MS,
  async run({ store, uploads, now }): Promise<JobResult> {
    if (!uploads) return { moreWork: false, counts: {} };
    const { removed, more } = await removeUnattachedUploads(store, uploads, now());
    return { moreWork: more, counts: { uploadsRemoved: removed } };
  },
};
