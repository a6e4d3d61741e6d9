// What `npm run deploy` creates on a CloudBase environment, derived from the registries the code already
// keeps (functions, HTTP functions, collections and their indexes, periodic jobs), so nothing is listed twice
// and a function, collection, index or job added to the code is deployed without touching this file.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FUNCTIONS, HTTP_FUNCTIONS } from '../../cloudfunctions/registry';
import { COLLECTIONS, type IndexDeclarations } from '../../cloudfunctions/_runtime/collections';
import { cloudbaseIndexes, type CloudbaseIndex } from '../../cloudfunctions/_runtime/cloudbase-indexes';
import { JOBS } from '../../cloudfunctions/_jobs/registry';
import type { Job } from '../../cloudfunctions/_jobs/job';
import { FILE_LINK_SECONDS } from '../../cloudfunctions/files/files-function';

/** The bundles target Node 16 (scripts/build-functions.mjs); CloudBase's runtime of that line. */
export const FUNCTION_RUNTIME = 'Nodejs16.13';
/** CloudBase's default when a function's config.json names no timeout. */
export const DEFAULT_TIMEOUT_SECONDS = 20;
/**
 * Every deployed function carries the hash of its bundle in this environment variable: a second deploy
 * compares it and uploads only what changed, so running the command again changes nothing.
 */
export const CODE_HASH_VARIABLE = 'SUNSHINE_CODE_SHA256';
/** 「仅管理端可读写」: every read and write goes through the functions, never from a phone to the database. */
export const COLLECTION_PERMISSION = 'ADMINONLY';
/**
 * Cloud storage's permission: 「仅创建者及管理员可读写」. No phone reads a fileID by itself (nor a
 * withdrawn notice's file, nor another resident's); the `files` function checks who asks and answers a
 * short-lived address (getTempFileURL, with the functions' admin rights). The uploader may still read
 * their own upload, as the local cloud lets them.
 */
export const STORAGE_ACL = 'PRIVATE';
/** The timer trigger that runs the jobs registry (cloudfunctions/deliveries/dispatch-timer.ts). */
export const JOB_RUNNER_FUNCTION = 'deliveries';
/** HTTP access paths (HTTP 访问服务) of the functions reached over HTTP instead of callFunction. */
export const HTTP_PATHS: Record<(typeof HTTP_FUNCTIONS)[number], string> = { feeds: '/feeds' };

/** Shown in a dry run, which has no credentials to ask the environment for its HTTP access domain. */
export const FEEDS_URL_PLACEHOLDER = 'https://<HTTP 访问服务默认域名>/feeds';

/**
 * The feeds' address the WeChat build links under 订阅本栏目: the environment's HTTP access domain (as
 * CloudBase reports it, with or without a scheme) and the feeds function's path.
 */
