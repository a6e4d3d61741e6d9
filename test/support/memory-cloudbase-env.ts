import type { CloudbaseIndex } from '../../cloudfunctions/_runtime/cloudbase-indexes';
import type { DeployTarget, DeployedFunction } from '../../server/deploy/apply-deployment';
import type { FunctionPlan, TimerTrigger } from '../../server/deploy/deploy-plan';

/**
 * A CloudBase environment in memory, behind the deploy's DeployTarget: what exists after a deploy, and
 * every call that would have changed something (`changes`), so a test can see that a second run makes none.
 * Like the real service it keeps what the deploy did not create (a variable the bureau set, a trigger).
 */
export class MemoryCloudbaseEnv implements DeployTarget {
  functions = new Map<string, DeployedFunction & { codeUploads: number; openapi: string[] }>();
  collections = new Map<string, { permission: string | null; indexes: Map<string, CloudbaseIndex> }>();
  http: Array<{ name: string; path: string }> = [];
  /** A new environment's storage lets anyone read (「所有用户可读，仅创建者可读写」). */
  storage = 'READONLY';
  changes: string[] = [];

  async functionNames() {
    return [...this.functions.keys()];
  }
  async describeFunction(name: string): Promise<DeployedFunction> {
    const fn = this.functions.get(name);
    if (!fn) throw new Error(`ResourceNotFound.Function ${name}`);
    return { runtime: fn.runtime, timeout: fn.timeout, variables: { ...fn.variables }, triggers: fn.triggers.map((t) => ({ ...t })) };
  }
  async createFunction(fn: FunctionPlan, variables: Record<string, string>) {
    if (this.functions.has(fn.name)) throw new Error(`ResourceInUse.Function ${fn.name}`);
    this.functions.set(fn.name, { runtime: fn.runtime, timeout: fn.timeout, variables: { ...variables }, triggers: fn.triggers.map((t) => ({ ...t })), codeUploads: 1, openapi: fn.openapi });
    this.changes.push(`createFunction ${fn.name}`);
  }
  async updateFunctionCode(fn: FunctionPlan) {
    this.must(fn.name).codeUploads += 1;
    this.changes.push(`updateFunctionCode ${fn.name}`);
  }
  async updateFunctionConfig(fn: FunctionPlan, variables: Record<string, string>) {
    const current = this.must(fn.name);
    current.timeout = fn.timeout;
    current.variables = { ...variables };
    this.changes.push(`updateFunctionConfig ${fn.name}`);
  }
  async createTriggers(name: string, triggers: TimerTrigger[]) {
    const fn = this.must(name);
    for (const t of triggers) {
      if (fn.triggers.some((x) => x.name === t.name)) throw new Error(`ResourceInUse.Trigger ${t.name}`);
      fn.triggers.push({ ...t });
    }
    this.changes.push(`createTriggers ${name}`);
  }
  async deleteTrigger(name: string, triggerName: string) {
    const fn = this.must(name);
    fn.triggers = fn.triggers.filter((t) => t.name !== triggerName);
    this.changes.push(`deleteTrigger ${name} ${triggerName}`);
  }
  async collectionExists(name: string) {
    return this.collections.has(name);
  }
  async createCollection(name: string) {
    if (this.collections.has(name)) throw new Error(`ResourceInUse.Collection ${name}`);
    // A new collection's default permission on CloudBase lets its creator read and write: not ours.
    this.collections.set(name, { permission: 'PRIVATE', indexes: new Map() });
    this.changes.push(`createCollection ${name}`);
  }
  async indexNames(collection: string) {
    return [...(this.collections.get(collection)?.indexes.keys() ?? [])];
  }
  async createIndexes(collection: string, indexes: CloudbaseIndex[]) {
    const c = this.collections.get(collection);
    if (!c) throw new Error(`ResourceNotFound.Collection ${collection}`);
    for (const i of indexes) {
      if (c.indexes.has(i.name)) throw new Error(`index exists ${i.name}`);
      c.indexes.set(i.name, i);
    }
    this.changes.push(`createIndexes ${collection}`);
  }
  async collectionPermission(name: string) {
    return this.collections.get(name)?.permission ?? null;
  }
  async setCollectionPermission(name: string, permission: string) {
    const c = this.collections.get(name);
    if (!c) throw new Error(`ResourceNotFound.Collection ${name}`);
    c.permission = permission;
    this.changes.push(`setCollectionPermission ${name}`);
  }
  async storageAcl() {
    return this.storage;
  }
  async setStorageAcl(acl: string) {
    this.storage = acl;
    this.changes.push(`setStorageAcl ${acl}`);
  }
  async httpAccessPaths() {
    return this.http.map((h) => ({ ...h }));
  }
  async createHttpAccess(name: string, path: string) {
    if (this.http.some((h) => h.path === path)) throw new Error(`path in use ${path}`);
    this.http.push({ name, path });
    this.changes.push(`createHttpAccess ${path}`);
  }

  private must(name: string) {
    const fn = this.functions.get(name);
    if (!fn) throw new Error(`ResourceNotFound.Function ${name}`);
    return fn;
  }
}
