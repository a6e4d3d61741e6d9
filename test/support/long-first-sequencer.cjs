// Jest's order of suites: the longest first, so that the two workers finish together instead of one
// long suite running alone at the end while the other core waits.
//
// Jest's own sequencer already does this once it has timed a run on this machine (its cache); on a
// fresh clone, which is what CI runs, it has no times and falls back to file size, which put the
// two longest suites (the hostile-input walk and the CloudBase concurrency parity) in the middle and
// near the end. (The hostile-input walk is now two files, random and fields, so both workers share it.) So a suite jest has not timed yet takes its time from the list below (seconds, from a
// quiet clean-clone run; only the order matters), and any other untimed suite comes after them,
// largest file first. A suite that failed last time still runs first.
const Sequencer = require('@jest/test-sequencer').default;
const { relative, sep } = require('node:path');

const KNOWN_SECONDS = {
  'test/functions/hostile-input-random.test.ts': 62,
  'test/functions/hostile-input-fields.test.ts': 62,
  'test/functions/concurrent-writes-parity.test.ts': 54,
  'test/store/cloudbase-store.test.ts': 46,
  'test/functions/authorization.test.ts': 35,
  'test/e2e/notices-search.test.ts': 31,
  'test/e2e/tap-areas.test.ts': 30,
  'test/e2e/requests.test.ts': 28,
  'test/e2e/accessibility.test.ts': 23,
  'test/e2e/staff-admin.test.ts': 22,
  'test/functions/contract-writes.test.ts': 19,
  'test/functions/cloudbase-anonymous-limits.test.ts': 19,
  'test/e2e/inquiries.test.ts': 16,
  'test/functions/staff-function.test.ts': 15,
  'test/e2e/resident-and-staff.test.ts': 15,
  'test/e2e/notifications.test.ts': 13,
  'test/e2e/review-sign-off.test.ts': 13,
  'test/e2e/annual-report.test.ts': 13,
  'test/e2e/notice-correction.test.ts': 13,
  'test/e2e/rating-codes.test.ts': 12,
  'test/server/crash-drill.test.ts': 12,
  'test/e2e/ratings.test.ts': 11,
  'test/e2e/unreasonable-volume.test.ts': 11,
  'test/functions/report-demo-year.test.ts': 10,
  'test/e2e/letter-pdf.test.ts': 10,
  'test/e2e/processing-fees.test.ts': 9,
  'test/e2e/notice-editor.test.ts': 9,
  'test/e2e/dead-ends.test.ts': 9,
  'test/e2e/rating-rectification.test.ts': 8,
  'test/e2e/personal-data.test.ts': 8,
  'test/e2e/supplement-attachments.test.ts': 8,
};

class LongFirstSequencer extends Sequencer {
  sort(tests) {
    const seconds = (test) => {
      const timed = this.time(test); // jest's cache, in milliseconds
      if (timed != null) return timed / 1000;
      return KNOWN_SECONDS[relative(test.context.config.rootDir, test.path).split(sep).join('/')];
    };
    const size = (test) => test.context.hasteFS.getSize(test.path) ?? 0;
    const keyed = tests.map((test) => ({ test, failed: this.hasFailed(test), seconds: seconds(test), size: size(test) }));
    keyed.sort((a, b) => {
      if (a.failed !== b.failed) return a.failed ? -1 : 1;
      if ((a.seconds == null) !== (b.seconds == null)) return a.seconds == null ? 1 : -1;
      if (a.seconds != null && a.seconds !== b.seconds) return b.seconds - a.seconds;
      return b.size - a.size;
    });
    return keyed.map(({ test }) => test);
  }
}

module.exports = LongFirstSequencer;
