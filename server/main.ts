import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { startLocalCloud } from './local-cloud';

/** `npm start`: the local cloud on 127.0.0.1 with the H5 app and demo data. */
async function main(): Promise<void> {
  const port = Number(process.env.PORT ?? 8080);
  const dataDir = resolve(process.env.DATA_DIR ?? '.data');
  const staticDir = resolve(process.env.H5_DIR ?? 'dist/h5');
  if (!existsSync(staticDir)) console.warn(`H5 build not found at ${staticDir}: only the API will be served.`);
  // RATE_LIMITS=off: for benches that drive one caller far past any resident's pace.
  const cloud = await startLocalCloud({ dataDir, staticDir, rateLimits: process.env.RATE_LIMITS !== 'off', demoYear: process.env.DEMO_YEAR !== 'off', demoInquiries: true });
  cloud.server.listen(port, '127.0.0.1', () => {
    console.log(`阳光政务 local cloud: http://127.0.0.1:${port}/  (data: ${dataDir})`);
  });
  const stop = () => cloud.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
