// Carries a deploy plan out on a CloudBase environment, each step only when the environment differs from
// the plan: a second run over an unchanged build creates, uploads and changes nothing. Nothing is ever
// deleted (a collection, an index, a function or another trigger the bureau added stays).
import { CODE_HASH_VARIABLE, type CollectionPlan, type DeployPlan, type FunctionPlan, type TimerTrigger } from './deploy-plan';
import type { CloudbaseIndex } from '../../cloudfunctions/_runtime/cloudbase-indexes';

/** A deployed function as the environment reports it. */
export interface DeployedFunction {
  runtime: string;
  timeout: number;
  variables: Record<string, string>;
  triggers: TimerTrigger[];
}

/**
 * What the deploy needs of a CloudBase environment: the few management calls, behind one small
 * interface so the same steps run over @cloudbase/manager-node (manager-target.ts) and over an
 * in-memory environment in the tests.
 */
export interface DeployTarget {
  functionNames(): Promise<string[]>;
  describeFunction(name: string): Promise<DeployedFunction>;
  /** Creates the function from its bundle folder, with its config and triggers. */
  createFunction(fn: FunctionPlan, variables: Record<string, string>): Promise<void>;
  updateFunctionCode(fn: FunctionPlan): Promise<void>;
  updateFunctionConfig(fn: FunctionPlan, variables: Record<string, string>): Promise<void>;
  createTriggers(name: string, triggers: TimerTrigger[]): Promise<void>;
  deleteTrigger(name: string, triggerName: string): Promise<void>;
  collectionExists(name: string): Promise<boolean>;
  createCollection(name: string): Promise<void>;
  indexNames(collection: string): Promise<string[]>;
  createIndexes(collection: string, indexes: CloudbaseIndex[]): Promise<void>;
  collectionPermission(name: string): Promise<string | null>;
  setCollectionPermission(name: string, permission: string): Promise<void>;
  httpAccessPaths(): Promise<Array<{ name: string; path: string }>>;
  /** Cloud storage's permission (READONLY, PRIVATE, ADMINWRITE, ADMINONLY or CUSTOM). */
  storageAcl(): Promise<string>;
  setStorageAcl(acl: string): Promise<void>;
  createHttpAccess(name: string, path: string): Promise<void>;
}

export type StepOutcome = 'created' | 'updated' | 'unchanged';

export interface DeployStep {
  what: string;
  outcome: StepOutcome;
  detail?: string;
}

export async function applyDeployment(plan: DeployPlan, target: DeployTarget, report: (step: DeployStep) => void = () => undefined): Promise<DeployStep[]> {
  const steps: DeployStep[] = [];
  const note = (step: DeployStep) => {
    steps.push(step);
    report(step);
  };
  const existing = new Set(await target.functionNames());
  for (const fn of plan.functions) await deployFunction(fn, existing.has(fn.name), target, note);
  for (const collection of plan.collections) await deployCollection(collection, target, note);
  const paths = await target.httpAccessPaths();
  for (const fn of plan.functions.filter((f) => f.httpPath)) {
    const path = fn.httpPath as string;
    if (paths.some((p) => p.name === fn.name && p.path === path)) note({ what: `HTTP 访问 ${path} → ${fn.name}`, outcome: 'unchanged' });
    else {
      await target.createHttpAccess(fn.name, path);
      note({ what: `HTTP 访问 ${path} → ${fn.name}`, outcome: 'created' });
    }
  }
  // Storage is private: attachments are read through the files function's short-lived links only.
  if ((await target.storageAcl()) === plan.storage.acl) note({ what: `云存储权限 ${plan.storage.acl}`, outcome: 'unchanged' });
  else {
    await target.setStorageAcl(plan.storage.acl);
    note({ what: `云存储权限 ${plan.storage.acl}`, outcome: 'updated' });
  }
  return steps;
}

function variablesFor(fn: FunctionPlan, current: Record<string, string>): Record<string, string> {
  if (!fn.codeHash) throw new Error(`函数 ${fn.name} 尚未构建（${fn.dir}/index.js 不存在）：先运行 npm run build:functions`);
  return { ...current, ...fn.variables, [CODE_HASH_VARIABLE]: fn.codeHash };
}

async function deployFunction(fn: FunctionPlan, exists: boolean, target: DeployTarget, note: (s: DeployStep) => void): Promise<void> {
  const what = `函数 ${fn.name}`;
  if (!exists) {
    await target.createFunction(fn, variablesFor(fn, {}));
    note({ what, outcome: 'created', detail: fn.triggers.map((t) => `触发器 ${t.name}`).join(', ') || undefined });
    return;
  }
  const deployed = await target.describeFunction(fn.name);
  const variables = variablesFor(fn, deployed.variables);
  const changes: string[] = [];
  if (deployed.variables[CODE_HASH_VARIABLE] !== fn.codeHash) {
    await target.updateFunctionCode(fn);
    changes.push('代码');
  }
  // The runtime is chosen when a function is created and cannot be changed after; the rest can.
  const configDiffers = deployed.timeout !== fn.timeout || Object.entries(variables).some(([k, v]) => deployed.variables[k] !== v);
  if (configDiffers) {
    await target.updateFunctionConfig(fn, variables);
    changes.push('配置');
  }
  for (const trigger of fn.triggers) {
    const same = deployed.triggers.find((t) => t.name === trigger.name);
    if (same && same.config === trigger.config) continue;
    // A trigger's schedule cannot be edited in place: the old one goes, the new one is created.
    if (same) await target.deleteTrigger(fn.name, trigger.name);
    await target.createTriggers(fn.name, [trigger]);
    changes.push(`触发器 ${trigger.name}`);
  }
  note(changes.length ? { what, outcome: 'updated', detail: changes.join(', ') } : { what, outcome: 'unchanged' });
}

async function deployCollection(collection: CollectionPlan, target: DeployTarget, note: (s: DeployStep) => void): Promise<void> {
  const what = `集合 ${collection.name}`;
  const changes: string[] = [];
  let created = false;
  if (!(await target.collectionExists(collection.name))) {
    await target.createCollection(collection.name);
    created = true;
  }
  if ((await target.collectionPermission(collection.name)) !== collection.permission) {
    await target.setCollectionPermission(collection.name, collection.permission);
    changes.push(`权限 ${collection.permission}`);
  }
  const present = new Set(await target.indexNames(collection.name));
  const missing = collection.indexes.filter((i) => !present.has(i.name));
  if (missing.length) {
    await target.createIndexes(collection.name, missing);
    changes.push(`索引 ${missing.map((i) => i.name).join(', ')}`);
  }
  if (created) note({ what, outcome: 'created', detail: changes.join('; ') || undefined });
  else note(changes.length ? { what, outcome: 'updated', detail: changes.join('; ') } : { what, outcome: 'unchanged' });
}

export function summarise(steps: DeployStep[]): string {
  const count = (o: StepOutcome) => steps.filter((s) => s.outcome === o).length;
  return `新建 ${count('created')}，更新 ${count('updated')}，未变 ${count('unchanged')}`;
}
