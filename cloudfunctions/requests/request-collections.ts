/** Collection names the requests function writes (declared with their indexes in _runtime/collections.ts). */
export const REQUESTS = 'requests';
export const EVENTS = 'events';
/** One document per (caller, idempotency key): makes a retried submit return the first request. */
export const REQUEST_KEYS = 'requestKeys';
/** Sequence counters, e.g. `requests-2026` for that year's tracking numbers. */
export const COUNTERS = 'counters';
