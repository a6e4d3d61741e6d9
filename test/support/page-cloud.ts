import { setTransport } from '../../miniprogram/api/transport';
import { createCloudHarness, type CloudHarness } from './cloud-harness';

/**
 * For page suites: a fresh cloud harness before each test (handed to `use`), and after it the
 * app's transport cleared and the database closed, so no test sees another's calls or data.
 */
export function cloudPerTest(use: (cloud: CloudHarness) => void): void {
  let current: CloudHarness;
  beforeEach(async () => {
    current = await createCloudHarness();
    use(current);
  });
  afterEach(() => {
    setTransport(null);
    current.close();
  });
}
