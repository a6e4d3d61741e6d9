import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import protobuf from 'protobufjs';

/**
 * A local stand-in of CloudBase's open-API gateway, for the real `@cloudbase/node-sdk` pointed at it with
 * `serviceUrl`. It answers the "compatible" call (`callCompatibleWxOpenApi`, action `wx.openApi`), the road
 * WeChat's `cloud.openapi.*` takes: a multipart form whose `requestData` is a protocol-buffer CommApiData of
 * key/JSON pairs, answered with a protocol-buffer CommOpenApiResp around WeChat's own answer (a picture, or
 * WeChat's JSON errcode). The messages are read and written with protobufjs from the schema below, not by
 * the production code's hand-written encoder, so a wrong field number or wire type fails here.
 *
 * Where it differs from the real service: no signature or credential check; permissions (config.json
 * `permissions.openapi`) are not enforced unless a test makes `answer` refuse; WeChat itself is the test's
 * `answer` function, so whether a page exists or a scene is accepted is up to the test.
 */
const SCHEMA = `
syntax = "proto3";
message KeyValuePair { string key = 1; bytes value = 2; string contenttype = 3; string filename = 4; }
message OpenApiData { repeated KeyValuePair pairs = 1; }
message CommApiData { int32 apiType = 1; OpenApiData openapiData = 2; string appid = 6; }
message CommOpenApiResp { bytes respData = 1; string contentType = 2; int32 errorCode = 3; uint32 httpCode = 4; }
`;
const root = protobuf.parse(SCHEMA).root;
const CommApiData = root.lookupType('CommApiData');
const CommOpenApiResp = root.lookupType('CommOpenApiResp');

/** What WeChat (or CloudBase) answers a call with. */
export type OpenApiAnswer =
  | { picture: Buffer; contentType?: string }
  | { wechatError: { errcode: number; errmsg: string } }
  | { cloudbaseError: { code: string; message: string } }
  | { gatewayErrorCode: number };

export interface OpenApiCall {
  action: string;
  apiName: string;
  apiType: number;
  /** Each pair's value, parsed as the JSON text it is. */
  params: Record<string, unknown>;
}

/** A multipart/form-data body's fields, as the SDK's form-data writes them (no files, no nesting). */
function formFields(body: Buffer, contentType: string): Map<string, Buffer> {
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/.exec(contentType);
  if (!boundary) throw new Error(`not a multipart body: ${contentType}`);
  const delimiter = Buffer.from(`--${boundary[1] ?? boundary[2]}`);
  const fields = new Map<string, Buffer>();
  let at = body.indexOf(delimiter);
  while (at !== -1) {
    const next = body.indexOf(delimiter, at + delimiter.length);
    if (next === -1) break;
    const part = body.subarray(at + delimiter.length + 2, next - 2); // after CRLF, before CRLF
    const split = part.indexOf('\r\n\r\n');
    const headers = part.subarray(0, split).toString('utf8');
    const name = /name="([^"]+)"/.exec(headers)?.[1];
    if (name) fields.set(name, Buffer.from(part.subarray(split + 4)));
    at = next;
  }
  return fields;
}

export class CloudbaseOpenApiStandin {
  readonly calls: OpenApiCall[] = [];
  private server: Server | null = null;

  constructor(public answer: (call: OpenApiCall) => OpenApiAnswer) {}

  async start(): Promise<string> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        try {
          const fields = formFields(Buffer.concat(chunks), String(req.headers['content-type']));
          const action = fields.get('action')?.toString('utf8') ?? '';
          if (action !== 'wx.openApi') throw new Error(`the stand-in answers only wx.openApi, not ${action}`);
          const request = CommApiData.toObject(CommApiData.decode(fields.get('requestData') ?? Buffer.alloc(0)), { defaults: true }) as {
            apiType: number;
            openapiData?: { pairs: Array<{ key: string; value: Uint8Array }> };
          };
          const params = Object.fromEntries((request.openapiData?.pairs ?? []).map((p) => [p.key, JSON.parse(Buffer.from(p.value).toString('utf8'))]));
          const call: OpenApiCall = { action, apiName: fields.get('apiName')?.toString('utf8') ?? '', apiType: request.apiType, params };
          this.calls.push(call);
          const answer = this.answer(call);
          if ('cloudbaseError' in answer) {
            res.setHeader('content-type', 'application/json');
            res.end(JSON.stringify({ ...answer.cloudbaseError, requestId: 'standin' }));
            return;
          }
          const message =
            'picture' in answer
              ? { respData: answer.picture, contentType: answer.contentType ?? 'image/jpeg', httpCode: 200 }
              : 'wechatError' in answer
                ? { respData: Buffer.from(JSON.stringify(answer.wechatError)), contentType: 'application/json; encoding=utf-8', httpCode: 200 }
                : { errorCode: answer.gatewayErrorCode };
          res.setHeader('content-type', 'application/octet-stream');
          res.end(Buffer.from(CommOpenApiResp.encode(CommOpenApiResp.create(message)).finish()));
        } catch (error) {
          res.statusCode = 500;
          res.setHeader('content-type', 'application/json');
          res.end(JSON.stringify({ code: 'STANDIN_FAILED', message: String(error) }));
        }
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/admin`;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
    this.server = null;
  }
}
