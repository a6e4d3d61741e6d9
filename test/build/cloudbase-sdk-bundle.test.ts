import { builtinModules } from 'node:module';
import { readFileSync } from 'node:fs';
import { bundleCloudbaseSdk, UNUSED_FILES, UNUSED_PACKAGES } from '../../scripts/cloudbase-sdk-bundle.cjs';
import { bundledCloudbaseSdk } from '../support/bundled-cloudbase-sdk';
import { CloudbaseDbStandin, sdkAppAt } from '../support/cloudbase-db-standin';

/**
 * @cloudbase/node-sdk as the functions carry it (scripts/cloudbase-sdk-bundle.cjs): one file that needs no
 * package, the SDK's own version, and the parts left out failing loudly when reached. What the functions do
 * use of it is tested over this same file by the store contract suite, the files test and the mini-program
 * code test.
 */
const LEFT_OUT = /is not in the cloud functions' bundle of @cloudbase\/node-sdk/;

test('the bundle requires nothing but Node’s own modules: CloudBase installs no package for the functions', async () => {
  const { code } = await bundleCloudbaseSdk();
  const required = [...new Set([...code.matchAll(/\brequire\("([^"]+)"\)/g)].map((m) => m[1]))];
  expect(required.length).toBeGreaterThan(0);
  expect(required.filter((name) => !builtinModules.includes(name.replace(/^node:/, '')))).toEqual([]);
});

test('every part it leaves out is one the SDK would have loaded (none of the list is stale)', async () => {
  const { metafile } = await bundleCloudbaseSdk();
  const inputs = Object.keys(metafile.inputs);
  for (const name of Object.keys(UNUSED_PACKAGES)) expect(inputs).toContain(`unused:${name}`);
  for (const file of UNUSED_FILES) expect(inputs.filter((input) => file.path.test(input))).toHaveLength(1);
});

test('it reports the SDK’s own version, as the installed package would (it travels in every request)', async () => {
  const { sdk } = await bundledCloudbaseSdk();
  expect(sdk.version).toBe(JSON.parse(readFileSync(require.resolve('@cloudbase/node-sdk/package.json'), 'utf8')).version);
});

describe('an app from the bundle', () => {
  const standin = new CloudbaseDbStandin();
  let serviceUrl: string;
  beforeAll(async () => {
    serviceUrl = await standin.start();
  });
  afterAll(() => standin.stop());

  test('is the one the stand-in hands the adapter tests', async () => {
    expect(() => sdkAppAt(serviceUrl).ai()).toThrow(LEFT_OUT);
  });

  test('has what the functions call, and the parts they never call fail with a message naming what was left out', async () => {
    const app = sdkAppAt(serviceUrl);
    for (const call of ['database', 'callFunction', 'callWxOpenApi', 'callCompatibleWxOpenApi', 'getTempFileURL', 'deleteFile'] as const) expect(typeof app[call]).toBe('function');
    expect(() => app.ai()).toThrow(/app\.ai\(\)/);
    const withKey = sdkAppAt(serviceUrl, { credentials: { env_id: 'standin-env', private_key_id: 'key-1', private_key: 'not a key' } });
    expect(() => withKey.auth().createTicket('someone')).toThrow(/createTicket/);
    // Parts the SDK's own types do not declare.
    const undeclared = app as unknown as { mysql(): unknown; requestClient: { get(url: string): unknown } };
    expect(() => undeclared.mysql()).toThrow(/app\.mysql\(\)/);
    expect(() => undeclared.requestClient.get('https://example.invalid')).toThrow(/requestClient/);
    expect(() => app.database().collection('notices').doc('n1').watch({ onChange: () => undefined, onError: () => undefined })).toThrow(/watch\(\)/);
    // A request through a proxy is refused before it leaves (the SDK answers a failed request with a rejection).
    await expect(sdkAppAt(serviceUrl, { proxy: 'http://127.0.0.1:9' }).callFunction({ name: 'deliveries', data: {} })).rejects.toThrow(/init\(\{ proxy \}\)/);
    // What init() wires from the left-out data-model client is simply absent.
    expect(app.models).toBeUndefined();
  });
});
