/**
 * The working-day periods the 条例 (2019) sets for requests. A module of its
 * own, importing nothing, so the pages that quote them (the home page is in
 * the main package) carry five numbers and not the deadline arithmetic.
 */

/** Art. 33: answer within 20 working days of receipt. */
export const STATUTORY_WORKING_DAYS = 20;
/** Art. 30: a supplement may be asked for only within 7 working days of receipt. */
export const SUPPLEMENT_WINDOW_WORKING_DAYS = 7;
/** Art. 32: a consulted third party has 15 working days to answer. */
export const THIRD_PARTY_WORKING_DAYS = 15;
/** Art. 34: a consulted agency has 15 working days to answer; silence counts as consent. */
export const AGENCY_CONSULTATION_WORKING_DAYS = 15;
/** Art. 33: one extension of at most 20 working days. */
export const MAX_EXTENSION_WORKING_DAYS = 20;
