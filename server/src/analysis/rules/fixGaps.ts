// Why a rule has no quick fix (in a format it reads): data for `iac-hints rules` and docs/rules.md. A rule listed
// here that gains a fix in every format it reads must leave the list (test/unit/fix-coverage.test.ts).

const POLICY = 'The finding is in a policy document: the compliant statements depend on who must keep access, so the statements are the author\'s to rewrite.';
const NETWORK = 'The compliant source or destination (a CIDR, a prefix list, a security group) is the author\'s network design; removing the rule could cut the access the workload needs.';
const LIST = 'The setting sits in each element of a list (block device mappings, container definitions, listeners, attributes, log types, rules); the fix writer sets one value at a path without list elements.';
const CONTAINER_JSON = 'In Terraform the container definitions are one JSON document (jsonencode or a file), which the fix writer does not edit; CloudFormation gets a fix in every container definition.';
const PARAMETER_GROUP = 'The value sits in the parameter group the database names, another resource, which the fix writer does not edit (and a new group would drop the author\'s other parameters); for a database on the default group, a new group needs the family of its engine and version, not written yet, and would reboot the database.';
const CERTIFICATE = 'It needs a certificate (ACM) and listeners or behaviours the author plans: no value can be written without one.';
const SECRET = 'The fix is to move a secret out of the template (to Secrets Manager or SSM SecureString) and change how it is read: a change of code, not of one value.';
const ACCESS = 'The compliant value changes who may call or reach the resource (authorisation, endpoint access, MFA, identities); only the author knows who must keep access.';
const PLACEMENT = 'It depends on where the resource is placed (subnets, Regions, VPC) or on an account-level setting, which no edit of this resource decides.';

/** Rule id -> why it has no fix (for the formats in which it has none). */
export const NO_FIX_REASONS: Readonly<Record<string, string>> = {
  'apigw-waf': 'CloudFormation: a stage has no Arn attribute, and the web ACL association\'s ARN is built from the stage\'s REST API id and name, which a companion resource cannot copy from the stage (Terraform has a fix).',
  'clb-https-listener': CERTIFICATE,
  'cloudfront-s3-oac': 'An origin access control needs a new AWS::CloudFront::OriginAccessControl, its id on each S3 origin, the identity removed, and a bucket policy allowing cloudfront.amazonaws.com for this distribution: without the policy change the site stops serving, and the bucket may be in another template.',
  'codebuild-no-plaintext-credentials': SECRET,
  'data-residency-regions': PLACEMENT,
  'docdb-tls': PARAMETER_GROUP,
  'ec2-no-public-ip': 'CloudFormation: AssociatePublicIpAddress sits in NetworkInterfaces elements, where an element attaching an existing interface may not take it, and an instance without the list would need one written with its subnet and security groups moved in (Terraform has a fix).',
  'ec2-userdata-no-secrets': SECRET,
  'ecs-logging': LIST,
  'ecs-no-privileged': CONTAINER_JSON,
  'ecs-no-secrets-in-env': SECRET,
  'ecs-readonly-rootfs': CONTAINER_JSON,
  'iam-no-user-policies': ACCESS,
  'loggroup-data-protection': POLICY,
  'rds-force-tls': PARAMETER_GROUP,
  'rds-managed-master-password': 'Terraform: a variable would still keep the password in the state; the fix is to remove `password` for manage_master_user_password = true or password_wo, and the writer sets values without removing arguments.',
  'redshift-require-ssl': PARAMETER_GROUP,
  'sg-default-restrict-all': NETWORK,
  'sns-data-protection-policy': POLICY,
  'ssm-parameter-securestring': 'CloudFormation cannot create a SecureString parameter, and a Terraform value would sit in the state: the secret belongs in Secrets Manager, a change of how it is read.',
};
