// A Lambda permission for Principal '*', or for a service principal without SourceArn/SourceAccount, lets
// anyone (or any account's resources of that service) invoke the function.
import { mapEntry } from '../cloudformation/model';
import { describeVia, quote } from '../cloudformation/resolve';
import { settingMeta, strings } from '../policy';
import type { RuleOutcome } from './outcome';
import type { Rule } from './rule';

export const lambdaPermissionNotPublic: Rule = {
  meta: settingMeta('lambda-permission-not-public', ['AWS::Lambda::Permission']),
  cloudformation: {
    check(resource, context) {
      const principalNode = mapEntry(resource.properties, 'Principal');
      if (!principalNode) return [{ kind: 'not-applicable', detail: 'Principal is required.' }];
      const scoped = ['SourceArn', 'SourceAccount', 'PrincipalOrgID'].filter((key) => mapEntry(resource.properties, key) !== undefined);
      if (scoped.length > 0) return [{ kind: 'addressed', detail: `The permission is limited by ${scoped.join(' and ')}.` }];
      const authNode = mapEntry(resource.properties, 'FunctionUrlAuthType');
      const urlAuth = authNode !== undefined && strings(authNode, context.resolver).some((value) => value.value === 'NONE');
      const outcomes: RuleOutcome[] = [];
      for (const principal of strings(principalNode, context.resolver)) {
        if (principal.value === undefined) continue;
        const shown = `Principal is ${quote(principal.value)}${describeVia(principal.via)}`;
        if (principal.value === '*') {
          const message = urlAuth
            ? `${shown} with FunctionUrlAuthType NONE and no SourceArn or SourceAccount: anyone on the internet can invoke the function through its URL without signing in.`
            : `${shown} with no SourceArn, SourceAccount or PrincipalOrgID: anyone with an AWS account can invoke the function.`;
          outcomes.push(principal.definite ? { kind: 'finding', message, range: principalNode.range } : { kind: 'depends', message: `Depends on the deployment: ${message}`, range: principalNode.range });
        } else if (/\.amazonaws\.com$/i.test(principal.value)) {
          const message = `${shown} with no SourceArn or SourceAccount: resources of that service in any AWS account can invoke the function (confused deputy); add SourceArn or SourceAccount.`;
          // Less direct than '*': a caller must own a resource of that service pointed at this function.
          outcomes.push(principal.definite ? { kind: 'finding', message, range: principalNode.range, severity: 'warning' } : { kind: 'depends', message: `Depends on the deployment: ${message}`, range: principalNode.range });
        }
        if (outcomes.length > 0) break;
      }
      return outcomes.length > 0 ? outcomes : [{ kind: 'addressed', detail: 'The permission names a specific principal.' }];
    },
  },
};
