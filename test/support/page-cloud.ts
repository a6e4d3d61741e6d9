import { setTransport } from '../../miniprogram/api/transport';
import { createCloudHarness, type CloudHarness } from './cloud-harness';

/**
 * For page suites: a fresh cloud harness before each test (handed to `use`), and after it the
 * app's transport cleared and the database closed, so no test sees another's calls or data.
 * `review`: keep the bureau's default 公开审查 (see createCloudHarness).
 */
export function cloudPerTest(use: (cloud: CloudHarness) => void, options: { review?: boolean } = {}): void {
  let current: CloudHarness;
  beforeEach(async () => {
    current = await createCloudHarness(options);
    use(current);
  });
  afterEach(() => {
    setTransport(null);
    current.close();
  });
}
