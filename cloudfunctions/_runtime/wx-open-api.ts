/**
 * WeChat's server APIs (msgSecCheck, subscribeMessage.send, wxacode.getUnlimited)
 * as CloudBase exposes them through `app.callWxOpenApi`. Only functions running
 * on CloudBase have one; the local cloud cannot reach WeChat, so each caller
 * decides what the local stand-in is.
 */
export interface WxOpenApi {
  /** Calls `apiName` (e.g. 'security.msgSecCheck') with `requestData`; answers WeChat's JSON result. */
  call(apiName: string, requestData: Record<string, unknown>): Promise<Record<string, unknown>>;
}
