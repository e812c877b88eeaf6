// KMS keys compared by meaning. An AWS managed key is named by the reserved alias prefix aws/ (alias/aws/<service>;
// "aws/<service>" is how the service documentation names it, e.g. Secrets Manager's aws/secretsmanager), in every
// form a key identifier takes: the alias name or the alias ARN (arn:<partition>:kms:<region>:<account>:alias/aws/...).
// KMS: "The alias/aws/ prefix is reserved for AWS managed key" (Developer Guide, Create aliases).
import type { ScalarValue } from '../../types';
import type { Compliance } from './settingRule';

const AWS_MANAGED = /^(?:(?:arn:aws[a-z-]*:kms:[^:]*:[^:]*:)?alias\/)?aws\/[^/]+$/;

/** True when a key identifier names an AWS managed key (any alias/aws/<service>, with or without alias/ or an ARN). */
export function isAwsManagedKey(value: ScalarValue | undefined): boolean {
  return typeof value === 'string' && AWS_MANAGED.test(value.trim());
}

/**
 * The compliance of a key-management setting: a key other than an AWS managed one (`service` names the service's
 * own AWS managed key in the docs).
 */
export function customerManagedKey(service: string): Compliance {
  return {
    satisfies: (value) => !isAwsManagedKey(value),
    describe: `a customer managed key (not alias/aws/${service} or another AWS managed key)`,
    judgeSuffix: customerKeyBySuffix,
  };
}

/**
 * The customer-managed-key judgement of a key ARN whose start cannot be known (its partition, Region or account from
 * a pseudo parameter or variable), by its tail: `:alias/aws/<service>` names an AWS managed key (false); another
 * `:alias/<name>` or `:key/<id>` is judged as the same ARN written out is (true); any other tail decides nothing
 * (undefined). The colon makes the tail the whole alias or key part of the ARN.
 */
export function customerKeyBySuffix(suffix: string): boolean | undefined {
  const tail = /:((?:alias|key)\/[^:]+)$/.exec(suffix.trim())?.[1];
  if (tail === undefined) return undefined;
  return !isAwsManagedKey(tail);
}
