// Where the end-to-end tests find Chromium, and the one line that tells a newcomer how to get it.
// Shared by scripts/test.mjs (said before jest starts) and test/support/e2e.ts (skips the suites).
import { existsSync } from 'node:fs';

export const chromiumPath = () => process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/** null when Chromium is there; otherwise one line saying how to get it. */
export function chromiumMissing() {
  const path = chromiumPath();
  if (existsSync(path)) return null;
  return `Chromium not found at ${path}: end-to-end tests are skipped. Install it with \`sudo apt-get install chromium\`, or point CHROMIUM_PATH= at a Chrome or Chromium elsewhere.`;
}
