/**
 * The wire format of CloudBase's "compatible" open-API call (`app.callCompatibleWxOpenApi`, action
 * `wx.openApi`), the road WeChat's own `cloud.openapi.*` takes. It is the one that carries binary answers:
 * the JSON road (`callWxOpenApi`) hands WeChat's answer back as a string, which mangles a PNG such as
 * `wxacode.getUnlimited`'s. Both directions are protocol buffers:
 *
 *   request  CommApiData     { 1: apiType (0 = open API), 2: OpenApiData { 1: repeated KeyValuePair { 1: key, 2: value bytes } } }
 *   answer   CommOpenApiResp { 1: respData bytes, 2: contentType, 3: errorCode, 4: httpCode }
 *
 * Each parameter travels as a pair whose value is its JSON text. Four messages with a handful of fields do
 * not justify a protobuf runtime in every bundle, so the few varints and length prefixes are written here.
 */

const WIRE_VARINT = 0;
const WIRE_BYTES = 2;

function varint(value: number): number[] {
  const out: number[] = [];
  let v = value >>> 0;
  while (v > 0x7f) {
    out.push((v & 0x7f) | 0x80);
    v >>>= 7;
  }
  out.push(v);
  return out;
}

function bytesField(field: number, payload: Uint8Array): Uint8Array {
  return Buffer.concat([Uint8Array.from([...varint((field << 3) | WIRE_BYTES), ...varint(payload.length)]), payload]);
}

/** The request body of one open-API call: every parameter as a key and its JSON text. */
export function encodeOpenApiRequest(params: Record<string, unknown>): Buffer {
  const pairs = Object.entries(params)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => bytesField(1, Buffer.concat([bytesField(1, Buffer.from(key)), bytesField(2, Buffer.from(JSON.stringify(value)))])));
  const apiType = Uint8Array.from([...varint((1 << 3) | WIRE_VARINT), 0]);
  return Buffer.concat([apiType, bytesField(2, Buffer.concat(pairs))]);
}

export interface OpenApiResponse {
  body: Buffer;
  contentType: string;
  /** CloudBase's own refusal (e.g. the function lacks the permission); 0 when WeChat answered. */
  errorCode: number;
}

/** Reads CommOpenApiResp; throws on anything that is not one (CloudBase answers its own errors as JSON). */
export function decodeOpenApiResponse(buffer: Uint8Array): OpenApiResponse {
  const answer: OpenApiResponse = { body: Buffer.alloc(0), contentType: '', errorCode: 0 };
  let at = 0;
  const readVarint = (): number => {
    let result = 0;
    let shift = 0;
    for (;;) {
      if (at >= buffer.length) throw new Error('truncated open-API answer');
      const byte = buffer[at++];
      result += (byte & 0x7f) * 2 ** shift;
      if (byte < 0x80) return result;
      shift += 7;
      if (shift > 63) throw new Error('malformed varint in open-API answer');
    }
  };
  while (at < buffer.length) {
    const tag = readVarint();
    const field = Math.floor(tag / 8);
    const wire = tag % 8;
    if (wire === WIRE_VARINT) {
      const value = readVarint();
      // errorCode is an int32: a negative one arrives as a ten-byte varint too large to read exactly as a
      // number; it is kept as -1, since only whether it is zero decides anything.
      if (field === 3) answer.errorCode = value > 0x7fffffff ? -1 : value;
    } else if (wire === WIRE_BYTES) {
      const length = readVarint();
      if (at + length > buffer.length) throw new Error('truncated open-API answer');
      const payload = Buffer.from(buffer.subarray(at, at + length));
      at += length;
      if (field === 1) answer.body = payload;
      if (field === 2) answer.contentType = payload.toString('utf8');
    } else {
      throw new Error(`unexpected wire type ${wire} in open-API answer`);
    }
  }
  return answer;
}
