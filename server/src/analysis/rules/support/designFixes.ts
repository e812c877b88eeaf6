// Quick fixes for duties whose compliant configuration is several related values (a log destination with its level,
// a key, a lock) or a companion resource (issue 12): data by rule id, attached by the registry to the rule's
// findings, so the declarative setting rules keep their shape. Where a value cannot be known (a log group, a key,
// a role) the fix declares a parameter or variable with a clear name, never an invented ARN (safety `placeholder`).
// Each value cites the AWS or Terraform AWS provider documentation it was checked against. What applying a fix
// costs or changes is said in fixNotes.ts.
import type { RuleOutcome } from './outcome';
import type { CfnResource } from '../../cloudformation/template';
import type { TfResource } from '../../terraform/context';
import { mapEntry } from '../../cloudformation/template';
import type { FixParameter, Rule, SetSettingFix } from './rule';

type Flagged = Extract<RuleOutcome, { kind: 'finding' | 'depends' }>;

/**
 * Which findings of a format name the fix, given the finding and the type of the resource it is on: by default
 * those on the resource itself (no related child).
 */
export interface DesignFixScope {
  readonly cloudformation?: false | ((outcome: Flagged, type: string, resource: CfnResource) => boolean);
  /** `resource`: the instance examined (a fix that conflicts with one of its blocks is not offered). */
  readonly terraform?: false | ((outcome: Flagged, type: string, resource: TfResource) => boolean);
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
    ...(cfn && cfnApplies ? { cloudformation: { check: (resource, context) => named(cfn.check(resource, context), fixId, (outcome) => cfnApplies(outcome, resource.type ?? '', resource)) } } : {}),
    ...(tf && tfApplies ? { terraform: { check: (resource, context) => named(tf.check(resource, context), fixId, (outcome) => tfApplies(outcome, resource.type, resource)) } } : {}),
  };
}

