// Terraform only: MFA delete on a bucket's versioning (aws_s3_bucket_versioning versioning_configuration.mfa_delete);
// CloudFormation cannot set it. Judged on the versioning resource, where the value is written.
import { settingMeta, judgeSetting } from './support';
import type { FixParameter, Rule } from './support';

const FIX_ID = 'enable-mfa-delete';

/**
 * The `mfa` argument of aws_s3_bucket_versioning: "Required if versioning_configuration mfa_delete is enabled. Concatenation
 * of the authentication device's serial number, a space, and the value that is displayed on your authentication
 * device" (Terraform AWS provider, resources/s3_bucket_versioning); S3 takes it as the x-amz-mfa header of
 * PutBucketVersioning, which only the bucket owner's root user may send with MFA delete (Amazon S3 User Guide,
 * "Configuring MFA delete").
 */
const MFA_DEVICE: FixParameter = {
  name: 's3_mfa_delete_device',
  description: 'The bucket owner root user\'s MFA device serial number (ARN), a space, and a current code from it (S3 PutBucketVersioning x-amz-mfa)',
  noEcho: true,
};

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
        fixId: FIX_ID,
      });
    },
  },
  fixes: {
    [FIX_ID]: {
      // No CloudFormation reader: the fix is Terraform's alone.
      title: 'Turn on MFA delete',
      safety: 'breaks',
      path: [],
      value: '',
      terraform: {
        title: `Set versioning_configuration.mfa_delete = "Enabled" with mfa = var.${MFA_DEVICE.name} (a new sensitive variable: the root user's MFA device serial and a current code) — only the root user's credentials can apply it, and each later apply that changes the versioning needs a fresh code`,
        safety: 'placeholder',
        path: [],
        value: '',
        variables: [MFA_DEVICE],
        operations: [
          { op: 'set', path: ['versioning_configuration', 'mfa_delete'], value: 'Enabled' },
          { op: 'set', path: ['mfa'], value: { $hcl: `var.${MFA_DEVICE.name}` } },
        ],
      },
    },
  },
};
