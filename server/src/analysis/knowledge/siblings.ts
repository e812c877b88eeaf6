// Rules that judge the same duty on sibling resource types: an instance, its launch template and its launch
// configuration; a DB instance and its cluster; a function and its SAM form. A user who meets one of them on
// one type and the other on another must see the same responsibility item and the same severity.

export const SIBLING_RULES: readonly (readonly string[])[] = [
  ['ec2-imdsv2', 'lt-imdsv2', 'lc-imdsv2'],
  ['ec2-no-public-ip', 'lt-no-public-ip', 'lc-no-public-ip'],
  ['ec2-ebs-encrypted', 'lt-ebs-encrypted', 'lc-ebs-encrypted'],
  ['rds-iam-auth', 'rds-cluster-iam-auth'],
  ['rds-backup-retention', 'rds-cluster-backup-retention'],
  ['rds-deletion-protection', 'rds-cluster-deletion-protection'],
  ['rds-log-exports', 'rds-cluster-log-exports'],
  ['lambda-tracing', 'lambda-tracing-sam'],
  ['sfn-logging', 'sfn-logging-sam'],
  ['dynamodb-cmk', 'dynamodb-cmk-sam'],
  ['alb-https-listener', 'clb-https-listener'],
  ['alb-access-logs', 'clb-access-logs'],
  ['docdb-encrypted', 'neptune-encrypted'],
  ['docdb-audit-logs', 'neptune-audit-logs'],
];
