// Quick fixes for duties whose compliant configuration is several related values (a log destination with its level,
// a key, a lock) or a companion resource (issue 12): data by rule id, attached by the registry to the rule's
// findings, so the declarative setting rules keep their shape. Where a value cannot be known (a log group, a key,
// a role) the fix declares a parameter or variable with a clear name, never an invented ARN (safety `placeholder`).
// Each value cites the AWS or Terraform AWS provider documentation it was checked against. What applying a fix
// costs or changes is said in fixNotes.ts.
import type { RuleOutcome } from './outcome';
import type { FixParameter, Rule, SetSettingFix } from './rule';

type Flagged = Extract<RuleOutcome, { kind: 'finding' | 'depends' }>;

/** Which findings of a format name the fix: by default those on the resource itself (no related child). */
export interface DesignFixScope {
  readonly cloudformation?: false | ((outcome: Flagged) => boolean);
  readonly terraform?: false | ((outcome: Flagged) => boolean);
}

export interface DesignFix {
  readonly fixId: string;
  readonly fix: SetSettingFix;
  readonly scope?: DesignFixScope;
}

const onTheResource = (outcome: Flagged): boolean => outcome.kind === 'depends' || (outcome.related?.length ?? 0) === 0;

function named(outcomes: RuleOutcome[], fixId: string, applies: (outcome: Flagged) => boolean): RuleOutcome[] {
  return outcomes.map((outcome) => ((outcome.kind === 'finding' || outcome.kind === 'depends') && applies(outcome) ? { ...outcome, fixId } : outcome));
}

/**
 * `rule` with `fix` under `fixId`, named by the findings and depends outcomes of its readers (`scope` narrows which;
 * `false` leaves a format's findings without it). Without `fix.terraform` the Terraform findings are left alone.
 */
export function withDesignFix(rule: Rule, { fixId, fix, scope = {} }: DesignFix): Rule {
  const cfnApplies = scope.cloudformation === false ? undefined : scope.cloudformation ?? onTheResource;
  const tfApplies = scope.terraform === false || !fix.terraform ? undefined : scope.terraform ?? onTheResource;
  const cfn = rule.cloudformation;
  const tf = rule.terraform;
  return {
    ...rule,
    fixes: { ...(rule.fixes ?? {}), [fixId]: fix },
    ...(cfn && cfnApplies ? { cloudformation: { check: (resource, context) => named(cfn.check(resource, context), fixId, cfnApplies) } } : {}),
    ...(tf && tfApplies ? { terraform: { check: (resource, context) => named(tf.check(resource, context), fixId, tfApplies) } } : {}),
  };
}

/** The rule with its design fix (DESIGN_FIXES), or itself. */
export function withDesignFixes(rule: Rule): Rule {
  const design = DESIGN_FIXES[rule.meta.id];
  return design ? withDesignFix(rule, design) : rule;
}

const param = (name: string, description: string): FixParameter => ({ name, description });

// ---- Step Functions: LoggingConfiguration (SAM: Logging) { Level, IncludeExecutionData, Destinations }.
// AWS::StepFunctions::StateMachine CloudWatchLogsLogGroup.LogGroupArn "must end with :*", which Fn::GetAtt of an
// AWS::Logs::LogGroup's Arn gives (docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-stepfunctions-statemachine-cloudwatchlogsloggroup.html);
// Terraform aws_sfn_state_machine logging_configuration.log_destination is the log group ARN followed by ":*"
// (registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/sfn_state_machine, "Logging" example).
// ERROR: failed executions are logged, without each state's input and output (IncludeExecutionData false).
const SFN_LOG_GROUP = param('StateMachineLogGroupArn', 'ARN of the CloudWatch Logs log group for the state machine\'s execution logs, ending in :* (as Fn::GetAtt LogGroup.Arn gives it)');
const SFN_LOG_GROUP_TF = param('state_machine_log_group_arn', 'ARN of the CloudWatch Logs log group for the state machine\'s execution logs (aws_cloudwatch_log_group arn, without :*)');
const sfnLogging = (property: string): SetSettingFix => ({
  title: `Set ${property} Level ERROR to a new log group parameter ${SFN_LOG_GROUP.name} (its value to fill in)`,
  safety: 'placeholder',
  path: [],
  value: '',
  parameters: [SFN_LOG_GROUP],
  operations: [{ op: 'set', path: [property], value: { Level: 'ERROR', IncludeExecutionData: false, Destinations: [{ CloudWatchLogsLogGroup: { LogGroupArn: { Ref: SFN_LOG_GROUP.name } } }] } }],
  terraform: {
    title: `Set logging_configuration level "ERROR" to var.${SFN_LOG_GROUP_TF.name} (a new variable, its value to fill in)`,
    path: [],
    value: '',
    variables: [SFN_LOG_GROUP_TF],
    operations: [{ op: 'set', path: ['logging_configuration'], value: { log_destination: { $hcl: `"\${var.${SFN_LOG_GROUP_TF.name}}:*"` }, include_execution_data: false, level: 'ERROR' } }],
  },
});

