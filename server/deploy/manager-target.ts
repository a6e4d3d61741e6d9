// The deploy's DeployTarget over @cloudbase/manager-node, CloudBase's own management library (the one its
// CLI is built on): functions, triggers, collections, indexes, permissions and HTTP access by its calls,
// no hand-written HTTP. Not exercised here (no network to CloudBase): the steps it runs are tested over an
// in-memory environment (test/build/deploy-plan.test.ts), this file only maps them onto the library.
import { join } from 'node:path';
import CloudBase from '@cloudbase/manager-node';
import type { CloudbaseIndex } from '../../cloudfunctions/_runtime/cloudbase-indexes';
import type { DeployTarget, DeployedFunction } from './apply-deployment';
import type { FunctionPlan, TimerTrigger } from './deploy-plan';

export interface Credentials {
  envId: string;
  secretId: string;
  secretKey: string;
  /** For temporary keys (STS). */
  token?: string;
}

/** The environment's HTTP access (云接入) default domain, e.g. `prod-3g5x.service.tcloudbase.com`; null when it has none yet. */
export async function httpAccessDomain(credentials: Credentials): Promise<string | null> {
  const app = new CloudBase({ envId: credentials.envId, secretId: credentials.secretId, secretKey: credentials.secretKey, token: credentials.token });
  const { DefaultDomain } = await app.access.getDomainList();
  return DefaultDomain || null;
}

export function managerTarget(credentials: Credentials, root: string): DeployTarget {
  const app = new CloudBase({ envId: credentials.envId, secretId: credentials.secretId, secretKey: credentials.secretKey, token: credentials.token });
  const functionRootPath = join(root, 'dist', 'cloudfunctions');
  const asCloudFunction = (fn: FunctionPlan, variables?: Record<string, string>) => ({
    name: fn.name,
    runtime: fn.runtime,
    timeout: fn.timeout,
    installDependency: fn.installDependency,
    handler: 'index.main',
    triggers: fn.triggers,
    ...(variables ? { envVariables: variables } : {}),
  });
  return {
    async functionNames() {
      const names: string[] = [];
      for (let offset = 0; ; offset += 100) {
        const { Functions, TotalCount } = await app.functions.getFunctionList(100, offset);
        names.push(...Functions.map((f) => f.FunctionName));
        if (names.length >= TotalCount || Functions.length === 0) return names;
      }
    },
    async describeFunction(name): Promise<DeployedFunction> {
      const detail = await app.functions.getFunctionDetail(name);
      return {
        runtime: detail.Runtime,
        timeout: detail.Timeout,
        variables: Object.fromEntries((detail.Environment?.Variables ?? []).map((v) => [v.Key, v.Value])),
        triggers: (detail.Triggers ?? []).map((t): TimerTrigger => ({ name: t.TriggerName, type: 'timer', config: t.TriggerDesc })),
      };
    },
    async createFunction(fn, variables) {
      await app.functions.createFunction({ func: asCloudFunction(fn, variables), functionRootPath });
    },
    async updateFunctionCode(fn) {
      await app.functions.updateFunctionCode({ func: asCloudFunction(fn), functionRootPath });
      await app.functions.waitFunctionActive(fn.name);
    },
    async updateFunctionConfig(fn, variables) {
      await app.functions.updateFunctionConfig({ name: fn.name, timeout: fn.timeout, envVariables: variables });
      await app.functions.waitFunctionActive(fn.name);
    },
    async createTriggers(name, triggers) {
      await app.functions.createFunctionTriggers(name, triggers);
    },
    async deleteTrigger(name, triggerName) {
      await app.functions.deleteFunctionTrigger(name, triggerName);
    },
    async collectionExists(name) {
      return (await app.database.checkCollectionExists(name)).Exists;
    },
    async createCollection(name) {
      await app.database.createCollection(name);
    },
    async indexNames(collection) {
      const info = await app.database.describeCollection(collection);
      return (info.Indexes ?? []).map((i) => i.Name);
    },
    async createIndexes(collection, indexes: CloudbaseIndex[]) {
      await app.database.updateCollection(collection, {
        CreateIndexes: indexes.map((i) => ({
          IndexName: i.name,
          MgoKeySchema: { MgoIsUnique: false, MgoIndexKeys: i.fields.map((f) => ({ Name: f.field, Direction: f.direction === 'asc' ? '1' : '-1' })) },
        })),
      });
    },
    async collectionPermission(name) {
      const { Data } = await app.permission.describeResourcePermission({ resourceType: 'collection', resources: [name] });
      return Data.PermissionList.find((p) => p.Resource === name)?.Permission ?? null;
    },
    async setCollectionPermission(name, permission) {
      await app.permission.modifyResourcePermission({ resourceType: 'collection', resource: name, permission: permission as 'ADMINONLY' });
    },
    async httpAccessPaths() {
      const { APISet } = await app.access.getAccessList();
      return (APISet ?? []).map((a) => ({ name: a.Name, path: a.Path }));
    },
    async createHttpAccess(name, path) {
      await app.access.createAccess({ name, path });
    },
    async storageAcl() {
      return app.storage.getStorageAcl();
    },
    async setStorageAcl(acl) {
      await app.storage.setStorageAcl(acl as 'PRIVATE');
    },
  };
}
