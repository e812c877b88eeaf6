// The database master password must not be written into the template or module: let RDS manage it in Secrets
// Manager, or pass it through a dynamic reference / write-only argument. The message never repeats the value.
import { mapEntry } from '../cloudformation/template';
import type { CfnRuleContext } from '../cloudformation/context';
import { getSetting } from '../knowledge';
import type { TfRuleContext } from '../terraform/context';
import type { TfResource } from '../terraform/module';
import type { OffsetRange, ValueNode } from '../types';
import { docsUrl, severityFor, isTrue } from './support';
import type { RuleOutcome, Rule } from './support';

const id = 'rds-managed-master-password';
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
      const managed = mapEntry(resource.properties, 'ManageMasterUserPassword');
      if (managed && everyValue(managed, context, isTrue)) return [{ kind: 'addressed', detail: 'ManageMasterUserPassword is true: RDS keeps the password in Secrets Manager.' }];
      const password = mapEntry(resource.properties, 'MasterUserPassword');
      if (!password) return [{ kind: 'not-applicable', detail: 'No MasterUserPassword (managed, restored from a snapshot, or a cluster member).' }];
      return cloudFormationPassword(password, context);
    },
  },
  terraform: {
    check(resource, context) {
      return terraformPassword(resource, context);
    },
  },
};

function everyValue(node: ValueNode, context: CfnRuleContext, test: (value: string | number | boolean | null) => boolean): boolean {
  const values = context.resolver.scalars(node);
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
    return [finding(password.range, `MasterUserPassword is written in the template: anyone who can read the template or its history has the database's master password; ${ADVICE}`)];
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

function terraformPassword(resource: TfResource, context: TfRuleContext): RuleOutcome[] {
  const managed = context.resolver.lookup(resource.body, ['manage_master_user_password'])[0]?.node;
  if (managed && context.resolver.scalars(managed).every((value) => value.known && isTrue(value.value))) {
    return [{ kind: 'addressed', detail: 'manage_master_user_password is true: RDS keeps the password in Secrets Manager.' }];
  }
  if (resource.body.entries.some((entry) => entry.key === 'password_wo')) return [{ kind: 'addressed', detail: 'password_wo: the password is write-only and never stored in state.' }];
  const entry = resource.body.entries.find((candidate) => candidate.key === 'password');
  if (!entry?.value) return [{ kind: 'not-applicable', detail: 'No password argument (managed, restored, or a replica).' }];
  const node = entry.value;
  // password = null is the argument left out.
  if (node.kind === 'scalar' && node.value === null) return [{ kind: 'not-applicable', detail: 'password is null (not set).' }];
  if (node.kind === 'scalar') {
    return [finding(node.range, `password is written in the configuration: anyone who can read the code or its history has the master password, and it is kept in the state in plain text; ${TF_ADVICE}`)];
  }
  const resolved = context.resolver.scalars(node);
  const fromDefault = resolved.find((value) => value.known && typeof value.value === 'string' && value.via.some((step) => step.endsWith(', default') || step.includes(' from ')));
  if (fromDefault) {
    return [finding(node.range, `password comes from ${fromDefault.via.join('; ')}, which writes the password into the code; ${TF_ADVICE}`)];
  }
  return [{ kind: 'finding', severity: 'warning', range: node.range, message: `password is kept in the Terraform state in plain text; ${TF_ADVICE}` }];
}

function finding(range: OffsetRange, message: string): RuleOutcome {
  return { kind: 'finding', range, message };
}
