// A Lambda permission for Principal '*', or for a service principal without SourceArn/SourceAccount, lets
// anyone (or any account's resources of that service) invoke the function.
import { mapEntry } from '../cloudformation/template';
import { describeVia, quote } from '../resolution';
import { ownAccountPermissionFix, settingMeta, strings } from './support';
import type { PolicyResolver, RuleOutcome, Rule } from './support';
import type { MapNode, ValueNode } from '../types';

/** How one format names the permission's arguments. */
interface PermissionKeys {
  readonly principal: string;
  readonly scoping: readonly string[];
  readonly urlAuth: string;
}

const OWN_ACCOUNT = 'own-account';
const CFN_KEYS: PermissionKeys = { principal: 'Principal', scoping: ['SourceArn', 'SourceAccount', 'PrincipalOrgID'], urlAuth: 'FunctionUrlAuthType' };
const TF_KEYS: PermissionKeys = { principal: 'principal', scoping: ['source_arn', 'source_account', 'principal_org_id'], urlAuth: 'function_url_auth_type' };

export const lambdaPermissionNotPublic: Rule = {
  meta: settingMeta('lambda-permission-not-public', ['AWS::Lambda::Permission']),
  cloudformation: {
    check(resource, context) {
      return permissionOutcomes(resource.properties, context.resolver, CFN_KEYS);
    },
  },
  terraform: {
    check(resource, context) {
      return permissionOutcomes(resource.body, context.resolver, TF_KEYS);
    },
  },
  // A service principal without SourceArn needs the author's source: no fix for that finding.
  fixes: { [OWN_ACCOUNT]: ownAccountPermissionFix() },
};

function permissionOutcomes(body: MapNode | undefined, resolver: PolicyResolver, keys: PermissionKeys): RuleOutcome[] {
  const get = (key: string): ValueNode | undefined => mapEntry(body, key);
  const principalNode = get(keys.principal);
  if (!principalNode) return [{ kind: 'not-applicable', detail: `${keys.principal} is required.` }];
  // A scoping argument under a condition (one branch AWS::NoValue) limits the permission on that branch only.
  const presence = keys.scoping.map((key) => {
    const node = get(key);
    const branches = node ? resolver.expand({ node, via: [] }) : [];
    return { key, always: branches.length > 0 && branches.every((branch) => branch.node !== undefined), sometimes: branches.some((branch) => branch.node !== undefined) };
  });
  const scoped = presence.filter((entry) => entry.always).map((entry) => entry.key);
  if (scoped.length > 0) return [{ kind: 'addressed', detail: `The permission is limited by ${scoped.join(' and ')}.` }];
  const scopedSometimes = presence.filter((entry) => entry.sometimes).map((entry) => entry.key);
  const onlyWhen = scopedSometimes.length > 0 ? ` (${scopedSometimes.join(' and ')} only under a condition)` : '';
  const authNode = get(keys.urlAuth);
  const urlAuth = authNode !== undefined && strings(authNode, resolver).some((value) => value.value === 'NONE');
  const [sourceArn, sourceAccount, orgId] = keys.scoping;
  const outcomes: RuleOutcome[] = [];
  let unknown: string | undefined;
  for (const principal of strings(principalNode, resolver)) {
    if (principal.value === undefined) {
      unknown ??= `${keys.principal} is ${principal.text}${describeVia(principal.via)}`;
      continue;
    }
    const shown = `${keys.principal} is ${quote(principal.value)}${describeVia(principal.via)}`;
    if (principal.value === '*') {
      const message = urlAuth
        ? `${shown} with ${keys.urlAuth} NONE and no ${sourceArn} or ${sourceAccount}: anyone on the internet can invoke the function through its URL without signing in.`
        : `${shown} with no ${sourceArn}, ${sourceAccount} or ${orgId}: anyone with an AWS account can invoke the function.`;
      outcomes.push(principal.definite && !onlyWhen ? { kind: 'finding', message, range: principalNode.range, fixId: OWN_ACCOUNT } : { kind: 'depends', message: `Depends on the deployment: ${message}${onlyWhen}`, range: principalNode.range, fixId: OWN_ACCOUNT });
    } else if (/\.amazonaws\.com$/i.test(principal.value)) {
      const message = `${shown} with no ${sourceArn} or ${sourceAccount}: resources of that service in any AWS account can invoke the function (confused deputy); add ${sourceArn} or ${sourceAccount}.`;
      // Less direct than '*': a caller must own a resource of that service pointed at this function.
      outcomes.push(principal.definite && !onlyWhen ? { kind: 'finding', message, range: principalNode.range, severity: 'warning' } : { kind: 'depends', message: `Depends on the deployment: ${message}${onlyWhen}`, range: principalNode.range });
    }
  }
  // One outcome: a certain one before one that holds only on some branches.
  const first = outcomes.find((outcome) => outcome.kind === 'finding') ?? outcomes[0];
  if (first) return [first];
  // A principal that cannot be read decides nothing: it may be '*'.
  if (unknown) return [{ kind: 'unknown', reason: unknown }];
  return [{ kind: 'addressed', detail: 'The permission names a specific principal.' }];
}
