// Every rule that lists Terraform resource types has a Terraform reader, and the readers added for the custom
// rules judge like their CloudFormation siblings.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { getRule, listRules } from '../../../server/src/analysis/rules/registry';
import { expectFindings } from '../support/ruleTester';
import { expectTerraformFindings } from '../support/terraformTester';

test('no rule lists Terraform types without a Terraform reader', () => {
  const missing = listRules().filter((meta) => meta.resourceTypes.terraform.length > 0 && getRule(meta.id)?.terraform === undefined).map((meta) => meta.id);
  assert.deepEqual(missing, []);
});

describe('parameter-group TLS (Terraform)', () => {
  test('rds-force-tls: group by reference with rds.force_ssl 0, default group, literal group name; PostgreSQL 15+ default passes', () => {
    const rule = 'rds-force-tls';
    expectTerraformFindings(`resource "aws_db_parameter_group" "pg" {
  name   = "app-pg"
  family = "postgres14"
  parameter {
    name  = "rds.force_ssl"
    value = "0"
  }
}
resource "aws_db_instance" "a" {
  engine               = "postgres"
  engine_version       = "14.10"
  parameter_group_name = ⟦aws_db_parameter_group.pg.name⟧
}
resource "aws_db_instance" "b" {
  engine               = "mysql"
  parameter_group_name = ⟦"default.mysql8.0"⟧
}
resource "aws_db_instance" "c" {
  engine               = "postgres"
  engine_version       = "14.10"
  parameter_group_name = ⟦"app-pg"⟧
}
resource "aws_db_instance" "modern" {
  engine         = "postgres"
  engine_version = "16.3"
}
resource "aws_db_instance" ⟦"old"⟧ {
  engine         = "postgres"
  engine_version = "13.7"
}
`, rule, [
      { ruleId: rule, message: ["rds.force_ssl is '0' in parameter group aws_db_parameter_group.pg"] },
      { ruleId: rule, message: ["parameter_group_name is the default group 'default.mysql8.0'", 'parameter { name = "require_secure_transport" value = "ON" }'] },
      { ruleId: rule, message: ["rds.force_ssl is '0' in parameter group aws_db_parameter_group.pg"] },
      { ruleId: rule, message: ['parameter_group_name is not set', 'parameter { name = "rds.force_ssl" value = "1" }'] },
    ]);
  });
  test('rds-force-tls: a cluster parameter group that forces TLS passes', () => {
    expectTerraformFindings(`resource "aws_rds_cluster_parameter_group" "cpg" {
  family = "aurora-postgresql15"
  parameter {
    name  = "rds.force_ssl"
    value = "1"
  }
}
resource "aws_rds_cluster" "db" {
  engine                          = "aurora-postgresql"
  db_cluster_parameter_group_name = aws_rds_cluster_parameter_group.cpg.name
}
`, 'rds-force-tls');
  });
  test('redshift-require-ssl and docdb-tls', () => {
    expectTerraformFindings(`resource "aws_redshift_parameter_group" "g" {
  family = "redshift-1.0"
  parameter {
    name  = "require_ssl"
    value = "false"
  }
}
resource "aws_redshift_cluster" "r" {
  cluster_parameter_group_name = ⟦aws_redshift_parameter_group.g.name⟧
}
resource "aws_redshift_cluster" "plain" {}
`, 'redshift-require-ssl', [{ ruleId: 'redshift-require-ssl', message: ["require_ssl is 'false'"] }]);
    expectTerraformFindings(`resource "aws_docdb_cluster_parameter_group" "g" {
  family = "docdb5.0"
  parameter {
    name  = "tls"
    value = "disabled"
  }
}
resource "aws_docdb_cluster" "d" {
  db_cluster_parameter_group_name = ⟦aws_docdb_cluster_parameter_group.g.name⟧
}
resource "aws_docdb_cluster" "plain" {}
`, 'docdb-tls', [{ ruleId: 'docdb-tls', message: ["tls is 'disabled'"] }]);
  });
});

