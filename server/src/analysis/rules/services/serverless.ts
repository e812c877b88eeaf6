// Setting rules for serverless services. Each entry names a knowledge-base setting and says how to judge it.
// Lambda permissions, function URLs and queue/topic POLICIES are judged by the policy rules, not here.
//
// AWS SAM resources are checked as written: AWS::Serverless::Function takes the Lambda function's property names
// (Runtime, KmsKeyArn, VpcConfig, CodeSigningConfigArn, RuntimeManagementConfig) except Tracing, and SAM copies
// Globals.<Function|SimpleTable> properties onto every such resource that does not set them (withSamGlobals).
import type { CfnResource } from '../../cloudformation/template';
import { mapEntry } from '../../cloudformation/template';
import type { Candidate, Resolved, ValueResolver } from '../../resolution';
import { describeVia, isConditionalStep } from '../../resolution';
import type { MapNode, OffsetRange } from '../../types';
import { customerManagedKey, settingRule, terraformAbsentDetail, terraformContainerImage, withSamGlobals } from '../support';
import type { RuleOutcome, Rule, SetSettingFix } from '../support';

const LAMBDA = 'AWS::Lambda::Function';
const SAM_FUNCTION = 'AWS::Serverless::Function';
const SAM_TABLE = 'AWS::Serverless::SimpleTable';

/** Literal value of a top-level property as SAM deploys it, when it is a literal. */
function literal(properties: MapNode | undefined, key: string): string | undefined {
  const node = mapEntry(properties, key);
  return node?.kind === 'scalar' ? String(node.value) : undefined;
}

/**
 * Lambda runtimes and the date Lambda deprecated (or will deprecate) them: after it, AWS no longer applies
 * security patches. Source: the Lambda runtimes page (docs.aws.amazon.com/lambda/latest/dg/lambda-runtimes.html),
 * as mirrored by tflint-ruleset-aws (aws_lambda_function_deprecated_runtime, November 2025) and the AgentCore
 * runtime table for Python 3.10/3.11; dotnet6 uses Lambda's date (2024-12-20), not Microsoft's (2024-11-12).
 * Update when AWS announces new dates.
 */
export const LAMBDA_RUNTIME_DEPRECATION: Readonly<Record<string, string>> = {
  nodejs: '2016-10-31',
  'dotnetcore2.0': '2019-05-30',
  'dotnetcore1.0': '2019-07-27',
  'nodejs6.10': '2019-08-12',
  'nodejs4.3': '2020-03-05',
  'nodejs4.3-edge': '2020-03-05',
  'nodejs8.10': '2020-03-06',
  'python2.7': '2021-07-15',
  'nodejs10.x': '2021-07-30',
  'ruby2.5': '2021-07-30',
  'dotnetcore2.1': '2022-01-05',
  'dotnet5.0': '2022-05-10',
  'python3.6': '2022-07-18',
  'nodejs12.x': '2023-03-31',
  'dotnetcore3.1': '2023-04-03',
  'ruby2.7': '2023-11-27',
  'nodejs14.x': '2023-12-04',
  'python3.7': '2023-12-04',
  java8: '2024-01-08',
  'go1.x': '2024-01-08',
  provided: '2024-01-08',
  dotnet7: '2024-05-14',
  'nodejs16.x': '2024-06-12',
  'python3.8': '2024-10-14',
  dotnet6: '2024-12-20',
  'nodejs18.x': '2025-09-01',
  'python3.9': '2025-12-15',
  'ruby3.2': '2026-03-31',
  'nodejs20.x': '2026-04-30',
  'python3.10': '2026-06-30',
  'python3.11': '2026-06-30',
  java11: '2026-06-30',
  java17: '2026-06-30',
  'java8.al2': '2026-06-30',
  'provided.al2': '2026-06-30',
  dotnet8: '2026-11-10',
  'ruby3.3': '2027-03-31',
  'nodejs22.x': '2027-04-30',
  'python3.12': '2028-10-31',
  'python3.13': '2029-06-30',
  java21: '2029-06-30',
  'provided.al2023': '2029-06-30',
};

/** Runtimes whose deprecation date has passed on `today` (ISO date). */
export function deprecatedRuntimes(today: string = new Date().toISOString().slice(0, 10)): string[] {
  return Object.entries(LAMBDA_RUNTIME_DEPRECATION).filter(([, date]) => date <= today).map(([runtime]) => runtime);
}

