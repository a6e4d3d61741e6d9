/**
 * Calls to a running local cloud over real HTTP as a signed-in person: signs each
 * openid in once through the dev session and sends its token with every call.
 * `base` is read on each call because suites start a fresh server (a new port) per test.
 */
export interface SignedInClient {
  tokenOf(openid: string): Promise<string>;
  /** `fn.action` as `openid`; throws with the error code when the answer is not ok. */
  api(openid: string, fn: string, action: string, data: unknown): Promise<any>;
  /** Forget the tokens (the next server has a new session secret). */
  forget(): void;
}

export function signedInClient(base: () => string): SignedInClient {
  const tokens = new Map<string, string>();
  const tokenOf = async (openid: string): Promise<string> => {
    let token = tokens.get(openid);
    if (!token) {
      const res = await fetch(`${base()}/dev/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ openid }) });
      token = ((await res.json()) as { data: { token: string } }).data.token;
      tokens.set(openid, token);
    }
    return token;
  };
  return {
    tokenOf,
    async api(openid, fn, action, data) {
      const res = await fetch(`${base()}/api/${fn}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-dev-session': await tokenOf(openid) },
        body: JSON.stringify({ action, data }),
      });
      const body = (await res.json()) as { ok: boolean; data: any; code?: string };
      if (!body.ok) throw new Error(`${fn}.${action}: ${body.code}`);
      return body.data;
    },
    forget: () => tokens.clear(),
  };
}