describe('log exports (Terraform)', () => {
  test('rds-log-exports, rds-cluster-log-exports, docdb-audit-logs, neptune-audit-logs', () => {
    expectTerraformFindings(`resource "aws_db_instance" ⟦"none"⟧ {
  engine = "mysql"
}
resource "aws_db_instance" "wrong" {
  engine                          = "postgres"
  enabled_cloudwatch_logs_exports = ⟦["upgrade"]⟧
}
resource "aws_db_instance" "ok" {
  engine                          = "postgres"
  enabled_cloudwatch_logs_exports = ["postgresql", "upgrade"]
}
`, 'rds-log-exports', [{ ruleId: 'rds-log-exports', message: ['enabled_cloudwatch_logs_exports is not set'] }, { ruleId: 'rds-log-exports', message: ["without 'postgresql'"] }]);
    expectTerraformFindings(`resource "aws_rds_cluster" ⟦"a"⟧ {
  engine = "aurora-mysql"
}
resource "aws_rds_cluster" "v1" {
  engine      = "aurora-mysql"
  engine_mode = "serverless"
}
`, 'rds-cluster-log-exports', [{ ruleId: 'rds-cluster-log-exports', message: ['enabled_cloudwatch_logs_exports is not set'] }]);
    expectTerraformFindings(`resource "aws_docdb_cluster" "d" {
  enabled_cloudwatch_logs_exports = ⟦["profiler"]⟧
}
`, 'docdb-audit-logs', [{ ruleId: 'docdb-audit-logs', message: ["without 'audit'"] }]);
    expectTerraformFindings(`resource "aws_neptune_cluster" "n" {
  enable_cloudwatch_logs_exports = ["audit"]
}
resource "aws_neptune_cluster" ⟦"m"⟧ {}
`, 'neptune-audit-logs', [{ ruleId: 'neptune-audit-logs', message: ['enable_cloudwatch_logs_exports is not set'] }]);
  });
});

describe('OpenSearch and MSK in transit (Terraform)', () => {
  test('opensearch-https-tls: HTTPS off, HTTPS defaulted in a block with an old policy, and a good domain', () => {
    expectTerraformFindings(`resource "aws_opensearch_domain" "bare" {
  domain_endpoint_options {
    enforce_https       = ⟦false⟧
    tls_security_policy = "Policy-Min-TLS-1-2-2019-07"
  }
}
resource "aws_opensearch_domain" "old" {
  domain_endpoint_options {
    tls_security_policy = ⟦"Policy-Min-TLS-1-0-2019-07"⟧
  }
}
resource "aws_opensearch_domain" "good" {
  domain_endpoint_options {
    enforce_https       = true
    tls_security_policy = "Policy-Min-TLS-1-2-PFS-2023-10"
  }
}
`, 'opensearch-https-tls', [{ ruleId: 'opensearch-https-tls', message: ['enforce_https is false'] }, { ruleId: 'opensearch-https-tls', message: ['TLS 1.0 or 1.1'] }]);
  });
  test('msk-in-transit: plaintext client traffic; defaults pass', () => {
    expectTerraformFindings(`resource "aws_msk_cluster" "k" {
  encryption_info {
    encryption_in_transit {
      client_broker = ⟦"TLS_PLAINTEXT"⟧
    }
  }
}
resource "aws_msk_cluster" "d" {}
`, 'msk-in-transit', [{ ruleId: 'msk-in-transit', message: ["client_broker is 'TLS_PLAINTEXT'"] }]);
  });
});

