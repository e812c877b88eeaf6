// Terraform only: MFA delete on a bucket's versioning (aws_s3_bucket_versioning versioning_configuration.mfa_delete);
// CloudFormation cannot set it. Judged on the versioning resource, where the value is written.
import { settingMeta, judgeSetting } from './support';
import type { Rule } from './support';

export const s3MfaDelete: Rule = {
  meta: settingMeta('s3-mfa-delete', []),
  terraform: {
    check(resource, context) {
      return judgeSetting(resource.body, resource.anchor, context.resolver, {
        path: ['versioning_configuration', 'mfa_delete'],
        isCompliant: (value) => String(value) === 'Enabled',
        absent: { kind: 'missed', message: 'object versions can be deleted, and versioning suspended, without a second factor; set it to "Enabled" (with the mfa argument, as the root user).' },
        consequence: 'object versions can be deleted, and versioning suspended, without a second factor.',
        displayName: 'versioning_configuration.mfa_delete',
      });
    },
  },
};