const containerImage = (resource: CfnResource): string | undefined => (literal(resource.properties, 'PackageType') === 'Image'
  ? 'A container-image function has no managed runtime: the image\'s base is patched by rebuilding it.'
  : undefined);

const noEnvironment = (resource: CfnResource): string | undefined => {
  const environment = mapEntry(resource.properties, 'Environment');
  return environment ? undefined : 'The function has no environment variables to encrypt.';
};

const FUNCTION_TYPES = [LAMBDA, SAM_FUNCTION];

const VPC_CONSEQUENCE = 'the function runs outside your VPC, so security groups and private routing cannot limit what it reaches.';

/**
 * An empty subnet list is how a function is taken out of its VPC (Lambda developer guide): the presence check
 * would call it addressed, so an empty list is judged before it.
 */
function withEmptySubnets(rule: Rule): Rule {
  const empty = (candidates: readonly Candidate[], name: string, anchor: OffsetRange): RuleOutcome[] | undefined => {
    const emptyLists = candidates.filter((candidate) => candidate.node?.kind === 'seq' && candidate.node.items.length === 0);
    if (emptyLists.length === 0) return undefined;
    // An empty list on one branch of an undecided condition detaches the function on that branch only.
    const certain = emptyLists.find((candidate) => !candidate.via.some(isConditionalStep));
    const chosen = certain ?? emptyLists[0];
    const message = `${name} is an empty list${describeVia(chosen.via)}: ${VPC_CONSEQUENCE}`;
    const range = chosen.node?.range ?? anchor;
    return [certain ? { kind: 'finding', message, range } : { kind: 'depends', message: `Depends on the deployment: ${message}`, range }];
  };
  const cloudformation = rule.cloudformation;
  const terraform = rule.terraform;
  return {
    ...rule,
    ...(cloudformation ? {
      cloudformation: {
        check: (resource, context) => empty(context.resolver.lookup(resource.properties, ['VpcConfig', 'SubnetIds']), 'VpcConfig.SubnetIds', resource.idRange) ?? cloudformation.check(resource, context),
      },
    } : {}),
    ...(terraform ? {
      terraform: {
        check: (resource, context) => empty(context.resolver.lookup(resource.body, ['vpc_config', 'subnet_ids']), 'vpc_config.subnet_ids', resource.anchor) ?? terraform.check(resource, context),
      },
    } : {}),
  };
}

/** Adds the deprecation date to a deprecated-runtime finding (both formats). */
function withDeprecationDate(rule: Rule): Rule {
  const cloudformation = rule.cloudformation;
  const terraform = rule.terraform;
  const dated = (outcome: RuleOutcome): RuleOutcome => {
    if (outcome.kind !== 'finding' && outcome.kind !== 'depends') return outcome;
    const runtime = /[Rr]untime is '([^']+)'/.exec(outcome.message)?.[1];
    const date = runtime ? LAMBDA_RUNTIME_DEPRECATION[runtime] : undefined;
    return date ? { ...outcome, message: `${outcome.message} Deprecated since ${date}.` } : outcome;
  };
  return {
    ...rule,
    ...(cloudformation ? { cloudformation: { check: (resource, context) => cloudformation.check(resource, context).map(dated) } } : {}),
    ...(terraform ? { terraform: { check: (resource, context) => terraform.check(resource, context).map(dated) } } : {}),
  };
}

/**
 * The family a runtime identifier belongs to, whose supported runtimes a fix may offer: the language runtimes by
 * their prefix; go1.x and the Amazon Linux 1 and 2 custom runtimes move to an OS-only runtime (provided.al2023).
 */
function runtimeFamily(runtime: string): string | undefined {
  if (/^(go1\.x|provided(\.al2)?)$/.test(runtime)) return 'provided';
  return /^(python|nodejs|java|dotnet|ruby)/.exec(runtime)?.[1];
}

const RUNTIME_WORDS: Readonly<Record<string, string>> = {
  provided: 'an OS-only runtime: the function must be built as a bootstrap executable for Amazon Linux 2023 (go1.x too, with the Handler no longer naming the binary)',
};

/**
 * Per family, the fix that sets a supported runtime: the two with the latest deprecation dates still ahead
 * (LAMBDA_RUNTIME_DEPRECATION, from the Lambda runtimes page), each its own action. A runtime change may break the
 * code or its dependencies: `breaks`, never applied in bulk. A family with no supported runtime left gets no fix.
 * Lambda developer guide, "Lambda runtimes" (docs.aws.amazon.com/lambda/latest/dg/lambda-runtimes.html): a new major
 * language version is a new runtime identifier, and since Lambda cannot guarantee backward compatibility between
 * major versions the change is the customer's; the table there gives python3.13 2029-06-30, python3.12 2028-10-31,
 * nodejs22.x 2027-04-30.
 */