describe('element rules (Terraform)', () => {
  test('ec2-ebs-encrypted reads root_block_device and ebs_block_device; a missing root block is a hint', () => {
    expectTerraformFindings(`resource "aws_instance" "a" {
  root_block_device {
    encrypted = true
  }
  ebs_block_device {
    device_name = "/dev/sdf"
    encrypted   = ⟦false⟧
  }
}
resource "aws_instance" ⟦"b"⟧ {}
`, 'ec2-ebs-encrypted', [{ ruleId: 'ec2-ebs-encrypted', message: ['encrypted is false'] }, { ruleId: 'ec2-ebs-encrypted', severity: 'info', message: ['Depends on the deployment', 'root_block_device and ebs_block_device are not set'] }]);
  });
  test('lt-ebs-encrypted, ecs-efs-transit-encryption, cloudfront-origin-https, cloudfront-s3-oac', () => {
    expectTerraformFindings(`resource "aws_launch_template" "lt" {
  block_device_mappings {
    device_name = "/dev/xvda"
    ebs {
      encrypted = ⟦"false"⟧
    }
  }
}
resource "aws_launch_template" ⟦"none"⟧ {}
`, 'lt-ebs-encrypted', [{ ruleId: 'lt-ebs-encrypted', message: ["ebs.encrypted is 'false'"] }, { ruleId: 'lt-ebs-encrypted', severity: 'info', message: ['Depends on the deployment', 'block_device_mappings is not set', 'AMI\'s snapshot'] }]);
    expectTerraformFindings(`resource "aws_ecs_task_definition" "t" {
  volume {
    name = "data"
    efs_volume_configuration {
      file_system_id     = "fs-1"
      transit_encryption = ⟦"DISABLED"⟧
    }
  }
  volume {
    name = "scratch"
  }
}
`, 'ecs-efs-transit-encryption', [{ ruleId: 'ecs-efs-transit-encryption', message: ["transit_encryption is 'DISABLED'"] }]);
    const distribution = `resource "aws_s3_bucket" "site" {}
resource "aws_cloudfront_distribution" "d" {
  origin {
    domain_name = aws_s3_bucket.site.bucket_regional_domain_name
    origin_id   = "s3"
  }
  origin {
    domain_name = "api.example.com"
    origin_id   = "api"
    custom_origin_config {
      origin_protocol_policy = ⟦"http-only"⟧
    }
  }
}
`;
    expectTerraformFindings(distribution, 'cloudfront-origin-https', [{ ruleId: 'cloudfront-origin-https', message: ["origin_protocol_policy is 'http-only'"] }]);
    expectTerraformFindings(distribution.replace('domain_name = aws_s3_bucket.site.bucket_regional_domain_name\n    origin_id   = "s3"', '⟦domain_name = aws_s3_bucket.site.bucket_regional_domain_name\n    origin_id   = "s3"⟧').replace('⟦"http-only"⟧', '"http-only"'),
      'cloudfront-s3-oac', [{ ruleId: 'cloudfront-s3-oac', message: ['origin_access_control_id is not set'] }]);
  });
});

