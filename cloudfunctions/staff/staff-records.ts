import type { StaffRole } from '../../shared/staff/roles';

/**
 * An invitation to join as staff. Its id is the SHA-256 of the code: the code
 * itself is shown once to the admin who made it and never stored, so someone
 * reading the database cannot use an open invitation.
 */
export interface StaffInviteRecord {
  name: string;
  roles: StaffRole[];
  departmentIds: string[];
  invitedBy: string;
  createdAt: string;
  expiresAt: string;
  /** Who accepted it (single use): null while open. */
  usedBy: string | null;
  usedAt: string | null;
}

/** Bureau settings in the `meta` document `staff-settings`. */
export interface StaffSettings {
  /** How long an invitation code stays usable, in hours (default 72). */
  inviteHours?: number;
}

export const STAFF_SETTINGS_ID = 'staff-settings';

/** What happened to a person's standing (subject: their OPENID) or to an invitation (subject: its id). */
export type StaffEvent =
  | { subjectType: 'staff'; subjectId: string; action: 'staffJoined' | 'staffRolesChanged' | 'staffRemoved' | 'staffAdded'; actor: string; at: string; detail: string }
  | { subjectType: 'staffInvite'; subjectId: string; action: 'staffInvited'; actor: string; at: string; detail: string };