export function runtimeFixes(today: string = new Date().toISOString().slice(0, 10)): Record<string, SetSettingFix> {
  const fixes: Record<string, SetSettingFix> = {};
  const families = new Set(Object.keys(LAMBDA_RUNTIME_DEPRECATION).map(runtimeFamily).filter((family): family is string => family !== undefined));
  for (const family of families) {
    const supported = Object.entries(LAMBDA_RUNTIME_DEPRECATION)
      .filter(([runtime, date]) => date > today && (family === 'provided' ? runtime === 'provided.al2023' : runtimeFamily(runtime) === family))
      .sort(([, a], [, b]) => b.localeCompare(a)).slice(0, 2).map(([runtime]) => runtime);
    if (supported.length === 0) continue;
    const note = `test the function on it first: ${RUNTIME_WORDS[family] ?? 'a new language version may break the code or its dependencies'}`;
    const option = (runtime: string) => ({ title: `Set Runtime: ${runtime} — ${note}`, value: runtime, terraform: { title: `Set runtime = "${runtime}" — ${note}`, value: runtime } });
    const [first, ...rest] = supported.map(option);
    fixes[`runtime-${family}`] = {
      title: first.title, path: ['Runtime'], value: first.value, safety: 'breaks',
      terraform: { title: first.terraform.title, path: ['runtime'], value: first.value },
      ...(rest.length > 0 ? { choices: rest } : {}),
    };
  }
  return fixes;
}

/** Findings on a deprecated runtime name the fix of its family (runtimeFixes), when there is one. */
function withRuntimeFixes(rule: Rule): Rule {
  const fixes = runtimeFixes();
  const named = (outcome: RuleOutcome): RuleOutcome => {
    if (outcome.kind !== 'finding' && outcome.kind !== 'depends') return outcome;
    const runtime = /[Rr]untime is '([^']+)'/.exec(outcome.message)?.[1];
    const family = runtime ? runtimeFamily(runtime) : undefined;
    return family && fixes[`runtime-${family}`] ? { ...outcome, fixId: `runtime-${family}` } : outcome;
  };
  const cloudformation = rule.cloudformation;
  const terraform = rule.terraform;
  return {
    ...rule,
    fixes,
    ...(cloudformation ? { cloudformation: { check: (resource, context) => cloudformation.check(resource, context).map(named) } } : {}),
    ...(terraform ? { terraform: { check: (resource, context) => terraform.check(resource, context).map(named) } } : {}),
  };
}

/**
 * An empty runtime string (a variable or parameter whose default is '', as modules leave it for container-image
 * functions or for the caller to set) names no runtime: whether the deployed runtime is supported cannot be known.
 * The noneOf test would call '' addressed; here such an addressed verdict becomes unknown (both formats).
 */
function withEmptyRuntime(rule: Rule): Rule {
  const empty = (values: readonly Resolved[], name: string): RuleOutcome | undefined => {
    const blank = values.find((value) => value.known && String(value.value).trim() === '');
    return blank ? { kind: 'unknown', reason: `${name} is ''${describeVia(blank.via)}: an empty string names no runtime (a container-image function, or a value left for the caller to set), so whether the runtime is supported cannot be known.` } : undefined;
  };
  const values = (resolver: ValueResolver, body: MapNode | undefined, key: string): Resolved[] =>
    resolver.lookup(body, [key]).flatMap((candidate) => (candidate.node ? resolver.scalars(candidate.node, candidate.via) : []));
  const cloudformation = rule.cloudformation;
  const terraform = rule.terraform;
  return {
    ...rule,
    ...(cloudformation ? {
      cloudformation: {
        check: (resource, context) => cloudformation.check(resource, context).map((outcome) => (outcome.kind === 'addressed' ? empty(values(context.resolver, resource.properties, 'Runtime'), 'Runtime') ?? outcome : outcome)),
      },
    } : {}),
    ...(terraform ? {
      terraform: {
        check: (resource, context) => terraform.check(resource, context).map((outcome) => (outcome.kind === 'addressed' ? empty(values(context.resolver, resource.body, 'runtime'), 'runtime') ?? outcome : outcome)),
      },
    } : {}),
  };
}

