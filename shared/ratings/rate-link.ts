/**
 * What the rating page was opened for, from its query: `?visit=CODE` or
 * `?window=ID` (H5 links, the window's printed code), `?request=ID` (一事一评) or WeChat's `scene`
 * ("v=CODE" / "w=ID", URL-encoded) from a mini-program code.
 */
export type RateSubject = { visitCode: string } | { windowId: string } | { requestId: string } | null;

export function rateSubjectOf(params: Record<string, string | undefined>): RateSubject {
  if (params.request) return { requestId: params.request.trim() };
  let { visit, window } = params;
  if (!visit && !window && params.scene) {
    let scene = params.scene;
    try {
      scene = decodeURIComponent(scene);
    } catch {
      return null;
    }
    const [key, value] = scene.split('=', 2);
    if (key === 'v') visit = value;
    if (key === 'w') window = value;
  }
  if (visit) return { visitCode: visit.trim().toUpperCase() };
  if (window) return { windowId: window.trim() };
  return null;
}
