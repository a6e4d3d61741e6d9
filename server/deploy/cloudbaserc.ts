import type { DeployPlan } from './deploy-plan';

/**
 * The plan's functions in the shape of @cloudbase/cli's cloudbaserc.json, written beside the bundles
 * (dist/cloudbaserc.json) at each deploy: with it a person can redeploy one function by hand
 * (`cd dist && npx @cloudbase/cli fn deploy <name>`), e.g. to roll one back, with the same config.
 */
export function cloudbasercOf(plan: DeployPlan) {
  return {
    version: '2.0',
    envId: plan.envId,
    functionRoot: 'cloudfunctions',
    functions: plan.functions.map((f) => ({
      name: f.name,
      runtime: f.runtime,
      timeout: f.timeout,
      handler: 'index.main',
      installDependency: f.installDependency,
      ...(f.triggers.length ? { triggers: f.triggers } : {}),
      ...(Object.keys(f.variables).length ? { envVariables: f.variables } : {}),
    })),
  };
}
