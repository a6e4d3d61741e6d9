// `npm run deploy -- --env <env-id>`: builds, then makes a CloudBase environment match the code — every
// function with its config, timer triggers and open-API permissions, every collection with its indexes and
// the permission 「仅管理端可读写」, the HTTP access path of the feeds, and (with --admin) the first admin.
// `--dry-run` prints the plan and needs no credentials; `--json` prints it as JSON for scripts.
// Credentials: TCB_SECRET_ID, TCB_SECRET_KEY (and TCB_SESSION_TOKEN for temporary keys).
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { applyDeployment, summarise, type DeployStep } from './deploy/apply-deployment';
import { feedsUrlOf, formatPlan, planDeployment, type DeployPlan } from './deploy/deploy-plan';
import { cloudbasercOf } from './deploy/cloudbaserc';

export class DeployUsageError extends Error {}

const USAGE = `usage:
  npm run deploy -- --env <env-id> [--dry-run] [--json] [--skip-build]
                    [--admin <openid> --admin-name <姓名>] [--var NAME=VALUE …]
                    [--upload-key <private key file> --appid <appid>] [--feeds-url <https://…/feeds>]`;

export interface DeployArgs {
  envId: string;
  dryRun: boolean;
  json: boolean;
  skipBuild: boolean;
  firstAdmin: { openid: string; name: string } | null;
  variables: Record<string, string>;
  uploadKey: string | null;
  appid: string | null;
  /** Overrides the feeds' address the WeChat build links (default: the environment's HTTP access domain). */
  feedsUrl: string | null;
}

export function parseDeployArgs(argv: string[]): DeployArgs {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      env: { type: 'string' },
      'dry-run': { type: 'boolean' },
      json: { type: 'boolean' },
      'skip-build': { type: 'boolean' },
      admin: { type: 'string' },
      'admin-name': { type: 'string' },
      var: { type: 'string', multiple: true },
      'upload-key': { type: 'string' },
      appid: { type: 'string' },
      'feeds-url': { type: 'string' },
    },
  });
  if (positionals.length) throw new DeployUsageError(USAGE);
  const envId = values.env?.trim();
  // CloudBase environment ids are letters, digits and dashes (e.g. prod-3g5x8a1b2c3d4e5f).
  if (!envId || !/^[A-Za-z0-9-]{1,64}$/.test(envId)) throw new DeployUsageError(`--env <env-id> is required\n${USAGE}`);
  if (Boolean(values.admin) !== Boolean(values['admin-name'])) throw new DeployUsageError('--admin and --admin-name go together');
  if (values.admin && !/^[A-Za-z0-9_-]{1,64}$/.test(values.admin)) throw new DeployUsageError(`not an OPENID: ${values.admin}`);
  if (Boolean(values['upload-key']) !== Boolean(values.appid)) throw new DeployUsageError('--upload-key and --appid go together');
  const feedsUrl = values['feeds-url']?.trim() || null;
  if (feedsUrl && !/^https:\/\/[^\s/]+\/\S*$/.test(feedsUrl)) throw new DeployUsageError(`--feeds-url takes an https:// address: ${feedsUrl}`);
  const variables: Record<string, string> = {};
  for (const pair of values.var ?? []) {
    const match = /^([A-Z][A-Z0-9_]*)=(.*)$/.exec(pair);
    if (!match) throw new DeployUsageError(`--var takes NAME=VALUE (upper-case name): ${pair}`);
    variables[match[1]] = match[2];
  }
  return {
    envId,
    dryRun: values['dry-run'] ?? false,
    json: values.json ?? false,
    skipBuild: values['skip-build'] ?? false,
    firstAdmin: values.admin ? { openid: values.admin, name: values['admin-name'] as string } : null,
    variables,
    uploadKey: values['upload-key'] ?? null,
    appid: values.appid ?? null,
    feedsUrl,
  };
}

function planFor(args: DeployArgs, root: string): DeployPlan {
  return planDeployment({ envId: args.envId, root, firstAdmin: args.firstAdmin, variables: args.variables, uploadKey: args.uploadKey, appid: args.appid, feedsUrl: args.feedsUrl });
}

function run(command: string, env: NodeJS.ProcessEnv, root: string): void {
  console.log(`$ ${command}`);
  const result = spawnSync(command, { cwd: root, env, stdio: 'inherit', shell: true });
  if (result.status !== 0) throw new Error(`${command} failed (exit ${result.status})`);
}

