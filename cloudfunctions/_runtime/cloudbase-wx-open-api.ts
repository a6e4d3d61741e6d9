import type tcb from '@cloudbase/node-sdk';
import type { WxOpenApi } from './wx-open-api';
import { decodeOpenApiResponse, encodeOpenApiRequest } from './wx-openapi-wire';

type CloudbaseApp = Pick<ReturnType<typeof tcb.init>, 'callWxOpenApi' | 'callCompatibleWxOpenApi'>;

/**
 * WeChat's server APIs through a CloudBase app (`@cloudbase/node-sdk`), by the two roads the SDK offers:
 * - JSON answers (msgSecCheck, subscribeMessage.send): `callWxOpenApi`, which parses WeChat's JSON;
 * - pictures (wxacode.getUnlimited): `callCompatibleWxOpenApi`, the protobuf road WeChat's own
 *   `cloud.openapi` uses, whose answer carries the bytes and their content type untouched.
 * Either way CloudBase calls WeChat with the function's own credentials, and only for the APIs the
 * function declares in its config.json (`permissions.openapi`).
 */
export function cloudbaseWxOpenApi(app: CloudbaseApp, timeoutMs: number): WxOpenApi {
  return {
    async call(apiName, requestData) {
      const answer = await app.callWxOpenApi({ apiName, requestData }, { timeout: timeoutMs });
      const result = answer.result;
      return (typeof result === 'string' ? JSON.parse(result) : result ?? {}) as Record<string, unknown>;
    },
    async picture(apiName, requestData) {
      const raw: unknown = await app.callCompatibleWxOpenApi({ apiName, requestData: encodeOpenApiRequest(requestData) }, { timeout: timeoutMs });
      return pictureFrom(apiName, raw);
    },
  };
}

/** What the compatible road answered: a protobuf answer around the picture, or CloudBase's or WeChat's refusal. */
export function pictureFrom(apiName: string, raw: unknown): Uint8Array {
  // CloudBase's own refusal (bad credentials, no permission) arrives as a parsed JSON object.
  if (!Buffer.isBuffer(raw)) throw new Error(`${apiName}: CloudBase refused: ${JSON.stringify(raw)}`);
  let answer;
  try {
    answer = decodeOpenApiResponse(raw);
  } catch {
    throw new Error(`${apiName}: CloudBase refused: ${raw.toString('utf8').slice(0, 200)}`);
  }
  if (answer.errorCode !== 0) throw new Error(`${apiName}: CloudBase error ${answer.errorCode}`);
  // WeChat answers JSON { errcode, errmsg } instead of the picture when it refuses (page not published, rate limit).
  if (/json|text\/plain/.test(answer.contentType)) throw new Error(`${apiName}: WeChat refused: ${answer.body.toString('utf8').slice(0, 200)}`);
  if (answer.body.length === 0) throw new Error(`${apiName}: empty answer`);
  return answer.body;
}
