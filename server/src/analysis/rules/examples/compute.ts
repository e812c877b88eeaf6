// Examples for the rules of this family (see ./types.ts).
import type { RuleExamples } from './types';

const IMDS_GAP = 'instances accept IMDSv1 requests';
const IMDS_DEPENDS = ['Depends on the deployment', 'ImdsSupport v2.0', 'account\'s instance metadata defaults'];
const ROOT_DEPENDS = ['Depends on the deployment', 'root volume is encrypted only if the AMI\'s snapshot is'];

export const EXAMPLES: readonly RuleExamples[] = [
  // --- EC2 instance
  {
    rule: 'ec2-userdata-no-secrets',
    cloudformation: {
      good: [
        {
          name: 'user data reads the secret at boot from Secrets Manager',
          code: `Resources:
  Web:
    Type: AWS::EC2::Instance
    Properties:
      ImageId: ami-0abcdef1234567890
      UserData: !Base64 |
        #!/bin/bash
        DB_PASSWORD=$(aws secretsmanager get-secret-value --secret-id prod/db --query SecretString --output text)
`,
        },
        {
          name: 'launch template user data without credentials',
          code: `Resources:
  Template:
    Type: AWS::EC2::LaunchTemplate
    Properties:
      LaunchTemplateData:
        UserData: !Base64 |
          #!/bin/bash
          yum install -y nginx
`,
        },
      ],
      bad: [
        {
          name: 'a literal password in the user data script',
          code: `Resources:
  Web:
    Type: AWS::EC2::Instance
    Properties:
      ImageId: ami-0abcdef1234567890
      UserData: ⟦!Base64 |
        #!/bin/bash
        export DB_PASSWORD=hunter2hunter2⟧
`,
          expect: [{ severity: 'error', message: ['User data contains', 'DB_PASSWORD', 'Secrets Manager'] }],
        },
      ],
    },
    terraform: {
      good: [
        {
          name: 'user data from a template without credentials',
          code: `resource "aws_instance" "web" {
  ami           = "ami-0abcdef1234567890"
  instance_type = "t3.micro"
  user_data     = <<-EOT
    #!/bin/bash
    yum install -y nginx
  EOT
}
`,
        },
      ],
      bad: [
        {
          name: 'an access key in a launch template user data heredoc',
          code: `resource "aws_launch_template" "web" {
  user_data = ⟦<<-EOT
    #!/bin/bash
    export AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY
  EOT⟧
}
`,
          expect: [{ severity: 'error', message: ['AWS_SECRET_ACCESS_KEY'] }],
        },
        {
          name: 'a credential on one branch of a conditional whose condition is not decided (information)',
          code: `variable "debug" {
  type = bool
}

resource "aws_instance" "web" {
  ami           = "ami-0abcdef1234567890"
  instance_type = "t3.micro"
  user_data     = ⟦var.debug ? "export AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY" : "echo ready"⟧
}
`,
          expect: [{ severity: 'info', message: ['Depends on the deployment', 'AWS_SECRET_ACCESS_KEY', 'if var.debug'] }],
        },
      ],
    },
  },
  {
    rule: 'ec2-imdsv2',
    cloudformation: {
      good: [
        {
          name: 'HttpTokens required',
          code: `Resources:
  Web:
    Type: AWS::EC2::Instance
    Properties:
      ImageId: ami-0abcdef1234567890
      MetadataOptions:
        HttpTokens: required
`,
        },
        {
          name: 'the metadata endpoint is turned off',
          code: `Resources:
  Batch:
    Type: AWS::EC2::Instance
    Properties:
      ImageId: ami-0abcdef1234567890
      MetadataOptions:
        HttpEndpoint: disabled
`,
        },
        {
          name: 'an Amazon Linux 2023 AMI from the public SSM parameter (ImdsSupport v2.0)',
          code: `Parameters:
  LatestAmi:
    Type: AWS::SSM::Parameter::Value<AWS::EC2::Image::Id>
    Default: /aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64
Resources:
  Web:
    Type: AWS::EC2::Instance
    Properties:
      ImageId: !Ref LatestAmi
`,
        },
        {
          name: 'a resolve reference to the AL2023 parameter',
          code: `Resources:
  Web:
    Type: AWS::EC2::Instance
    Properties:
      ImageId: '{{resolve:ssm:/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-arm64}}'
`,
        },
        {
          name: 'launched from the latest version of a launch template of the same file that requires IMDSv2',
          code: `Resources:
  Template:
    Type: AWS::EC2::LaunchTemplate
    Properties:
      LaunchTemplateData:
        MetadataOptions:
          HttpTokens: required
  Web:
    Type: AWS::EC2::Instance
    Properties:
      LaunchTemplate:
        LaunchTemplateId: !Ref Template
        Version: !GetAtt Template.LatestVersionNumber
`,
        },
      ],
      bad: [
        {
          name: 'HttpTokens optional',
          code: `Resources:
  Web:
    Type: AWS::EC2::Instance
    Properties:
      ImageId: ami-0abcdef1234567890
      MetadataOptions:
        HttpTokens: ⟦optional⟧
`,
          expect: [{ severity: 'warning', message: ["MetadataOptions.HttpTokens is 'optional'", IMDS_GAP] }],
        },
        {
          name: 'HttpTokens not set on an AMI whose IMDS support is unknown: depends on the AMI and account defaults',
          code: `Resources:
  ⟦Web⟧:
    Type: AWS::EC2::Instance
    Properties:
      ImageId: ami-0abcdef1234567890
`,
          expect: [{ severity: 'info', message: [...IMDS_DEPENDS, 'MetadataOptions.HttpTokens is not set', 'set MetadataOptions.HttpTokens: required'] }],
        },
        {
          name: 'optional tokens through a parameter default',
          code: `Parameters:
  Tokens:
    Type: String
    Default: optional
    AllowedValues: [optional, required]
Resources:
  Web:
    Type: AWS::EC2::Instance
    Properties:
      ImageId: ami-0abcdef1234567890
      MetadataOptions:
        HttpTokens: ⟦!Ref Tokens⟧
`,
          expect: [{ severity: 'warning', message: ["HttpTokens is 'optional' (Ref Tokens, default 'optional')"] }],
        },
        {
          name: 'launched from the latest version of a launch template of the same file that allows IMDSv1',
          code: `Resources:
  Template:
    Type: AWS::EC2::LaunchTemplate
    Properties:
      LaunchTemplateData:
        MetadataOptions:
          HttpTokens: optional
  ⟦Web⟧:
    Type: AWS::EC2::Instance
    Properties:
      LaunchTemplate:
        LaunchTemplateId: !Ref Template
        Version: !GetAtt Template.LatestVersionNumber
`,
          expect: [{ severity: 'warning', message: ['the instance leaves it to launch template Template', "HttpTokens is 'optional'", IMDS_GAP] }],
        },
        {
          name: 'launched from the default version of a launch template that requires IMDSv2 in its written version: depends',
          code: `Resources:
  Template:
    Type: AWS::EC2::LaunchTemplate
    Properties:
      LaunchTemplateData:
        MetadataOptions:
          HttpTokens: required
  ⟦Web⟧:
    Type: AWS::EC2::Instance
    Properties:
      LaunchTemplate:
        LaunchTemplateId: !Ref Template
        Version: !GetAtt Template.DefaultVersionNumber
`,
          expect: [{ severity: 'info', message: ['Depends on the deployment', 'launch template Template', 'DefaultVersionNumber'] }],
        },
      ],
    },
    terraform: {
      good: [
        {
          name: 'http_tokens required',
          code: `resource "aws_instance" "web" {
  ami           = "ami-0abcdef1234567890"
  instance_type = "t3.micro"
  metadata_options {
    http_tokens = "required"
  }
}
`,
        },
        {
          name: 'the metadata endpoint is turned off',
          code: `resource "aws_instance" "batch" {
  ami           = "ami-0abcdef1234567890"
  instance_type = "c7g.large"
  metadata_options {
    http_endpoint = "disabled"
  }
}
`,
        },
        {
          name: 'an AL2023 AMI from the public SSM parameter',
          code: `data "aws_ssm_parameter" "al2023" {
  name = "/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64"
}

resource "aws_instance" "web" {
  ami           = data.aws_ssm_parameter.al2023.value
  instance_type = "t3.small"
}
`,
        },
        {
          name: 'an Amazon-owned AL2023 AMI found by name',
          code: `data "aws_ami" "al2023" {
  most_recent = true
  owners      = ["amazon"]
  filter {
    name   = "name"
    values = ["al2023-ami-2023.*-x86_64"]
  }
}

resource "aws_instance" "web" {
  ami           = data.aws_ami.al2023.id
  instance_type = "t3.small"
}
`,
        },
        {
          name: 'launched from the latest version of a launch template of the same file that requires IMDSv2',
          code: `resource "aws_launch_template" "template" {
  name_prefix = "web"
  metadata_options {
    http_tokens = "required"
  }
}

resource "aws_instance" "web" {
  launch_template {
    id      = aws_launch_template.template.id
    version = "$Latest"
  }
}
`,
        },
        {
          name: 'launched from the default version of a launch template that moves its default to each new version',
          code: `resource "aws_launch_template" "template" {
  name_prefix            = "web"
  update_default_version = true
  metadata_options {
    http_tokens = "required"
  }
}

resource "aws_instance" "web" {
  launch_template {
    id = aws_launch_template.template.id
  }
}
`,
        },
      ],
      bad: [
        {
          name: 'http_tokens optional',
          code: `resource "aws_instance" "web" {
  ami           = "ami-0abcdef1234567890"
  instance_type = "t3.micro"
  metadata_options {
    http_tokens = ⟦"optional"⟧
  }
}
`,
          expect: [{ severity: 'warning', message: ["metadata_options.http_tokens is 'optional'", IMDS_GAP] }],
        },
        {
          name: 'http_tokens not set on an Amazon Linux 2 AMI: depends on the AMI and account defaults, in Terraform words',
          code: `data "aws_ssm_parameter" "al2" {
  name = "/aws/service/ami-amazon-linux-latest/amzn2-ami-hvm-x86_64-gp2"
}

resource "aws_instance" ⟦"web"⟧ {
  ami           = data.aws_ssm_parameter.al2.value
  instance_type = "t3.micro"
}
`,
          expect: [{ severity: 'info', message: [...IMDS_DEPENDS, 'metadata_options.http_tokens is not set', 'set metadata_options.http_tokens = "required"'] }],
        },
        {
          name: 'launched from the latest version of a launch template of the same file that allows IMDSv1',
          code: `resource "aws_launch_template" "template" {
  name_prefix = "web"
  metadata_options {
    http_tokens = "optional"
  }
}

resource "aws_instance" ⟦"web"⟧ {
  launch_template {
    id      = aws_launch_template.template.id
    version = aws_launch_template.template.latest_version
  }
}
`,
          expect: [{ severity: 'warning', message: ['the instance leaves it to launch template aws_launch_template.template', "metadata_options.http_tokens is 'optional'", IMDS_GAP] }],
        },
        {
          name: 'launched from the default version of a launch template that requires IMDSv2 in its written version: depends',
          code: `resource "aws_launch_template" "template" {
  name_prefix = "web"
  metadata_options {
    http_tokens = "required"
  }
}

resource "aws_instance" ⟦"web"⟧ {
  launch_template {
    id = aws_launch_template.template.id
  }
}
`,
          expect: [{ severity: 'info', message: ['Depends on the deployment', 'launch template aws_launch_template.template', 'the default version'] }],
        },
      ],
    },
  },
  {
    rule: 'ec2-no-public-ip',
    cloudformation: {
      good: [
        {
          name: 'no public address on the network interface',
          code: `Resources:
  Web:
    Type: AWS::EC2::Instance
    Properties:
      ImageId: ami-0abcdef1234567890
      NetworkInterfaces:
        - DeviceIndex: "0"
          SubnetId: subnet-0123456789abcdef0
          AssociatePublicIpAddress: false
`,
        },
        {
          name: 'not set, in a subnet of the template that leaves MapPublicIpOnLaunch false',
          code: `Resources:
  Private:
    Type: AWS::EC2::Subnet
    Properties:
      VpcId: vpc-0123456789abcdef0
      CidrBlock: 10.0.1.0/24
  Web:
    Type: AWS::EC2::Instance
    Properties:
      ImageId: ami-0abcdef1234567890
      SubnetId: !Ref Private
`,
        },
        {
          name: 'not set, in a subnet outside the template: cannot be checked, no finding',
          code: `Resources:
  Web:
    Type: AWS::EC2::Instance
    Properties:
      ImageId: ami-0abcdef1234567890
      SubnetId: subnet-0123456789abcdef0
`,
        },
      ],
      bad: [
        {
          name: 'a public address on the primary interface',
          code: `Resources:
  Web:
    Type: AWS::EC2::Instance
    Properties:
      ImageId: ami-0abcdef1234567890
      NetworkInterfaces:
        - DeviceIndex: "0"
          SubnetId: subnet-0123456789abcdef0
          AssociatePublicIpAddress: ⟦true⟧
`,
          expect: [{ severity: 'error', message: ['AssociatePublicIpAddress is true', 'public address'] }],
        },
        {
          name: 'not set, in a subnet of the template with MapPublicIpOnLaunch true',
          code: `Resources:
  Public:
    Type: AWS::EC2::Subnet
    Properties:
      VpcId: vpc-0123456789abcdef0
      CidrBlock: 10.0.0.0/24
      MapPublicIpOnLaunch: true
  ⟦Web⟧:
    Type: AWS::EC2::Instance
    Properties:
      ImageId: ami-0abcdef1234567890
      SubnetId: !Ref Public
`,
          expect: [{ severity: 'error', message: ['AssociatePublicIpAddress is not set', 'Public (SubnetId) sets MapPublicIpOnLaunch to true'] }],
        },
        {
          name: 'no subnet: the default subnet assigns public addresses (information)',
          code: `Resources:
  ⟦Web⟧:
    Type: AWS::EC2::Instance
    Properties:
      ImageId: ami-0abcdef1234567890
`,
          expect: [{ severity: 'info', message: ['Depends on the deployment', 'no subnet is given', 'default subnet'] }],
        },
      ],
    },
    terraform: {
      good: [
        {
          name: 'associate_public_ip_address false',
          code: `resource "aws_instance" "web" {
  ami                         = "ami-0abcdef1234567890"
  instance_type               = "t3.micro"
  associate_public_ip_address = false
}
`,
        },
        {
          name: 'not set, in an aws_subnet of the module without map_public_ip_on_launch',
          code: `resource "aws_subnet" "private" {
  vpc_id     = "vpc-0123456789abcdef0"
  cidr_block = "10.0.1.0/24"
}

resource "aws_instance" "web" {
  ami           = "ami-0abcdef1234567890"
  instance_type = "t3.micro"
  subnet_id     = aws_subnet.private.id
}
`,
        },
        {
          name: 'a variable whose value is null, in an aws_subnet of the module without map_public_ip_on_launch (null is not set)',
          code: `variable "public_ip" {
  type    = bool
  default = null
}

resource "aws_subnet" "private" {
  vpc_id     = "vpc-0123456789abcdef0"
  cidr_block = "10.0.1.0/24"
}

resource "aws_instance" "web" {
  ami                         = "ami-0abcdef1234567890"
  instance_type               = "t3.micro"
  subnet_id                   = aws_subnet.private.id
  associate_public_ip_address = var.public_ip
}
`,
        },
        {
          name: 'launched from the latest version of a launch template of the same file that assigns no public address',
          code: `resource "aws_launch_template" "template" {
  name_prefix = "web"
  network_interfaces {
    associate_public_ip_address = false
  }
}

resource "aws_instance" "web" {
  launch_template {
    id      = aws_launch_template.template.id
    version = "$Latest"
  }
}
`,
        },
      ],
      bad: [
        {
          name: 'associate_public_ip_address true',
          code: `resource "aws_instance" "web" {
  ami                         = "ami-0abcdef1234567890"
  instance_type               = "t3.micro"
  associate_public_ip_address = ⟦true⟧
}
`,
          expect: [{ severity: 'error', message: ['associate_public_ip_address is true'] }],
        },
        {
          name: 'not set, in an aws_subnet of the module with map_public_ip_on_launch = true',
          code: `resource "aws_subnet" "public" {
  vpc_id                  = "vpc-0123456789abcdef0"
  cidr_block              = "10.0.0.0/24"
  map_public_ip_on_launch = true
}

resource "aws_instance" ⟦"web"⟧ {
  ami           = "ami-0abcdef1234567890"
  instance_type = "t3.micro"
  subnet_id     = aws_subnet.public.id
}
`,
          expect: [{ severity: 'error', message: ['associate_public_ip_address is not set', 'aws_subnet.public (subnet_id) sets map_public_ip_on_launch to true'] }],
        },
        {
          name: 'no subnet_id: the default subnet assigns public addresses (information)',
          code: `resource "aws_instance" ⟦"web"⟧ {
  ami           = "ami-0abcdef1234567890"
  instance_type = "t3.micro"
}
`,
          expect: [{ severity: 'info', message: ['Depends on the deployment', 'associate_public_ip_address is not set', 'default subnet'] }],
        },
        {
          name: 'a variable whose value is null and no subnet_id: the same as not set (information, in Terraform words)',
          code: `variable "public_ip" {
  type    = bool
  default = null
}

resource "aws_instance" ⟦"web"⟧ {
  ami                         = "ami-0abcdef1234567890"
  instance_type               = "t3.micro"
  associate_public_ip_address = var.public_ip
}
`,
          expect: [{ severity: 'info', message: ['Depends on the deployment: associate_public_ip_address is not set and no subnet is given, so instances land in a default subnet'] }],
        },
      ],
    },
  },
  {
    rule: 'ec2-ebs-encrypted',
    cloudformation: {
      good: [
        {
          name: 'launched from the latest version of a launch template of the same file that encrypts its volumes',
          code: `Resources:
  Template:
    Type: AWS::EC2::LaunchTemplate
    Properties:
      LaunchTemplateData:
        BlockDeviceMappings:
          - DeviceName: /dev/xvda
            Ebs:
              Encrypted: true
  Web:
    Type: AWS::EC2::Instance
    Properties:
      LaunchTemplate:
        LaunchTemplateId: !Ref Template
        Version: $Latest
`,
        },
        {
          name: 'every EBS mapping encrypted; instance store mappings are left alone',
          code: `Resources:
  Web:
    Type: AWS::EC2::Instance
    Properties:
      ImageId: ami-0abcdef1234567890
      BlockDeviceMappings:
        - DeviceName: /dev/xvda
          Ebs:
            VolumeSize: 20
            Encrypted: true
        - DeviceName: /dev/sdb
          VirtualName: ephemeral0
`,
        },
        {
          name: 'a volume restored from a snapshot inherits its encryption',
          code: `Resources:
  Web:
    Type: AWS::EC2::Instance
    Properties:
      ImageId: ami-0abcdef1234567890
      BlockDeviceMappings:
        - DeviceName: /dev/xvda
          Ebs:
            Encrypted: true
        - DeviceName: /dev/sdf
          Ebs:
            SnapshotId: snap-0123456789abcdef0
`,
        },
      ],
      bad: [
        {
          name: 'an extra volume explicitly unencrypted',
          code: `Resources:
  Web:
    Type: AWS::EC2::Instance
    Properties:
      ImageId: ami-0abcdef1234567890
      BlockDeviceMappings:
        - DeviceName: /dev/sdf
          Ebs:
            VolumeSize: 100
            Encrypted: ⟦false⟧
`,
          expect: [{ severity: 'warning', message: ['Ebs.Encrypted is false'] }],
        },
        {
          name: 'a new blank volume without Encrypted',
          code: `Resources:
  Web:
    Type: AWS::EC2::Instance
    Properties:
      ImageId: ami-0abcdef1234567890
      BlockDeviceMappings:
        - ⟦DeviceName: /dev/sdf
          Ebs:
            VolumeSize: 100⟧
`,
          expect: [{ severity: 'warning', message: ['Ebs.Encrypted is not set', 'unless account-level EBS encryption by default is on'] }],
        },
        {
          name: 'no mappings or a root mapping without Encrypted: depends on the AMI snapshot and the account default',
          code: `Resources:
  ⟦Web⟧:
    Type: AWS::EC2::Instance
    Properties:
      ImageId: ami-0abcdef1234567890
  Worker:
    Type: AWS::EC2::Instance
    Properties:
      ImageId: ami-0abcdef1234567890
      BlockDeviceMappings:
        - ⟦DeviceName: /dev/xvda
          Ebs:
            VolumeSize: 50⟧
`,
          expect: [{ severity: 'info', message: [...ROOT_DEPENDS, 'BlockDeviceMappings is not set'] }, { severity: 'info', message: [...ROOT_DEPENDS, 'Ebs.Encrypted is not set'] }],
        },
      ],
    },
    terraform: {
      good: [
        {
          name: 'launched from the latest version of a launch template of the same file that encrypts its volumes',
          code: `resource "aws_launch_template" "template" {
  name_prefix = "web"
  block_device_mappings {
    device_name = "/dev/xvda"
    ebs {
      encrypted = true
    }
  }
}

resource "aws_instance" "web" {
  launch_template {
    id      = aws_launch_template.template.id
    version = "$Latest"
  }
}
`,
        },
        {
          name: 'root and extra volumes encrypted',
          code: `resource "aws_instance" "web" {
  ami           = "ami-0abcdef1234567890"
  instance_type = "t3.micro"
  root_block_device {
    encrypted = true
  }
  ebs_block_device {
    device_name = "/dev/sdf"
    encrypted   = true
  }
}
`,
        },
      ],
      bad: [
        {
          name: 'an unencrypted extra volume, and a root block without encrypted (depends on the AMI)',
          code: `resource "aws_instance" "web" {
  ami           = "ami-0abcdef1234567890"
  instance_type = "t3.micro"
  root_block_device {
    ⟦volume_size = 20⟧
  }
  ebs_block_device {
    device_name = "/dev/sdf"
    encrypted   = ⟦false⟧
  }
}
`,
          expect: [{ severity: 'info', message: [...ROOT_DEPENDS, 'encrypted is not set'] }, { severity: 'warning', message: ['encrypted is false'] }],
        },
      ],
    },
  },
  {
    rule: 'ec2-instance-profile',
    cloudformation: {
      good: [
        {
          name: 'an instance profile from the template',
          code: `Resources:
  Web:
    Type: AWS::EC2::Instance
    Properties:
      ImageId: ami-0abcdef1234567890
      IamInstanceProfile: !Ref WebProfile
  WebProfile:
    Type: AWS::IAM::InstanceProfile
    Properties:
      Roles: [web-role]
`,
        },
      ],
      bad: [
        {
          name: 'no instance profile',
          code: `Resources:
  ⟦Web⟧:
    Type: AWS::EC2::Instance
    Properties:
      ImageId: ami-0abcdef1234567890
`,
          expect: [{ severity: 'info', message: ['IamInstanceProfile is not set', 'long-lived access keys'] }],
        },
      ],
    },
    terraform: {
      good: [
        {
          name: 'iam_instance_profile set',
          code: `resource "aws_instance" "web" {
  ami                  = "ami-0abcdef1234567890"
  instance_type        = "t3.micro"
  iam_instance_profile = aws_iam_instance_profile.web.name
}
`,
        },
      ],
      bad: [
        {
          name: 'no iam_instance_profile',
          code: `resource "aws_instance" ⟦"web"⟧ {
  ami           = "ami-0abcdef1234567890"
  instance_type = "t3.micro"
}
`,
          expect: [{ severity: 'info', message: ['iam_instance_profile is not set'] }],
        },
      ],
    },
  },
  {
    rule: 'ec2-ssm-patching',
    cloudformation: {
      good: [
        {
          name: 'an association runs AWS-RunPatchBaseline on the instance',
          code: `Resources:
  Web:
    Type: AWS::EC2::Instance
    Properties:
      ImageId: ami-0abcdef1234567890
  Patching:
    Type: AWS::SSM::Association
    Properties:
      Name: AWS-RunPatchBaseline
      ScheduleExpression: cron(0 3 ? * SUN *)
      Parameters:
        Operation: [Install]
      Targets:
        - Key: InstanceIds
          Values: [!Ref Web]
`,
        },
      ],
      bad: [
        {
          name: 'the patch association targets other instances by tag',
          code: `Resources:
  ⟦Web⟧:
    Type: AWS::EC2::Instance
    Properties:
      ImageId: ami-0abcdef1234567890
      Tags:
        - Key: PatchGroup
          Value: none
  Patching:
    Type: AWS::SSM::Association
    Properties:
      Name: AWS-RunPatchBaseline
      Targets:
        - Key: tag:PatchGroup
          Values: [prod]
`,
          expect: [{ severity: 'info', message: ['AWS-RunPatchBaseline', 'Patching targets other instances'] }],
        },
      ],
    },
    terraform: {
      good: [
        {
          name: 'an association targets the instance by tag',
          code: `resource "aws_instance" "web" {
  ami           = "ami-0abcdef1234567890"
  instance_type = "t3.micro"
  tags = {
    PatchGroup = "prod"
  }
}

resource "aws_ssm_association" "patching" {
  name                = "AWS-RunPatchBaseline"
  schedule_expression = "cron(0 3 ? * SUN *)"
  parameters = {
    Operation = "Install"
  }
  targets {
    key    = "tag:PatchGroup"
    values = ["prod"]
  }
}
`,
        },
      ],
      bad: [
        {
          name: 'no patching in the module',
          code: `resource "aws_instance" ⟦"web"⟧ {
  ami           = "ami-0abcdef1234567890"
  instance_type = "t3.micro"
}
`,
          expect: [{ severity: 'info', message: ['No SSM association or maintenance window task in this module'] }],
        },
      ],
    },
  },
  // --- EBS
  {
    rule: 'ebs-volume-encrypted',
    cloudformation: {
      good: [
        {
          name: 'Encrypted true',
          code: `Resources:
  Data:
    Type: AWS::EC2::Volume
    Properties:
      AvailabilityZone: eu-west-1a
      Size: 100
      Encrypted: true
`,
        },
        {
          name: 'restored from a snapshot: inherits its encryption',
          code: `Resources:
  Data:
    Type: AWS::EC2::Volume
    Properties:
      AvailabilityZone: eu-west-1a
      SnapshotId: snap-0123456789abcdef0
`,
        },
      ],
      bad: [
        {
          name: 'Encrypted false',
          code: `Resources:
  Data:
    Type: AWS::EC2::Volume
    Properties:
      AvailabilityZone: eu-west-1a
      Size: 100
      Encrypted: ⟦false⟧
`,
          expect: [{ severity: 'warning', message: ['Encrypted is false', 'unencrypted'] }],
        },
        {
          name: 'Encrypted not set',
          code: `Resources:
  ⟦Data⟧:
    Type: AWS::EC2::Volume
    Properties:
      AvailabilityZone: eu-west-1a
      Size: 100
`,
          expect: [{ severity: 'warning', message: ['Encrypted is not set', 'account-level EBS encryption by default'] }],
        },
      ],
    },
    terraform: {
      good: [
        {
          name: 'encrypted true',
          code: `resource "aws_ebs_volume" "data" {
  availability_zone = "eu-west-1a"
  size              = 100
  encrypted         = true
}
`,
        },
        {
          name: 'restored from a snapshot: inherits its encryption',
          code: `resource "aws_ebs_volume" "data" {
  availability_zone = "eu-west-1a"
  snapshot_id       = "snap-0123456789abcdef0"
}
`,
        },
        {
          name: 'encrypted not set, EBS encryption by default on in the module (same provider and Region)',
          code: `resource "aws_ebs_encryption_by_default" "this" {
  enabled = true
}

resource "aws_ebs_volume" "data" {
  availability_zone = "eu-west-1a"
  size              = 100
}
`,
        },
      ],
      bad: [
        {
          name: 'encrypted not set',
          code: `resource "aws_ebs_volume" ⟦"data"⟧ {
  availability_zone = "eu-west-1a"
  size              = 100
}
`,
          expect: [{ severity: 'warning', message: ['encrypted is not set'] }],
        },
        {
          name: 'encryption by default turned on through another provider configuration, perhaps another Region (information)',
          code: `resource "aws_ebs_encryption_by_default" "west" {
  provider = aws.west
  enabled  = true
}

resource "aws_ebs_volume" ⟦"data"⟧ {
  availability_zone = "eu-west-1a"
  size              = 100
}
`,
          expect: [{ severity: 'info', message: ['Depends on the deployment', 'encrypted is not set', 'aws_ebs_encryption_by_default.west turns on EBS encryption by default', 'if it manages the Region'] }],
        },
      ],
    },
  },
  {
    rule: 'ebs-volume-cmk',
    cloudformation: {
      good: [
        {
          name: 'a customer managed key',
          code: `Resources:
  Data:
    Type: AWS::EC2::Volume
    Properties:
      AvailabilityZone: eu-west-1a
      Encrypted: true
      KmsKeyId: !GetAtt VolumeKey.Arn
`,
        },
        {
          name: 'an unencrypted volume is ebs-volume-encrypted\'s concern',
          code: `Resources:
  Data:
    Type: AWS::EC2::Volume
    Properties:
      AvailabilityZone: eu-west-1a
      Encrypted: false
`,
        },
      ],
      bad: [
        {
          name: 'encrypted with the AWS managed key',
          code: `Resources:
  ⟦Data⟧:
    Type: AWS::EC2::Volume
    Properties:
      AvailabilityZone: eu-west-1a
      Encrypted: true
  Logs:
    Type: AWS::EC2::Volume
    Properties:
      AvailabilityZone: eu-west-1a
      Encrypted: true
      KmsKeyId: ⟦alias/aws/ebs⟧
`,
          expect: [{ severity: 'info', message: ['KmsKeyId is not set', 'aws/ebs'] }, { severity: 'info', message: ["KmsKeyId is 'alias/aws/ebs'"] }],
        },
      ],
    },
    terraform: {
      good: [
        {
          name: 'kms_key_id set',
          code: `resource "aws_ebs_volume" "data" {
  availability_zone = "eu-west-1a"
  encrypted         = true
  kms_key_id        = aws_kms_key.ebs.arn
}
`,
        },
      ],
      bad: [
        {
          name: 'encrypted without kms_key_id',
          code: `resource "aws_ebs_volume" ⟦"data"⟧ {
  availability_zone = "eu-west-1a"
  encrypted         = true
}
`,
          expect: [{ severity: 'info', message: ['kms_key_id is not set'] }],
        },
        {
          name: 'kms_key_id naming the AWS managed key by its alias ARN',
          code: `resource "aws_ebs_volume" "data" {
  availability_zone = "eu-west-1a"
  encrypted         = true
  kms_key_id        = ⟦"arn:aws:kms:eu-west-1:111122223333:alias/aws/ebs"⟧
}
`,
          expect: [{ severity: 'info', message: ["kms_key_id is 'arn:aws:kms:eu-west-1:111122223333:alias/aws/ebs'", 'AWS managed aws/ebs key'] }],
        },
      ],
    },
  },
  {
    rule: 'ebs-default-encryption',
    terraform: {
      good: [
        {
          name: 'enabled',
          code: `resource "aws_ebs_encryption_by_default" "this" {
  enabled = true
}
`,
        },
        {
          name: 'enabled defaults to true',
          code: `resource "aws_ebs_encryption_by_default" "this" {}
`,
        },
      ],
      bad: [
        {
          name: 'turned off',
          code: `resource "aws_ebs_encryption_by_default" "this" {
  enabled = ⟦false⟧
}
`,
          expect: [{ severity: 'warning', message: ['enabled is false'] }],
        },
      ],
    },
  },
  // --- Launch templates
  {
    rule: 'lt-imdsv2',
    cloudformation: {
      good: [
        {
          name: 'HttpTokens required',
          code: `Resources:
  Template:
    Type: AWS::EC2::LaunchTemplate
    Properties:
      LaunchTemplateData:
        ImageId: ami-0abcdef1234567890
        MetadataOptions:
          HttpTokens: required
          HttpPutResponseHopLimit: 2
`,
        },
        {
          name: 'the metadata endpoint is turned off',
          code: `Resources:
  BatchNodeTemplate:
    Type: AWS::EC2::LaunchTemplate
    Properties:
      LaunchTemplateData:
        ImageId: ami-0a9b8c7d6e5f40312
        MetadataOptions:
          HttpEndpoint: disabled
`,
        },
      ],
      bad: [
        {
          name: 'HttpTokens optional: the same severity as on an instance',
          code: `Resources:
  Template:
    Type: AWS::EC2::LaunchTemplate
    Properties:
      LaunchTemplateData:
        MetadataOptions:
          HttpTokens: ⟦optional⟧
`,
          expect: [{ severity: 'warning', message: ["LaunchTemplateData.MetadataOptions.HttpTokens is 'optional'", IMDS_GAP] }],
        },
        {
          name: 'HttpTokens not set: depends on the AMI',
          code: `Resources:
  ⟦Template⟧:
    Type: AWS::EC2::LaunchTemplate
    Properties:
      LaunchTemplateData:
        ImageId: ami-0abcdef1234567890
`,
          expect: [{ severity: 'info', message: IMDS_DEPENDS }],
        },
      ],
    },
    terraform: {
      good: [
        {
          name: 'http_tokens required',
          code: `resource "aws_launch_template" "web" {
  image_id = "ami-0abcdef1234567890"
  metadata_options {
    http_tokens                 = "required"
    http_put_response_hop_limit = 2
  }
}
`,
        },
        {
          name: 'an AL2023 AMI through resolve:ssm',
          code: `resource "aws_launch_template" "web" {
  image_id = "resolve:ssm:/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64"
}
`,
        },
      ],
      bad: [
        {
          name: 'http_tokens optional',
          code: `resource "aws_launch_template" "web" {
  metadata_options {
    http_endpoint = "enabled"
    http_tokens   = ⟦"optional"⟧
  }
}
`,
          expect: [{ severity: 'warning', message: ["metadata_options.http_tokens is 'optional'"] }],
        },
      ],
    },
  },
  {
    rule: 'lt-no-public-ip',
    cloudformation: {
      good: [
        {
          name: 'interfaces without public addresses',
          code: `Resources:
  Template:
    Type: AWS::EC2::LaunchTemplate
    Properties:
      LaunchTemplateData:
        NetworkInterfaces:
          - DeviceIndex: 0
            AssociatePublicIpAddress: false
`,
        },
      ],
      bad: [
        {
          name: 'a public address on the interface',
          code: `Resources:
  Template:
    Type: AWS::EC2::LaunchTemplate
    Properties:
      LaunchTemplateData:
        NetworkInterfaces:
          - DeviceIndex: 0
            AssociatePublicIpAddress: ⟦true⟧
`,
          expect: [{ severity: 'error', message: ['AssociatePublicIpAddress is true', 'every instance launched from the template'] }],
        },
      ],
    },
    terraform: {
      good: [
        {
          name: 'associate_public_ip_address false (the provider\'s string form)',
          code: `resource "aws_launch_template" "web" {
  network_interfaces {
    associate_public_ip_address = "false"
  }
}
`,
        },
      ],
      bad: [
        {
          name: 'associate_public_ip_address true',
          code: `resource "aws_launch_template" "web" {
  network_interfaces {
    associate_public_ip_address = ⟦true⟧
  }
}
`,
          expect: [{ severity: 'error', message: ['associate_public_ip_address is true'] }],
        },
        {
          name: 'not set, used by a group in a subnet with map_public_ip_on_launch = true',
          code: `resource "aws_subnet" "public" {
  vpc_id                  = "vpc-0123456789abcdef0"
  cidr_block              = "10.0.0.0/24"
  map_public_ip_on_launch = true
}

resource "aws_launch_template" ⟦"web"⟧ {
  image_id = "ami-0abcdef1234567890"
}

resource "aws_autoscaling_group" "web" {
  min_size            = 1
  max_size            = 2
  vpc_zone_identifier = [aws_subnet.public.id]
  launch_template {
    id = aws_launch_template.web.id
  }
}
`,
          expect: [{ severity: 'error', message: ['associate_public_ip_address is not set', 'aws_subnet.public', 'every instance launched from the template'] }],
        },
        {
          name: 'a network interface whose associate_public_ip_address is a null variable, used by a group in a subnet with map_public_ip_on_launch = true',
          code: `variable "public_ip" {
  type    = bool
  default = null
}

resource "aws_subnet" "public" {
  vpc_id                  = "vpc-0123456789abcdef0"
  cidr_block              = "10.0.0.0/24"
  map_public_ip_on_launch = true
}

resource "aws_launch_template" ⟦"web"⟧ {
  image_id = "ami-0abcdef1234567890"
  network_interfaces {
    associate_public_ip_address = var.public_ip
  }
}

resource "aws_autoscaling_group" "web" {
  min_size            = 1
  max_size            = 2
  vpc_zone_identifier = [aws_subnet.public.id]
  launch_template {
    id = aws_launch_template.web.id
  }
}
`,
          expect: [{ severity: 'error', message: ['associate_public_ip_address is not set', 'aws_subnet.public', 'every instance launched from the template'] }],
        },
      ],
    },
  },
  {
    rule: 'lt-ebs-encrypted',
    cloudformation: {
      good: [
        {
          name: 'EBS mappings encrypted',
          code: `Resources:
  Template:
    Type: AWS::EC2::LaunchTemplate
    Properties:
      LaunchTemplateData:
        BlockDeviceMappings:
          - DeviceName: /dev/xvda
            Ebs:
              VolumeSize: 20
              Encrypted: true
`,
        },
      ],
      bad: [
        {
          name: 'a volume explicitly unencrypted',
          code: `Resources:
  Template:
    Type: AWS::EC2::LaunchTemplate
    Properties:
      LaunchTemplateData:
        BlockDeviceMappings:
          - DeviceName: /dev/sdf
            Ebs:
              Encrypted: ⟦false⟧
`,
          expect: [{ severity: 'warning', message: ['Ebs.Encrypted is false'] }],
        },
        {
          name: 'no mappings: the same hint as an instance',
          code: `Resources:
  ⟦Template⟧:
    Type: AWS::EC2::LaunchTemplate
    Properties:
      LaunchTemplateData:
        ImageId: ami-0abcdef1234567890
`,
          expect: [{ severity: 'info', message: [...ROOT_DEPENDS, 'LaunchTemplateData.BlockDeviceMappings is not set'] }],
        },
      ],
    },
    terraform: {
      good: [
        {
          name: 'ebs.encrypted "true" (the provider\'s string form)',
          code: `resource "aws_launch_template" "web" {
  block_device_mappings {
    device_name = "/dev/xvda"
    ebs {
      encrypted = "true"
    }
  }
}
`,
        },
      ],
      bad: [
        {
          name: 'ebs.encrypted "false"',
          code: `resource "aws_launch_template" "web" {
  block_device_mappings {
    device_name = "/dev/sdf"
    ebs {
      encrypted = ⟦"false"⟧
    }
  }
}
`,
          expect: [{ severity: 'warning', message: ["ebs.encrypted is 'false'"] }],
        },
      ],
    },
  },
  // --- Launch configurations
  {
    rule: 'lc-imdsv2',
    cloudformation: {
      good: [
        {
          name: 'HttpTokens required',
          code: `Resources:
  Config:
    Type: AWS::AutoScaling::LaunchConfiguration
    Properties:
      ImageId: ami-0abcdef1234567890
      InstanceType: t3.micro
      MetadataOptions:
        HttpTokens: required
`,
        },
        {
          name: 'the metadata endpoint is turned off',
          code: `Resources:
  Config:
    Type: AWS::AutoScaling::LaunchConfiguration
    Properties:
      ImageId: ami-0abcdef1234567890
      InstanceType: t3.micro
      MetadataOptions:
        HttpEndpoint: disabled
`,
        },
      ],
      bad: [
        {
          name: 'HttpTokens optional',
          code: `Resources:
  Config:
    Type: AWS::AutoScaling::LaunchConfiguration
    Properties:
      ImageId: ami-0abcdef1234567890
      InstanceType: t3.micro
      MetadataOptions:
        HttpTokens: ⟦optional⟧
`,
          expect: [{ severity: 'warning', message: ["MetadataOptions.HttpTokens is 'optional'"] }],
        },
        {
          name: 'HttpTokens not set: depends on the AMI, as on an instance',
          code: `Resources:
  ⟦Config⟧:
    Type: AWS::AutoScaling::LaunchConfiguration
    Properties:
      ImageId: ami-0abcdef1234567890
      InstanceType: t3.micro
`,
          expect: [{ severity: 'info', message: IMDS_DEPENDS }],
        },
      ],
    },
    terraform: {
      good: [
        {
          name: 'http_tokens required',
          code: `resource "aws_launch_configuration" "web" {
  image_id      = "ami-0abcdef1234567890"
  instance_type = "t3.micro"
  metadata_options {
    http_tokens = "required"
  }
}
`,
        },
        {
          name: 'the metadata endpoint is turned off',
          code: `resource "aws_launch_configuration" "web" {
  image_id      = "ami-0abcdef1234567890"
  instance_type = "t3.micro"
  metadata_options {
    http_endpoint = "disabled"
  }
}
`,
        },
      ],
      bad: [
        {
          name: 'http_tokens optional',
          code: `resource "aws_launch_configuration" "web" {
  image_id      = "ami-0abcdef1234567890"
  instance_type = "t3.micro"
  metadata_options {
    http_tokens = ⟦"optional"⟧
  }
}
`,
          expect: [{ severity: 'warning', message: ["metadata_options.http_tokens is 'optional'"] }],
        },
      ],
    },
  },
  {
    rule: 'lc-no-public-ip',
    cloudformation: {
      good: [
        {
          name: 'AssociatePublicIpAddress false',
          code: `Resources:
  Config:
    Type: AWS::AutoScaling::LaunchConfiguration
    Properties:
      ImageId: ami-0abcdef1234567890
      InstanceType: t3.micro
      AssociatePublicIpAddress: false
`,
        },
      ],
      bad: [
        {
          name: 'AssociatePublicIpAddress true',
          code: `Resources:
  Config:
    Type: AWS::AutoScaling::LaunchConfiguration
    Properties:
      ImageId: ami-0abcdef1234567890
      InstanceType: t3.micro
      AssociatePublicIpAddress: ⟦true⟧
`,
          expect: [{ severity: 'error', message: ['AssociatePublicIpAddress is true', 'every instance launched from the configuration'] }],
        },
        {
          name: 'not set, used by a group without VPCZoneIdentifier: default subnets (information)',
          code: `Resources:
  ⟦Config⟧:
    Type: AWS::AutoScaling::LaunchConfiguration
    Properties:
      ImageId: ami-0abcdef1234567890
      InstanceType: t3.micro
  Group:
    Type: AWS::AutoScaling::AutoScalingGroup
    Properties:
      MinSize: '1'
      MaxSize: '2'
      AvailabilityZones: [eu-west-1a]
      LaunchConfigurationName: !Ref Config
`,
          expect: [{ severity: 'info', message: ['Depends on the deployment', 'AssociatePublicIpAddress is not set', 'default subnet'] }],
        },
      ],
    },
    terraform: {
      good: [
        {
          name: 'not set, used by a group whose subnet leaves map_public_ip_on_launch false',
          code: `resource "aws_subnet" "private" {
  vpc_id     = "vpc-0123456789abcdef0"
  cidr_block = "10.0.1.0/24"
}

resource "aws_launch_configuration" "web" {
  image_id      = "ami-0abcdef1234567890"
  instance_type = "t3.micro"
}

resource "aws_autoscaling_group" "web" {
  min_size             = 1
  max_size             = 2
  vpc_zone_identifier  = [aws_subnet.private.id]
  launch_configuration = aws_launch_configuration.web.name
}
`,
        },
      ],
      bad: [
        {
          name: 'associate_public_ip_address true',
          code: `resource "aws_launch_configuration" "web" {
  image_id                    = "ami-0abcdef1234567890"
  instance_type               = "t3.micro"
  associate_public_ip_address = ⟦true⟧
}
`,
          expect: [{ severity: 'error', message: ['associate_public_ip_address is true'] }],
        },
        {
          name: 'not set, used by a group in a subnet with map_public_ip_on_launch = true',
          code: `resource "aws_subnet" "public" {
  vpc_id                  = "vpc-0123456789abcdef0"
  cidr_block              = "10.0.0.0/24"
  map_public_ip_on_launch = true
}

resource "aws_launch_configuration" ⟦"web"⟧ {
  image_id      = "ami-0abcdef1234567890"
  instance_type = "t3.micro"
}

resource "aws_autoscaling_group" "web" {
  min_size             = 1
  max_size             = 2
  vpc_zone_identifier  = [aws_subnet.public.id]
  launch_configuration = aws_launch_configuration.web.name
}
`,
          expect: [{ severity: 'error', message: ['associate_public_ip_address is not set', 'aws_subnet.public (aws_autoscaling_group.web vpc_zone_identifier) sets map_public_ip_on_launch to true', 'every instance launched from the configuration'] }],
        },
      ],
    },
  },
  {
    rule: 'lc-ebs-encrypted',
    cloudformation: {
      good: [
        {
          name: 'EBS mappings encrypted',
          code: `Resources:
  Config:
    Type: AWS::AutoScaling::LaunchConfiguration
    Properties:
      ImageId: ami-0abcdef1234567890
      InstanceType: t3.micro
      BlockDeviceMappings:
        - DeviceName: /dev/xvda
          Ebs:
            VolumeSize: 20
            Encrypted: true
`,
        },
      ],
      bad: [
        {
          name: 'an extra volume without Encrypted',
          code: `Resources:
  Config:
    Type: AWS::AutoScaling::LaunchConfiguration
    Properties:
      ImageId: ami-0abcdef1234567890
      InstanceType: t3.micro
      BlockDeviceMappings:
        - DeviceName: /dev/xvda
          Ebs:
            Encrypted: true
        - ⟦DeviceName: /dev/sdf
          Ebs:
            VolumeSize: 100⟧
`,
          expect: [{ severity: 'warning', message: ['Ebs.Encrypted is not set'] }],
        },
      ],
    },
    terraform: {
      good: [
        {
          name: 'root and extra volumes encrypted',
          code: `resource "aws_launch_configuration" "web" {
  image_id      = "ami-0abcdef1234567890"
  instance_type = "t3.micro"
  root_block_device {
    encrypted = true
  }
  ebs_block_device {
    device_name = "/dev/sdf"
    encrypted   = true
  }
}
`,
        },
      ],
      bad: [
        {
          name: 'an extra volume unencrypted',
          code: `resource "aws_launch_configuration" "web" {
  image_id      = "ami-0abcdef1234567890"
  instance_type = "t3.micro"
  root_block_device {
    encrypted = true
  }
  ebs_block_device {
    device_name = "/dev/sdf"
    encrypted   = ⟦false⟧
  }
}
`,
          expect: [{ severity: 'warning', message: ['encrypted is false'] }],
        },
      ],
    },
  },
  // --- Elastic Beanstalk
  {
    rule: 'eb-managed-platform-updates',
    cloudformation: {
      good: [
        {
          name: 'managed actions with a minor update level',
          code: `Resources:
  Env:
    Type: AWS::ElasticBeanstalk::Environment
    Properties:
      ApplicationName: shop
      OptionSettings:
        - Namespace: aws:elasticbeanstalk:managedactions
          OptionName: ManagedActionsEnabled
          Value: "true"
        - Namespace: aws:elasticbeanstalk:managedactions
          OptionName: PreferredStartTime
          Value: "Sun:02:00"
        - Namespace: aws:elasticbeanstalk:managedactions:platformupdate
          OptionName: UpdateLevel
          Value: minor
`,
        },
      ],
      bad: [
        {
          name: 'managed actions turned off',
          code: `Resources:
  Env:
    Type: AWS::ElasticBeanstalk::Environment
    Properties:
      ApplicationName: shop
      OptionSettings:
        - Namespace: aws:elasticbeanstalk:managedactions
          OptionName: ManagedActionsEnabled
          Value: ⟦"false"⟧
`,
          expect: [{ severity: 'warning', message: ["ManagedActionsEnabled is 'false'"] }],
        },
      ],
    },
    terraform: {
      good: [
        {
          name: 'setting blocks for managed actions and update level',
          code: `resource "aws_elastic_beanstalk_environment" "shop" {
  name        = "shop"
  application = "shop"
  setting {
    namespace = "aws:elasticbeanstalk:managedactions"
    name      = "ManagedActionsEnabled"
    value     = "true"
  }
  setting {
    namespace = "aws:elasticbeanstalk:managedactions:platformupdate"
    name      = "UpdateLevel"
    value     = "patch"
  }
}
`,
        },
      ],
      bad: [
        {
          name: 'no managed actions',
          code: `resource "aws_elastic_beanstalk_environment" ⟦"shop"⟧ {
  name        = "shop"
  application = "shop"
}
`,
          expect: [{ severity: 'warning', message: ['ManagedActionsEnabled is not set'] }],
        },
      ],
    },
  },
  {
    rule: 'eb-stream-logs',
    cloudformation: {
      good: [
        {
          name: 'StreamLogs true',
          code: `Resources:
  Env:
    Type: AWS::ElasticBeanstalk::Environment
    Properties:
      ApplicationName: shop
      OptionSettings:
        - Namespace: aws:elasticbeanstalk:cloudwatch:logs
          OptionName: StreamLogs
          Value: "true"
`,
        },
      ],
      bad: [
        {
          name: 'no StreamLogs option',
          code: `Resources:
  ⟦Env⟧:
    Type: AWS::ElasticBeanstalk::Environment
    Properties:
      ApplicationName: shop
`,
          expect: [{ severity: 'warning', message: ['StreamLogs is not set'] }],
        },
      ],
    },
    terraform: {
      good: [
        {
          name: 'StreamLogs true (a boolean value)',
          code: `resource "aws_elastic_beanstalk_environment" "shop" {
  name        = "shop"
  application = "shop"
  setting {
    namespace = "aws:elasticbeanstalk:cloudwatch:logs"
    name      = "StreamLogs"
    value     = true
  }
}
`,
        },
      ],
      bad: [
        {
          name: 'StreamLogs false',
          code: `resource "aws_elastic_beanstalk_environment" "shop" {
  name        = "shop"
  application = "shop"
  setting {
    namespace = "aws:elasticbeanstalk:cloudwatch:logs"
    name      = "StreamLogs"
    value     = ⟦"false"⟧
  }
}
`,
          expect: [{ severity: 'warning', message: ["StreamLogs is 'false'"] }],
        },
      ],
    },
  },
  // --- EMR
  {
    rule: 'emr-security-configuration',
    cloudformation: {
      good: [
        {
          name: 'the cluster names a configuration that encrypts at rest and in transit',
          code: `Resources:
  Cluster:
    Type: AWS::EMR::Cluster
    Properties:
      Name: analytics
      SecurityConfiguration: !Ref Security
  Security:
    Type: AWS::EMR::SecurityConfiguration
    Properties:
      SecurityConfiguration:
        EncryptionConfiguration:
          EnableAtRestEncryption: true
          EnableInTransitEncryption: true
`,
        },
      ],
      bad: [
        {
          name: 'a cluster without a security configuration, and one that leaves transit unencrypted',
          code: `Resources:
  ⟦Cluster⟧:
    Type: AWS::EMR::Cluster
    Properties:
      Name: analytics
  Security:
    Type: AWS::EMR::SecurityConfiguration
    Properties:
      SecurityConfiguration:
        EncryptionConfiguration:
          EnableAtRestEncryption: true
          EnableInTransitEncryption: ⟦false⟧
`,
          expect: [{ severity: 'warning', message: ['no security configuration'] }, { severity: 'warning', message: ['EnableInTransitEncryption is false', 'in transit'] }],
        },
      ],
    },
    terraform: {
      good: [
        {
          name: 'a jsonencode configuration that encrypts at rest and in transit',
          code: `resource "aws_emr_cluster" "analytics" {
  name                   = "analytics"
  release_label          = "emr-7.1.0"
  service_role           = "EMR_DefaultRole"
  security_configuration = aws_emr_security_configuration.this.name
}

resource "aws_emr_security_configuration" "this" {
  configuration = jsonencode({
    EncryptionConfiguration = {
      EnableAtRestEncryption    = true
      EnableInTransitEncryption = true
    }
  })
}
`,
        },
      ],
      bad: [
        {
          name: 'a cluster without security_configuration',
          code: `resource "aws_emr_cluster" ⟦"analytics"⟧ {
  name          = "analytics"
  release_label = "emr-7.1.0"
  service_role  = "EMR_DefaultRole"
}
`,
          expect: [{ severity: 'warning', message: ['security_configuration is not set'] }],
        },
      ],
    },
  },
  {
    rule: 'emr-block-public-access',
    terraform: {
      good: [
        {
          name: 'blocking on, with the SSH exception only',
          code: `resource "aws_emr_block_public_access_configuration" "this" {
  block_public_security_group_rules = true
  permitted_public_security_group_rule_range {
    min_range = 22
    max_range = 22
  }
}
`,
        },
      ],
      bad: [
        {
          name: 'blocking turned off',
          code: `resource "aws_emr_block_public_access_configuration" "this" {
  block_public_security_group_rules = ⟦false⟧
}
`,
          expect: [{ severity: 'error', message: ['block_public_security_group_rules is false'] }],
        },
        {
          name: 'a second exception beyond SSH',
          code: `resource "aws_emr_block_public_access_configuration" "this" {
  block_public_security_group_rules = true
  permitted_public_security_group_rule_range {
    min_range = 22
    max_range = 22
  }
  ⟦permitted_public_security_group_rule_range {
    min_range = 8080
    max_range = 8090
  }⟧
}
`,
          expect: [{ severity: 'error', message: ['ports 8080-8090'] }],
        },
      ],
    },
  },
];

/** Readers of this family without examples yet (rule id:format); the examples test keeps this list true. */
export const PENDING: readonly string[] = [
];
