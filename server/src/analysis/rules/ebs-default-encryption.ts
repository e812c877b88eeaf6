// Terraform only: account-wide EBS encryption by default (aws_ebs_encryption_by_default); CloudFormation has no
// resource for it. `enabled` defaults to true in the AWS provider.
import { settingMeta, isTrue, judgeSetting } from './support';
import type { Rule } from './support';

export const ebsDefaultEncryption: Rule = {
  meta: settingMeta('ebs-default-encryption', []),
  terraform: {
    check(resource, context) {
      return judgeSetting(resource.body, resource.anchor, context.resolver, {
        path: ['enabled'],
        isCompliant: isTrue,
        absent: { kind: 'compliant', detail: 'enabled defaults to true: new EBS volumes of the Region are encrypted.' },
        consequence: 'new EBS volumes and snapshot copies in this Region are not encrypted unless each one asks for it.',
        fixId: 'enable-ebs-default-encryption',
      });
    },
  },
  fixes: {
    'enable-ebs-default-encryption': { title: 'Set enabled = true', path: [], value: true, safety: 'safe', terraform: { title: 'Set enabled = true', path: ['enabled'], value: true } },
  },
};