describe('network custom rules (Terraform)', () => {
  test('cloudfront-viewer-https and cloudfront-min-tls', () => {
    const text = `resource "aws_cloudfront_distribution" "d" {
  default_cache_behavior {
    viewer_protocol_policy = ⟦"allow-all"⟧
  }
  ordered_cache_behavior {
    viewer_protocol_policy = "redirect-to-https"
  }
  viewer_certificate {
    cloudfront_default_certificate = true
  }
}
`;
    expectTerraformFindings(text, 'cloudfront-viewer-https', [{ ruleId: 'cloudfront-viewer-https', message: ["viewer_protocol_policy is 'allow-all'"] }]);
    expectTerraformFindings(text.replace('⟦"allow-all"⟧', '"https-only"').replace('viewer_certificate {', '⟦viewer_certificate {').replace('= true\n  }', '= true\n  }⟧'),
      'cloudfront-min-tls', [{ ruleId: 'cloudfront-min-tls', severity: 'info', message: ['default *.cloudfront.net certificate'] }]);
    expectTerraformFindings(`resource "aws_cloudfront_distribution" "d" {
  viewer_certificate {
    acm_certificate_arn      = "arn:aws:acm:us-east-1:1:certificate/x"
    minimum_protocol_version = ⟦"TLSv1"⟧
  }
}
`, 'cloudfront-min-tls', [{ ruleId: 'cloudfront-min-tls', message: ["minimum_protocol_version is 'TLSv1'"] }]);
  });
  test('alb attributes, WAF association and WAF logging', () => {
    const text = `resource "aws_lb" ⟦"web"⟧ {
  load_balancer_type = "application"
}
resource "aws_lb" "net" {
  load_balancer_type = "network"
}
`;
    expectTerraformFindings(text, 'alb-drop-invalid-headers', [{ ruleId: 'alb-drop-invalid-headers', message: ['drop_invalid_header_fields is not set'] }]);
    expectTerraformFindings(text, 'alb-waf', [{ ruleId: 'alb-waf', message: ['No aws_wafv2_web_acl_association in this module points at it'] }]);
    expectTerraformFindings(`resource "aws_lb" "web" {
  drop_invalid_header_fields = true
  access_logs {
    bucket  = "logs"
    enabled = ⟦false⟧
  }
}
resource "aws_wafv2_web_acl_association" "a" {
  resource_arn = aws_lb.web.arn
  web_acl_arn  = aws_wafv2_web_acl.acl.arn
}
resource "aws_wafv2_web_acl" "acl" {}
`, 'alb-access-logs', [{ ruleId: 'alb-access-logs', message: ['access_logs.enabled is false'] }]);
    expectTerraformFindings(`resource "aws_wafv2_web_acl" ⟦"acl"⟧ {}
resource "aws_wafv2_web_acl" "logged" {}
resource "aws_wafv2_web_acl_logging_configuration" "l" {
  resource_arn            = aws_wafv2_web_acl.logged.arn
  log_destination_configs = ["arn:aws:firehose:x"]
}
`, 'waf-logging', [{ ruleId: 'waf-logging', message: ['points at this web ACL'] }]);
  });
  test('apigw-execution-logging through aws_api_gateway_method_settings', () => {
    expectTerraformFindings(`resource "aws_api_gateway_stage" ⟦"off"⟧ {
  stage_name = "prod"
}
resource "aws_api_gateway_stage" "on" {
  stage_name = "live"
}
resource "aws_api_gateway_method_settings" "all" {
  rest_api_id = "x"
  stage_name  = aws_api_gateway_stage.on.stage_name
  method_path = "*/*"
  settings {
    logging_level = "INFO"
  }
}
`, 'apigw-execution-logging', [{ ruleId: 'apigw-execution-logging', message: ['No aws_api_gateway_method_settings in this module names this stage'] }]);
  });
});

describe('rule fixes found on the Terraform corpus', () => {
  test('ebs-volume-cmk leaves an unencrypted volume to ebs-volume-encrypted in both formats', () => {
    expectTerraformFindings(`resource "aws_ebs_volume" "v" {
  availability_zone = "eu-west-1a"
  encrypted         = false
}
resource "aws_ebs_volume" ⟦"e"⟧ {
  availability_zone = "eu-west-1a"
  encrypted         = true
}
`, 'ebs-volume-cmk', [{ ruleId: 'ebs-volume-cmk', message: ['aws/ebs'] }]);
    expectFindings('t.yaml', 'Resources:\n  V:\n    Type: AWS::EC2::Volume\n    Properties:\n      AvailabilityZone: eu-west-1a\n      Encrypted: false\n', 'ebs-volume-cmk');
  });
  test('rds-iam-auth skips SQL Server and Oracle, checks MySQL, MariaDB and PostgreSQL, in both formats', () => {
    expectTerraformFindings(`resource "aws_db_instance" "sql" {
  engine = "sqlserver-se"
}
resource "aws_db_instance" "ora" {
  engine = "oracle-ee"
}
resource "aws_db_instance" ⟦"maria"⟧ {
  engine = "mariadb"
}
`, 'rds-iam-auth', [{ ruleId: 'rds-iam-auth', message: ['iam_database_authentication_enabled is not set'] }]);
    const instance = (engine: string, marked = false) => `Resources:\n  ${marked ? '⟦DB⟧' : 'DB'}:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      Engine: ${engine}\n`;
    expectFindings('t.yaml', instance('sqlserver-ex'), 'rds-iam-auth');
    expectFindings('t.yaml', instance('oracle-se2'), 'rds-iam-auth');
    expectFindings('t.yaml', instance('postgres', true), 'rds-iam-auth', [{ ruleId: 'rds-iam-auth', message: ['EnableIAMDatabaseAuthentication is not set'] }]);
  });
});

