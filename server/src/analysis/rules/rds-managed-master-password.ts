// The database master password must not be written into the template or module: let RDS manage it in Secrets
// Manager, or pass it through a dynamic reference / write-only argument. The message never repeats the value.
import { compatible } from '../resolution';
import type { CfnRuleContext } from '../cloudformation/context';
import { getSetting } from '../knowledge';
import type { TfRuleContext } from '../terraform/context';
import type { TfResource } from '../terraform/module';
import { describeVia, isConditionalStep } from '../resolution';
import type { OffsetRange, ValueNode } from '../types';
import { docsUrl, secretParameterFix, severityFor, isTrue } from './support';
import type { RuleOutcome, Rule } from './support';

const id = 'rds-managed-master-password';
const NO_ECHO = 'no-echo-parameter';
const setting = getSetting(id)!;
const ADVICE = 'set ManageMasterUserPassword: true (RDS keeps it in Secrets Manager and rotates it) or use a {{resolve:secretsmanager:...}} dynamic reference.';
const TF_ADVICE = 'set manage_master_user_password = true, or pass it with password_wo (write-only, never stored in state).';

export const rdsManagedMasterPassword: Rule = {
  meta: {
    id,
    item: setting.item,
    title: setting.title,
    severity: severityFor(setting),
    rationale: 'Credentials are customer data: AWS stores and encrypts what it is given, but a password written into a template is readable by everyone who can read the template, its history and the stack.',
    awsDefault: { summary: 'RDS stores whatever password the template gives it; nothing keeps it out of the template but the customer.' },
    references: setting.references,
    docsUrl: docsUrl(id),
    resourceTypes: { cloudformation: ['AWS::RDS::DBInstance', 'AWS::RDS::DBCluster'], terraform: ['aws_db_instance', 'aws_rds_cluster'] },
    settings: [id],
  },
  cloudformation: {
    check(resource, context) {
      // Both properties are followed through Fn::If: a password written only on one branch of an undecided
      // condition, or beside a ManageMasterUserPassword that is true on some branch, depends on the deployment.
      const managed = context.resolver.lookup(resource.properties, ['ManageMasterUserPassword']).map((candidate) => ({
        via: candidate.via,
        on: candidate.node !== undefined && everyValue(candidate.node, context, isTrue, candidate.via),
      }));
      return judgeBranches(managed, context.resolver.lookup(resource.properties, ['MasterUserPassword']), (node) => cloudFormationPassword(node, context), {
        managed: 'ManageMasterUserPassword is true: RDS keeps the password in Secrets Manager.',
        managedSomewhere: 'ManageMasterUserPassword is true where a branch sets it, and no MasterUserPassword is written.',
        none: 'No MasterUserPassword (managed, restored from a snapshot, or a cluster member).',
      });
    },
  },
  terraform: {
    check(resource, context) {
      return terraformPassword(resource, context);
    },
  },
  // A NoEcho parameter without a default is what this rule calls addressed in CloudFormation. In Terraform a variable
  // still leaves the password in the state (a warning of this rule): the fix there is to remove `password` for
  // manage_master_user_password or password_wo, which a writer that sets values cannot do.
  fixes: {
    [NO_ECHO]: secretParameterFix(() => 'DbMasterPassword', 'The master password of the database',
      'ManageMasterUserPassword: true (RDS keeps and rotates it in Secrets Manager) is the better fix where no one needs to know it', false),
  },
};


function everyValue(node: ValueNode, context: CfnRuleContext, test: (value: string | number | boolean | null) => boolean, via: readonly string[] = []): boolean {
  const values = context.resolver.scalars(node, via);
  return values.length > 0 && values.every((value) => value.known && test(value.value));
}