export function feedsUrlOf(domain: string): string {
  const host = domain.trim().replace(/^https?:\/\//, '').replace(/\/+$/, '');
  return `https://${host}${HTTP_PATHS.feeds}`;
}

export interface TimerTrigger {
  name: string;
  type: 'timer';
  /** CloudBase's seven-field cron: second minute hour day month weekday year. */
  config: string;
}

export interface FunctionPlan {
  name: string;
  /** The bundle folder uploaded as the function's code (index.js, cloudbase-sdk.js, package.json, config.json). */
  dir: string;
  runtime: string;
  timeout: number;
  /** WeChat open APIs the function calls through the cloud call (config.json `permissions.openapi`). */
  openapi: string[];
  triggers: TimerTrigger[];
  /**
   * Nothing for CloudBase to install: the bundle carries @cloudbase/node-sdk as cloudbase-sdk.js
   * (scripts/cloudbase-sdk-bundle.cjs), so the folder uploaded is what runs.
   */
  installDependency: false;
  /** Environment variables set on the function; others already there (set by the bureau) are kept. */
  variables: Record<string, string>;
  /** sha256 of the bundle, or null before it is built (a dry run without a build). */
  codeHash: string | null;
  /** Called through HTTP access at this path instead of callFunction. */
  httpPath: string | null;
}

export interface CollectionPlan {
  name: string;
  permission: typeof COLLECTION_PERMISSION;
  indexes: CloudbaseIndex[];
}

export interface JobPlan {
  name: string;
  /** Run by this function's timer trigger, one step a minute. */
  runBy: string;
  /** At most once per this many ms, or at every step. */
  everyMs: number | null;
}

export interface FirstAdminPlan {
  openid: string;
  name: string;
}

export interface DeployPlan {
  envId: string;
  /** The commands run before anything is deployed. */
  builds: string[];
  functions: FunctionPlan[];
  collections: CollectionPlan[];
  jobs: JobPlan[];
  /** Cloud storage's permission (STORAGE_ACL). */
  storage: { acl: typeof STORAGE_ACL };
  firstAdmin: FirstAdminPlan | null;
  /** The mini-program: built for this environment; uploaded from DevTools or with an upload key. */
  weapp: { dir: string; cloudEnv: string; uploadKey: string | null; appid: string | null };
}

export interface PlanOptions {
  envId: string;
  /** Repository root: function sources under cloudfunctions/, bundles under dist/cloudfunctions/. */
  root: string;
  firstAdmin?: FirstAdminPlan | null;
  /** Extra environment variables for every function (e.g. FEEDS_SITE_URL, SUBSCRIBE_MINIPROGRAM_STATE). */
  variables?: Record<string, string>;
  uploadKey?: string | null;
  appid?: string | null;
  /** Where the WeChat build links the open feeds; null until the environment's HTTP access domain is known. */
  feedsUrl?: string | null;
  collections?: IndexDeclarations;
  jobs?: readonly Job[];
}

/** The names of every function that gets deployed: the invoked ones and the HTTP ones. */
export function deployedFunctionNames(): string[] {
  return [...Object.keys(FUNCTIONS), ...HTTP_FUNCTIONS];
}

interface FunctionConfigFile {
  permissions?: { openapi?: string[] };
  triggers?: TimerTrigger[];
  timeout?: number;
}

function readConfig(root: string, name: string): FunctionConfigFile {
  const file = join(root, 'cloudfunctions', name, 'config.json');
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as FunctionConfigFile) : {};
}

/** Every file under `dir`, as paths relative to it with forward slashes. */
function filesUnder(dir: string, prefix = ''): string[] {
  return readdirSync(join(dir, prefix), { withFileTypes: true }).flatMap((entry) => {
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    return entry.isDirectory() ? filesUnder(dir, rel) : [rel];
  });
}

/** sha256 over the files uploaded, in a fixed order; null when the bundle is not built yet. */
export function bundleHash(dir: string): string | null {
  if (!existsSync(join(dir, 'index.js'))) return null;
  const hash = createHash('sha256');
  // A function that loads a module lazily carries it (and its font) beside index.js: those files are uploaded too.
  const lazy = filesUnder(dir).filter((f) => !['index.js', 'package.json', 'config.json'].includes(f)).sort();
  for (const file of ['index.js', 'package.json', 'config.json', ...lazy]) {
    const path = join(dir, file);
    hash.update(`${file}\0`);
    if (existsSync(path)) hash.update(readFileSync(path));
    hash.update('\0');
  }
  return hash.digest('hex');
}

export function planDeployment(options: PlanOptions): DeployPlan {
  const { envId, root } = options;
  const declarations = options.collections ?? COLLECTIONS;
  const indexes = cloudbaseIndexes(declarations);
  const functions = deployedFunctionNames().map((name): FunctionPlan => {
    const config = readConfig(root, name);
    const dir = join('dist', 'cloudfunctions', name);
    return {
      name,
      dir,
      runtime: FUNCTION_RUNTIME,
      timeout: config.timeout ?? DEFAULT_TIMEOUT_SECONDS,
      openapi: config.permissions?.openapi ?? [],
      triggers: config.triggers ?? [],
      installDependency: false,
      variables: { ...(options.variables ?? {}) },
      codeHash: bundleHash(join(root, dir)),
      httpPath: (HTTP_PATHS as Record<string, string>)[name] ?? null,
    };
  });
  const runner = functions.find((f) => f.name === JOB_RUNNER_FUNCTION);
  return {
    envId,
    builds: ['npm run build:functions', `CLOUDBASE_ENV=${envId} FEEDS_URL=${options.feedsUrl ?? FEEDS_URL_PLACEHOLDER} npm run build:weapp`],
    functions,
    collections: Object.keys(declarations).map((name) => ({ name, permission: COLLECTION_PERMISSION, indexes: indexes.filter((i) => i.collection === name) })),
    jobs: (options.jobs ?? JOBS).map((job) => ({ name: job.name, runBy: runner && runner.triggers.length > 0 ? JOB_RUNNER_FUNCTION : '(no timer: jobs would never run)', everyMs: job.everyMs ?? null })),
    storage: { acl: STORAGE_ACL },
    firstAdmin: options.firstAdmin ?? null,
    weapp: { dir: 'dist/weapp', cloudEnv: envId, uploadKey: options.uploadKey ?? null, appid: options.appid ?? null },
  };
}