describe('security group high-risk ports and VPC flow logs (Terraform)', () => {
  test('sg-no-world-high-risk-ports shares the world-range walk of sg-open-admin-ports', () => {
    expectTerraformFindings(`resource "aws_security_group" "db" {
  ingress {
    from_port   = 5432
    to_port     = 5432
    protocol    = "tcp"
    cidr_blocks = [⟦"0.0.0.0/0"⟧]
  }
  ingress {
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}
resource "aws_vpc_security_group_ingress_rule" "mysql" {
  security_group_id = aws_security_group.db.id
  cidr_ipv4         = ⟦"0.0.0.0/0"⟧
  from_port         = 3306
  to_port           = 3306
  ip_protocol       = "tcp"
}
`, 'sg-no-world-high-risk-ports', [
      { ruleId: 'sg-no-world-high-risk-ports', message: ['PostgreSQL (port 5432) is open to the internet', "cidr_blocks contains '0.0.0.0/0'"] },
      { ruleId: 'sg-no-world-high-risk-ports', message: ['MySQL (port 3306) is open', "cidr_ipv4 is '0.0.0.0/0'"] },
    ]);
  });
  test('vpc-flow-logs: an aws_flow_log pointing at the VPC', () => {
    expectTerraformFindings(`resource "aws_vpc" ⟦"bare"⟧ {}
resource "aws_vpc" "logged" {}
resource "aws_flow_log" "f" {
  vpc_id       = aws_vpc.logged.id
  traffic_type = "ALL"
}
`, 'vpc-flow-logs', [{ ruleId: 'vpc-flow-logs', message: ['No aws_flow_log in this module points at this VPC'] }]);
  });
});

describe('eks-control-plane-logging (Terraform)', () => {
  test('enabled_cluster_log_types must include audit; absent is reported on the label', () => {
    const rule = 'eks-control-plane-logging';
    expectTerraformFindings(`resource "aws_eks_cluster" "a" {
  enabled_cluster_log_types = ⟦["api", "authenticator"]⟧
}
resource "aws_eks_cluster" ⟦"b"⟧ {}
resource "aws_eks_cluster" "ok" {
  enabled_cluster_log_types = ["api", "audit"]
}
`, rule, [{ ruleId: rule, message: ["enabled_cluster_log_types does not include 'audit'"] }, { ruleId: rule, message: ['enabled_cluster_log_types is not set'] }]);
  });
});

