// Fixes that replace the flagged value itself (FlaggedReplacement): a world CIDR by a parameter or variable the
// author fills in, a public `"*"` principal by the template's own account. Shared by the network and policy rules.
import type { SetSettingFix } from './rule';
import { isWorldCidr } from './networks';

/** The description of the Terraform variable that stands for the own account where no aws_caller_identity exists. */
const ACCOUNT_VARIABLE = { name: 'account_id', description: 'The ID of the AWS account whose principals keep access (this account).' };

/**
 * A world range (0.0.0.0/0, ::/0) replaced by `!Ref <name>` / `var.<snake_name>` without a default (`<name>Ipv6` for
 * an IPv6 range, since CidrIp and CidrIpv6 take different families). `allows` completes "the address range ...";
 * `lost` says what stops working ("other sources lose access").
 */
export function cidrParameterFix(name: string, allows: string, lost = 'other sources lose access'): SetSettingFix {
  const snake = name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();
  const description = (ipv6: boolean) => `The ${ipv6 ? 'IPv6' : 'IPv4'} address range (CIDR) ${allows}, such as your office or VPN network; not ${ipv6 ? '::/0' : '0.0.0.0/0'}.`;
  return {
    title: `Replace the world range with a new parameter ${name} (the range to allow, to fill in; ${lost})`,
    safety: 'placeholder',
    path: [],
    value: '',
    flagged: {
      kind: 'parameter',
      matches: isWorldCidr,
      parameter: (value) => (value.includes(':') ? { name: `${name}Ipv6`, description: description(true) } : { name, description: description(false) }),
    },
    terraform: {
      title: `Replace the world range with a new variable ${snake} (the range to allow, to fill in; ${lost})`,
      path: [],
      value: '',
      variable: { name: snake, description: description(false) },
    },
  };
}

/** `DB_PASSWORD`, `dbPassword`, `db-password` -> `DbPassword`: a CloudFormation parameter name (alphanumeric). */
export function pascalName(key: string): string {
  const words = key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').split(/[^A-Za-z0-9]+/).filter((word) => word !== '');
  const name = words.map((word) => word[0].toUpperCase() + word.slice(1).toLowerCase()).join('');
  return /^[A-Za-z]/.test(name) ? name : `Value${name}`;
}

/**
 * A secret written in the template replaced by a NoEcho parameter (Terraform: a sensitive variable) without a
 * default, named by `name` from the key that holds it. The value still reaches the resource: the fix takes it out of
 * the code, not out of the resource's configuration; the title says so and `rest` says what is left.
 */
export function secretParameterFix(name: (key: string | undefined) => string, what: string, rest: string, terraform = true): SetSettingFix {
  const parameter = (key: string | undefined) => ({ name: name(key), description: `${what}: given at deployment, never written in the code.`, noEcho: true as const });
  const snake = (key: string | undefined) => parameter(key).name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();
  return {
    title: `Move the secret to a new NoEcho parameter (no default; given at deployment) — ${rest}`,
    safety: 'placeholder',
    path: [],
    value: '',
    flagged: { kind: 'parameter', matches: () => true, parameter: (_value, key) => parameter(key) },
    ...(terraform ? {
      terraform: {
        title: `Move the secret to a new sensitive variable (no default; given at apply) — ${rest}; the value stays in the Terraform state`,
        path: [],
        value: '',
        variable: { name: snake(undefined), description: parameter(undefined).description, noEcho: true },
      },
    } : {}),
  };
}

/**
 * A wildcard action (`*`, `s3:*`) replaced by one action the author names, a new parameter or variable without a
 * default: the statement then grants that action only (list more in the statement as needed). Whoever relied on the
 * other actions loses them: a placeholder, never applied in bulk.
 */
export function actionParameterFix(matches: (value: string) => boolean, name: (value: string) => string): SetSettingFix {
  const description = (value: string) => `The action the statement allows instead of ${value} (such as s3:GetObject); add further actions to the statement as needed.`;
  const lost = 'the other actions the wildcard granted are no longer allowed';
  return {
    title: `Replace the wildcard action with a new parameter naming the action to allow (to fill in; ${lost})`,
    safety: 'placeholder',
    path: [],
    value: '',
    flagged: { kind: 'parameter', matches, parameter: (value) => ({ name: name(value), description: description(value) }) },
    terraform: {
      title: `Replace the wildcard action with a new variable naming the action to allow (to fill in; ${lost})`,
      path: [],
      value: '',
      variable: { name: 'allowed_action', description: description('*') },
    },
  };
}

/**
 * A Lambda permission's `*` Principal replaced by the own account id (AWS::Lambda::Permission and
 * aws_lambda_permission take an AWS service, account or IAM principal; Lambda developer guide, "Granting function
 * access to other accounts"): other accounts and anonymous URL callers lose access.
 */
export function ownAccountPermissionFix(): SetSettingFix {
  const lost = 'callers outside the account (other accounts, anonymous function URL callers) lose access';
  return {
    title: `Allow only this account: Principal !Ref AWS::AccountId — ${lost}`,
    safety: 'breaks',
    path: [],
    value: '',
    flagged: { kind: 'own-account', matches: (value) => value === '*', variable: ACCOUNT_VARIABLE, scalar: true },
    terraform: {
      title: `Allow only this account: principal = data.aws_caller_identity account_id, or a new variable account_id to fill in — ${lost}`,
      path: [],
      value: '',
      variable: ACCOUNT_VARIABLE,
      safety: 'placeholder',
    },
  };
}


/**
 * A public `"*"` principal (the whole Principal, or the AWS entry) replaced by the own account: CloudFormation
 * `!Sub arn:${AWS::Partition}:iam::${AWS::AccountId}:root`; Terraform an existing `data.aws_caller_identity`'s
 * account_id, else a new variable account_id. Anyone outside the account loses access: never applied in bulk.
 */
export function ownAccountPrincipalFix(): SetSettingFix {
  // IAM User Guide, "AWS JSON policy elements: Principal": an account is given as arn:aws:iam::<id>:root or as its
  // 12-digit id alone, the two behave the same (they delegate to the account, not to its root user only).
  return {
    title: 'Allow only this account: Principal AWS arn:${AWS::Partition}:iam::${AWS::AccountId}:root — principals outside the account (anonymous users, other accounts) lose access',
    safety: 'breaks',
    path: [],
    value: '',
    flagged: { kind: 'own-account', matches: (value) => value === '*', variable: ACCOUNT_VARIABLE },
    terraform: {
      title: 'Allow only this account: Principal { AWS = data.aws_caller_identity account_id, or a new variable account_id to fill in } — principals outside the account (anonymous users, other accounts) lose access',
      path: [],
      value: '',
      variable: ACCOUNT_VARIABLE,
      safety: 'placeholder',
    },
  };
}