const minutes = (ms: number) => (ms % 3_600_000 === 0 ? `${ms / 3_600_000} h` : `${Math.round(ms / 60_000)} min`);

/** The plan as a person reads it: one line per thing created, in the order it is done. */
export function formatPlan(plan: DeployPlan): string {
  const lines: string[] = [`部署计划 — CloudBase 环境 ${plan.envId}`, ''];
  lines.push('1. 构建');
  for (const build of plan.builds) lines.push(`   ${build}`);
  lines.push('', `2. 云函数（${plan.functions.length} 个，运行时 ${FUNCTION_RUNTIME}，依赖已打包在函数内，不在云端安装）`);
  for (const f of plan.functions) {
    const parts = [`超时 ${f.timeout} s`];
    if (f.openapi.length) parts.push(`开放接口权限 ${f.openapi.join(', ')}`);
    for (const t of f.triggers) parts.push(`定时触发器 ${t.name} (${t.config})`);
    if (f.httpPath) parts.push(`HTTP 访问路径 ${f.httpPath}`);
    const vars = Object.keys(f.variables);
    if (vars.length) parts.push(`环境变量 ${vars.join(', ')}`);
    parts.push(f.codeHash ? `代码 ${f.dir} sha256 ${f.codeHash.slice(0, 12)}` : `代码 ${f.dir}（构建后上传）`);
    lines.push(`   函数 ${f.name}: ${parts.join('; ')}`);
  }
  const indexCount = plan.collections.reduce((n, c) => n + c.indexes.length, 0);
  lines.push('', `3. 数据库集合（${plan.collections.length} 个，权限「仅管理端可读写」 ${COLLECTION_PERMISSION}；索引 ${indexCount} 个，字段均为升序）`);
  for (const c of plan.collections) {
    lines.push(`   集合 ${c.name}${c.indexes.length ? '' : '（无额外索引）'}`);
    for (const i of c.indexes) lines.push(`     索引 ${i.name}: ${i.fields.map((f) => f.field).join(', ')}`);
  }
  lines.push('', `4. 定时任务（${plan.jobs.length} 个，由 ${JOB_RUNNER_FUNCTION} 的定时触发器每分钟依次运行）`);
  for (const j of plan.jobs) lines.push(`   任务 ${j.name}: ${j.runBy}, ${j.everyMs ? `每 ${minutes(j.everyMs)} 至多一次` : '每一步'}`);
  lines.push('', `5. 云存储权限 ${plan.storage.acl}「仅创建者及管理员可读写」：附件经 files 函数核对权限后给出 ${FILE_LINK_SECONDS / 60} 分钟有效的临时地址`);
  lines.push('', '6. 首位管理员');
  lines.push(
    plan.firstAdmin
      ? `   添加 ${plan.firstAdmin.openid}（${plan.firstAdmin.name}），角色 admin`
      : `   未指定：部署后运行 TCB_ENV=${plan.envId} TCB_SECRET_ID=… TCB_SECRET_KEY=… npm run staff -- add <openid> --name <姓名> --roles admin --cloudbase，或重新部署时加 --admin <openid> --admin-name <姓名>`,
  );
  lines.push('', '7. 小程序');
  lines.push(`   ${plan.weapp.dir} 已按云环境 ${plan.weapp.cloudEnv} 构建；${plan.weapp.uploadKey ? `用上传密钥 ${plan.weapp.uploadKey} 上传（appid ${plan.weapp.appid}）` : '在微信开发者工具中打开仓库目录并上传'}`);
  return lines.join('\n');
}