describe('Elastic Beanstalk options (Terraform)', () => {
  const good = `  setting {
    namespace = "aws:elasticbeanstalk:managedactions"
    name      = "ManagedActionsEnabled"
    value     = "true"
  }
  setting {
    namespace = "aws:elasticbeanstalk:managedactions:platformupdate"
    name      = "UpdateLevel"
    value     = "minor"
  }
  setting {
    namespace = "aws:elasticbeanstalk:cloudwatch:logs"
    name      = "StreamLogs"
    value     = "true"
  }
`;
  test('eb-managed-platform-updates: setting blocks on the environment, or on the configuration template it names', () => {
    const rule = 'eb-managed-platform-updates';
    expectTerraformFindings(`resource "aws_elastic_beanstalk_environment" "ok" {
  application = "app"
${good}}
resource "aws_elastic_beanstalk_environment" "off" {
  application = "app"
${good.replace('value     = "true"', 'value     = ⟦"false"⟧')}}
resource "aws_elastic_beanstalk_environment" ⟦"bare"⟧ {
  application = "app"
}
resource "aws_elastic_beanstalk_configuration_template" "t" {
  name        = "base"
  application = "app"
${good}}
resource "aws_elastic_beanstalk_environment" "by_reference" {
  application   = "app"
  template_name = aws_elastic_beanstalk_configuration_template.t.name
}
resource "aws_elastic_beanstalk_environment" "by_name" {
  application   = "app"
  template_name = "base"
}
resource "aws_elastic_beanstalk_environment" "elsewhere" {
  application   = "app"
  template_name = "defined-elsewhere"
}
`, rule, [
      { ruleId: rule, message: ["ManagedActionsEnabled is 'false'"] },
      { ruleId: rule, message: ['ManagedActionsEnabled is not set'] },
    ]);
  });
  test('eb-stream-logs: StreamLogs in a setting block, in a named template, or missing', () => {
    const rule = 'eb-stream-logs';
    expectTerraformFindings(`resource "aws_elastic_beanstalk_configuration_template" "quiet" {
  name        = "quiet"
  application = "app"
  setting {
    namespace = "aws:elasticbeanstalk:cloudwatch:logs"
    name      = "StreamLogs"
    value     = ⟦"false"⟧
  }
}
resource "aws_elastic_beanstalk_environment" "templated" {
  application   = "app"
  template_name = aws_elastic_beanstalk_configuration_template.quiet.name
}
resource "aws_elastic_beanstalk_environment" ⟦"bare"⟧ {
  application = "app"
}
resource "aws_elastic_beanstalk_environment" "ok" {
  application = "app"
${good}}
`, rule, [{ ruleId: rule, message: ["StreamLogs is 'false'"] }, { ruleId: rule, message: ['StreamLogs is not set'] }]);
  });
});

describe('emr-security-configuration (Terraform)', () => {
  test('the cluster names a configuration; jsonencode and JSON-string configurations must encrypt at rest and in transit', () => {
    const rule = 'emr-security-configuration';
    expectTerraformFindings(`resource "aws_emr_cluster" ⟦"bare"⟧ {
  name = "c"
}
resource "aws_emr_cluster" "named" {
  name                   = "d"
  security_configuration = aws_emr_security_configuration.good.name
}
resource "aws_emr_security_configuration" "good" {
  configuration = jsonencode({
    EncryptionConfiguration = {
      EnableAtRestEncryption    = true
      EnableInTransitEncryption = true
    }
  })
}
resource "aws_emr_security_configuration" "transit_off" {
  configuration = jsonencode({
    EncryptionConfiguration = {
      EnableAtRestEncryption    = true
      EnableInTransitEncryption = ⟦false⟧
    }
  })
}
resource "aws_emr_security_configuration" "string" {
  configuration = ⟦"{\\"EncryptionConfiguration\\": {\\"EnableInTransitEncryption\\": true}}"⟧
}
resource "aws_emr_security_configuration" "from_file" {
  configuration = file("security.json")
}
`, rule, [
      { ruleId: rule, message: ['no security configuration'] },
      { ruleId: rule, message: ['EnableInTransitEncryption is false', 'in transit'] },
      { ruleId: rule, message: ['EnableAtRestEncryption is not set', 'at rest'] },
    ]);
  });
});

