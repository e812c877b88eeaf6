// User data is readable by anyone who can describe the instance or launch template (and from the instance's
// metadata service): credentials written into it leak. Scans the literal text of the script, through Fn::Base64,
// Fn::Sub and Fn::Join (CloudFormation) or templates and heredocs (Terraform), and literal base64.
import { getSetting } from '../knowledge';
import { childrenOf, walkExpressions } from '../terraform/hcl';
import type { HclExpression } from '../terraform/hcl';
import { describeVia, isConditionalStep } from '../resolution';
import type { ValueNode } from '../types';
import { docsUrl, secretInText, severityFor } from './support';
import type { RuleOutcome, Rule } from './support';

const id = 'ec2-userdata-no-secrets';
const setting = getSetting(id)!;
const ADVICE = 'read it at boot from Secrets Manager or SSM Parameter Store with the instance role instead.';

/** CloudFormation: where user data lives per type. */
const CFN_PATHS: Record<string, readonly string[]> = {
  'AWS::EC2::Instance': ['UserData'],
  'AWS::EC2::LaunchTemplate': ['LaunchTemplateData', 'UserData'],
  'AWS::AutoScaling::LaunchConfiguration': ['UserData'],
};
const TF_ARGUMENTS = ['user_data', 'user_data_base64'];

export const ec2UserdataNoSecrets: Rule = {
  meta: {
    id,
    item: setting.item,
    title: setting.title,
    severity: severityFor(setting),
    rationale: 'Credentials are customer data: user data is stored as instance configuration and served by the metadata service, so any credential in it is readable by whoever can describe the instance or reach it.',
    awsDefault: { summary: 'User data is not encrypted or access-controlled separately from the instance configuration.' },
    references: setting.references,
    docsUrl: docsUrl(id),
    resourceTypes: { cloudformation: Object.keys(CFN_PATHS), terraform: ['aws_instance', 'aws_launch_template', 'aws_launch_configuration'] },
    settings: [id],
  },
  cloudformation: {
    check(resource, context) {
      const path = CFN_PATHS[resource.type ?? ''] ?? ['UserData'];
      // A credential on one branch of an undecided condition only (the user data, or a part of it under Fn::If) depends.
      let depends: RuleOutcome | undefined;
      for (const candidate of context.resolver.lookup(resource.properties, path)) {
        if (!candidate.node) continue;
        const branch = candidate.via.some(isConditionalStep);
        const texts = cfnStrings(candidate.node, branch);
        const reason = firstSecret(texts.filter((text) => !text.conditional).map((text) => text.text));
        if (reason && !branch) return [finding(candidate.node, reason)];
        const conditional = reason ?? firstSecret(texts.map((text) => text.text));
        if (conditional) {
          const where = describeVia(candidate.via.filter(isConditionalStep)) || ' (in a branch of Fn::If)';
          depends ??= { kind: 'depends', range: candidate.node.range, message: `Depends on the deployment: ${message(conditional, where)}` };
        }
      }
      return depends ? [depends] : [{ kind: 'addressed', detail: 'No credential found in user data.' }];
    },
  },
  terraform: {
    check(resource, context) {
      // As CloudFormation: a credential on one branch of an undecided conditional (c ? a : b) only depends.
      let depends: RuleOutcome | undefined;
      for (const entry of resource.body.entries) {
        if (!TF_ARGUMENTS.includes(entry.key) || !entry.value) continue;
        for (const candidate of context.resolver.expand({ node: entry.value, via: [] })) {
          if (!candidate.node) continue;
          const branch = candidate.via.some(isConditionalStep);
          const texts = terraformStrings(candidate.node);
          const reason = firstSecret(texts.filter((text) => !text.conditional).map((text) => text.text));
          if (reason && !branch) return [finding(entry.value, reason)];
          const conditional = reason ?? firstSecret(texts.map((text) => text.text));
          if (conditional) {
            const where = describeVia(candidate.via.filter(isConditionalStep)) || ' (in a branch of a conditional expression)';
            depends ??= { kind: 'depends', range: entry.value.range, message: `Depends on the deployment: ${message(conditional, where)}` };
          }
        }
      }
      return depends ? [depends] : [{ kind: 'addressed', detail: 'No credential found in user data.' }];
    },
  },
};

function finding(node: ValueNode, reason: string): RuleOutcome {
  return { kind: 'finding', range: node.range, message: message(reason, '') };
}

function message(reason: string, where: string): string {
  return `User data contains ${reason}${where}: it is readable by anyone who can describe the instance or query its metadata; ${ADVICE}`;
}

function firstSecret(texts: readonly string[]): string | undefined {
  for (const text of texts) {
    const reason = secretInText(text) ?? secretInText(decodeBase64(text) ?? '');
    if (reason) return reason;
  }
  return undefined;
}

function decodeBase64(text: string): string | undefined {
  const compact = text.replace(/\s+/g, '');
  if (compact.length < 16 || compact.length % 4 !== 0 || !/^[A-Za-z0-9+/]+={0,2}$/.test(compact)) return undefined;
  try {
    const decoded = atob(compact);
    return /^[\t\n\r\x20-\x7e]*$/.test(decoded) ? decoded : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Every literal string inside a CloudFormation value (Sub templates, Join parts, plain strings); `conditional`
 * for those under an Fn::If branch (in the deployment on one branch only).
 */
function cfnStrings(node: ValueNode, conditional = false): { readonly text: string; readonly conditional: boolean }[] {
  switch (node.kind) {
    case 'scalar':
      return typeof node.value === 'string' ? [{ text: node.value, conditional }] : [];
    case 'seq':
      return node.items.flatMap((item) => cfnStrings(item, conditional));
    case 'map':
      return node.entries.flatMap((entry) => (entry.value ? cfnStrings(entry.value, conditional) : []));
    case 'intrinsic':
      if (node.name === 'Fn::If' && node.argument.kind === 'seq') return node.argument.items.slice(1).flatMap((item) => cfnStrings(item, true));
      return node.name === 'Ref' || node.name === 'Fn::GetAtt' || node.name === 'Condition' ? [] : cfnStrings(node.argument, conditional);
    case 'expression':
      return [];
  }
}

/**
 * Every literal text inside a Terraform value (strings, template and heredoc text parts); `conditional` for those
 * inside a branch of a conditional expression nested in the value (in the deployment on one branch only).
 */
function terraformStrings(node: ValueNode): { readonly text: string; readonly conditional: boolean }[] {
  if (node.kind === 'scalar') return typeof node.value === 'string' ? [{ text: node.value, conditional: false }] : [];
  if (node.kind !== 'expression') return [];
  const texts: { text: string; conditional: boolean }[] = [];
  const branches = new Set<HclExpression>();
  walkExpressions(node.expression, (expression) => {
    const conditional = branches.has(expression);
    if (expression.kind === 'conditional') {
      // Everything under a branch is conditional: mark the branches, their children inherit below.
      branches.add(expression.trueResult);
      branches.add(expression.falseResult);
    } else if (conditional) {
      for (const child of childrenOf(expression)) branches.add(child);
    }
    if (expression.kind === 'conditional' && conditional) {
      for (const child of childrenOf(expression)) branches.add(child);
    }
    if (expression.kind === 'template') {
      texts.push({ text: expression.parts.map((part) => (part.kind === 'text' ? part.value : ' ')).join(''), conditional });
    }
  });
  return texts;
}
