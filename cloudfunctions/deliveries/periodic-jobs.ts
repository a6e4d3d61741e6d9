/**
 * Every periodic job (the registry's list), as a module of its own: the deliveries function's bundle
 * loads it on the timer's first run, not at every start (dispatch-timer.ts).
 */
export { JOBS } from '../_jobs/registry';
