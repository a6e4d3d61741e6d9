// `npm test`: typecheck, build everything the tests inspect (function bundles, the WeChat
// build, the H5 build), then run every jest suite (domain, functions over SQLite, pages,
// miniprogram-simulate, build checks, and end-to-end in Chromium over the local cloud).
// SKIP_BUILD=1 reuses existing builds while iterating; CI never sets it.
//
// The typecheck and the builds do not depend on each other and each keeps about one core busy,
// so on the 2-core machines this runs on they go in two lanes at once: the H5 build (the longest)
// in one, the typecheck, the function bundles and the WeChat build in the other. Jest starts when
// both lanes are done; the first failure stops the other lane and exits with its code.
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { npx, run } from './lib.mjs';
import { chromiumMissing } from './chromium-check.mjs';

const typecheck = ['typecheck', npx, ['tsc', '--noEmit', '-p', 'tsconfig.json']];
const lanes = process.env.SKIP_BUILD
  ? [[typecheck]]
  : [
      [['h5 build', npx, ['taro', 'build', '--type', 'h5']]],
      [typecheck, ['cloud functions', process.execPath, ['scripts/build-functions.mjs']], ['weapp build', npx, ['taro', 'build', '--type', 'weapp']]],
    ];
mkdirSync('test-results', { recursive: true });
const JEST_REPORT = 'test-results/jest.json';
const jest = ['jest', npx, ['jest', '--ci', '--json', `--outputFile=${JEST_REPORT}`, ...process.argv.slice(2)]];

const seconds = (t0) => `${((Date.now() - t0) / 1000).toFixed(1)} s`;
const verdict = (label, code, t0) => `◀ ${label}: ${code === 0 ? 'ok' : `failed (exit ${code})`} in ${seconds(t0)}`;

const started = Date.now();
// A newcomer without Chromium gets one line on how to get it, not a stack trace from every e2e suite.
const noChromium = chromiumMissing();
if (noChromium) console.log(`\n⚠ ${noChromium}`);

const running = new Set();
let stopping = false;
const stopAll = () => {
  stopping = true;
  // A lane's step runs in its own process group (npx → taro → its workers), so the whole group is stopped.
  for (const child of running) {
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

/**
 * One step of a lane. When the other lane is running too, the step's output is held and printed
 * in one block when it ends, so the two never interleave line by line; alone, it streams.
 */
function runStep([label, command, args], together) {
  const t0 = Date.now();
  console.log(`\n▶ ${label}${together ? ' (alongside the other lane; its output follows when it ends)' : ''}`);
  return new Promise((resolve) => {
    const child = spawn(command, args, together ? { stdio: ['ignore', 'pipe', 'pipe'], detached: true } : { stdio: 'inherit' });
    running.add(child);
    const held = [];
    if (together) {
      child.stdout.on('data', (chunk) => held.push(chunk));
      child.stderr.on('data', (chunk) => held.push(chunk));
    }
    child.on('close', (code, signal) => {
      running.delete(child);
      const exit = code ?? (signal ? 1 : 0);
      if (stopping && signal) {
        console.log(`◀ ${label}: stopped after ${seconds(t0)} (the other lane failed)`);
        return resolve(exit);
      }
      if (together) {
        console.log(`\n── ${label} output ──`);
        process.stdout.write(Buffer.concat(held));
      }
      console.log(verdict(label, exit, t0));
      resolve(exit);
    });
  });
}

let firstFailure = 0;
async function runLane(steps, together) {
  for (const step of steps) {
    if (stopping) return;
    const code = await runStep(step, together);
    if (code !== 0) {
      if (!stopping) {
        firstFailure = code;
        stopAll();
      }
      return;
    }
  }
}

await Promise.all(lanes.map((steps) => runLane(steps, lanes.length > 1)));
if (firstFailure) process.exit(firstFailure);
if (lanes.length > 1) console.log(`\ntypecheck and builds done in ${seconds(started)}`);

{
  const [label, command, args] = jest;
  const t0 = Date.now();
  console.log(`\n▶ ${label}`);
  const code = await run(command, args, { env: { ...process.env, NODE_ENV: 'test' } });
  console.log(verdict(label, code, t0));
  if (code !== 0) process.exit(code);
}
console.log(`\nall steps passed in ${seconds(started)}`);
if (existsSync(JEST_REPORT)) {
  const r = JSON.parse(readFileSync(JEST_REPORT, 'utf8'));
  // The plain closing line CI reads: "N passed, N failed, N skipped".
  console.log(`${r.numPassedTests} passed, ${r.numFailedTests} failed, ${r.numPendingTests} skipped`);
}
