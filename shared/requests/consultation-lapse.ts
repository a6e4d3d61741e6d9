import type { WorkingCalendar } from '../calendar/working-calendar';
import type { RequestCommand } from './request-commands';
import { CONSULTATION_RULES, consultationAnswerDue } from './request-clock';
import { SYSTEM_ACTOR, type RequestRecord } from './request-record';

/**
 * A consulted agency's silence (条例 Art. 34): the agency has 15 working days
 * from the consultation to answer, and one that has not answered by then is
 * taken to agree to disclosure. The clock counts again from the next working
 * day whatever anyone records (request-clock.ts caps the pause); the system
 * also ends the consultation on the record, so the timeline says so and the
 * request leaves 征求意见中. A third party's silence is no consent (Art. 32):
 * its consultation stays for the clerk to end. Pure.
 */

/** The running consultation, if any (consultations are only ever appended; at most one runs). */
export function runningConsultation(r: Pick<RequestRecord, 'consultations'>): RequestRecord['consultations'][number] | null {
  return r.consultations.find((c) => c.endedOn === null) ?? null;
}

/** A running agency consultation whose 15 working days ended before today: the system may now end it. */
export function consultationLapsed(r: Pick<RequestRecord, 'status' | 'consultations'>, today: string, calendar: WorkingCalendar): boolean {
  const running = runningConsultation(r);
  if (r.status !== 'consulting' || !running || !CONSULTATION_RULES[running.party].silenceIsConsent) return false;
  return today > consultationAnswerDue(running, calendar);
}

/** The system's ending of a lapsed agency consultation. */
export const lapsedConsultationEnding: RequestCommand = { type: 'lapseConsultation', actor: SYSTEM_ACTOR };
