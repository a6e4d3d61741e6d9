import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type tcb from '@cloudbase/node-sdk';
import { bundleCloudbaseSdk, CLOUDBASE_SDK_FILE } from '../../scripts/cloudbase-sdk-bundle.cjs';

export type CloudbaseSdk = typeof tcb;

let loading: Promise<{ sdk: CloudbaseSdk; file: string }> | null = null;

/**
 * @cloudbase/node-sdk as the cloud functions carry it (cloudbase-sdk.js beside each index.js), built by the
 * same code as `npm run build:functions` (scripts/cloudbase-sdk-bundle.cjs), so the tests of the CloudBase
 * adapter run the code that is deployed. It is written to a folder outside the repository and required from
 * there, where no node_modules is within reach: a package the bundle still needed would fail to load here as
 * it would on CloudBase.
 */
export function bundledCloudbaseSdk(): Promise<{ sdk: CloudbaseSdk; file: string }> {
  loading ??= bundleCloudbaseSdk().then(({ code }) => {
    const file = join(mkdtempSync(join(tmpdir(), 'cloudbase-sdk-')), CLOUDBASE_SDK_FILE);
    writeFileSync(file, code);
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return { sdk: require(file) as CloudbaseSdk, file };
  });
  return loading;
}