// ---- CloudTrail to CloudWatch Logs: CloudWatchLogsLogGroupArn and CloudWatchLogsRoleArn go together ("you must
// specify both", AWS::CloudTrail::Trail, docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-cloudtrail-trail.html);
// Terraform cloud_watch_logs_group_arn "Note that CloudTrail requires the Log Stream wildcard" (":*", the
// aws_cloudtrail page's example) and cloud_watch_logs_role_arn, the role CloudTrail assumes to write.
const TRAIL_LOG_GROUP = param('TrailLogGroupArn', 'ARN of the CloudWatch Logs log group the trail delivers to, ending in :* (as Fn::GetAtt LogGroup.Arn gives it)');
const TRAIL_ROLE = param('TrailCloudWatchLogsRoleArn', 'ARN of the IAM role CloudTrail assumes to write to the log group (logs:CreateLogStream, logs:PutLogEvents)');
const TRAIL_LOG_GROUP_TF = param('trail_log_group_arn', 'ARN of the CloudWatch Logs log group the trail delivers to (aws_cloudwatch_log_group arn, without :*)');
const TRAIL_ROLE_TF = param('trail_cloudwatch_logs_role_arn', 'ARN of the IAM role CloudTrail assumes to write to the log group (logs:CreateLogStream, logs:PutLogEvents)');

// ---- Redshift audit logging to CloudWatch Logs: no bucket to name. AWS::Redshift::Cluster LoggingProperties
// LogDestinationType "cloudwatch" with LogExports connectionlog, userlog, useractivitylog
// (docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-redshift-cluster-loggingproperties.html);
// Terraform aws_redshift_logging (cluster_identifier, log_destination_type, log_exports; the provider page).
const REDSHIFT_LOG_EXPORTS = ['connectionlog', 'userlog', 'useractivitylog'];

export const DESIGN_FIXES: Readonly<Record<string, DesignFix>> = {
  'sfn-logging': { fixId: 'set-logging-configuration', fix: sfnLogging('LoggingConfiguration') },
  'sfn-logging-sam': { fixId: 'set-logging', fix: sfnLogging('Logging') },
  'cloudtrail-cloudwatch': {
    fixId: 'set-cloudwatch-logs',
    fix: {
      title: `Set CloudWatchLogsLogGroupArn and CloudWatchLogsRoleArn to new parameters ${TRAIL_LOG_GROUP.name}, ${TRAIL_ROLE.name} (their values to fill in)`,
      safety: 'placeholder',
      path: [],
      value: '',
      parameters: [TRAIL_LOG_GROUP, TRAIL_ROLE],
      operations: [
        { op: 'set', path: ['CloudWatchLogsLogGroupArn'], value: { Ref: TRAIL_LOG_GROUP.name } },
        { op: 'set', path: ['CloudWatchLogsRoleArn'], value: { Ref: TRAIL_ROLE.name } },
      ],
      terraform: {
        title: `Set cloud_watch_logs_group_arn and cloud_watch_logs_role_arn to new variables ${TRAIL_LOG_GROUP_TF.name}, ${TRAIL_ROLE_TF.name} (their values to fill in)`,
        path: [],
        value: '',
        variables: [TRAIL_LOG_GROUP_TF, TRAIL_ROLE_TF],
        operations: [
          { op: 'set', path: ['cloud_watch_logs_group_arn'], value: { $hcl: `"\${var.${TRAIL_LOG_GROUP_TF.name}}:*"` } },
          { op: 'set', path: ['cloud_watch_logs_role_arn'], value: { $hcl: `var.${TRAIL_ROLE_TF.name}` } },
        ],
      },
    },
  },
  'redshift-audit-logging': {
    fixId: 'log-to-cloudwatch',
    fix: {
      title: 'Set LoggingProperties to deliver connection, user and user activity logs to CloudWatch Logs',
      safety: 'safe',
      path: [],
      value: '',
      operations: [{ op: 'set', path: ['LoggingProperties'], value: { LogDestinationType: 'cloudwatch', LogExports: REDSHIFT_LOG_EXPORTS } }],
      terraform: {
        title: 'Add aws_redshift_logging delivering connection, user and user activity logs to CloudWatch Logs',
        path: [],
        value: '',
        companion: {
          suffix: 'Logging',
          type: 'aws_redshift_logging',
          body: (address) => [`cluster_identifier   = ${address}.id`, 'log_destination_type = "cloudwatch"', `log_exports          = ${JSON.stringify(REDSHIFT_LOG_EXPORTS).replace(/,/g, ', ')}`],
        },
      },
    },
  },
  // AWS::Backup::BackupVault LockConfiguration (MinRetentionDays required; without ChangeableForDays the lock is in
  // governance mode, which a user allowed backup:DeleteBackupVaultLockConfiguration can remove:
  // docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-backup-backupvault-lockconfigurationtype.html);
  // Terraform aws_backup_vault_lock_configuration (backup_vault_name required, min_retention_days optional). One
  // day, the least the lock accepts: no backup job's retention is refused, recovery points keep theirs.
  'backup-vault-lock': {
    fixId: 'add-vault-lock',
    fix: {
      title: 'Set LockConfiguration MinRetentionDays: 1 (governance mode)',
      safety: 'safe',
      path: [],
      value: '',
      operations: [{ op: 'set', path: ['LockConfiguration'], value: { MinRetentionDays: 1 } }],
      terraform: {
        title: 'Add aws_backup_vault_lock_configuration with min_retention_days = 1 (governance mode)',
        path: [],
        value: '',
        companion: { suffix: 'Lock', type: 'aws_backup_vault_lock_configuration', body: (address) => [`backup_vault_name  = ${address}.name`, 'min_retention_days = 1'] },
      },
    },
  },
};
