import type { Envelope } from '../../shared/api/errors';
import { createCloudHarness, ok, type CloudHarness } from './cloud-harness';

/** The demo's reviewer (孙静): decides what the demo's editor and clerk submit. */
export const REVIEWER = 'demo-reviewer';

export interface ReviewSteps {
  /** One action of a function, as `as` (null: no one signed in). */
  call(as: string | null, fn: string, action: string, data: unknown): Promise<Envelope<any>>;
  /** The reviewer opens the item and approves it, at the version they read. */
  approve(reviewId: string): Promise<any>;
  /** The reviewer opens the item and sends it back (退回修改) with a comment. */
  sendBack(reviewId: string, comment: string): Promise<any>;
  /** An admin sets which acts wait for a reviewer; answers the settings as they were, to be put back. */
  requireReview(kinds: readonly string[]): Promise<{ version: number; required: string[] }>;
}

/**
 * For the 公开审查 suites: a cloud harness with the bureau's default review (handed to `use`), made
 * once for the file or afresh for each test and closed after, and the steps they all take.
 */
export function reviewSuite(use: (cloud: CloudHarness) => void, per: 'file' | 'test' = 'file'): ReviewSteps {
  let cloud: CloudHarness;
  const [before, after] = per === 'file' ? [beforeAll, afterAll] : [beforeEach, afterEach];
  before(async () => {
    cloud = await createCloudHarness({ review: true });
    use(cloud);
  });
  after(() => cloud.close());

  const call: ReviewSteps['call'] = (as, fn, action, data) => cloud.call(as, fn, { action, data });
  const opened = async (reviewId: string) => ok(await call(REVIEWER, 'reviews', 'get', { id: reviewId }));
  return {
    call,
    async approve(reviewId) {
      const item = await opened(reviewId);
      return ok(await call(REVIEWER, 'reviews', 'approve', { id: item.id, version: item.version }));
    },
    async sendBack(reviewId, comment) {
      const item = await opened(reviewId);
      return ok(await call(REVIEWER, 'reviews', 'sendBack', { id: item.id, version: item.version, comment }));
    },
    async requireReview(kinds) {
      const current = ok(await call('demo-admin', 'reviews', 'settings', {}));
      ok(await call('demo-admin', 'reviews', 'saveSettings', { version: current.version, required: kinds }));
      return current;
    },
  };
}
