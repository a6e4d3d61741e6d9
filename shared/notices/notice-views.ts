import { beijingToday } from '../time/beijing-time';

/**
 * 阅读 counts that a refresh loop cannot inflate: one view per viewer per
 * notice per Beijing day. The server keys a view on the caller's OPENID (in
 * WeChat every caller has one; in the local cloud's H5 build, the dev-session
 * identity). A caller without an identity is shown the count but not counted:
 * there is nothing to tell one anonymous refresh from the next that a loop
 * could not reset. Pure: the time is an argument.
 */
export interface NoticeViewCount {
  /** The notice's id. */
  id: string;
  count: number;
}

/** One counted view; its id (day + a hash of notice and viewer) makes a second one that day a duplicate. */
export interface NoticeView {
  id: string;
  noticeId: string;
  day: string;
  at: string;
}

/** What `notices.view` answers: the count, and whether this call added to it. */
export interface ViewAnswer {
  views: number;
  counted: boolean;
}

/** The period a view counts in: the Beijing calendar day. */
export function viewPeriodOf(now: Date): string {
  return beijingToday(now);
}

/** The id of a viewer's view of a notice in a period; `viewerKey` is a hash, never the OPENID itself. */
export function viewRecordId(day: string, viewerKey: string): string {
  return `v-${day}-${viewerKey}`;
}