/** The rule with its design fixes (DESIGN_FIXES), or itself. */
export function withDesignFixes(rule: Rule): Rule {
  const design = DESIGN_FIXES[rule.meta.id];
  return design ? [design].flat().reduce(withDesignFix, rule) : rule;
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

// ---- A customer managed key for DynamoDB: AWS::DynamoDB::Table (and SAM SimpleTable) SSESpecification with SSEEnabled
// true, SSEType KMS and KMSMasterKeyId "its key ID, ARN, alias name, or alias ARN" (Update requires: No interruption;
// docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-dynamodb-table-ssespecification.html);
// Terraform aws_dynamodb_table server_side_encryption { enabled, kms_key_arn } (the provider page).
const DYNAMODB_KEY = param('DynamoDbKmsKeyArn', 'ARN of the customer managed KMS key that encrypts the table');
const DYNAMODB_KEY_TF = param('dynamodb_kms_key_arn', 'ARN of the customer managed KMS key that encrypts the table');
const dynamodbKey = (terraform: boolean): SetSettingFix => ({
  title: `Set SSESpecification to a customer managed key, a new parameter ${DYNAMODB_KEY.name} (its value to fill in)`,
  safety: 'placeholder',
  path: [],
  value: '',
  parameters: [DYNAMODB_KEY],
  operations: [{ op: 'set', path: ['SSESpecification'], value: { SSEEnabled: true, SSEType: 'KMS', KMSMasterKeyId: { Ref: DYNAMODB_KEY.name } } }],
  ...(terraform ? {
    terraform: {
      title: `Set server_side_encryption kms_key_arn = var.${DYNAMODB_KEY_TF.name} (a new variable, its value to fill in)`,
      path: [],
      value: '',
      variables: [DYNAMODB_KEY_TF],
      operations: [{ op: 'set', path: ['server_side_encryption'], value: { enabled: true, kms_key_arn: { $hcl: `var.${DYNAMODB_KEY_TF.name}` } } }],
    },
  } : {}),
});

// ---- A customer managed key for S3 default encryption: AWS::S3::Bucket ServerSideEncryptionByDefault SSEAlgorithm
// aws:kms with KMSMasterKeyID, "allowed if and only if SSEAlgorithm is set to aws:kms or aws:kms:dsse", a key ID,
// alias or ARN, the ARN recommended (docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-s3-bucket-serversideencryptionbydefault.html;
// Update requires: No interruption); Terraform aws_s3_bucket_server_side_encryption_configuration rule
// apply_server_side_encryption_by_default { sse_algorithm, kms_master_key_id } (the provider page: "Valid values are
// AES256, aws:kms, and aws:kms:dsse"), set in the one that points at the bucket, or added.
const S3_KEY = param('S3KmsKeyArn', 'ARN of the customer managed KMS key that encrypts the bucket\'s objects by default');
const S3_KEY_TF = param('s3_kms_key_arn', 'ARN of the customer managed KMS key that encrypts the bucket\'s objects by default');
const S3_KEY_DEFAULT = { SSEAlgorithm: 'aws:kms', KMSMasterKeyID: { Ref: S3_KEY.name } };
const S3_ENCRYPTION_TF = 'aws_s3_bucket_server_side_encryption_configuration';

// ---- SSE-C blocked: AWS::S3::Bucket ServerSideEncryptionRule BlockedEncryptionTypes { EncryptionType: [String] },
// valid values NONE | SSE-C (docs.aws.amazon.com/AmazonS3/latest/API/API_BlockedEncryptionTypes.html; the
// CloudFormation page aws-properties-s3-bucket-blockedencryptiontypes.html); Terraform
// aws_s3_bucket_server_side_encryption_configuration rule.blocked_encryption_types, a list of the same strings.
const SSE_C_BLOCKED = { BlockedEncryptionTypes: { EncryptionType: ['SSE-C'] } };

// ---- S3 server access logs to another bucket: AWS::S3::Bucket LoggingConfiguration DestinationBucketName (a bucket
// name; docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-s3-bucket-loggingconfiguration.html);
// Terraform aws_s3_bucket_logging { bucket, target_bucket, target_prefix } (target_prefix required; the provider page).
const LOG_BUCKET = param('AccessLogBucketName', 'Name of the bucket that receives the server access logs (another bucket, whose policy lets logging.s3.amazonaws.com write)');
const LOG_BUCKET_TF = param('access_log_bucket_name', 'Name of the bucket that receives the server access logs (another bucket, whose policy lets logging.s3.amazonaws.com write)');

// ---- OpenSearch audit logs: LogPublishingOptions AUDIT_LOGS { Enabled, CloudWatchLogsLogGroupArn }
// (docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-opensearchservice-domain-logpublishingoption.html);
// Terraform log_publishing_options { log_type = "AUDIT_LOGS", cloudwatch_log_group_arn, enabled } (the provider page).
const SEARCH_LOG_GROUP = param('SearchAuditLogGroupArn', 'ARN of the CloudWatch Logs log group for the domain\'s audit logs (its resource policy must let es.amazonaws.com write)');
const SEARCH_LOG_GROUP_TF = param('search_audit_log_group_arn', 'ARN of the CloudWatch Logs log group for the domain\'s audit logs (its resource policy must let es.amazonaws.com write)');

// ---- API Gateway access logs: the JSON format of the API Gateway developer guide ("Set up CloudWatch logging for
// REST APIs" / "Customize HTTP API access logs"), with $context.requestId, which API Gateway requires.
// REST: AWS::ApiGateway::Stage (and SAM Api) AccessLogSetting { DestinationArn, Format }, Terraform
// aws_api_gateway_stage access_log_settings { destination_arn, format }; HTTP/WebSocket: AWS::ApiGatewayV2::Stage
// AccessLogSettings, Terraform aws_apigatewayv2_stage access_log_settings.
const REST_ACCESS_LOG_FORMAT = '{"requestId":"$context.requestId","ip":"$context.identity.sourceIp","caller":"$context.identity.caller","user":"$context.identity.user","requestTime":"$context.requestTime","httpMethod":"$context.httpMethod","resourcePath":"$context.resourcePath","status":"$context.status","protocol":"$context.protocol","responseLength":"$context.responseLength"}';
const HTTP_ACCESS_LOG_FORMAT = '{"requestId":"$context.requestId","ip":"$context.identity.sourceIp","requestTime":"$context.requestTime","httpMethod":"$context.httpMethod","routeKey":"$context.routeKey","status":"$context.status","protocol":"$context.protocol","responseLength":"$context.responseLength"}';
const API_LOG_GROUP = param('ApiAccessLogGroupArn', 'ARN of the CloudWatch Logs log group (or Firehose stream named amazon-apigateway-...) that receives the stage\'s access logs');
const API_LOG_GROUP_TF = param('api_access_log_group_arn', 'ARN of the CloudWatch Logs log group (or Firehose stream named amazon-apigateway-...) that receives the stage\'s access logs');
const apiAccessLogs = (property: string, format: string): SetSettingFix => ({
  title: `Set ${property} to a new log group parameter ${API_LOG_GROUP.name} (its value to fill in), JSON format`,
  safety: 'placeholder',
  path: [],
  value: '',
  parameters: [API_LOG_GROUP],
  operations: [{ op: 'set', path: [property], value: { DestinationArn: { Ref: API_LOG_GROUP.name }, Format: format } }],
  terraform: {
    title: `Set access_log_settings destination_arn = var.${API_LOG_GROUP_TF.name} (a new variable, its value to fill in), JSON format`,
    path: [],
    value: '',
    variables: [API_LOG_GROUP_TF],
    operations: [{ op: 'set', path: ['access_log_settings'], value: { destination_arn: { $hcl: `var.${API_LOG_GROUP_TF.name}` }, format } }],
  },
});

// ---- CloudFront standard logs: DistributionConfig.Logging { Bucket (the bucket's domain name, such as
// mybucket.s3.amazonaws.com), IncludeCookies } (docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-cloudfront-distribution-logging.html);
// Terraform logging_config { bucket, include_cookies } (the aws_cloudfront_distribution page).
const CLOUDFRONT_LOG_BUCKET = param('CloudFrontLogBucketDomainName', 'Domain name of the bucket that receives the standard logs, such as my-logs.s3.amazonaws.com (ACLs enabled, as CloudFront standard logging requires)');
const CLOUDFRONT_LOG_BUCKET_TF = param('cloudfront_log_bucket_domain_name', 'Domain name of the bucket that receives the standard logs, such as my-logs.s3.amazonaws.com (ACLs enabled, as CloudFront standard logging requires)');

// ---- WAF logging: AWS::WAFv2::LoggingConfiguration { ResourceArn (the web ACL's Arn attribute), LogDestinationConfigs }
// whose destination (a log group, bucket or Firehose stream) must be named aws-waf-logs-...
// (docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-wafv2-loggingconfiguration.html); Terraform
// aws_wafv2_web_acl_logging_configuration { resource_arn, log_destination_configs } (the provider page).
const WAF_LOG_DESTINATION = param('WafLogDestinationArn', 'ARN of the log destination for the web ACL (a log group, bucket or Firehose stream whose name starts with aws-waf-logs-)');
const WAF_LOG_DESTINATION_TF = param('waf_log_destination_arn', 'ARN of the log destination for the web ACL (a log group, bucket or Firehose stream whose name starts with aws-waf-logs-)');

// ---- A web ACL attached to an application load balancer: AWS::WAFv2::WebACLAssociation { ResourceArn (Ref of an
// AWS::ElasticLoadBalancingV2::LoadBalancer is its ARN), WebACLArn } (docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-wafv2-webaclassociation.html);
// Terraform aws_wafv2_web_acl_association { resource_arn, web_acl_arn } (the provider page).
const WEB_ACL = param('WebAclArn', 'ARN of the regional WAFv2 web ACL to attach');
const WEB_ACL_TF = param('web_acl_arn', 'ARN of the regional WAFv2 web ACL to attach');

// ---- VPC flow logs to S3 (no IAM role needed, unlike CloudWatch Logs): AWS::EC2::FlowLog { ResourceId, ResourceType
// VPC, TrafficType ALL, LogDestinationType s3, LogDestination (a bucket ARN) }
// (docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-ec2-flowlog.html); Terraform aws_flow_log
// { vpc_id, traffic_type, log_destination_type, log_destination } (the provider page).
const FLOW_LOG_BUCKET = param('FlowLogBucketArn', 'ARN of the S3 bucket (optionally with a folder, arn:aws:s3:::bucket/folder) that receives the VPC flow logs');
const FLOW_LOG_BUCKET_TF = param('flow_log_bucket_arn', 'ARN of the S3 bucket (optionally with a folder, arn:aws:s3:::bucket/folder) that receives the VPC flow logs');

// ---- Secrets Manager rotation every 30 days by a rotation function the author names: AWS::SecretsManager::RotationSchedule
// { SecretId, RotationLambdaARN, RotationRules { AutomaticallyAfterDays } }
// (docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-secretsmanager-rotationschedule.html);
// Terraform aws_secretsmanager_secret_rotation { secret_id, rotation_lambda_arn, rotation_rules { automatically_after_days } }
// (the provider page). Only for a secret without a schedule: a schedule's own interval may be a ScheduleExpression,
// which AutomaticallyAfterDays may not join (RotationRules takes one or the other).
const ROTATION_LAMBDA = param('SecretRotationLambdaArn', 'ARN of the Lambda function that rotates the secret (its resource policy must let secretsmanager.amazonaws.com invoke it)');
const ROTATION_LAMBDA_TF = param('secret_rotation_lambda_arn', 'ARN of the Lambda function that rotates the secret (its resource policy must let secretsmanager.amazonaws.com invoke it)');
const ROTATION_DAYS = 30;

// ---- The account password policy (Terraform aws_iam_account_password_policy: minimum_password_length and the four
// require_* character classes; the provider page): 14 characters, as CIS AWS Foundations 1.8 asks (the rule's bar).
const PASSWORD_POLICY = ['require_symbols', 'require_numbers', 'require_uppercase_characters', 'require_lowercase_characters'];

// ---- Guest-OS patching of one instance: a State Manager association running AWS-RunPatchBaseline with Operation
// Install on the instance, weekly (rate(7 days): Systems Manager "Reference: Cron and rate expressions";
// AWS::SSM::Association { Name, Targets [{ Key: InstanceIds, Values }], Parameters, ScheduleExpression },
// docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-ssm-association.html; Terraform aws_ssm_association
// { name, schedule_expression, parameters, targets { key, values } }, the provider page). AWS-RunPatchBaseline's
// RebootOption defaults to RebootIfNeeded (Patch Manager, "SSM Command document for patching: AWS-RunPatchBaseline").
const PATCH_SCHEDULE = 'rate(7 days)';

// ---- EMR: the cluster's SecurityConfiguration names an AWS::EMR::SecurityConfiguration (Update requires:
// Replacement, docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-emr-cluster.html); Terraform
// aws_emr_cluster security_configuration (forces a new cluster). Its encryption settings are the author's design
// (keys, a TLS certificate provider): the fix names one by a parameter.
const EMR_SECURITY = param('EmrSecurityConfigurationName', 'Name of the EMR security configuration that encrypts data at rest and in transit');
const EMR_SECURITY_TF = param('emr_security_configuration_name', 'Name of the EMR security configuration that encrypts data at rest and in transit');

// ---- A Lambda function in a VPC: AWS::Lambda::Function (and SAM Function) VpcConfig { SubnetIds, SecurityGroupIds }
// ("Update requires: No interruption", docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-lambda-function-vpcconfig.html);
// Terraform aws_lambda_function vpc_config { subnet_ids, security_group_ids } (both required in the block; the
// provider page). Lambda creates ENIs in the subnets, so the execution role needs ec2:CreateNetworkInterface,
// DescribeNetworkInterfaces and DeleteNetworkInterface (the AWSLambdaVPCAccessExecutionRole managed policy; Lambda
// developer guide, "Giving Lambda functions access to resources in an Amazon VPC"): said in the note (fixNotes.ts).
const listOf = (cloudformation: string): FixParameter['type'] => ({ cloudformation, terraform: 'list(string)' });
const LAMBDA_SUBNETS: FixParameter = { name: 'LambdaSubnetIds', description: 'Private subnets (in at least two Availability Zones) the function connects to', type: listOf('List<AWS::EC2::Subnet::Id>') };
const LAMBDA_GROUPS: FixParameter = { name: 'LambdaSecurityGroupIds', description: 'Security groups of the function\'s network interfaces (their egress rules decide what it reaches)', type: listOf('List<AWS::EC2::SecurityGroup::Id>') };
const LAMBDA_SUBNETS_TF: FixParameter = { ...LAMBDA_SUBNETS, name: 'lambda_subnet_ids' };
const LAMBDA_GROUPS_TF: FixParameter = { ...LAMBDA_GROUPS, name: 'lambda_security_group_ids' };

// ---- An OpenSearch domain in a VPC: AWS::OpenSearchService::Domain (and AWS::Elasticsearch::Domain) VPCOptions
// { SubnetIds (one per Availability Zone the domain uses), SecurityGroupIds } (docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-opensearchservice-domain-vpcoptions.html);
// Terraform vpc_options { subnet_ids, security_group_ids }, "Adding or removing this configuration forces a new
// resource" (the aws_opensearch_domain provider page). A domain created with a public endpoint cannot be switched
// to VPC access (OpenSearch Service developer guide, "Migrating from public access to VPC access"): the note says
// the domain is replaced (fixNotes.ts).
const SEARCH_SUBNETS: FixParameter = { name: 'SearchDomainSubnetIds', description: 'Private subnets of the domain, one per Availability Zone it uses (more than one needs ZoneAwarenessEnabled)', type: listOf('List<AWS::EC2::Subnet::Id>') };
const SEARCH_GROUPS: FixParameter = { name: 'SearchDomainSecurityGroupIds', description: 'Security groups of the domain\'s VPC endpoints (their ingress rules decide who reaches it on 443)', type: listOf('List<AWS::EC2::SecurityGroup::Id>') };
const SEARCH_SUBNETS_TF: FixParameter = { ...SEARCH_SUBNETS, name: 'search_domain_subnet_ids' };
const SEARCH_GROUPS_TF: FixParameter = { ...SEARCH_GROUPS, name: 'search_domain_security_group_ids' };

/**
 * Placement in a VPC: `property` (CloudFormation) / `block` (Terraform) set to { SubnetIds, SecurityGroupIds } /
 * { subnet_ids, security_group_ids } from new list parameters and variables (lambda-in-vpc, opensearch-in-vpc).
 */
function vpcPlacementFix(property: string, block: string, subnets: FixParameter, groups: FixParameter, subnetsTf: FixParameter, groupsTf: FixParameter): SetSettingFix {
  return {
    title: `Set ${property} to new parameters ${subnets.name}, ${groups.name} (their values to fill in)`,
    safety: 'placeholder',
    path: [],
    value: '',
    parameters: [subnets, groups],
    operations: [{ op: 'set', path: [property], value: { SubnetIds: { Ref: subnets.name }, SecurityGroupIds: { Ref: groups.name } } }],
    terraform: {
      title: `Set ${block} to new variables ${subnetsTf.name}, ${groupsTf.name} (their values to fill in)`,
      path: [],
      value: '',
      variables: [subnetsTf, groupsTf],
      operations: [{ op: 'set', path: [block], value: { subnet_ids: { $hcl: `var.${subnetsTf.name}` }, security_group_ids: { $hcl: `var.${groupsTf.name}` } } }],
    },
  };
}

// ---- MFA in a Cognito user pool: the rule accepts ON or OPTIONAL. OPTIONAL with a software token (TOTP):
// AWS::Cognito::UserPool MfaConfiguration and EnabledMfas [SMS_MFA | SOFTWARE_TOKEN_MFA | EMAIL_OTP], both updated
// in place (docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-cognito-userpool.html#cfn-cognito-userpool-enabledmfas);
// Terraform mfa_configuration with software_token_mfa_configuration { enabled = true }, one MFA method being
// required when it is ON or OPTIONAL (the aws_cognito_user_pool provider page). OPTIONAL asks a code only of users
// who set up an authenticator ("OPTIONAL: MFA will be required only for individual users who have an MFA factor
// activated", SetUserPoolMfaConfig, Cognito API reference): nobody is locked out; ON for every user is the author's choice.
const COGNITO_MFA_TITLE = 'users who set up an authenticator app must then give its code; others still sign in with a password alone (ON requires MFA of every user)';

// ---- An instance without a public IPv4 address, Terraform only: aws_instance associate_public_ip_address is
// ForceNew in the provider schema (a new instance), and EC2 refuses it beside network interfaces attached at launch
// (network_interface / primary_network_interface blocks): no fix there. CloudFormation AssociatePublicIpAddress sits
// in NetworkInterfaces elements (Update requires: Replacement), where an element naming an existing
// NetworkInterfaceId may not take it, and an instance without the list would need one written with its subnet and
// groups moved in: no CloudFormation fix (fixGaps.ts).
const attachesInterfaces = (resource: TfResource): boolean => mapEntry(resource.body, 'network_interface') !== undefined || mapEntry(resource.body, 'primary_network_interface') !== undefined;

// ---- OpenSearch fine-grained access control: AdvancedSecurityOptions { Enabled, InternalUserDatabaseEnabled,
// MasterUserOptions { MasterUserARN } }; "you must also enable node-to-node encryption (NodeToNodeEncryptionOptions)
// and encryption at rest (EncryptionAtRestOptions) ... and EnforceHTTPS within DomainEndpointOptions"
// (docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-opensearchservice-domain-advancedsecurityoptionsinput.html),
// so the fix writes the four together. Terraform advanced_security_options { enabled, internal_user_database_enabled,
// master_user_options { master_user_arn } }, node_to_node_encryption, encrypt_at_rest, domain_endpoint_options
// { enforce_https } (the aws_opensearch_domain provider page). The master user is an IAM principal the author names.
const SEARCH_MASTER: FixParameter = param('SearchMasterUserArn', 'ARN of the IAM user or role that is the domain\'s fine-grained access control master user (it maps the other roles)');
const SEARCH_MASTER_TF: FixParameter = { ...SEARCH_MASTER, name: 'search_master_user_arn' };

// ---- The POSIX identity of an EFS access point: AWS::EFS::AccessPoint PosixUser { Uid, Gid } (strings of numbers;
// Update requires: Replacement, docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-efs-accesspoint-posixuser.html);
// Terraform aws_efs_access_point posix_user { uid, gid } (numbers; forces a new access point, the provider page).
// The ids are the application's, so parameters; only the PosixUser finding gets it (a root directory below "/"
// needs a path and, when EFS must create it, CreationInfo owners and permissions: the author's layout).
const numberParameter = (name: string, description: string): FixParameter => ({ name, description, type: { cloudformation: 'Number', terraform: 'number' } });
const EFS_UID = numberParameter('AccessPointPosixUid', 'POSIX user id that every request through the access point uses on the file system');
const EFS_GID = numberParameter('AccessPointPosixGid', 'POSIX group id that every request through the access point uses on the file system');
const EFS_UID_TF = { ...EFS_UID, name: 'access_point_posix_uid' };
const EFS_GID_TF = { ...EFS_GID, name: 'access_point_posix_gid' };
const aboutPosixUser = (outcome: Flagged): boolean => outcome.kind === 'finding' && /PosixUser|posix_user/.test(outcome.message);

// ---- An HTTP listener of an Application Load Balancer turned HTTPS on its port (the rule accepts HTTPS or a default
// action redirecting to HTTPS; a redirect would drop the author's forward actions, so the listener itself is turned):
// AWS::ElasticLoadBalancingV2::Listener Protocol HTTPS with Certificates [{ CertificateArn }] and SslPolicy (all
// "Update requires: No interruption", docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-elasticloadbalancingv2-listener.html);
// Terraform aws_lb_listener protocol, certificate_arn ("Required if protocol is HTTPS or TLS") and ssl_policy (the
// provider page). The policy is the one alb-tls-policy writes (TLS 1.2 and 1.3), so no new finding follows.
const LISTENER_CERTIFICATE = param('ListenerCertificateArn', 'ARN of the ACM (or IAM) server certificate the HTTPS listener presents, for the names clients use');
const LISTENER_CERTIFICATE_TF = { ...LISTENER_CERTIFICATE, name: 'listener_certificate_arn' };
const LISTENER_TLS_POLICY = 'ELBSecurityPolicy-TLS13-1-2-2021-06';

export const DESIGN_FIXES: Readonly<Record<string, DesignFix | readonly DesignFix[]>> = {
  // The flagged origin's OriginProtocolPolicy / origin_protocol_policy (http-only or match-viewer) becomes https-only:
  // "https-only – CloudFront always uses HTTPS to connect to the origin" (CloudFront API CustomOriginConfig,
  // docs.aws.amazon.com/cloudfront/latest/APIReference/API_CustomOriginConfig.html; Terraform aws_cloudfront_distribution
  // custom_origin_config origin_protocol_policy takes the same values). S3 website origins speak HTTP only: the rule
  // does not judge them, so they never name this fix; a value from a parameter or variable is the author's (no fix).
  'cloudfront-origin-https': {
    fixId: 'origin-https-only',
    fix: {
      title: 'Set OriginProtocolPolicy = https-only on this origin',
      safety: 'safe',
      path: [],
      value: '',
      flagged: { kind: 'value', matches: (value) => ['http-only', 'match-viewer'].includes(value.toLowerCase()), value: 'https-only' },
      terraform: { title: 'Set origin_protocol_policy = "https-only" on this origin', path: [], value: '' },
    },
  },
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
  'dynamodb-cmk': { fixId: 'set-customer-key', fix: dynamodbKey(true) },
  's3-sse-c-blocked': {
    fixId: 'block-sse-c',
    fix: {
      title: 'Set BlockedEncryptionTypes EncryptionType: [SSE-C] in every ServerSideEncryptionConfiguration element',
      safety: 'safe',
      path: [],
      value: '',
      operations: [{ op: 'each', list: ['BucketEncryption', 'ServerSideEncryptionConfiguration'], path: [], value: SSE_C_BLOCKED }],
      terraform: {
        title: `Set rule.blocked_encryption_types = ["SSE-C"] in the bucket's ${S3_ENCRYPTION_TF}`,
        path: [],
        value: '',
        splitResource: { type: S3_ENCRYPTION_TF, link: 'bucket' },
        operations: [{ op: 'set', path: ['rule'], value: { blocked_encryption_types: ['SSE-C'] } }],
      },
    },
    // Findings point at the NONE element (CloudFormation) or at the encryption configuration (Terraform, related).
    scope: { cloudformation: () => true, terraform: () => true },
  },
  's3-kms-cmk': {
    fixId: 'set-customer-key',
    fix: {
      title: `Set the default encryption to aws:kms with a new key parameter ${S3_KEY.name} (its value to fill in)`,
      safety: 'placeholder',
      path: [],
      value: '',
      parameters: [S3_KEY],
      operations: [{
        op: 'each', list: ['BucketEncryption', 'ServerSideEncryptionConfiguration'], path: ['ServerSideEncryptionByDefault'], value: S3_KEY_DEFAULT,
        create: [{ ServerSideEncryptionByDefault: S3_KEY_DEFAULT }],
      }],
      terraform: {
        title: `Set sse_algorithm = "aws:kms" and kms_master_key_id = var.${S3_KEY_TF.name} in the bucket's ${S3_ENCRYPTION_TF} (added when absent; a new variable, its value to fill in)`,
        path: [],
        value: '',
        splitResource: { type: S3_ENCRYPTION_TF, link: 'bucket' },
        variables: [S3_KEY_TF],
        operations: [{ op: 'set', path: ['rule', 'apply_server_side_encryption_by_default'], value: { sse_algorithm: 'aws:kms', kms_master_key_id: { $hcl: `var.${S3_KEY_TF.name}` } } }],
        companion: {
          suffix: 'Encryption',
          type: S3_ENCRYPTION_TF,
          body: (address) => [`bucket = ${address}.id`, 'rule {', '  apply_server_side_encryption_by_default {', '    sse_algorithm     = "aws:kms"', `    kms_master_key_id = var.${S3_KEY_TF.name}`, '  }', '}'],
        },
        safety: 'placeholder',
      },
    },
    // Terraform findings point at the encryption configuration they were read from (related): the fix edits it.
    scope: { terraform: () => true },
  },
  'dynamodb-cmk-sam': { fixId: 'set-customer-key', fix: dynamodbKey(false) },
  's3-access-logging': {
    fixId: 'log-to-bucket',
    fix: {
      title: `Set LoggingConfiguration DestinationBucketName to a new parameter ${LOG_BUCKET.name} (its value to fill in)`,
      safety: 'placeholder',
      path: [],
      value: '',
      parameters: [LOG_BUCKET],
      operations: [{ op: 'set', path: ['LoggingConfiguration'], value: { DestinationBucketName: { Ref: LOG_BUCKET.name } } }],
      terraform: {
        title: `Add aws_s3_bucket_logging to var.${LOG_BUCKET_TF.name} (a new variable, its value to fill in)`,
        path: [],
        value: '',
        variables: [LOG_BUCKET_TF],
        companion: {
          suffix: 'Logging',
          type: 'aws_s3_bucket_logging',
          body: (address) => [`bucket        = ${address}.id`, `target_bucket = var.${LOG_BUCKET_TF.name}`, `target_prefix = "${address.split('.').pop() ?? ''}/"`],
        },
        safety: 'placeholder',
      },
    },
  },
  'opensearch-audit-logs': {
    fixId: 'publish-audit-logs',
    fix: {
      title: `Publish AUDIT_LOGS to a new log group parameter ${SEARCH_LOG_GROUP.name} (its value to fill in)`,
      safety: 'placeholder',
      path: [],
      value: '',
      parameters: [SEARCH_LOG_GROUP],
      operations: [{ op: 'set', path: ['LogPublishingOptions', 'AUDIT_LOGS'], value: { Enabled: true, CloudWatchLogsLogGroupArn: { Ref: SEARCH_LOG_GROUP.name } } }],
      terraform: {
        title: `Add log_publishing_options AUDIT_LOGS to var.${SEARCH_LOG_GROUP_TF.name} (a new variable, its value to fill in)`,
        path: [],
        value: '',
        variables: [SEARCH_LOG_GROUP_TF],
        operations: [{ op: 'append', list: ['log_publishing_options'], match: 'log_type', items: [{ log_type: 'AUDIT_LOGS', cloudwatch_log_group_arn: { $hcl: `var.${SEARCH_LOG_GROUP_TF.name}` }, enabled: true }] }],
      },
    },
  },
  'apigw-access-logging': { fixId: 'set-access-logs', fix: apiAccessLogs('AccessLogSetting', REST_ACCESS_LOG_FORMAT) },
  'apigwv2-access-logging': { fixId: 'set-access-logs', fix: apiAccessLogs('AccessLogSettings', HTTP_ACCESS_LOG_FORMAT) },
  'cloudfront-logging': {
    fixId: 'set-logging',
    fix: {
      title: `Set DistributionConfig Logging to a new bucket parameter ${CLOUDFRONT_LOG_BUCKET.name} (its value to fill in)`,
      safety: 'placeholder',
      path: [],
      value: '',
      parameters: [CLOUDFRONT_LOG_BUCKET],
      operations: [{ op: 'set', path: ['DistributionConfig', 'Logging'], value: { Bucket: { Ref: CLOUDFRONT_LOG_BUCKET.name }, IncludeCookies: false } }],
      terraform: {
        title: `Set logging_config bucket = var.${CLOUDFRONT_LOG_BUCKET_TF.name} (a new variable, its value to fill in)`,
        path: [],
        value: '',
        variables: [CLOUDFRONT_LOG_BUCKET_TF],
        operations: [{ op: 'set', path: ['logging_config'], value: { bucket: { $hcl: `var.${CLOUDFRONT_LOG_BUCKET_TF.name}` }, include_cookies: false } }],
      },
    },
  },
  'waf-logging': {
    fixId: 'add-logging-configuration',
    fix: {
      title: `Add an AWS::WAFv2::LoggingConfiguration to a new destination parameter ${WAF_LOG_DESTINATION.name} (its value to fill in)`,
      safety: 'placeholder',
      path: [],
      value: '',
      parameters: [WAF_LOG_DESTINATION],
      operations: [],
      companion: {
        suffix: 'Logging',
        type: 'AWS::WAFv2::LoggingConfiguration',
        properties: (id) => ({ ResourceArn: { 'Fn::GetAtt': [id, 'Arn'] }, LogDestinationConfigs: [{ Ref: WAF_LOG_DESTINATION.name }] }),
      },
      terraform: {
        title: `Add aws_wafv2_web_acl_logging_configuration to var.${WAF_LOG_DESTINATION_TF.name} (a new variable, its value to fill in)`,
        path: [],
        value: '',
        variables: [WAF_LOG_DESTINATION_TF],
        companion: { suffix: 'Logging', type: 'aws_wafv2_web_acl_logging_configuration', body: (address) => [`resource_arn            = ${address}.arn`, `log_destination_configs = [var.${WAF_LOG_DESTINATION_TF.name}]`] },
        safety: 'placeholder',
      },
    },
  },
  'alb-waf': {
    fixId: 'associate-web-acl',
    fix: {
      title: `Add an AWS::WAFv2::WebACLAssociation with a new web ACL parameter ${WEB_ACL.name} (its value to fill in)`,
      safety: 'placeholder',
      path: [],
      value: '',
      parameters: [WEB_ACL],
      operations: [],
      companion: {
        suffix: 'WebAcl',
        type: 'AWS::WAFv2::WebACLAssociation',
        properties: (id) => ({ ResourceArn: { Ref: id }, WebACLArn: { Ref: WEB_ACL.name } }),
      },
      terraform: {
        title: `Add aws_wafv2_web_acl_association with var.${WEB_ACL_TF.name} (a new variable, its value to fill in)`,
        path: [],
        value: '',
        variables: [WEB_ACL_TF],
        companion: { suffix: 'WebAcl', type: 'aws_wafv2_web_acl_association', body: (address) => [`resource_arn = ${address}.arn`, `web_acl_arn  = var.${WEB_ACL_TF.name}`] },
        safety: 'placeholder',
      },
    },
  },
  'vpc-flow-logs': {
    fixId: 'add-flow-log',
    fix: {
      title: `Add an AWS::EC2::FlowLog of all traffic to a new bucket parameter ${FLOW_LOG_BUCKET.name} (its value to fill in)`,
      safety: 'placeholder',
      path: [],
      value: '',
      parameters: [FLOW_LOG_BUCKET],
      operations: [],
      companion: {
        suffix: 'FlowLog',
        type: 'AWS::EC2::FlowLog',
        properties: (id) => ({ ResourceId: { Ref: id }, ResourceType: 'VPC', TrafficType: 'ALL', LogDestinationType: 's3', LogDestination: { Ref: FLOW_LOG_BUCKET.name } }),
      },
      terraform: {
        title: `Add aws_flow_log of all traffic to var.${FLOW_LOG_BUCKET_TF.name} (a new variable, its value to fill in)`,
        path: [],
        value: '',
        variables: [FLOW_LOG_BUCKET_TF],
        companion: { suffix: 'FlowLog', type: 'aws_flow_log', body: (address) => [`vpc_id               = ${address}.id`, 'traffic_type         = "ALL"', 'log_destination_type = "s3"', `log_destination      = var.${FLOW_LOG_BUCKET_TF.name}`] },
        safety: 'placeholder',
      },
    },
  },
  'secret-rotation': {
    fixId: 'add-rotation-schedule',
    scope: { cloudformation: (_outcome, type) => type === 'AWS::SecretsManager::Secret', terraform: (_outcome, type) => type === 'aws_secretsmanager_secret' },
    fix: {
      title: `Add an AWS::SecretsManager::RotationSchedule every ${ROTATION_DAYS} days by a new function parameter ${ROTATION_LAMBDA.name} (its value to fill in)`,
      safety: 'placeholder',
      path: [],
      value: '',
      parameters: [ROTATION_LAMBDA],
      operations: [],
      companion: {
        suffix: 'Rotation',
        type: 'AWS::SecretsManager::RotationSchedule',
        properties: (id) => ({ SecretId: { Ref: id }, RotationLambdaARN: { Ref: ROTATION_LAMBDA.name }, RotationRules: { AutomaticallyAfterDays: ROTATION_DAYS } }),
      },
      terraform: {
        title: `Add aws_secretsmanager_secret_rotation every ${ROTATION_DAYS} days by var.${ROTATION_LAMBDA_TF.name} (a new variable, its value to fill in)`,
        path: [],
        value: '',
        variables: [ROTATION_LAMBDA_TF],
        companion: {
          suffix: 'Rotation',
          type: 'aws_secretsmanager_secret_rotation',
          body: (address) => [`secret_id           = ${address}.id`, `rotation_lambda_arn = var.${ROTATION_LAMBDA_TF.name}`, '', 'rotation_rules {', `  automatically_after_days = ${ROTATION_DAYS}`, '}'],
        },
        safety: 'placeholder',
      },
    },
  },
  'iam-password-policy': {
    fixId: 'set-password-policy',
    fix: {
      title: 'Require 14 characters of every class',
      safety: 'safe',
      path: [],
      value: '',
      terraform: {
        title: 'Set minimum_password_length = 14 and require_symbols, require_numbers, require_uppercase_characters, require_lowercase_characters = true',
        path: [],
        value: '',
        operations: [{ op: 'set', path: ['minimum_password_length'], value: 14 }, ...PASSWORD_POLICY.map((argument) => ({ op: 'set' as const, path: [argument], value: true }))],
      },
    },
  },
  'ec2-ssm-patching': {
    fixId: 'add-patch-association',
    fix: {
      title: 'Add an AWS::SSM::Association that installs patches on the instance weekly (AWS-RunPatchBaseline)',
      safety: 'safe',
      path: [],
      value: '',
      operations: [],
      companion: {
        suffix: 'Patching',
        type: 'AWS::SSM::Association',
        properties: (id) => ({ Name: 'AWS-RunPatchBaseline', ScheduleExpression: PATCH_SCHEDULE, Parameters: { Operation: ['Install'] }, Targets: [{ Key: 'InstanceIds', Values: [{ Ref: id }] }] }),
      },
      terraform: {
        title: 'Add aws_ssm_association that installs patches on the instance weekly (AWS-RunPatchBaseline)',
        path: [],
        value: '',
        companion: {
          suffix: 'Patching',
          type: 'aws_ssm_association',
          body: (address) => ['name                = "AWS-RunPatchBaseline"', `schedule_expression = "${PATCH_SCHEDULE}"`, 'parameters = {', '  Operation = "Install"', '}', '', 'targets {', '  key    = "InstanceIds"', `  values = [${address}.id]`, '}'],
        },
      },
    },
  },
  'emr-security-configuration': {
    fixId: 'set-security-configuration',
    scope: { cloudformation: (_outcome, type) => type === 'AWS::EMR::Cluster', terraform: (_outcome, type) => type === 'aws_emr_cluster' },
    fix: {
      title: `Set SecurityConfiguration to a new parameter ${EMR_SECURITY.name} (its value to fill in)`,
      safety: 'placeholder',
      path: [],
      value: '',
      parameters: [EMR_SECURITY],
      operations: [{ op: 'set', path: ['SecurityConfiguration'], value: { Ref: EMR_SECURITY.name } }],
      terraform: {
        title: `Set security_configuration = var.${EMR_SECURITY_TF.name} (a new variable, its value to fill in)`,
        path: [],
        value: '',
        variables: [EMR_SECURITY_TF],
        operations: [{ op: 'set', path: ['security_configuration'], value: { $hcl: `var.${EMR_SECURITY_TF.name}` } }],
      },
    },
  },
  // Terraform only: aws_api_gateway_stage exports its arn, which aws_wafv2_web_acl_association takes (the provider
  // pages). A CloudFormation stage has no Arn attribute: the association's ARN is built from the REST API id and the
  // stage name, which a companion cannot copy from the stage (fixGaps.ts).
  'apigw-waf': {
    fixId: 'associate-web-acl',
    scope: { cloudformation: false },
    fix: {
      title: `Add aws_wafv2_web_acl_association with var.${WEB_ACL_TF.name} (a new variable, its value to fill in)`,
      // No CloudFormation fix (no path, operations or companion): its safety describes nothing written.
      safety: 'safe',
      path: [],
      value: '',
      terraform: {
        title: `Add aws_wafv2_web_acl_association with var.${WEB_ACL_TF.name} (a new variable, its value to fill in)`,
        path: [],
        value: '',
        variables: [WEB_ACL_TF],
        companion: { suffix: 'WebAcl', type: 'aws_wafv2_web_acl_association', body: (address) => [`resource_arn = ${address}.arn`, `web_acl_arn  = var.${WEB_ACL_TF.name}`] },
        safety: 'placeholder',
      },
    },
  },
  'lambda-in-vpc': {
    fixId: 'set-vpc-config',
    fix: vpcPlacementFix('VpcConfig', 'vpc_config', LAMBDA_SUBNETS, LAMBDA_GROUPS, LAMBDA_SUBNETS_TF, LAMBDA_GROUPS_TF),
  },

  'opensearch-in-vpc': {
    fixId: 'set-vpc-options',
    fix: vpcPlacementFix('VPCOptions', 'vpc_options', SEARCH_SUBNETS, SEARCH_GROUPS, SEARCH_SUBNETS_TF, SEARCH_GROUPS_TF),
  },

  'cognito-user-pool-mfa': {
    fixId: 'optional-totp-mfa',
    fix: {
      title: `Set MfaConfiguration OPTIONAL with EnabledMfas SOFTWARE_TOKEN_MFA: ${COGNITO_MFA_TITLE}`,
      safety: 'safe',
      path: [],
      value: '',
      operations: [
        { op: 'set', path: ['MfaConfiguration'], value: 'OPTIONAL' },
        { op: 'append', list: ['EnabledMfas'], items: ['SOFTWARE_TOKEN_MFA'] },
      ],
      terraform: {
        title: `Set mfa_configuration = "OPTIONAL" with software_token_mfa_configuration enabled: ${COGNITO_MFA_TITLE}`,
        path: [],
        value: '',
        operations: [
          { op: 'set', path: ['mfa_configuration'], value: 'OPTIONAL' },
          { op: 'set', path: ['software_token_mfa_configuration'], value: { enabled: true } },
        ],
      },
    },
  },
  'ec2-no-public-ip': {
    fixId: 'no-public-ip',
    scope: { cloudformation: false, terraform: (outcome, type, resource) => type === 'aws_instance' && onTheResource(outcome) && !attachesInterfaces(resource) },
    fix: {
      title: 'Set associate_public_ip_address = false',
      // No CloudFormation fix (no path, operations or companion): its safety describes nothing written.
      safety: 'safe',
      path: [],
      value: '',
      terraform: {
        title: 'Set associate_public_ip_address = false',
        path: [],
        value: '',
        operations: [{ op: 'set', path: ['associate_public_ip_address'], value: false }],
        safety: 'replaces',
      },
    },
  },
  'opensearch-fgac': {
    fixId: 'enable-fgac',
    fix: {
      title: `Enable AdvancedSecurityOptions with an IAM master user, a new parameter ${SEARCH_MASTER.name} (its value to fill in), and the encryption and HTTPS it requires`,
      safety: 'placeholder',
      path: [],
      value: '',
      parameters: [SEARCH_MASTER],
      operations: [
        { op: 'set', path: ['AdvancedSecurityOptions'], value: { Enabled: true, InternalUserDatabaseEnabled: false, MasterUserOptions: { MasterUserARN: { Ref: SEARCH_MASTER.name } } } },
        { op: 'set', path: ['NodeToNodeEncryptionOptions', 'Enabled'], value: true },
        { op: 'set', path: ['EncryptionAtRestOptions', 'Enabled'], value: true },
        { op: 'set', path: ['DomainEndpointOptions', 'EnforceHTTPS'], value: true },
      ],
      terraform: {
        title: `Enable advanced_security_options with master_user_arn = var.${SEARCH_MASTER_TF.name} (a new variable, its value to fill in), and the encryption and HTTPS it requires`,
        path: [],
        value: '',
        variables: [SEARCH_MASTER_TF],
        operations: [
          { op: 'set', path: ['advanced_security_options'], value: { enabled: true, internal_user_database_enabled: false, master_user_options: { master_user_arn: { $hcl: `var.${SEARCH_MASTER_TF.name}` } } } },
          { op: 'set', path: ['node_to_node_encryption', 'enabled'], value: true },
          { op: 'set', path: ['encrypt_at_rest', 'enabled'], value: true },
          { op: 'set', path: ['domain_endpoint_options', 'enforce_https'], value: true },
        ],
      },
    },
  },
  'efs-access-point-identity': {
    fixId: 'set-posix-user',
    scope: { cloudformation: aboutPosixUser, terraform: aboutPosixUser },
    fix: {
      title: `Set PosixUser to new parameters ${EFS_UID.name}, ${EFS_GID.name} (their values to fill in)`,
      safety: 'placeholder',
      path: [],
      value: '',
      parameters: [EFS_UID, EFS_GID],
      operations: [{ op: 'set', path: ['PosixUser'], value: { Uid: { Ref: EFS_UID.name }, Gid: { Ref: EFS_GID.name } } }],
      terraform: {
        title: `Set posix_user to new variables ${EFS_UID_TF.name}, ${EFS_GID_TF.name} (their values to fill in)`,
        path: [],
        value: '',
        variables: [EFS_UID_TF, EFS_GID_TF],
        operations: [{ op: 'set', path: ['posix_user'], value: { uid: { $hcl: `var.${EFS_UID_TF.name}` }, gid: { $hcl: `var.${EFS_GID_TF.name}` } } }],
      },
    },
  },
  'alb-https-listener': {
    fixId: 'listen-on-https',
    fix: {
      title: `Set Protocol HTTPS with a certificate, a new parameter ${LISTENER_CERTIFICATE.name} (its value to fill in), and SslPolicy ${LISTENER_TLS_POLICY}`,
      safety: 'placeholder',
      path: [],
      value: '',
      parameters: [LISTENER_CERTIFICATE],
      operations: [
        { op: 'set', path: ['Protocol'], value: 'HTTPS' },
        { op: 'set', path: ['Certificates'], value: [{ CertificateArn: { Ref: LISTENER_CERTIFICATE.name } }] },
        { op: 'set', path: ['SslPolicy'], value: LISTENER_TLS_POLICY },
      ],
      terraform: {
        title: `Set protocol = "HTTPS" with certificate_arn = var.${LISTENER_CERTIFICATE_TF.name} (a new variable, its value to fill in) and ssl_policy = "${LISTENER_TLS_POLICY}"`,
        path: [],
        value: '',
        variables: [LISTENER_CERTIFICATE_TF],
        operations: [
          { op: 'set', path: ['protocol'], value: 'HTTPS' },
          { op: 'set', path: ['certificate_arn'], value: { $hcl: `var.${LISTENER_CERTIFICATE_TF.name}` } },
          { op: 'set', path: ['ssl_policy'], value: LISTENER_TLS_POLICY },
        ],
      },
    },
  },
};