async function ensureFirstAdmin(plan: DeployPlan, credentials: { secretId: string; secretKey: string; token?: string }): Promise<DeployStep | null> {
  if (!plan.firstAdmin) return null;
  const { default: tcb } = await import('@cloudbase/node-sdk');
  const { CloudbaseStore } = await import('../cloudfunctions/_runtime/store/cloudbase-store');
  const { runStaffCli } = await import('./staff-cli');
  const app = tcb.init({ env: plan.envId, secretId: credentials.secretId, secretKey: credentials.secretKey, sessionToken: credentials.token });
  const store = new CloudbaseStore(app.database() as never);
  const what = `首位管理员 ${plan.firstAdmin.openid}`;
  const current = await store.collection('staff').get(plan.firstAdmin.openid);
  // Already an active admin: a second deploy writes no new version and no event.
  if (current?.active === true && current.roles.includes('admin')) return { what, outcome: 'unchanged' };
  const [line] = await runStaffCli(['add', plan.firstAdmin.openid, '--name', plan.firstAdmin.name, '--roles', 'admin'], store);
  return { what, outcome: current ? 'updated' : 'created', detail: line };
}

async function uploadWeapp(plan: DeployPlan, root: string): Promise<DeployStep | null> {
  if (!plan.weapp.uploadKey || !plan.weapp.appid) return null;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const ci = require('miniprogram-ci');
  const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
  const project = new ci.Project({ appid: plan.weapp.appid, type: 'miniProgram', projectPath: root, privateKeyPath: resolve(plan.weapp.uploadKey), ignores: ['node_modules/**/*'] });
  await ci.upload({ project, version, desc: `deploy to ${plan.envId}`, setting: { minify: true, minifyWXML: true, minifyWXSS: true } });
  return { what: `小程序 ${version}`, outcome: 'updated', detail: '已上传为开发版，在微信公众平台提交审核' };
}

export async function main(argv: string[], root = process.cwd()): Promise<void> {
  const args = parseDeployArgs(argv);
  if (args.dryRun) {
    const plan = planFor(args, root);
    console.log(args.json ? JSON.stringify(plan, null, 2) : `${formatPlan(plan)}\n\n（--dry-run：以上为计划，未连接 CloudBase，未做任何更改）`);
    return;
  }
  const { TCB_SECRET_ID: secretId, TCB_SECRET_KEY: secretKey, TCB_SESSION_TOKEN: token } = process.env;
  if (!secretId || !secretKey) throw new DeployUsageError('deploying needs TCB_SECRET_ID and TCB_SECRET_KEY (a key of the Tencent Cloud account that owns the environment); --dry-run needs none');
  const { managerTarget, httpAccessDomain } = await import('./deploy/manager-target');
  if (!args.feedsUrl) {
    // The WeChat build links 订阅本栏目 to the feeds over the environment's HTTP access; without the
    // address it would show no link at all.
    const domain = await httpAccessDomain({ envId: args.envId, secretId, secretKey, token });
    args.feedsUrl = domain ? feedsUrlOf(domain) : null;
    if (!domain) console.log('提示：环境尚未开通 HTTP 访问服务，小程序不显示订阅地址；开通后重新部署，或用 --feeds-url 指定。');
  }
  if (!args.skipBuild) {
    run('npm run build:functions', process.env, root);
    run('npm run build:weapp', { ...process.env, CLOUDBASE_ENV: args.envId, FEEDS_URL: args.feedsUrl ?? '' }, root);
  }
  const plan = planFor(args, root);
  console.log(formatPlan(plan), '\n');
  // The same functions as a cloudbaserc.json, for @cloudbase/cli by hand (one function at a time, a rollback).
  mkdirSync(join(root, 'dist'), { recursive: true });
  writeFileSync(join(root, 'dist', 'cloudbaserc.json'), JSON.stringify(cloudbasercOf(plan), null, 2) + '\n');
  const report = (s: DeployStep) => console.log(`${s.outcome === 'unchanged' ? '  ' : '✓ '}${s.what}: ${{ created: '新建', updated: '更新', unchanged: '未变' }[s.outcome]}${s.detail ? `（${s.detail}）` : ''}`);
  const steps = await applyDeployment(plan, managerTarget({ envId: args.envId, secretId, secretKey, token }, root), report);
  for (const extra of [await ensureFirstAdmin(plan, { secretId, secretKey, token }), await uploadWeapp(plan, root)]) {
    if (extra) {
      steps.push(extra);
      report(extra);
    }
  }
  console.log(`\n完成：${summarise(steps)}。`);
  if (!plan.firstAdmin) console.log(`首位管理员：npm run deploy -- --env ${plan.envId} --skip-build --admin <openid> --admin-name <姓名>`);
  if (!plan.weapp.uploadKey) console.log('小程序：在微信开发者工具中打开仓库目录，上传 dist/weapp，再到微信公众平台提交审核。');
}

if (require.main === module) {
  main(process.argv.slice(2)).catch((error) => {
    console.error(error instanceof DeployUsageError ? error.message : error);
    process.exit(error instanceof DeployUsageError ? 2 : 1);
  });
}