function mentionsDynamicReference(node: ValueNode): boolean {
  if (node.kind === 'scalar') return typeof node.value === 'string' && /\{\{resolve:(secretsmanager|ssm-secure):/.test(node.value);
  if (node.kind === 'seq') return node.items.some(mentionsDynamicReference);
  if (node.kind === 'map') return node.entries.some((entry) => entry.value !== undefined && mentionsDynamicReference(entry.value));
  if (node.kind === 'intrinsic') return mentionsDynamicReference(node.argument);
  return false;
}

function cloudFormationPassword(password: ValueNode, context: CfnRuleContext): RuleOutcome[] {
  if (mentionsDynamicReference(password)) return [{ kind: 'addressed', detail: 'MasterUserPassword is a dynamic reference to Secrets Manager or SSM SecureString.' }];
  if (password.kind === 'scalar') {
    return [{ kind: 'finding', range: password.range, message: `MasterUserPassword is written in the template: anyone who can read the template or its history has the database's master password; ${ADVICE}`, fixId: NO_ECHO }];
  }
  if (password.kind === 'intrinsic' && password.name === 'Ref' && password.argument.kind === 'scalar') {
    const parameter = context.template.parameters.get(String(password.argument.value));
    if (parameter) {
      if (parameter.defaultValue && !(parameter.defaultValue.kind === 'scalar' && String(parameter.defaultValue.value ?? '') === '')) {
        return [finding(password.range, `MasterUserPassword comes from parameter ${parameter.name}, whose Default writes the password into the template; ${ADVICE}`)];
      }
      if (!parameter.noEcho) {
        return [{ kind: 'finding', severity: 'warning', range: password.range, message: `MasterUserPassword comes from parameter ${parameter.name} without NoEcho: the password shows in the console and API output; add NoEcho: true, or ${ADVICE}` }];
      }
      return [{ kind: 'addressed', detail: `MasterUserPassword comes from NoEcho parameter ${parameter.name} with no default.` }];
    }
  }
  return [{ kind: 'addressed', detail: 'MasterUserPassword is computed (not written in the template).' }];
}

interface Branch {
  readonly via: readonly string[];
  /** RDS manages the password on this branch (the managed flag is true on every value it may take). */
  readonly on: boolean;
}

/**
 * The verdict algebra of both formats: every candidate of the managed flag and of the password (each branch of an
 * undecided condition, each value a parameter or variable may take) is judged. Managed on every branch: addressed.
 * A password finding is certain only when the password is written on every branch and managed on none; otherwise
 * it depends on the deployment.
 */
function judgeBranches(
  managed: readonly Branch[],
  branches: readonly { node: ValueNode | undefined; via: readonly string[] }[],
  judge: (node: ValueNode, via: readonly string[]) => RuleOutcome[],
  words: { managed: string; managedSomewhere: string; none: string },
): RuleOutcome[] {
  if (managed.length > 0 && managed.every((branch) => branch.on)) return [{ kind: 'addressed', detail: words.managed }];
  const passwords = branches.filter((candidate) => candidate.node !== undefined);
  if (passwords.length === 0) {
    return managed.some((branch) => branch.on)
      ? [{ kind: 'addressed', detail: words.managedSomewhere }]
      : [{ kind: 'not-applicable', detail: words.none }];
  }
  // Written on every branch and managed on none: certain whichever way the conditions go.
  const everywhere = passwords.length === branches.length && !managed.some((branch) => branch.on);
  const outcomes: RuleOutcome[] = [];
  for (const candidate of passwords) {
    // On a branch where RDS manages the password the written one is not used (RDS rejects both together).
    const managedHere = managed.some((branch) => branch.on && compatible(branch.via, candidate.via));
    for (const outcome of judge(candidate.node as ValueNode, candidate.via)) {
      const conditional = managedHere || (!everywhere && candidate.via.some(isConditionalStep));
      outcomes.push(outcome.kind === 'finding' && conditional
        ? { kind: 'depends', message: `Depends on the deployment: ${outcome.message}${describeVia(candidate.via)}`, range: outcome.range }
        : outcome);
    }
  }
  const finding = outcomes.find((outcome) => outcome.kind === 'finding');
  // A finding on one branch is certain only when every branch has one (else the others may be fine).
  if (finding && (!everywhere || outcomes.every((outcome) => outcome.kind === 'finding'))) return [finding];
  const gap = finding ?? outcomes.find((outcome) => outcome.kind === 'depends');
  if (gap && gap.kind === 'finding') return [{ kind: 'depends', message: `Depends on the deployment: ${gap.message}`, range: gap.range }];
  return [gap ?? outcomes[0]];
}

function terraformPassword(resource: TfResource, context: TfRuleContext): RuleOutcome[] {
  const resolver = context.resolver;
  // password_wo is write-only: never stored in the state, whatever its value.
  if (resolver.lookup(resource.body, ['password_wo']).some((candidate) => candidate.node !== undefined)) {
    return [{ kind: 'addressed', detail: 'password_wo: the password is write-only and never stored in state.' }];
  }
  // Every candidate of manage_master_user_password and password is judged (conditional expressions, variables with
  // several values, null = not set), like the CloudFormation reading.
  const managed = resolver.lookup(resource.body, ['manage_master_user_password']).map((candidate) => {
    const values = candidate.node ? resolver.scalars(candidate.node, candidate.via) : [];
    return { via: candidate.via, on: values.length > 0 && values.every((value) => value.known && isTrue(value.value)) };
  });
  return judgeBranches(managed, resolver.lookup(resource.body, ['password']), (node, via) => terraformPasswordValue(node, via, context), {
    managed: 'manage_master_user_password is true: RDS keeps the password in Secrets Manager.',
    managedSomewhere: 'manage_master_user_password is true where a branch sets it, and no password is written.',
    none: 'No password argument (managed, restored, or a replica).',
  });
}

function terraformPasswordValue(node: ValueNode, via: readonly string[], context: TfRuleContext): RuleOutcome[] {
  if (node.kind === 'scalar') {
    return [finding(node.range, `password is written in the configuration: anyone who can read the code or its history has the master password, and it is kept in the state in plain text; ${TF_ADVICE}`)];
  }
  const resolved = context.resolver.scalars(node, via);
  const fromDefault = resolved.find((value) => value.known && typeof value.value === 'string' && value.via.some((step) => step.endsWith(', default') || step.includes(' from ')));
  if (fromDefault) {
    return [finding(node.range, `password comes from ${fromDefault.via.join('; ')}, which writes the password into the code; ${TF_ADVICE}`)];
  }
  return [{ kind: 'finding', severity: 'warning', range: node.range, message: `password is kept in the Terraform state in plain text; ${TF_ADVICE}` }];
}

function finding(range: OffsetRange, message: string): RuleOutcome {
  return { kind: 'finding', range, message };
}