describe('ec2-ssm-patching (Terraform)', () => {
  test('an AWS-RunPatchBaseline association targeting the instance by id or tag, or a maintenance window task, discharges it', () => {
    const rule = 'ec2-ssm-patching';
    expectTerraformFindings(`resource "aws_instance" "by_id" {
  ami = "ami-1"
}
resource "aws_instance" "by_tag" {
  ami  = "ami-1"
  tags = { Patch = "yes" }
}
resource "aws_instance" ⟦"untargeted"⟧ {
  ami  = "ami-1"
  tags = { Patch = "no" }
}
resource "aws_ssm_association" "ids" {
  name = "AWS-RunPatchBaseline"
  targets {
    key    = "InstanceIds"
    values = [aws_instance.by_id.id]
  }
}
resource "aws_ssm_association" "tags" {
  name = "AWS-RunPatchBaseline"
  targets {
    key    = "tag:Patch"
    values = ["yes"]
  }
}
`, rule, [{ ruleId: rule, severity: 'info', message: ['runs AWS-RunPatchBaseline on this instance', 'aws_ssm_association.ids, aws_ssm_association.tags target other instances'] }]);
    expectTerraformFindings(`resource "aws_instance" ⟦"lonely"⟧ {
  ami = "ami-1"
}
`, rule, [{ ruleId: rule, severity: 'info', message: ['No SSM association or maintenance window task in this module'] }]);
    expectTerraformFindings(`resource "aws_instance" "a" {
  ami = "ami-1"
}
resource "aws_ssm_maintenance_window_task" "patch" {
  window_id = "mw-1"
  task_type = "RUN_COMMAND"
  task_arn  = "AWS-RunPatchBaseline"
}
`, rule);
  });
  test('CloudFormation: an association whose InstanceIds name another instance does not count', () => {
    expectFindings('t.yaml', `Resources:
  A:
    Type: AWS::EC2::Instance
    Properties:
      ImageId: ami-1
  ⟦B⟧:
    Type: AWS::EC2::Instance
    Properties:
      ImageId: ami-1
  Patch:
    Type: AWS::SSM::Association
    Properties:
      Name: AWS-RunPatchBaseline
      Targets:
        - Key: InstanceIds
          Values: [!Ref A]
`, 'ec2-ssm-patching', [{ ruleId: 'ec2-ssm-patching', message: ['Patch targets other instances'] }]);
  });
});

describe('codebuild-no-plaintext-credentials (Terraform)', () => {
  test('environment_variable blocks: type defaults to PLAINTEXT; SECRETS_MANAGER and non-credential names pass', () => {
    const rule = 'codebuild-no-plaintext-credentials';
    expectTerraformFindings(`resource "aws_codebuild_project" "p" {
  environment {
    compute_type = "BUILD_GENERAL1_SMALL"
    image        = "aws/codebuild/standard:7.0"
    type         = "LINUX_CONTAINER"
    environment_variable {
      name  = "GITHUB_TOKEN"
      value = ⟦"ghp_x"⟧
    }
    environment_variable {
      name  = "DB_PASSWORD"
      value = ⟦"hunter2"⟧
      type  = "PLAINTEXT"
    }
    environment_variable {
      name  = "NPM_TOKEN"
      value = "npm-token"
      type  = "SECRETS_MANAGER"
    }
    environment_variable {
      name  = "STAGE"
      value = "prod"
    }
  }
}
resource "aws_codebuild_project" "clean" {
  environment {
    image = "aws/codebuild/standard:7.0"
  }
}
`, rule, [
      { ruleId: rule, message: ["'GITHUB_TOKEN' is PLAINTEXT (type is not set)"] },
      { ruleId: rule, message: ["'DB_PASSWORD' is of type PLAINTEXT"] },
    ]);
  });
});

