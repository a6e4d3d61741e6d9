/**
 * WeChat's server APIs (msgSecCheck, subscribeMessage.send, wxacode.getUnlimited)
 * as CloudBase exposes them. Only functions running on CloudBase have one; the
 * local cloud cannot reach WeChat, so each caller decides what the local
 * stand-in is.
 */
export interface WxOpenApi {
  /** Calls `apiName` (e.g. 'security.msgSecCheck') with `requestData`; answers WeChat's JSON result. */
  call(apiName: string, requestData: Record<string, unknown>): Promise<Record<string, unknown>>;
  /**
   * Calls an API that answers a picture (wxacode.getUnlimited): its bytes; throws with WeChat's errcode
   * when WeChat answers JSON instead. Optional so the stand-ins of APIs that answer JSON stay one method.
   */
  picture?(apiName: string, requestData: Record<string, unknown>): Promise<Uint8Array>;
}
