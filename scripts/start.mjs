// `npm start`: build the H5 app if it is missing or older than its sources, then run the local cloud.
import { spawn } from 'node:child_process';
import { mtimeOf, newestMtime, npx, run } from './lib.mjs';

const built = mtimeOf('dist/h5/index.html');
const sources = newestMtime(['miniprogram', 'shared', 'config']);
if (built < sources) {
  console.log(built ? 'H5 build is older than its sources: rebuilding…' : 'Building the H5 app (first start, about half a minute)…');
  const code = await run(npx, ['taro', 'build', '--type', 'h5']);
  if (code !== 0) process.exit(code);
}

const server = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], { stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('close', (code) => process.exit(code ?? 0));
