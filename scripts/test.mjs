// `npm test`: typecheck, build everything the tests inspect (function bundles, the WeChat
// build, the H5 build), then run every jest suite (domain, functions over SQLite, pages,
// miniprogram-simulate, build checks, and end-to-end in Chromium over the local cloud).
// SKIP_BUILD=1 reuses existing builds while iterating; CI never sets it.
//
// On the 2-core machines this runs on, the H5 build (the longest step) keeps about one core busy on
// its own, so the work goes in two lanes at once: the H5 build in one; in the other the typecheck,
// the function bundles, the WeChat build, then every jest suite that does not read dist/h5. Once both
// lanes are done, the suites that do (end to end in Chromium, two build checks) run. Jest is split by
// JEST_PART (see jest.config.js); its two reports are joined into test-results/jest.json.
//
// A failed typecheck or build stops the other lane and exits with its code (what follows would test
// stale or missing output). Failed tests do not stop anything: every suite that can run still runs,
// and `npm test` exits with the failure at the end.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { npx } from './lib.mjs';
import { chromiumMissing } from './chromium-check.mjs';

mkdirSync('test-results', { recursive: true });
const JEST_REPORT = 'test-results/jest.json';
const partReport = (part) => `test-results/jest-${part}.json`;
const jestArgs = process.argv.slice(2);
/** One part of the jest suites (jest.config.js); failing tests do not stop the other lane. */
const jestPart = (label, part) => ({
  label,
  command: npx,
  args: ['jest', '--ci', '--passWithNoTests', '--json', `--outputFile=${partReport(part)}`, ...jestArgs],
  env: { JEST_PART: part, NODE_ENV: 'test' },
  report: partReport(part),
  tests: true,
});
const step = (label, command, args) => ({ label, command, args });

const typecheck = step('typecheck', npx, ['tsc', '--noEmit', '-p', 'tsconfig.json']);
const withoutH5 = jestPart('jest: suites without the H5 build', 'without-h5');
const withH5 = jestPart('jest: end to end and the H5 build checks', 'h5');
const lanes = process.env.SKIP_BUILD
  ? [[typecheck], [withoutH5]]
  : [
      [step('h5 build', npx, ['taro', 'build', '--type', 'h5'])],
      [typecheck, step('cloud functions', process.execPath, ['scripts/build-functions.mjs']), step('weapp build', npx, ['taro', 'build', '--type', 'weapp']), withoutH5],
    ];

const seconds = (t0) => `${((Date.now() - t0) / 1000).toFixed(1)} s`;
const verdict = (label, code, t0) => `◀ ${label}: ${code === 0 ? 'ok' : `failed (exit ${code})`} in ${seconds(t0)}`;

const started = Date.now();
// A newcomer without Chromium gets one line on how to get it, not a stack trace from every e2e suite.
const noChromium = chromiumMissing();
if (noChromium) console.log(`\n⚠ ${noChromium}`);
for (const part of [withoutH5, withH5]) rmSync(part.report, { force: true });

/** The steps running now; `held` is their output not yet printed (null once it streams). */
const running = new Set();
let stopping = false;
const stopAll = () => {
  stopping = true;
  // A step runs in its own process group (npx → taro or jest → their workers), so the whole group is stopped.
  for (const { child } of running) {
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      child.kill('SIGTERM');
    }
  }
};
process.on('SIGINT', () => {
  stopAll();
  process.exit(130);
});

/** Once only one lane is left, what it held so far is printed and the rest streams. */
function streamWhatIsLeft() {
  for (const entry of running) {
    if (!entry.held) continue;
    console.log(`\n── ${entry.label} output${entry.held.length ? ' so far' : ''} (the other lane is done; the rest follows as it comes) ──`);
    process.stdout.write(Buffer.concat(entry.held));
    entry.held = null;
  }
}

/**
 * One step. While the other lane is running too, its output is held and printed in one block when it
 * ends (or when the other lane ends first), so the two never interleave line by line; alone, it streams.
 */
function runStep({ label, command, args, env }, together) {
  const t0 = Date.now();
  console.log(`\n▶ ${label}${together ? ' (alongside the other lane; its output follows)' : ''}`);
  return new Promise((resolve) => {
    const stdio = together ? ['ignore', 'pipe', 'pipe'] : 'inherit';
    const child = spawn(command, args, { stdio, detached: together, env: { ...process.env, ...env } });
    const entry = { label, child, held: together ? [] : null };
    running.add(entry);
    if (together) {
      const take = (chunk, stream) => (entry.held ? entry.held.push(chunk) : stream.write(chunk));
      child.stdout.on('data', (chunk) => take(chunk, process.stdout));
      child.stderr.on('data', (chunk) => take(chunk, process.stderr));
    }
    child.on('close', (code, signal) => {
      running.delete(entry);
      const exit = code ?? (signal ? 1 : 0);
      if (stopping && signal) {
        console.log(`◀ ${label}: stopped after ${seconds(t0)} (the other lane failed)`);
        return resolve(exit);
      }
      if (entry.held) {
        console.log(`\n── ${label} output ──`);
        process.stdout.write(Buffer.concat(entry.held));
      }
      console.log(verdict(label, exit, t0));
      resolve(exit);
    });
  });
}

let buildFailure = 0;
let testFailure = 0;
async function runLane(steps, together) {
  for (const s of steps) {
    if (stopping) return;
    const code = await runStep(s, together);
    if (code === 0) continue;
    if (s.tests) {
      testFailure ||= code;
      continue;
    }
    if (!stopping) {
      buildFailure = code;
      stopAll();
    }
    return;
  }
}

await Promise.all(
  lanes.map(async (steps) => {
    await runLane(steps, lanes.length > 1);
    streamWhatIsLeft();
  }),
);
if (buildFailure) process.exit(buildFailure);
// Run first, then fold in: `testFailure ||= await …` would skip the end-to-end part after a failure.
const withH5Code = await runStep(withH5, false);
testFailure ||= withH5Code;

// One report, as one jest run would have written it, and the plain closing line CI reads.
const reports = [withoutH5, withH5].filter((part) => existsSync(part.report)).map((part) => JSON.parse(readFileSync(part.report, 'utf8')));
if (reports.length) {
  const joined = { ...reports[0], testResults: reports.flatMap((r) => r.testResults) };
  for (const [key, value] of Object.entries(reports[0])) {
    if (typeof value === 'number') joined[key] = key === 'startTime' ? Math.min(...reports.map((r) => r[key])) : reports.reduce((sum, r) => sum + r[key], 0);
  }
  joined.success = reports.every((r) => r.success);
  writeFileSync(JEST_REPORT, JSON.stringify(joined));
  for (const part of [withoutH5, withH5]) rmSync(part.report, { force: true });
}
console.log(`\n${testFailure ? 'tests failed' : 'all steps passed'} in ${seconds(started)}`);
if (reports.length) {
  const r = JSON.parse(readFileSync(JEST_REPORT, 'utf8'));
  // "N passed, N failed, N skipped".
  console.log(`${r.numPassedTests} passed, ${r.numFailedTests} failed, ${r.numPendingTests} skipped`);
}
process.exit(testFailure);