export const SERVERLESS_RULES: readonly Rule[] = [
  // ---- Lambda (AWS::Lambda::Function and AWS::Serverless::Function, with Globals.Function) ----
  ...[
    withRuntimeFixes(withEmptyRuntime(withDeprecationDate(settingRule({
      setting: 'lambda-supported-runtime',
      cloudformation: {
        types: FUNCTION_TYPES,
        compliant: { noneOf: deprecatedRuntimes() },
        consequence: `the runtime is past its Lambda deprecation date, so AWS no longer applies security patches to it.`,
        skip: containerImage,
      },
      terraform: {
        // aws_lambda_function `runtime` takes Lambda's own runtime identifiers ("python3.12", "nodejs20.x"): the same list.
        compliant: { noneOf: deprecatedRuntimes() },
        // package_type = "Image": the image carries its own runtime, and Lambda ignores `runtime` for it.
        skip: (resource) => (terraformContainerImage(resource.body) ? 'A container-image function has no managed runtime: the image\'s base is patched by rebuilding it.' : undefined),
        absentDetail: 'runtime is not set: a container-image function has none, and a .zip function must set one.',
      },
    })))),
    settingRule({
      setting: 'lambda-runtime-update-mode',
      cloudformation: {
        types: FUNCTION_TYPES,
        compliant: { noneOf: ['Manual'] },
        consequence: 'AWS no longer patches the runtime: applying runtime security updates is now yours.',
        fix: 'Auto',
        // Runtime updates apply to managed runtimes only: a container-image function is updated by rebuilding its
        // image from the updated base image and redeploying it (Lambda developer guide, "Lambda runtime updates"),
        // so the Auto default patches nothing there.
        skip: containerImage,
      },
      // aws_lambda_runtime_management_config update_runtime_on takes the API's values (Auto, FunctionUpdate,
      // Manual; Auto for a new function when unset, as in CloudFormation): the same spelling.
      terraform: {
        compliant: { noneOf: ['Manual'] },
        skip: (resource) => (terraformContainerImage(resource.body) ? 'A container-image function has no managed runtime: the image\'s base is patched by rebuilding it.' : undefined),
      },
    }),
    settingRule({
      setting: 'lambda-env-kms',
      cloudformation: {
        types: FUNCTION_TYPES,
        compliant: { present: true },
        fixParameter: { name: 'LambdaKmsKeyArn', description: 'ARN of the customer managed KMS key that encrypts the function environment variables.' },
        consequence: 'environment variables are encrypted with the AWS managed Lambda key only, not a key whose policy you control.',
        skip: noEnvironment,
      },
      terraform: {
        skip: (resource) => (resource.body.entries.some((entry) => entry.key === 'environment') ? undefined : 'The function has no environment variables to encrypt.'),
      },
    }),
    settingRule({
      setting: 'lambda-code-signing',
      cloudformation: {
        types: FUNCTION_TYPES,
        compliant: { present: true },
        fixParameter: { name: 'LambdaCodeSigningConfigArn', description: 'ARN of the Lambda code signing configuration whose signing profiles may sign this function code.' },
        consequence: 'any code package can be deployed to the function, signed or not.',
        skip: containerImage,
      },
      terraform: {
        // Lambda code signing applies to .zip packages only.
        skip: (resource) => (terraformContainerImage(resource.body) ? 'A container-image function is not signed through Lambda code signing.' : undefined),
      },
    }),
    withEmptySubnets(settingRule({
      setting: 'lambda-in-vpc',
      cloudformation: {
        types: FUNCTION_TYPES,
        compliant: { present: true },
        consequence: VPC_CONSEQUENCE,
      },
    })),
    settingRule({
      setting: 'lambda-tracing',
      cloudformation: {
        compliant: { equals: 'Active' },
        consequence: 'requests through the function are not traced, leaving gaps when investigating an incident.',
        fix: 'Active',
      },
      // tracing_config.mode takes PassThrough or Active, as TracingConfig.Mode does; no block means PassThrough.
      terraform: { compliant: { equals: 'Active' } },
    }),
    // SAM names the setting Tracing (a string) instead of TracingConfig.Mode: a second rule for the SAM path.
    settingRule({
      setting: 'lambda-tracing',
      id: 'lambda-tracing-sam',
      cloudformation: {
        types: [SAM_FUNCTION],
        path: 'Tracing',
        compliant: { equals: 'Active' },
        consequence: 'requests through the function are not traced, leaving gaps when investigating an incident.',
        fix: 'Active',
      },
    }),
  ].map((rule) => withSamGlobals(rule, SAM_FUNCTION, 'Function')),

  // ---- SQS ----
  settingRule({
    setting: 'sqs-cmk',
    cloudformation: {
      compliant: customerManagedKey('sqs'),
      fixParameter: { name: 'QueueKmsKeyId', description: 'ARN, ID or alias of the customer managed KMS key that encrypts the queue messages.' },
      consequence: 'messages are encrypted with the AWS managed aws/sqs key, whose policy you do not control.',
      // Without a key the queue uses SSE-SQS or, with SqsManagedSseEnabled false, no encryption (sqs-encryption says which).
      whenMissing: 'messages are not encrypted with a KMS key whose policy and audit trail you control.',
    },
    // kms_master_key_id takes the same key ids, ARNs and aliases as KmsMasterKeyId (alias/aws/sqs is the AWS managed key).
    terraform: { compliant: customerManagedKey('sqs') },
  }),

  // ---- SNS ----
  settingRule({
    setting: 'sns-kms',
    cloudformation: {
      compliant: { present: true },
      fixParameter: { name: 'TopicKmsKeyId', description: 'ARN, ID or alias of the customer managed KMS key that encrypts the topic messages.' },
      consequence: 'messages are stored without server-side encryption while SNS delivers them.',
    },
  }),
  settingRule({
    setting: 'sns-data-protection-policy',
    cloudformation: {
      compliant: { present: true },
      consequence: 'sensitive data published to the topic is delivered unmasked.',
    },
  }),

  // ---- Step Functions ----
  settingRule({
    setting: 'sfn-logging',
    cloudformation: {
      compliant: { oneOf: ['ALL', 'ERROR', 'FATAL'] },
      consequence: 'executions leave no log of their steps and errors for investigations.',
    },
    // logging_configuration.level takes ALL, ERROR, FATAL or OFF, as Level does; the provider also defaults it to OFF.
    terraform: { compliant: { oneOf: ['ALL', 'ERROR', 'FATAL'] } },
  }),
  // SAM names the block Logging instead of LoggingConfiguration (same Level/Destinations inside).
  settingRule({
    setting: 'sfn-logging',
    id: 'sfn-logging-sam',
    cloudformation: {
      types: ['AWS::Serverless::StateMachine'],
      path: 'Logging.Level',
      compliant: { oneOf: ['ALL', 'ERROR', 'FATAL'] },
      consequence: 'executions leave no log of their steps and errors for investigations.',
    },
  }),

  // ---- Cognito ----
  // The AWS provider defaults allow_unauthenticated_identities to false (schema Default: false).
  terraformAbsentDetail(settingRule({
    setting: 'cognito-no-unauth-identities',
    cloudformation: {
      compliant: { equals: false },
      consequence: 'anyone on the internet can get temporary AWS credentials for the pool\'s unauthenticated role.',
      fix: false,
    },
    terraform: { absent: 'compliant' },
  }), 'allow_unauthenticated_identities is not set: the AWS provider defaults it to false.'),
  settingRule({
    setting: 'cognito-user-pool-mfa',
    cloudformation: {
      compliant: { oneOf: ['ON', 'OPTIONAL'] },
      consequence: 'a stolen password alone is enough to sign in as a user.',
    },
    // mfa_configuration takes OFF, ON or OPTIONAL, as MfaConfiguration does; the provider also defaults it to OFF.
    terraform: { compliant: { oneOf: ['ON', 'OPTIONAL'] } },
  }),

  // ---- SAM SimpleTable (a DynamoDB table): SSESpecification as on AWS::DynamoDB::Table, with Globals.SimpleTable ----
  withSamGlobals(settingRule({
    setting: 'dynamodb-cmk',
    id: 'dynamodb-cmk-sam',
    cloudformation: {
      types: [SAM_TABLE],
      // As dynamodb-cmk: the table is always encrypted, but without KMSMasterKeyId with an AWS owned key or the AWS
      // managed alias/aws/dynamodb, neither a key whose policy you control: a hint (info), like sqs-cmk.
      compliant: customerManagedKey('dynamodb'),
      absent: 'missed',
      consequence: 'the table is encrypted with an AWS owned or AWS managed key, not a key whose policy you control.',
      whenMissing: 'the table is encrypted with an AWS owned key (or, with SSEEnabled true, the AWS managed aws/dynamodb key), not a customer managed key whose policy, rotation and use you control.',
    },
  }), SAM_TABLE, 'SimpleTable'),
];