describe('sg-egress-restricted (Terraform)', () => {
  test('egress blocks and egress rule resources; a group without egress blocks has no egress in Terraform', () => {
    const rule = 'sg-egress-restricted';
    expectTerraformFindings(`resource "aws_security_group" "none" {
  description = "no egress blocks: the provider removes the default allow-all rule"
}
resource "aws_security_group" "open" {
  egress {
    protocol         = "-1"
    from_port        = 0
    to_port          = 0
    cidr_blocks      = [⟦"0.0.0.0/0"⟧]
    ipv6_cidr_blocks = ["::/0"]
  }
}
resource "aws_security_group" "https" {
  egress {
    protocol    = "tcp"
    from_port   = 443
    to_port     = 443
    cidr_blocks = ["0.0.0.0/0"]
  }
}
resource "aws_security_group_rule" "all_out" {
  type              = "egress"
  security_group_id = aws_security_group.none.id
  protocol          = "all"
  from_port         = 0
  to_port           = 65535
  ipv6_cidr_blocks  = [⟦"::/0"⟧]
}
resource "aws_security_group_rule" "all_in" {
  type              = "ingress"
  security_group_id = aws_security_group.none.id
  protocol          = "-1"
  from_port         = 0
  to_port           = 0
  cidr_blocks       = ["10.0.0.0/8"]
}
resource "aws_vpc_security_group_egress_rule" "v4" {
  security_group_id = aws_security_group.none.id
  ip_protocol       = "-1"
  cidr_ipv4         = ⟦"0.0.0.0/0"⟧
}
resource "aws_vpc_security_group_egress_rule" "dns" {
  security_group_id = aws_security_group.none.id
  ip_protocol       = "udp"
  from_port         = 53
  to_port           = 53
  cidr_ipv4         = "0.0.0.0/0"
}
`, rule, [
      { ruleId: rule, message: ["cidr_blocks contains '0.0.0.0/0'"] },
      { ruleId: rule, message: ["ipv6_cidr_blocks contains '::/0'"] },
      { ruleId: rule, message: ["cidr_ipv4 is '0.0.0.0/0'"] },
    ]);
  });
});

describe('nacl-no-world-admin-ports (Terraform)', () => {
  test('inline ingress blocks and aws_network_acl_rule: allow entries opening SSH, RDP or all ports to the world', () => {
    const rule = 'nacl-no-world-admin-ports';
    expectTerraformFindings(`resource "aws_network_acl" "a" {
  vpc_id = "vpc-1"
  ingress {
    rule_no    = 100
    protocol   = "tcp"
    action     = "allow"
    cidr_block = ⟦"0.0.0.0/0"⟧
    from_port  = 0
    to_port    = 1024
  }
  ingress {
    rule_no    = 110
    protocol   = "tcp"
    action     = "allow"
    cidr_block = "0.0.0.0/0"
    from_port  = 443
    to_port    = 443
  }
  ingress {
    rule_no    = 120
    protocol   = "tcp"
    action     = "deny"
    cidr_block = "0.0.0.0/0"
    from_port  = 3389
    to_port    = 3389
  }
  egress {
    rule_no    = 100
    protocol   = "-1"
    action     = "allow"
    cidr_block = "0.0.0.0/0"
    from_port  = 0
    to_port    = 0
  }
}
resource "aws_network_acl" "scoped" {
  vpc_id = "vpc-1"
  ingress {
    rule_no    = 100
    protocol   = "tcp"
    action     = "allow"
    cidr_block = "10.0.0.0/8"
    from_port  = 22
    to_port    = 22
  }
}
resource "aws_network_acl_rule" "rdp" {
  network_acl_id  = aws_network_acl.scoped.id
  rule_number     = 200
  egress          = false
  protocol        = "6"
  rule_action     = "allow"
  ipv6_cidr_block = ⟦"::/0"⟧
  from_port       = 3389
  to_port         = 3389
}
resource "aws_network_acl_rule" "all" {
  network_acl_id = aws_network_acl.scoped.id
  rule_number    = 210
  protocol       = "-1"
  rule_action    = "allow"
  cidr_block     = ⟦"0.0.0.0/0"⟧
}
resource "aws_network_acl_rule" "out" {
  network_acl_id = aws_network_acl.scoped.id
  rule_number    = 220
  egress         = true
  protocol       = "-1"
  rule_action    = "allow"
  cidr_block     = "0.0.0.0/0"
}
`, rule, [
      { ruleId: rule, message: ['SSH (port 22) is allowed in from the internet', "cidr_block is '0.0.0.0/0'"] },
      { ruleId: rule, message: ['RDP (port 3389) is allowed', "ipv6_cidr_block is '::/0'"] },
      { ruleId: rule, message: ['All ports are allowed'] },
    ]);
  });
});
