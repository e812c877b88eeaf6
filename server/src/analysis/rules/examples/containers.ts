// Examples for the rules of this family (see ./types.ts).
import type { RuleExamples } from './types';

export const EXAMPLES: readonly RuleExamples[] = [
  {
    rule: 'ecs-no-privileged',
    cloudformation: {
      good: [
        {
          name: 'Privileged absent (defaults to false) or false',
          code: `Resources:
  Task:
    Type: AWS::ECS::TaskDefinition
    Properties:
      ContainerDefinitions:
        - Name: web
          Image: nginx
        - Name: agent
          Image: datadog/agent
          Privileged: false
`,
        },
        {
          name: 'ContainerDefinitions given as a parameter cannot be read: cannot be checked, no finding',
          code: `Parameters:
  Containers:
    Type: String
Resources:
  Task:
    Type: AWS::ECS::TaskDefinition
    Properties:
      ContainerDefinitions: !Ref Containers
`,
        },
      ],
      bad: [
        {
          name: 'a privileged container',
          code: `Resources:
  Task:
    Type: AWS::ECS::TaskDefinition
    Properties:
      ContainerDefinitions:
        - Name: web
          Image: nginx
          Privileged: ⟦true⟧
`,
          expect: [{ severity: 'warning', message: ['ContainerDefinitions.Privileged is true', 'root access to the host'] }],
        },
      ],
    },
    terraform: {
      good: [
        {
          name: 'jsonencode without privileged, or privileged = false',
          code: `resource "aws_ecs_task_definition" "task" {
  family = "web"
  container_definitions = jsonencode([
    { name = "web", image = "nginx" },
    { name = "agent", image = "datadog/agent", privileged = false },
  ])
}
`,
        },
        {
          name: 'a JSON heredoc with "privileged": false',
          code: `resource "aws_ecs_task_definition" "task" {
  family                = "web"
  container_definitions = <<JSON
[{"name": "web", "image": "nginx", "privileged": false}]
JSON
}
`,
        },
        {
          name: 'container definitions from a file cannot be read: cannot be checked, no finding',
          code: `resource "aws_ecs_task_definition" "task" {
  family                = "web"
  container_definitions = file("containers.json")
}
`,
        },
      ],
      bad: [
        {
          name: 'privileged = true in jsonencode',
          code: `resource "aws_ecs_task_definition" "task" {
  family = "web"
  container_definitions = jsonencode([
    { name = "web", image = "nginx", privileged = ⟦true⟧ },
  ])
}
`,
          expect: [{ severity: 'warning', message: ["privileged of container 'web' is true", 'root access to the host'] }],
        },
      ],
    },
  },
  {
    rule: 'ecs-readonly-rootfs',
    cloudformation: {
      good: [
        {
          name: 'every container has a read-only root file system',
          code: `Resources:
  Task:
    Type: AWS::ECS::TaskDefinition
    Properties:
      ContainerDefinitions:
        - Name: web
          Image: nginx
          ReadonlyRootFilesystem: true
`,
        },
      ],
      bad: [
        {
          name: 'ReadonlyRootFilesystem false',
          code: `Resources:
  Task:
    Type: AWS::ECS::TaskDefinition
    Properties:
      ContainerDefinitions:
        - Name: web
          Image: nginx
          ReadonlyRootFilesystem: ⟦false⟧
`,
          expect: [{ severity: 'warning', message: ['ReadonlyRootFilesystem is false', 'write and persist'] }],
        },
        {
          name: 'ReadonlyRootFilesystem not set (writable by default)',
          code: `Resources:
  ⟦Task⟧:
    Type: AWS::ECS::TaskDefinition
    Properties:
      ContainerDefinitions:
        - Name: web
          Image: nginx
`,
          expect: [{ severity: 'warning', message: ['ReadonlyRootFilesystem is not set', 'root file system is writable'] }],
        },
      ],
    },
    terraform: {
      good: [
        {
          name: 'readonlyRootFilesystem = true in every container',
          code: `resource "aws_ecs_task_definition" "task" {
  family = "web"
  container_definitions = jsonencode([
    { name = "web", image = "nginx", readonlyRootFilesystem = true },
  ])
}
`,
        },
        {
          name: 'containers from a local, through jsonencode',
          code: `locals {
  containers = [{ name = "web", image = "nginx", readonlyRootFilesystem = true }]
}
resource "aws_ecs_task_definition" "task" {
  family                = "web"
  container_definitions = jsonencode(local.containers)
}
`,
        },
      ],
      bad: [
        {
          name: 'one container without readonlyRootFilesystem (reported on its name)',
          code: `resource "aws_ecs_task_definition" "task" {
  family = "web"
  container_definitions = jsonencode([
    { name = "web", image = "nginx", readonlyRootFilesystem = true },
    { name = ⟦"sidecar"⟧, image = "envoy" },
  ])
}
`,
          expect: [{ severity: 'warning', message: ["readonlyRootFilesystem of container 'sidecar' is not set", 'root file system is writable'] }],
        },
      ],
    },
  },
  {
    rule: 'ecs-no-host-pid',
    cloudformation: {
      good: [
        {
          name: 'PidMode absent or task',
          code: `Resources:
  Task:
    Type: AWS::ECS::TaskDefinition
    Properties:
      PidMode: task
      ContainerDefinitions:
        - Name: web
          Image: nginx
`,
        },
      ],
      bad: [
        {
          name: 'PidMode host',
          code: `Resources:
  Task:
    Type: AWS::ECS::TaskDefinition
    Properties:
      PidMode: ⟦host⟧
      ContainerDefinitions:
        - Name: web
          Image: nginx
`,
          expect: [{ severity: 'warning', message: ["PidMode is 'host'", 'every process on the host'] }],
        },
      ],
    },
    terraform: {
      good: [
        {
          name: 'pid_mode not set',
          code: `resource "aws_ecs_task_definition" "task" {
  family                = "web"
  container_definitions = jsonencode([{ name = "web", image = "nginx" }])
}
`,
        },
      ],
      bad: [
        {
          name: 'pid_mode = "host"',
          code: `resource "aws_ecs_task_definition" "task" {
  family                = "web"
  pid_mode              = ⟦"host"⟧
  container_definitions = jsonencode([{ name = "web", image = "nginx" }])
}
`,
          expect: [{ severity: 'warning', message: ["pid_mode is 'host'"] }],
        },
      ],
    },
  },
  {
    rule: 'ecs-no-secrets-in-env',
    cloudformation: {
      good: [
        {
          name: 'the credential passed in Secrets; Environment holds plain settings and where a secret is kept',
          code: `Resources:
  Task:
    Type: AWS::ECS::TaskDefinition
    Properties:
      ContainerDefinitions:
        - Name: web
          Image: nginx
          Environment:
            - Name: LOG_LEVEL
              Value: info
            - Name: DB_PASSWORD_SECRET_ARN
              Value: arn:aws:secretsmanager:us-east-1:111122223333:secret:db
          Secrets:
            - Name: DB_PASSWORD
              ValueFrom: arn:aws:secretsmanager:us-east-1:111122223333:secret:db
`,
        },
      ],
      bad: [
        {
          name: 'a password in Environment',
          code: `Resources:
  Task:
    Type: AWS::ECS::TaskDefinition
    Properties:
      ContainerDefinitions:
        - Name: web
          Image: nginx
          Environment:
            - Name: ⟦DB_PASSWORD⟧
              Value: hunter2
`,
          expect: [{ severity: 'error', message: ["Environment.Name is 'DB_PASSWORD'", 'pass it with Secrets'] }],
        },
      ],
    },
    terraform: {
      good: [
        {
          name: 'secrets with valueFrom; environment without credentials',
          code: `resource "aws_ecs_task_definition" "task" {
  family = "web"
  container_definitions = jsonencode([{
    name        = "web"
    image       = "nginx"
    environment = [{ name = "LOG_LEVEL", value = "info" }]
    secrets     = [{ name = "DB_PASSWORD", valueFrom = "arn:aws:ssm:us-east-1:111122223333:parameter/db" }]
  }])
}
`,
        },
      ],
      bad: [
        {
          name: 'a token in environment',
          code: `resource "aws_ecs_task_definition" "task" {
  family = "web"
  container_definitions = jsonencode([{
    name        = "web"
    image       = "nginx"
    environment = [{ name = ⟦"API_TOKEN"⟧, value = "abc123abc123" }]
  }])
}
`,
          expect: [{ severity: 'error', message: ["environment.name of container 'web' is 'API_TOKEN'", 'pass it in secrets (valueFrom'] }],
        },
      ],
    },
  },
  {
    rule: 'ecs-logging',
    cloudformation: {
      good: [
        {
          name: 'every container sends its logs to CloudWatch',
          code: `Resources:
  Task:
    Type: AWS::ECS::TaskDefinition
    Properties:
      ContainerDefinitions:
        - Name: web
          Image: nginx
          LogConfiguration:
            LogDriver: awslogs
`,
        },
      ],
      bad: [
        {
          name: 'a container without LogConfiguration',
          code: `Resources:
  Task:
    Type: AWS::ECS::TaskDefinition
    Properties:
      ContainerDefinitions:
        - {⟦Name: web, Image: nginx⟧}
`,
          expect: [{ severity: 'warning', message: ['LogConfiguration.LogDriver is not set', 'leaving no trail'] }],
        },
      ],
    },
    terraform: {
      good: [
        {
          name: 'logConfiguration in every container',
          code: `resource "aws_ecs_task_definition" "task" {
  family = "web"
  container_definitions = jsonencode([{
    name             = "web"
    image            = "nginx"
    logConfiguration = { logDriver = "awslogs", options = { "awslogs-group" = "/ecs/web" } }
  }])
}
`,
        },
      ],
      bad: [
        {
          name: 'a container without logConfiguration',
          code: `resource "aws_ecs_task_definition" "task" {
  family                = "web"
  container_definitions = jsonencode([{ name = ⟦"web"⟧, image = "nginx" }])
}
`,
          expect: [{ severity: 'warning', message: ["logConfiguration.logDriver of container 'web' is not set"] }],
        },
      ],
    },
  },
  {
    rule: 'ecs-efs-transit-encryption',
    cloudformation: {
      good: [
        {
          name: 'EFS volume with TransitEncryption ENABLED; a host volume is left alone',
          code: `Resources:
  Task:
    Type: AWS::ECS::TaskDefinition
    Properties:
      Volumes:
        - Name: data
          EFSVolumeConfiguration:
            FilesystemId: fs-12345678
            TransitEncryption: ENABLED
        - Name: scratch
          Host: {}
`,
        },
      ],
      bad: [
        {
          name: 'TransitEncryption DISABLED',
          code: `Resources:
  Task:
    Type: AWS::ECS::TaskDefinition
    Properties:
      Volumes:
        - Name: data
          EFSVolumeConfiguration:
            FilesystemId: fs-12345678
            TransitEncryption: ⟦DISABLED⟧
`,
          expect: [{ severity: 'warning', message: ["TransitEncryption is 'DISABLED'", 'unencrypted'] }],
        },
      ],
    },
    terraform: {
      good: [
        {
          name: 'transit_encryption = "ENABLED"',
          code: `resource "aws_ecs_task_definition" "task" {
  family                = "web"
  container_definitions = jsonencode([{ name = "web", image = "nginx" }])
  volume {
    name = "data"
    efs_volume_configuration {
      file_system_id     = "fs-12345678"
      transit_encryption = "ENABLED"
    }
  }
}
`,
        },
      ],
      bad: [
        {
          name: 'transit_encryption = "DISABLED"',
          code: `resource "aws_ecs_task_definition" "task" {
  family                = "web"
  container_definitions = jsonencode([{ name = "web", image = "nginx" }])
  volume {
    name = "data"
    efs_volume_configuration {
      file_system_id     = "fs-12345678"
      transit_encryption = ⟦"DISABLED"⟧
    }
  }
}
`,
          expect: [{ severity: 'warning', message: ["transit_encryption is 'DISABLED'"] }],
        },
        {
          name: 'transit_encryption not set: the provider, like the API, defaults it to DISABLED',
          code: `resource "aws_ecs_task_definition" "task" {
  family                = "web"
  container_definitions = jsonencode([{ name = "web", image = "nginx" }])
  volume {
    ⟦name = "data"
    efs_volume_configuration {
      file_system_id = "fs-12345678"⟧
    }
  }
}
`,
          expect: [{ severity: 'warning', message: ['transit_encryption is not set', 'it defaults to DISABLED'] }],
        },
      ],
    },
  },
  {
    rule: 'ecs-service-no-public-ip',
    cloudformation: {
      good: [
        {
          name: 'AssignPublicIp DISABLED, or not set (defaults to DISABLED)',
          code: `Resources:
  Service:
    Type: AWS::ECS::Service
    Properties:
      LaunchType: FARGATE
      NetworkConfiguration:
        AwsvpcConfiguration:
          Subnets: [subnet-0example]
          AssignPublicIp: DISABLED
  Other:
    Type: AWS::ECS::Service
    Properties:
      LaunchType: FARGATE
      NetworkConfiguration:
        AwsvpcConfiguration:
          Subnets: [subnet-0example]
`,
        },
        {
          name: 'NetworkConfiguration from a parameter cannot be read: cannot be checked, no finding',
          code: `Parameters:
  Network:
    Type: String
    Default: ENABLED
Resources:
  Service:
    Type: AWS::ECS::Service
    Properties:
      NetworkConfiguration: !Ref Network
`,
        },
      ],
      bad: [
        {
          name: 'AssignPublicIp ENABLED',
          code: `Resources:
  Service:
    Type: AWS::ECS::Service
    Properties:
      LaunchType: FARGATE
      NetworkConfiguration:
        AwsvpcConfiguration:
          Subnets: [subnet-0example]
          AssignPublicIp: ⟦ENABLED⟧
`,
          expect: [{ severity: 'error', message: ["AssignPublicIp is 'ENABLED'", 'public address'] }],
        },
      ],
    },
    terraform: {
      good: [
        {
          name: 'assign_public_ip = false (a boolean in the provider), or not set',
          code: `resource "aws_ecs_service" "svc" {
  name        = "web"
  launch_type = "FARGATE"
  network_configuration {
    subnets          = ["subnet-0example"]
    assign_public_ip = false
  }
}
resource "aws_ecs_service" "other" {
  name        = "api"
  launch_type = "FARGATE"
  network_configuration {
    subnets = ["subnet-0example"]
  }
}
`,
        },
      ],
      bad: [
        {
          name: 'assign_public_ip = true',
          code: `resource "aws_ecs_service" "svc" {
  name        = "web"
  launch_type = "FARGATE"
  network_configuration {
    subnets          = ["subnet-0example"]
    assign_public_ip = ⟦true⟧
  }
}
`,
          expect: [{ severity: 'error', message: ['network_configuration.assign_public_ip is true', 'public address'] }],
        },
      ],
    },
  },
  {
    rule: 'ecs-fargate-latest-platform',
    cloudformation: {
      good: [
        {
          name: 'LATEST, not set (LATEST), or 1.4.0 (what LATEST is on Linux)',
          code: `Resources:
  A:
    Type: AWS::ECS::Service
    Properties:
      LaunchType: FARGATE
      PlatformVersion: LATEST
  B:
    Type: AWS::ECS::Service
    Properties:
      LaunchType: FARGATE
  C:
    Type: AWS::ECS::Service
    Properties:
      LaunchType: FARGATE
      PlatformVersion: 1.4.0
`,
        },
      ],
      bad: [
        {
          name: 'pinned to the old 1.3.0',
          code: `Resources:
  Service:
    Type: AWS::ECS::Service
    Properties:
      LaunchType: FARGATE
      PlatformVersion: ⟦1.3.0⟧
`,
          expect: [{ severity: 'warning', message: ["PlatformVersion is '1.3.0'", 'older Fargate platform version'] }],
        },
      ],
    },
    terraform: {
      good: [
        {
          name: 'platform_version = "LATEST" or not set',
          code: `resource "aws_ecs_service" "a" {
  name             = "a"
  launch_type      = "FARGATE"
  platform_version = "LATEST"
}
resource "aws_ecs_service" "b" {
  name        = "b"
  launch_type = "FARGATE"
}
`,
        },
      ],
      bad: [
        {
          name: 'platform_version = "1.3.0"',
          code: `resource "aws_ecs_service" "svc" {
  name             = "web"
  launch_type      = "FARGATE"
  platform_version = ⟦"1.3.0"⟧
}
`,
          expect: [{ severity: 'warning', message: ["platform_version is '1.3.0'"] }],
        },
      ],
    },
  },
  {
    rule: 'ecs-container-insights',
    cloudformation: {
      good: [
        {
          name: 'containerInsights enabled (or enhanced)',
          code: `Resources:
  Cluster:
    Type: AWS::ECS::Cluster
    Properties:
      ClusterSettings:
        - Name: containerInsights
          Value: enhanced
`,
        },
      ],
      bad: [
        {
          name: 'containerInsights disabled',
          code: `Resources:
  Cluster:
    Type: AWS::ECS::Cluster
    Properties:
      ClusterSettings:
        - Name: containerInsights
          Value: ⟦disabled⟧
`,
          expect: [{ severity: 'info', message: ["ClusterSettings.Value is 'disabled'"] }],
        },
        {
          name: 'no ClusterSettings: off unless the account default turns it on',
          code: `Resources:
  ⟦Cluster⟧:
    Type: AWS::ECS::Cluster
    Properties:
      ClusterName: demo
`,
          expect: [{ severity: 'info', message: ['Depends on the deployment', 'unless the account default turns it on'] }],
        },
      ],
    },
    terraform: {
      good: [
        {
          name: 'setting { name = "containerInsights" value = "enabled" }',
          code: `resource "aws_ecs_cluster" "main" {
  name = "main"
  setting {
    name  = "containerInsights"
    value = "enabled"
  }
}
`,
        },
        {
          name: 'value = "enhanced" (Container Insights with enhanced observability)',
          code: `resource "aws_ecs_cluster" "main" {
  name = "main"
  setting {
    name  = "containerInsights"
    value = "enhanced"
  }
}
`,
        },
      ],
      bad: [
        {
          name: 'containerInsights disabled',
          code: `resource "aws_ecs_cluster" "main" {
  name = "main"
  setting {
    name  = "containerInsights"
    value = ⟦"disabled"⟧
  }
}
`,
          expect: [{ severity: 'info', message: ["setting.value is 'disabled'"] }],
        },
      ],
    },
  },
  {
    rule: 'eks-endpoint-private',
    cloudformation: {
      good: [
        {
          name: 'private endpoint only',
          code: `Resources:
  Cluster:
    Type: AWS::EKS::Cluster
    Properties:
      RoleArn: arn:aws:iam::111122223333:role/eks
      ResourcesVpcConfig:
        SubnetIds: [subnet-0example]
        EndpointPrivateAccess: true
        EndpointPublicAccess: false
`,
        },
        {
          name: 'public endpoint restricted to office CIDRs',
          code: `Resources:
  Cluster:
    Type: AWS::EKS::Cluster
    Properties:
      RoleArn: arn:aws:iam::111122223333:role/eks
      ResourcesVpcConfig:
        SubnetIds: [subnet-0example]
        EndpointPublicAccess: true
        PublicAccessCidrs: [203.0.113.0/24]
`,
        },
        {
          name: 'ResourcesVpcConfig as a parameter cannot be read: cannot be checked, no finding',
          code: `Parameters:
  Vpc:
    Type: String
    Default: none
Resources:
  Cluster:
    Type: AWS::EKS::Cluster
    Properties:
      RoleArn: arn:aws:iam::111122223333:role/eks
      ResourcesVpcConfig: !Ref Vpc
`,
        },
      ],
      bad: [
        {
          name: 'EndpointPublicAccess not set: public to 0.0.0.0/0 by default',
          code: `Resources:
  ⟦Cluster⟧:
    Type: AWS::EKS::Cluster
    Properties:
      RoleArn: arn:aws:iam::111122223333:role/eks
      ResourcesVpcConfig:
        SubnetIds: [subnet-0example]
`,
          expect: [{ severity: 'error', message: ['EndpointPublicAccess is not set', 'public by default'] }],
        },
        {
          name: 'public endpoint open to 0.0.0.0/0',
          code: `Resources:
  Cluster:
    Type: AWS::EKS::Cluster
    Properties:
      RoleArn: arn:aws:iam::111122223333:role/eks
      ResourcesVpcConfig:
        SubnetIds: [subnet-0example]
        EndpointPublicAccess: ⟦true⟧
        PublicAccessCidrs: [0.0.0.0/0]
`,
          expect: [{ severity: 'error', message: ['EndpointPublicAccess is true', 'set EndpointPrivateAccess: true'] }],
        },
      ],
    },
    terraform: {
      good: [
        {
          name: 'endpoint_public_access = false',
          code: `resource "aws_eks_cluster" "main" {
  name     = "main"
  role_arn = "arn:aws:iam::111122223333:role/eks"
  vpc_config {
    subnet_ids              = ["subnet-0example"]
    endpoint_private_access = true
    endpoint_public_access  = false
  }
}
`,
        },
        {
          name: 'public endpoint restricted by public_access_cidrs',
          code: `resource "aws_eks_cluster" "main" {
  name     = "main"
  role_arn = "arn:aws:iam::111122223333:role/eks"
  vpc_config {
    subnet_ids          = ["subnet-0example"]
    public_access_cidrs = ["203.0.113.0/24"]
  }
}
`,
        },
        {
          name: 'public_access_cidrs from an unset variable: cannot be checked, no finding',
          code: `variable "office_cidrs" {
  type = list(string)
}
resource "aws_eks_cluster" "main" {
  name     = "main"
  role_arn = "arn:aws:iam::111122223333:role/eks"
  vpc_config {
    subnet_ids             = ["subnet-0example"]
    endpoint_public_access = true
    public_access_cidrs    = var.office_cidrs
  }
}
`,
        },
      ],
      bad: [
        {
          name: 'endpoint_public_access = true with the default CIDRs, in Terraform words',
          code: `resource "aws_eks_cluster" "main" {
  name     = "main"
  role_arn = "arn:aws:iam::111122223333:role/eks"
  vpc_config {
    subnet_ids             = ["subnet-0example"]
    endpoint_public_access = ⟦true⟧
  }
}
`,
          expect: [{ severity: 'error', message: ['vpc_config.endpoint_public_access is true', 'set vpc_config.endpoint_private_access = true and endpoint_public_access = false, or restrict public_access_cidrs'] }],
        },
        {
          name: 'no vpc_config.endpoint_public_access: public by default',
          code: `resource "aws_eks_cluster" ⟦"main"⟧ {
  name     = "main"
  role_arn = "arn:aws:iam::111122223333:role/eks"
  vpc_config {
    subnet_ids = ["subnet-0example"]
  }
}
`,
          expect: [{ severity: 'error', message: ['public by default', 'restrict public_access_cidrs'] }],
        },
      ],
    },
  },
  {
    rule: 'eks-secrets-encryption',
    cloudformation: {
      good: [
        {
          name: 'secrets encrypted with a KMS key',
          code: `Resources:
  Cluster:
    Type: AWS::EKS::Cluster
    Properties:
      RoleArn: arn:aws:iam::111122223333:role/eks
      ResourcesVpcConfig:
        SubnetIds: [subnet-0example]
      EncryptionConfig:
        - Resources: [secrets]
          Provider:
            KeyArn: !GetAtt Key.Arn
`,
        },
        {
          name: 'no EncryptionConfig on a current version: the AWS owned key envelope-encrypts by default',
          code: `Resources:
  Cluster:
    Type: AWS::EKS::Cluster
    Properties:
      RoleArn: arn:aws:iam::111122223333:role/eks
      Version: "1.33"
      ResourcesVpcConfig:
        SubnetIds: [subnet-0example]
`,
        },
      ],
      bad: [
        {
          name: 'no EncryptionConfig on a version below 1.28: no envelope encryption at all',
          code: `Resources:
  Cluster:
    Type: AWS::EKS::Cluster
    Properties:
      RoleArn: arn:aws:iam::111122223333:role/eks
      Version: ⟦"1.27"⟧
      ResourcesVpcConfig:
        SubnetIds: [subnet-0example]
`,
          expect: [{ severity: 'warning', message: ["EncryptionConfig is not set and Version is '1.27'", 'only on 1.28 or later'] }],
        },
      ],
    },
    terraform: {
      good: [
        {
          name: 'encryption_config with a provider key',
          code: `resource "aws_eks_cluster" "main" {
  name     = "main"
  role_arn = "arn:aws:iam::111122223333:role/eks"
  vpc_config {
    subnet_ids = ["subnet-0example"]
  }
  encryption_config {
    resources = ["secrets"]
    provider {
      key_arn = aws_kms_key.eks.arn
    }
  }
}
`,
        },
      ],
      bad: [
        {
          name: 'no encryption_config on version 1.27',
          code: `resource "aws_eks_cluster" "main" {
  name     = "main"
  role_arn = "arn:aws:iam::111122223333:role/eks"
  version  = ⟦"1.27"⟧
  vpc_config {
    subnet_ids = ["subnet-0example"]
  }
}
`,
          expect: [{ severity: 'warning', message: ["encryption_config is not set and version is '1.27'", 'set encryption_config with a KMS key'] }],
        },
      ],
    },
  },
  {
    rule: 'eks-control-plane-logging',
    cloudformation: {
      good: [
        {
          name: 'audit among the enabled log types',
          code: `Resources:
  Cluster:
    Type: AWS::EKS::Cluster
    Properties:
      RoleArn: arn:aws:iam::111122223333:role/eks
      ResourcesVpcConfig:
        SubnetIds: [subnet-0example]
      Logging:
        ClusterLogging:
          EnabledTypes:
            - Type: api
            - Type: audit
`,
        },
      ],
      bad: [
        {
          name: 'logging without audit',
          code: `Resources:
  Cluster:
    Type: AWS::EKS::Cluster
    Properties:
      RoleArn: arn:aws:iam::111122223333:role/eks
      ResourcesVpcConfig:
        SubnetIds: [subnet-0example]
      Logging:
        ClusterLogging:
          EnabledTypes:
            ⟦- Type: api⟧
`,
          expect: [{ severity: 'warning', message: ["does not include 'audit'"] }],
        },
        {
          name: 'no Logging',
          code: `Resources:
  ⟦Cluster⟧:
    Type: AWS::EKS::Cluster
    Properties:
      RoleArn: arn:aws:iam::111122223333:role/eks
      ResourcesVpcConfig:
        SubnetIds: [subnet-0example]
`,
          expect: [{ severity: 'warning', message: ['Logging.ClusterLogging.EnabledTypes is not set'] }],
        },
      ],
    },
    terraform: {
      good: [
        {
          name: 'enabled_cluster_log_types with audit',
          code: `resource "aws_eks_cluster" "main" {
  name                      = "main"
  role_arn                  = "arn:aws:iam::111122223333:role/eks"
  enabled_cluster_log_types = ["api", "audit", "authenticator"]
  vpc_config {
    subnet_ids = ["subnet-0example"]
  }
}
`,
        },
        {
          name: 'log types from an unset variable: cannot be checked, no finding',
          code: `variable "log_types" {
  type = list(string)
}
resource "aws_eks_cluster" "main" {
  name                      = "main"
  role_arn                  = "arn:aws:iam::111122223333:role/eks"
  enabled_cluster_log_types = var.log_types
  vpc_config {
    subnet_ids = ["subnet-0example"]
  }
}
`,
        },
      ],
      bad: [
        {
          name: 'enabled_cluster_log_types without audit',
          code: `resource "aws_eks_cluster" "main" {
  name                      = "main"
  role_arn                  = "arn:aws:iam::111122223333:role/eks"
  enabled_cluster_log_types = ⟦["api"]⟧
  vpc_config {
    subnet_ids = ["subnet-0example"]
  }
}
`,
          expect: [{ severity: 'warning', message: ["enabled_cluster_log_types does not include 'audit'"] }],
        },
      ],
    },
  },
  {
    rule: 'eks-supported-version',
    cloudformation: {
      good: [
        {
          name: 'a version in standard support, or none (the current default)',
          code: `Resources:
  A:
    Type: AWS::EKS::Cluster
    Properties:
      RoleArn: arn:aws:iam::111122223333:role/eks
      Version: "1.34"
      ResourcesVpcConfig:
        SubnetIds: [subnet-0example]
  B:
    Type: AWS::EKS::Cluster
    Properties:
      RoleArn: arn:aws:iam::111122223333:role/eks
      ResourcesVpcConfig:
        SubnetIds: [subnet-0example]
`,
        },
      ],
      bad: [
        {
          name: 'a version past standard support',
          code: `Resources:
  Cluster:
    Type: AWS::EKS::Cluster
    Properties:
      RoleArn: arn:aws:iam::111122223333:role/eks
      Version: ⟦"1.29"⟧
      ResourcesVpcConfig:
        SubnetIds: [subnet-0example]
`,
          expect: [{ severity: 'warning', message: ["Version is '1.29'", 'out of EKS standard support'] }],
        },
      ],
    },
    terraform: {
      good: [
        {
          name: 'version = "1.34"',
          code: `resource "aws_eks_cluster" "main" {
  name     = "main"
  role_arn = "arn:aws:iam::111122223333:role/eks"
  version  = "1.34"
  vpc_config {
    subnet_ids = ["subnet-0example"]
  }
}
`,
        },
        {
          name: 'version not set: the cluster is created on the latest version',
          code: `resource "aws_eks_cluster" "main" {
  name     = "main"
  role_arn = "arn:aws:iam::111122223333:role/eks"
  vpc_config {
    subnet_ids = ["subnet-0example"]
  }
}
`,
        },
      ],
      bad: [
        {
          name: 'version = "1.29"',
          code: `resource "aws_eks_cluster" "main" {
  name     = "main"
  role_arn = "arn:aws:iam::111122223333:role/eks"
  version  = ⟦"1.29"⟧
  vpc_config {
    subnet_ids = ["subnet-0example"]
  }
}
`,
          expect: [{ severity: 'warning', message: ["version is '1.29'"] }],
        },
      ],
    },
  },
  {
    rule: 'eks-nodegroup-ssh',
    cloudformation: {
      good: [
        {
          name: 'no RemoteAccess, or an SSH key limited to source security groups',
          code: `Resources:
  Plain:
    Type: AWS::EKS::Nodegroup
    Properties:
      ClusterName: demo
      NodeRole: arn:aws:iam::111122223333:role/nodes
      Subnets: [subnet-0example]
  Limited:
    Type: AWS::EKS::Nodegroup
    Properties:
      ClusterName: demo
      NodeRole: arn:aws:iam::111122223333:role/nodes
      Subnets: [subnet-0example]
      RemoteAccess:
        Ec2SshKey: ops
        SourceSecurityGroups: [sg-0bastion]
`,
        },
        {
          name: 'RemoteAccess as !Ref (a map-typed property): cannot be checked, no crash',
          code: `Parameters:
  Access:
    Type: String
    Default: ""
Resources:
  Nodes:
    Type: AWS::EKS::Nodegroup
    Properties:
      ClusterName: demo
      NodeRole: arn:aws:iam::111122223333:role/nodes
      Subnets: [subnet-0example]
      RemoteAccess: !Ref Access
`,
        },
      ],
      bad: [
        {
          name: 'an SSH key without SourceSecurityGroups: port 22 open to 0.0.0.0/0',
          code: `Resources:
  ⟦Nodes⟧:
    Type: AWS::EKS::Nodegroup
    Properties:
      ClusterName: demo
      NodeRole: arn:aws:iam::111122223333:role/nodes
      Subnets: [subnet-0example]
      RemoteAccess:
        Ec2SshKey: ops
`,
          expect: [{ severity: 'warning', message: ['RemoteAccess.SourceSecurityGroups is not set', '0.0.0.0/0'] }],
        },
      ],
    },
    terraform: {
      good: [
        {
          name: 'no remote_access, or source_security_group_ids given',
          code: `resource "aws_eks_node_group" "plain" {
  cluster_name  = "demo"
  node_role_arn = "arn:aws:iam::111122223333:role/nodes"
  subnet_ids    = ["subnet-0example"]
  scaling_config {
    desired_size = 1
    max_size     = 2
    min_size     = 1
  }
}
resource "aws_eks_node_group" "limited" {
  cluster_name  = "demo"
  node_role_arn = "arn:aws:iam::111122223333:role/nodes"
  subnet_ids    = ["subnet-0example"]
  remote_access {
    ec2_ssh_key               = "ops"
    source_security_group_ids = ["sg-0bastion"]
  }
  scaling_config {
    desired_size = 1
    max_size     = 2
    min_size     = 1
  }
}
`,
        },
      ],
      bad: [
        {
          name: 'ec2_ssh_key without source_security_group_ids',
          code: `resource "aws_eks_node_group" ⟦"nodes"⟧ {
  cluster_name  = "demo"
  node_role_arn = "arn:aws:iam::111122223333:role/nodes"
  subnet_ids    = ["subnet-0example"]
  remote_access {
    ec2_ssh_key = "ops"
  }
  scaling_config {
    desired_size = 1
    max_size     = 2
    min_size     = 1
  }
}
`,
          expect: [{ severity: 'warning', message: ['remote_access.source_security_group_ids is not set', 'with an ec2_ssh_key and no source_security_group_ids'] }],
        },
      ],
    },
  },
  {
    rule: 'sagemaker-no-direct-internet',
    cloudformation: {
      good: [
        {
          name: 'DirectInternetAccess Disabled, in a subnet',
          code: `Resources:
  Notebook:
    Type: AWS::SageMaker::NotebookInstance
    Properties:
      InstanceType: ml.t3.medium
      RoleArn: arn:aws:iam::111122223333:role/sagemaker
      SubnetId: subnet-0example
      SecurityGroupIds: [sg-0example]
      DirectInternetAccess: Disabled
`,
        },
      ],
      bad: [
        {
          name: 'DirectInternetAccess not set (Enabled by default)',
          code: `Resources:
  ⟦Notebook⟧:
    Type: AWS::SageMaker::NotebookInstance
    Properties:
      InstanceType: ml.t3.medium
      RoleArn: arn:aws:iam::111122223333:role/sagemaker
`,
          expect: [{ severity: 'error', message: ['DirectInternetAccess is not set', 'set Disabled with a SubnetId'] }],
        },
      ],
    },
    terraform: {
      good: [
        {
          name: 'direct_internet_access = "Disabled"',
          code: `resource "aws_sagemaker_notebook_instance" "nb" {
  name                   = "nb"
  role_arn               = "arn:aws:iam::111122223333:role/sagemaker"
  instance_type          = "ml.t3.medium"
  subnet_id              = "subnet-0example"
  security_groups        = ["sg-0example"]
  direct_internet_access = "Disabled"
}
`,
        },
      ],
      bad: [
        {
          name: 'direct_internet_access = "Enabled", in Terraform words',
          code: `resource "aws_sagemaker_notebook_instance" "nb" {
  name                   = "nb"
  role_arn               = "arn:aws:iam::111122223333:role/sagemaker"
  instance_type          = "ml.t3.medium"
  direct_internet_access = ⟦"Enabled"⟧
}
`,
          expect: [{ severity: 'error', message: ["direct_internet_access is 'Enabled'", 'set direct_internet_access = "Disabled" with a subnet_id'] }],
        },
        {
          name: 'direct_internet_access not set: the provider defaults it to Enabled',
          code: `resource "aws_sagemaker_notebook_instance" ⟦"nb"⟧ {
  name          = "nb"
  role_arn      = "arn:aws:iam::111122223333:role/sagemaker"
  instance_type = "ml.t3.medium"
}
`,
          expect: [{ severity: 'error', message: ['direct_internet_access is not set', 'it defaults to Enabled', 'set direct_internet_access = "Disabled" with a subnet_id'] }],
        },
      ],
    },
  },
  {
    rule: 'sagemaker-no-root',
    cloudformation: {
      good: [
        {
          name: 'RootAccess Disabled',
          code: `Resources:
  Notebook:
    Type: AWS::SageMaker::NotebookInstance
    Properties:
      InstanceType: ml.t3.medium
      RoleArn: arn:aws:iam::111122223333:role/sagemaker
      RootAccess: Disabled
`,
        },
      ],
      bad: [
        {
          name: 'RootAccess Enabled',
          code: `Resources:
  Notebook:
    Type: AWS::SageMaker::NotebookInstance
    Properties:
      InstanceType: ml.t3.medium
      RoleArn: arn:aws:iam::111122223333:role/sagemaker
      RootAccess: ⟦Enabled⟧
`,
          expect: [{ severity: 'warning', message: ["RootAccess is 'Enabled'", 'root on the instance'] }],
        },
      ],
    },
    terraform: {
      good: [
        {
          name: 'root_access = "Disabled"',
          code: `resource "aws_sagemaker_notebook_instance" "nb" {
  name          = "nb"
  role_arn      = "arn:aws:iam::111122223333:role/sagemaker"
  instance_type = "ml.t3.medium"
  root_access   = "Disabled"
}
`,
        },
      ],
      bad: [
        {
          name: 'root_access not set (Enabled by default)',
          code: `resource "aws_sagemaker_notebook_instance" ⟦"nb"⟧ {
  name          = "nb"
  role_arn      = "arn:aws:iam::111122223333:role/sagemaker"
  instance_type = "ml.t3.medium"
}
`,
          expect: [{ severity: 'warning', message: ['root_access is not set', 'it defaults to Enabled'] }],
        },
      ],
    },
  },
  {
    rule: 'sagemaker-notebook-kms',
    cloudformation: {
      good: [
        {
          name: 'KmsKeyId given',
          code: `Resources:
  Notebook:
    Type: AWS::SageMaker::NotebookInstance
    Properties:
      InstanceType: ml.t3.medium
      RoleArn: arn:aws:iam::111122223333:role/sagemaker
      KmsKeyId: !Ref NotebookKey
  NotebookKey:
    Type: AWS::KMS::Key
    Properties:
      KeyPolicy: {}
`,
        },
      ],
      bad: [
        {
          name: 'no KmsKeyId',
          code: `Resources:
  ⟦Notebook⟧:
    Type: AWS::SageMaker::NotebookInstance
    Properties:
      InstanceType: ml.t3.medium
      RoleArn: arn:aws:iam::111122223333:role/sagemaker
`,
          expect: [{ severity: 'warning', message: ['KmsKeyId is not set', 'AWS managed key'] }],
        },
      ],
    },
    terraform: {
      good: [
        {
          name: 'kms_key_id given',
          code: `resource "aws_sagemaker_notebook_instance" "nb" {
  name          = "nb"
  role_arn      = "arn:aws:iam::111122223333:role/sagemaker"
  instance_type = "ml.t3.medium"
  kms_key_id    = aws_kms_key.nb.id
}
`,
        },
      ],
      bad: [
        {
          name: 'no kms_key_id',
          code: `resource "aws_sagemaker_notebook_instance" ⟦"nb"⟧ {
  name          = "nb"
  role_arn      = "arn:aws:iam::111122223333:role/sagemaker"
  instance_type = "ml.t3.medium"
}
`,
          expect: [{ severity: 'warning', message: ['kms_key_id is not set'] }],
        },
      ],
    },
  },
  {
    rule: 'codebuild-no-privileged',
    cloudformation: {
      good: [
        {
          name: 'PrivilegedMode not set (false) or false',
          code: `Resources:
  Build:
    Type: AWS::CodeBuild::Project
    Properties:
      ServiceRole: arn:aws:iam::111122223333:role/codebuild
      Artifacts: {Type: NO_ARTIFACTS}
      Source: {Type: NO_SOURCE, BuildSpec: "version: 0.2"}
      Environment:
        Type: LINUX_CONTAINER
        ComputeType: BUILD_GENERAL1_SMALL
        Image: aws/codebuild/standard:7.0
        PrivilegedMode: false
`,
        },
      ],
      bad: [
        {
          name: 'PrivilegedMode true',
          code: `Resources:
  Build:
    Type: AWS::CodeBuild::Project
    Properties:
      ServiceRole: arn:aws:iam::111122223333:role/codebuild
      Artifacts: {Type: NO_ARTIFACTS}
      Source: {Type: NO_SOURCE, BuildSpec: "version: 0.2"}
      Environment:
        Type: LINUX_CONTAINER
        ComputeType: BUILD_GENERAL1_SMALL
        Image: aws/codebuild/standard:7.0
        PrivilegedMode: ⟦true⟧
`,
          expect: [{ severity: 'warning', message: ['Environment.PrivilegedMode is true', 'Docker daemon'] }],
        },
      ],
    },
    terraform: {
      good: [
        {
          name: 'privileged_mode not set',
          code: `resource "aws_codebuild_project" "build" {
  name         = "build"
  service_role = "arn:aws:iam::111122223333:role/codebuild"
  artifacts {
    type = "NO_ARTIFACTS"
  }
  environment {
    compute_type = "BUILD_GENERAL1_SMALL"
    image        = "aws/codebuild/standard:7.0"
    type         = "LINUX_CONTAINER"
  }
  source {
    type = "NO_SOURCE"
  }
}
`,
        },
      ],
      bad: [
        {
          name: 'privileged_mode = true',
          code: `resource "aws_codebuild_project" "build" {
  name         = "build"
  service_role = "arn:aws:iam::111122223333:role/codebuild"
  artifacts {
    type = "NO_ARTIFACTS"
  }
  environment {
    compute_type    = "BUILD_GENERAL1_SMALL"
    image           = "aws/codebuild/standard:7.0"
    type            = "LINUX_CONTAINER"
    privileged_mode = ⟦true⟧
  }
  source {
    type = "NO_SOURCE"
  }
}
`,
          expect: [{ severity: 'warning', message: ['environment.privileged_mode is true'] }],
        },
      ],
    },
  },
  {
    rule: 'codebuild-no-plaintext-credentials',
    cloudformation: {
      good: [
        {
          name: 'the credential from Secrets Manager; plain settings in PLAINTEXT',
          code: `Resources:
  Build:
    Type: AWS::CodeBuild::Project
    Properties:
      ServiceRole: arn:aws:iam::111122223333:role/codebuild
      Artifacts: {Type: NO_ARTIFACTS}
      Source: {Type: NO_SOURCE, BuildSpec: "version: 0.2"}
      Environment:
        Type: LINUX_CONTAINER
        ComputeType: BUILD_GENERAL1_SMALL
        Image: aws/codebuild/standard:7.0
        EnvironmentVariables:
          - Name: STAGE
            Value: prod
          - Name: NPM_TOKEN
            Type: SECRETS_MANAGER
            Value: build/npm-token
`,
        },
      ],
      bad: [
        {
          name: 'a token as a PLAINTEXT variable (the default type)',
          code: `Resources:
  Build:
    Type: AWS::CodeBuild::Project
    Properties:
      ServiceRole: arn:aws:iam::111122223333:role/codebuild
      Artifacts: {Type: NO_ARTIFACTS}
      Source: {Type: NO_SOURCE, BuildSpec: "version: 0.2"}
      Environment:
        Type: LINUX_CONTAINER
        ComputeType: BUILD_GENERAL1_SMALL
        Image: aws/codebuild/standard:7.0
        EnvironmentVariables:
          - Name: NPM_TOKEN
            Value: ⟦npm_abcdefghijklmnop⟧
`,
          expect: [{ severity: 'error', message: ["Environment variable 'NPM_TOKEN' is PLAINTEXT (Type is not set)", 'use Type PARAMETER_STORE or SECRETS_MANAGER'] }],
        },
      ],
    },
    terraform: {
      good: [
        {
          name: 'type = "PARAMETER_STORE" for the credential',
          code: `resource "aws_codebuild_project" "build" {
  name         = "build"
  service_role = "arn:aws:iam::111122223333:role/codebuild"
  artifacts {
    type = "NO_ARTIFACTS"
  }
  environment {
    compute_type = "BUILD_GENERAL1_SMALL"
    image        = "aws/codebuild/standard:7.0"
    type         = "LINUX_CONTAINER"
    environment_variable {
      name  = "DB_PASSWORD"
      value = "/build/db-password"
      type  = "PARAMETER_STORE"
    }
  }
  source {
    type = "NO_SOURCE"
  }
}
`,
        },
      ],
      bad: [
        {
          name: 'a password as type = "PLAINTEXT"',
          code: `resource "aws_codebuild_project" "build" {
  name         = "build"
  service_role = "arn:aws:iam::111122223333:role/codebuild"
  artifacts {
    type = "NO_ARTIFACTS"
  }
  environment {
    compute_type = "BUILD_GENERAL1_SMALL"
    image        = "aws/codebuild/standard:7.0"
    type         = "LINUX_CONTAINER"
    environment_variable {
      name  = "DB_PASSWORD"
      value = ⟦"hunter2hunter2"⟧
      type  = "PLAINTEXT"
    }
  }
  source {
    type = "NO_SOURCE"
  }
}
`,
          expect: [{ severity: 'error', message: ["environment_variable 'DB_PASSWORD' is of type PLAINTEXT", 'use type PARAMETER_STORE or SECRETS_MANAGER'] }],
        },
      ],
    },
  },
  {
    rule: 'codebuild-artifact-encryption',
    cloudformation: {
      good: [
        {
          name: 'EncryptionDisabled not set (encrypted by default) or false',
          code: `Resources:
  Build:
    Type: AWS::CodeBuild::Project
    Properties:
      ServiceRole: arn:aws:iam::111122223333:role/codebuild
      Artifacts:
        Type: S3
        Location: my-artifacts
        EncryptionDisabled: false
      Source: {Type: NO_SOURCE, BuildSpec: "version: 0.2"}
      Environment:
        Type: LINUX_CONTAINER
        ComputeType: BUILD_GENERAL1_SMALL
        Image: aws/codebuild/standard:7.0
`,
        },
        {
          name: 'CODEPIPELINE artifacts: EncryptionDisabled applies to S3 artifacts only (the pipeline stores these)',
          code: `Resources:
  Build:
    Type: AWS::CodeBuild::Project
    Properties:
      ServiceRole: arn:aws:iam::111122223333:role/codebuild
      Artifacts:
        Type: CODEPIPELINE
        EncryptionDisabled: true
      Source: {Type: CODEPIPELINE, BuildSpec: buildspec.yml}
      Environment:
        Type: LINUX_CONTAINER
        ComputeType: BUILD_GENERAL1_SMALL
        Image: aws/codebuild/standard:7.0
`,
        },
      ],
      bad: [
        {
          name: 'EncryptionDisabled true',
          code: `Resources:
  Build:
    Type: AWS::CodeBuild::Project
    Properties:
      ServiceRole: arn:aws:iam::111122223333:role/codebuild
      Artifacts:
        Type: S3
        Location: my-artifacts
        EncryptionDisabled: ⟦true⟧
      Source: {Type: NO_SOURCE, BuildSpec: "version: 0.2"}
      Environment:
        Type: LINUX_CONTAINER
        ComputeType: BUILD_GENERAL1_SMALL
        Image: aws/codebuild/standard:7.0
`,
          expect: [{ severity: 'info', message: ['Artifacts.EncryptionDisabled is true', 'unencrypted'] }],
        },
      ],
    },
    terraform: {
      good: [
        {
          name: 'encryption_disabled not set',
          code: `resource "aws_codebuild_project" "build" {
  name         = "build"
  service_role = "arn:aws:iam::111122223333:role/codebuild"
  artifacts {
    type     = "S3"
    location = "my-artifacts"
  }
  environment {
    compute_type = "BUILD_GENERAL1_SMALL"
    image        = "aws/codebuild/standard:7.0"
    type         = "LINUX_CONTAINER"
  }
  source {
    type = "NO_SOURCE"
  }
}
`,
        },
      ],
      bad: [
        {
          name: 'encryption_disabled = true',
          code: `resource "aws_codebuild_project" "build" {
  name         = "build"
  service_role = "arn:aws:iam::111122223333:role/codebuild"
  artifacts {
    type                = "S3"
    location            = "my-artifacts"
    encryption_disabled = ⟦true⟧
  }
  environment {
    compute_type = "BUILD_GENERAL1_SMALL"
    image        = "aws/codebuild/standard:7.0"
    type         = "LINUX_CONTAINER"
  }
  source {
    type = "NO_SOURCE"
  }
}
`,
          expect: [{ severity: 'info', message: ['artifacts.encryption_disabled is true'] }],
        },
      ],
    },
  },
];

/** Readers of this family without examples yet (rule id:format); the examples test keeps this list true. */
export const PENDING: readonly string[] = [];
