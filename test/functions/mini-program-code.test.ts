import { toBuffer } from 'qrcode';
import { cloudbaseWxOpenApi } from '../../cloudfunctions/_runtime/cloudbase-wx-open-api';
import { silentLogger } from '../../cloudfunctions/_runtime/handler-context';
import { localCodeLink, miniProgramCode } from '../../cloudfunctions/_runtime/mini-program-code';
import { newId } from '../../cloudfunctions/_runtime/store/new-id';
import { timedWxOpenApi } from '../../cloudfunctions/_runtime/outbound-timeout';
import { RATE_PAGE, ratingQr } from '../../cloudfunctions/windows/rating-qr';
import { rateSubjectOf } from '../../shared/ratings/rate-link';
import { CloudbaseOpenApiStandin, type OpenApiAnswer } from '../support/cloudbase-openapi-standin';
import { bundledCloudbaseSdk } from '../support/bundled-cloudbase-sdk';

/**
 * The rating and invitation codes' one adapter, both ends. The CloudBase end runs over the real
 * `@cloudbase/node-sdk` as the functions carry it (test/support/bundled-cloudbase-sdk.ts), its HTTP call answered by a stand-in of CloudBase's open-API gateway
 * (test/support/cloudbase-openapi-standin.ts), so the SDK's own form encoding and the protobuf messages
 * WeChat's cloud call uses are what is tested.
 */
let png: Buffer;
let answer: OpenApiAnswer;
const standin = new CloudbaseOpenApiStandin(() => answer);
let wxOpenApi: ReturnType<typeof cloudbaseWxOpenApi>;

beforeAll(async () => {
  png = await toBuffer('stand-in for WeChat\'s picture', { type: 'png' });
  const serviceUrl = await standin.start();
  const { sdk: tcb } = await bundledCloudbaseSdk();
  process.env.TENCENTCLOUD = 'true'; // the SDK would otherwise ask Tencent Cloud's metadata service where it runs
  wxOpenApi = cloudbaseWxOpenApi(tcb.init({ env: 'standin-env', secretId: 'standin', secretKey: 'standin', serviceUrl }), 5000);
});
afterAll(() => standin.stop());
beforeEach(() => {
  standin.calls.length = 0;
  answer = { picture: png, contentType: 'image/png' };
});

const cloudbase = () => ({ platform: 'cloudbase' as const, wxOpenApi: timedWxOpenApi(wxOpenApi) });

describe('CloudBase end: wxacode.getUnlimited through the SDK', () => {
  test('asks for the page and scene, and hands back WeChat\'s picture byte for byte', async () => {
    const image = await miniProgramCode('v=ABCDEFGHJK', RATE_PAGE, cloudbase());
    expect(image).toBe(`data:image/png;base64,${png.toString('base64')}`);
    expect(standin.calls).toEqual([
      { action: 'wx.openApi', apiName: 'wxacode.getUnlimited', apiType: 0, params: { scene: 'v=ABCDEFGHJK', page: 'rating/pages/rate/index', check_path: false, width: 430 } },
    ]);
  });

  test('a window\'s code: scene w=<id>, within 32 characters for every id the store mints', async () => {
    const id = newId();
    const ctx = { ...cloudbase(), caller: { openid: 'demo-rater', staff: null }, log: silentLogger } as never;
    const qr = await ratingQr({ windowId: id }, ctx);
    expect(qr).toMatchObject({ scene: `w=${id}`, link: `/${RATE_PAGE}?window=${id}`, image: `data:image/png;base64,${png.toString('base64')}` });
    expect(qr.scene.length).toBeLessThanOrEqual(32);
    // What the rate page reads back when WeChat opens it with ?scene=<URL-encoded scene>.
    expect(rateSubjectOf({ scene: encodeURIComponent(qr.scene) })).toEqual({ windowId: id });
  });

  test('WeChat\'s refusal (JSON errcode instead of a picture) is an error, not a broken image', async () => {
    answer = { wechatError: { errcode: 41030, errmsg: 'invalid page rid: x' } };
    await expect(miniProgramCode('v=ABCDEFGHJK', RATE_PAGE, cloudbase())).rejects.toThrow(/41030/);
    const ctx = { ...cloudbase(), caller: { openid: 'demo-rater', staff: null }, log: silentLogger } as never;
    await expect(ratingQr({ visitCode: 'ABCDEFGHJK' }, ctx)).rejects.toMatchObject({ code: 'QRCODE_FAILED' });
  });

  test('CloudBase\'s own refusals (no permission declared, gateway error) are errors too', async () => {
    answer = { cloudbaseError: { code: 'PERMISSION_DENIED', message: 'openapi wxacode.getUnlimited not in config' } };
    await expect(miniProgramCode('j=ABCDEFGH', 'admin/pages/staff-join/index', cloudbase())).rejects.toThrow(/PERMISSION_DENIED/);
    answer = { gatewayErrorCode: -604101 };
    await expect(miniProgramCode('j=ABCDEFGH', 'admin/pages/staff-join/index', cloudbase())).rejects.toThrow(/CloudBase error/);
  });

  test('a scene WeChat would refuse never leaves: over 32 characters, or with characters outside its set', async () => {
    await expect(miniProgramCode(`w=${'x'.repeat(31)}`, RATE_PAGE, cloudbase())).rejects.toThrow(/scene/);
    await expect(miniProgramCode('w=窗口', RATE_PAGE, cloudbase())).rejects.toThrow(/scene/);
    expect(standin.calls).toEqual([]);
  });
});

describe('local end: a QR of the H5 page with the same scene', () => {
  test('the same page and scene, as the H5 app\'s URL', async () => {
    expect(localCodeLink('v=ABCDEFGHJK', RATE_PAGE, 'http://10.0.0.5:8080')).toBe('http://10.0.0.5:8080/#/rating/pages/rate/index?scene=v%3DABCDEFGHJK');
    const image = await miniProgramCode('v=ABCDEFGHJK', RATE_PAGE, { platform: 'local' }, 'http://10.0.0.5:8080');
    expect(image).toMatch(/^data:image\/png;base64,/);
    expect(Buffer.from(image.split(',')[1], 'base64').subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(rateSubjectOf({ scene: 'v%3DABCDEFGHJK' })).toEqual({ visitCode: 'ABCDEFGHJK' });
  });
});
