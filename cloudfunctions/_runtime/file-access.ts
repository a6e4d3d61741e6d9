import { isVisibleToResidents } from '../../shared/notices/notice-lifecycle';
import { requestInScope, requestScopeOf } from '../../shared/requests/department-scope';
import { decideAccess, isStaff, staff, type Caller } from '../../shared/staff/roles';
import { staffMaySee as caseVisibleToStaff, type CaseViewer } from '../../shared/inquiries/case-access';
import type { Store } from './store/port';

/**
 * Who may read an uploaded file, on both platforms (withdrawn means withdrawn: a notice taken down
 * takes its attachments with it at once):
 * - `public`: a published notice carries it; anyone may read it;
 * - `private`: a staff member (for a request's or an inquiry's file, one who may handle that record:
 *   see staffMaySee), or the owner of a request or inquiry that carries it (a reply's letter, a
 *   supplement, a photo sent with a question), or the resident who uploaded a file not attached to
 *   anything yet, and nobody else;
 * - `refused`: anyone else — a withdrawn or draft notice's file, someone else's request's or
 *   inquiry's, a file attached to nothing. The answer is the same as for an unknown file.
 *
 * `uses` are the records that carry the file: in the local cloud every one (server/attachment-access.ts
 * keeps them in SQLite); on CloudBase the one the app shows it in, checked to name it (files function).
 * `uploadId` names its `files` record (upload-records.ts).
 */
export type FileAccess = 'public' | 'private' | 'refused';

export interface FileUse {
  collection: string;
  recordId: string;
}

/** The records whose owner (`ownerOpenid`) may read the files they carry: a request's applicant, an inquiry's asker. */
const OWNED = ['requests', 'inquiries'] as const;

export async function decideFileAccess(store: Store, caller: Caller, uploadId: string | null, uses: readonly FileUse[]): Promise<FileAccess> {
  for (const use of uses) {
    if (use.collection !== 'notices') continue;
    const notice = await store.collection('notices').get(use.recordId);
    if (notice && isVisibleToResidents(notice)) return 'public';
  }
  if (isStaff(caller) && (await staffMaySee(store, caller, uses))) return 'private';
  if (!caller.openid) return 'refused';
  for (const use of uses) {
    const owned = OWNED.find((c) => c === use.collection);
    if (!owned) continue;
    const record = await store.collection(owned).get(use.recordId);
    if (record?.ownerOpenid === caller.openid) return 'private';
  }
  // A resident's own upload not attached to anything yet (a photo picked for a question not sent yet).
  if (uses.length === 0 && uploadId) {
    const file = await store.collection('files').get(uploadId);
    if (file?.uploadedBy === caller.openid && !file.removing) return 'private';
  }
  return 'refused';
}

/**
 * Which staff may read a file, asked of the records that carry it, each as its own function answers
 * staff: a request's, the handlers of its department and the admins (shared/requests/department-scope.ts);
 * an inquiry's, the answerers who see the case and the admins — a complaint's, only the one answerer
 * it is assigned to and the admins (shared/inquiries/case-access.ts). A file some other record carries
 * (a notice's) or none (not attached yet) is for any staff member.
 */
async function staffMaySee(store: Store, caller: Caller, uses: readonly FileUse[]): Promise<boolean> {
  if (uses.length === 0 || uses.some((u) => u.collection === 'notices')) return true;
  for (const use of uses) {
    if (use.collection === 'requests' && decideAccess(staff('handler'), caller) === 'allow') {
      const request = await store.collection('requests').get(use.recordId);
      if (request && requestInScope(requestScopeOf(caller), request)) return true;
    }
    if (use.collection === 'inquiries' && decideAccess(staff('answerer'), caller) === 'allow') {
      const inquiry = await store.collection('inquiries').get(use.recordId);
      if (inquiry && caseVisibleToStaff(inquiry, caseViewerOf(caller))) return true;
    }
  }
  return false;
}

/** The answerer as case-access.ts sees them: every role the caller holds, not only the answerer's. */
function caseViewerOf(caller: Caller): CaseViewer {
  return { openid: caller.openid as string, isAdmin: caller.staff?.roles.includes('admin') ?? false, departmentIds: caller.staff?.departmentIds ?? [] };
}
