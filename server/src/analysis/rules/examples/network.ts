// Examples for the rules of this family (see ./types.ts).
import type { RuleExamples } from './types';

export const EXAMPLES: readonly RuleExamples[] = [
  {
    rule: 'sg-open-admin-ports',
    cloudformation: {
      good: [
        {
          name: 'SSH only from the corporate range; HTTPS open to the world',
          code: `Resources:
  Web:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: web
      SecurityGroupIngress:
        - {IpProtocol: tcp, FromPort: 22, ToPort: 22, CidrIp: 10.20.0.0/16}
        - {IpProtocol: tcp, FromPort: 443, ToPort: 443, CidrIp: 0.0.0.0/0}
`,
        },
        {
          name: 'a standalone ingress rule from another security group',
          code: `Resources:
  Rdp:
    Type: AWS::EC2::SecurityGroupIngress
    Properties:
      GroupId: sg-0123456789abcdef0
      IpProtocol: tcp
      FromPort: 3389
      ToPort: 3389
      SourceSecurityGroupId: sg-0fedcba9876543210
`,
        },
      ],
      bad: [
        {
          name: 'SSH open to the internet, and all ports open over IPv6',
          code: `Resources:
  Admin:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: admin
      SecurityGroupIngress:
        - {IpProtocol: tcp, FromPort: 22, ToPort: 22, CidrIp: ⟦0.0.0.0/0⟧}
        - {IpProtocol: "-1", CidrIpv6: ⟦"::/0"⟧}
`,
          expect: [
            { severity: 'error', message: ['SSH (port 22) is open to the internet', "CidrIp is '0.0.0.0/0'"] },
            { severity: 'error', message: ['All ports are open to the internet', "CidrIpv6 is '::/0'"] },
          ],
        },
        {
          name: 'RDP opened through a parameter whose default is the whole internet',
          code: `Parameters:
  AdminCidr:
    Type: String
    Default: 0.0.0.0/0
Resources:
  Rdp:
    Type: AWS::EC2::SecurityGroupIngress
    Properties:
      GroupId: sg-0123456789abcdef0
      IpProtocol: tcp
      FromPort: 3389
      ToPort: 3389
      CidrIp: ⟦!Ref AdminCidr⟧
`,
          expect: [{ severity: 'error', message: ['RDP (port 3389)', "Ref AdminCidr, default '0.0.0.0/0'"] }],
        },
        {
          name: 'SSH open only on one branch of an undecided condition, whichever branch comes first',
          code: `Parameters:
  Env:
    Type: String
    AllowedValues: [dev, prod]
Conditions:
  IsDev: !Equals [!Ref Env, dev]
  IsProd: !Equals [!Ref Env, prod]
Resources:
  DevFirst:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: dev first
      SecurityGroupIngress:
        - {IpProtocol: tcp, FromPort: !If [IsDev, 22, 443], ToPort: !If [IsDev, 22, 443], CidrIp: ⟦0.0.0.0/0⟧}
  ProdFirst:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: prod first
      SecurityGroupIngress:
        - {IpProtocol: tcp, FromPort: !If [IsProd, 443, 22], ToPort: !If [IsProd, 443, 22], CidrIp: ⟦0.0.0.0/0⟧}
`,
          expect: [
            { severity: 'info', message: ['Depends on the deployment', 'SSH (port 22)', 'if IsDev'] },
            { severity: 'info', message: ['Depends on the deployment', 'SSH (port 22)', 'unless IsProd'] },
          ],
        },
      ],
    },
    terraform: {
      good: [
        {
          name: 'SSH from a private range, through an inline block and a VPC ingress rule',
          code: `resource "aws_security_group" "bastion" {
  name = "bastion"

  ingress {
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = ["10.20.0.0/16"]
  }
}

resource "aws_vpc_security_group_ingress_rule" "https" {
  security_group_id = aws_security_group.bastion.id
  ip_protocol       = "tcp"
  from_port         = 443
  to_port           = 443
  cidr_ipv4         = "0.0.0.0/0"
}
`,
        },
      ],
      bad: [
        {
          name: 'SSH open to the world inline, RDP through aws_security_group_rule',
          code: `resource "aws_security_group" "admin" {
  name = "admin"

  ingress {
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = [⟦"0.0.0.0/0"⟧]
  }
}

resource "aws_security_group_rule" "rdp" {
  type              = "ingress"
  security_group_id = aws_security_group.admin.id
  from_port         = 3389
  to_port           = 3389
  protocol          = "tcp"
  cidr_blocks       = [⟦"0.0.0.0/0"⟧]
}
`,
          expect: [
            { severity: 'error', message: ['SSH (port 22) is open to the internet', "cidr_blocks contains '0.0.0.0/0'"] },
            { severity: 'error', message: ['RDP (port 3389)'] },
          ],
        },
      ],
    },
  },
  {
    rule: 'sg-no-world-high-risk-ports',
    cloudformation: {
      good: [
        {
          name: 'the database port only from the application subnet',
          code: `Resources:
  Db:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: db
      SecurityGroupIngress:
        - {IpProtocol: tcp, FromPort: 5432, ToPort: 5432, CidrIp: 10.0.1.0/24}
        - {IpProtocol: tcp, FromPort: 443, ToPort: 443, CidrIp: 0.0.0.0/0}
`,
        },
      ],
      bad: [
        {
          name: 'MySQL open to the internet (SSH is sg-open-admin-ports\' to report)',
          code: `Resources:
  Db:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: db
      SecurityGroupIngress:
        - {IpProtocol: tcp, FromPort: 3306, ToPort: 3306, CidrIp: ⟦0.0.0.0/0⟧}
        - {IpProtocol: tcp, FromPort: 22, ToPort: 22, CidrIp: 0.0.0.0/0}
`,
          expect: [{ severity: 'error', message: ['MySQL (port 3306) is open to the internet'] }],
        },
        {
          name: 'MySQL open only on the second branch of an undecided condition',
          code: `Parameters:
  Env:
    Type: String
    AllowedValues: [dev, prod]
Conditions:
  IsProd: !Equals [!Ref Env, prod]
Resources:
  Db:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: db
      SecurityGroupIngress:
        - {IpProtocol: tcp, FromPort: !If [IsProd, 443, 3306], ToPort: !If [IsProd, 443, 3306], CidrIp: ⟦0.0.0.0/0⟧}
`,
          expect: [{ severity: 'info', message: ['Depends on the deployment', 'MySQL (port 3306)', 'unless IsProd'] }],
        },
      ],
    },
    terraform: {
      good: [
        {
          name: 'PostgreSQL from a security group, not from an address range',
          code: `resource "aws_security_group" "db" {
  name = "db"

  ingress {
    from_port       = 5432
    to_port         = 5432
    protocol        = "tcp"
    security_groups = ["sg-0123456789abcdef0"]
  }
}
`,
        },
      ],
      bad: [
        {
          name: 'Elasticsearch open to the world through a VPC ingress rule',
          code: `resource "aws_vpc_security_group_ingress_rule" "search" {
  security_group_id = "sg-0123456789abcdef0"
  ip_protocol       = "tcp"
  from_port         = 9200
  to_port           = 9200
  cidr_ipv4         = ⟦"0.0.0.0/0"⟧
}
`,
          expect: [{ severity: 'error', message: ['Elasticsearch (port 9200)', "cidr_ipv4 is '0.0.0.0/0'"] }],
        },
        {
          name: 'PostgreSQL open only when a variable without value says so: information, per branch',
          code: `variable "public_db" {
  type = bool
}

resource "aws_vpc_security_group_ingress_rule" "db" {
  security_group_id = "sg-0123456789abcdef0"
  ip_protocol       = "tcp"
  from_port         = var.public_db ? 5432 : 443
  to_port           = var.public_db ? 5432 : 443
  cidr_ipv4         = ⟦"0.0.0.0/0"⟧
}
`,
          expect: [{ severity: 'info', message: ['Depends on the deployment', 'PostgreSQL (port 5432)'] }],
        },
      ],
    },
  },
  {
    rule: 'sg-egress-restricted',
    cloudformation: {
      good: [
        {
          name: 'egress limited to HTTPS',
          code: `Resources:
  App:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: app
      SecurityGroupEgress:
        - {IpProtocol: tcp, FromPort: 443, ToPort: 443, CidrIp: 0.0.0.0/0}
`,
        },
        {
          name: 'egress defined by a standalone egress rule',
          code: `Resources:
  App:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: app
  ToDb:
    Type: AWS::EC2::SecurityGroupEgress
    Properties:
      GroupId: !GetAtt App.GroupId
      IpProtocol: tcp
      FromPort: 5432
      ToPort: 5432
      DestinationSecurityGroupId: sg-0123456789abcdef0
`,
        },
      ],
      bad: [
        {
          name: 'no egress rules: AWS adds allow-all egress',
          code: `Resources:
  ⟦App⟧:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: app
`,
          expect: [{ severity: 'info', message: ['SecurityGroupEgress is not set', 'allowing all outbound traffic'] }],
        },
        {
          name: 'an explicit all-traffic rule to the internet',
          code: `Resources:
  App:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: app
      SecurityGroupEgress:
        - IpProtocol: "-1"
          CidrIp: ⟦0.0.0.0/0⟧
`,
          expect: [{ severity: 'info', message: ["All outbound traffic is allowed to the internet: CidrIp is '0.0.0.0/0'"] }],
        },
      ],
    },
    terraform: {
      good: [
        {
          name: 'no egress blocks: the provider removes the default allow-all rule',
          code: `resource "aws_security_group" "isolated" {
  name = "isolated"
}

resource "aws_vpc_security_group_egress_rule" "dns" {
  security_group_id = aws_security_group.isolated.id
  ip_protocol       = "udp"
  from_port         = 53
  to_port           = 53
  cidr_ipv4         = "10.0.0.2/32"
}
`,
        },
      ],
      bad: [
        {
          name: 'the usual all-traffic egress block',
          code: `resource "aws_security_group" "app" {
  name = "app"

  egress {
    from_port   = 0
    to_port     = 0
    protocol    = "-1"
    cidr_blocks = [⟦"0.0.0.0/0"⟧]
  }
}
`,
          expect: [{ severity: 'info', message: ["cidr_blocks contains '0.0.0.0/0'", 'exfiltration'] }],
        },
      ],
    },
  },
  {
    rule: 'nacl-no-world-admin-ports',
    cloudformation: {
      good: [
        {
          name: 'HTTPS allowed from anywhere; SSH denied',
          code: `Resources:
  Https:
    Type: AWS::EC2::NetworkAclEntry
    Properties:
      NetworkAclId: acl-0123456789abcdef0
      RuleNumber: 100
      Protocol: 6
      RuleAction: allow
      CidrBlock: 0.0.0.0/0
      PortRange: {From: 443, To: 443}
  NoSsh:
    Type: AWS::EC2::NetworkAclEntry
    Properties:
      NetworkAclId: acl-0123456789abcdef0
      RuleNumber: 90
      Protocol: 6
      RuleAction: deny
      CidrBlock: 0.0.0.0/0
      PortRange: {From: 22, To: 22}
`,
        },
      ],
      bad: [
        {
          name: 'an allow entry whose port range covers SSH',
          code: `Resources:
  Low:
    Type: AWS::EC2::NetworkAclEntry
    Properties:
      NetworkAclId: acl-0123456789abcdef0
      RuleNumber: 100
      Protocol: 6
      RuleAction: allow
      CidrBlock: ⟦0.0.0.0/0⟧
      PortRange: {From: 0, To: 1024}
`,
          expect: [{ severity: 'warning', message: ['SSH (port 22) is allowed in from the internet'] }],
        },
      ],
    },
    terraform: {
      good: [
        {
          name: 'inline ingress for HTTPS only; outbound entries are not judged',
          code: `resource "aws_network_acl" "public" {
  vpc_id = "vpc-0123456789abcdef0"

  ingress {
    rule_no    = 100
    protocol   = "tcp"
    action     = "allow"
    cidr_block = "0.0.0.0/0"
    from_port  = 443
    to_port    = 443
  }
}

resource "aws_network_acl_rule" "out" {
  network_acl_id = aws_network_acl.public.id
  rule_number    = 200
  egress         = true
  protocol       = "-1"
  rule_action    = "allow"
  cidr_block     = "0.0.0.0/0"
}
`,
        },
      ],
      bad: [
        {
          name: 'RDP allowed from the world by aws_network_acl_rule',
          code: `resource "aws_network_acl_rule" "rdp" {
  network_acl_id = "acl-0123456789abcdef0"
  rule_number    = 110
  egress         = false
  protocol       = "tcp"
  rule_action    = "allow"
  cidr_block     = ⟦"0.0.0.0/0"⟧
  from_port      = 3389
  to_port        = 3389
}
`,
          expect: [{ severity: 'warning', message: ['RDP (port 3389) is allowed in from the internet', "cidr_block is '0.0.0.0/0'"] }],
        },
      ],
    },
  },
  {
    rule: 'subnet-no-auto-public-ip',
    cloudformation: {
      good: [
        {
          name: 'MapPublicIpOnLaunch absent (false by default) or false',
          code: `Resources:
  Private:
    Type: AWS::EC2::Subnet
    Properties:
      VpcId: vpc-0123456789abcdef0
      CidrBlock: 10.0.1.0/24
  Explicit:
    Type: AWS::EC2::Subnet
    Properties:
      VpcId: vpc-0123456789abcdef0
      CidrBlock: 10.0.2.0/24
      MapPublicIpOnLaunch: false
`,
        },
      ],
      bad: [
        {
          name: 'a subnet that gives every instance a public address',
          code: `Resources:
  Public:
    Type: AWS::EC2::Subnet
    Properties:
      VpcId: vpc-0123456789abcdef0
      CidrBlock: 10.0.0.0/24
      MapPublicIpOnLaunch: ⟦true⟧
`,
          expect: [{ severity: 'warning', message: ['MapPublicIpOnLaunch is true', 'public address'] }],
        },
      ],
    },
    terraform: {
      good: [
        {
          name: 'map_public_ip_on_launch left at its default (false)',
          code: `resource "aws_subnet" "private" {
  vpc_id     = "vpc-0123456789abcdef0"
  cidr_block = "10.0.1.0/24"
}
`,
        },
      ],
      bad: [
        {
          name: 'map_public_ip_on_launch = true',
          code: `resource "aws_subnet" "public" {
  vpc_id                  = "vpc-0123456789abcdef0"
  cidr_block              = "10.0.0.0/24"
  map_public_ip_on_launch = ⟦true⟧
}
`,
          expect: [{ severity: 'warning', message: ['map_public_ip_on_launch is true'] }],
        },
      ],
    },
  },
  {
    rule: 'vpc-flow-logs',
    cloudformation: {
      good: [
        {
          name: 'a flow log pointing at the VPC',
          code: `Resources:
  Vpc:
    Type: AWS::EC2::VPC
    Properties:
      CidrBlock: 10.0.0.0/16
  VpcLog:
    Type: AWS::EC2::FlowLog
    Properties:
      ResourceId: !Ref Vpc
      ResourceType: VPC
      TrafficType: ALL
      LogDestinationType: s3
      LogDestination: arn:aws:s3:::flow-logs-111122223333
`,
        },
      ],
      bad: [
        {
          name: 'a VPC without a flow log',
          code: `Resources:
  ⟦Vpc⟧:
    Type: AWS::EC2::VPC
    Properties:
      CidrBlock: 10.0.0.0/16
`,
          expect: [{ severity: 'warning', message: ['No AWS::EC2::FlowLog in this template points at this VPC'] }],
        },
      ],
    },
    terraform: {
      good: [
        {
          name: 'an aws_flow_log in another file of the module',
          code: `resource "aws_vpc" "main" {
  cidr_block = "10.0.0.0/16"
}
`,
          files: {
            'logging.tf': `resource "aws_flow_log" "main" {
  vpc_id               = aws_vpc.main.id
  traffic_type         = "ALL"
  log_destination_type = "s3"
  log_destination      = "arn:aws:s3:::flow-logs-111122223333"
}
`,
          },
        },
      ],
      bad: [
        {
          name: 'a VPC without a flow log',
          code: `resource "aws_vpc" ⟦"main"⟧ {
  cidr_block = "10.0.0.0/16"
}
`,
          expect: [{ severity: 'warning', message: ['No aws_flow_log in this module points at this VPC'] }],
        },
      ],
    },
  },
  {
    rule: 'tgw-no-auto-accept',
    cloudformation: {
      good: [
        {
          name: 'AutoAcceptSharedAttachments absent (disable by default)',
          code: `Resources:
  Tgw:
    Type: AWS::EC2::TransitGateway
    Properties:
      Description: core
`,
        },
      ],
      bad: [
        {
          name: 'shared attachments accepted without review',
          code: `Resources:
  Tgw:
    Type: AWS::EC2::TransitGateway
    Properties:
      AutoAcceptSharedAttachments: ⟦enable⟧
`,
          expect: [{ severity: 'error', message: ["AutoAcceptSharedAttachments is 'enable'"] }],
        },
      ],
    },
    terraform: {
      good: [
        {
          name: 'auto_accept_shared_attachments = "disable"',
          code: `resource "aws_ec2_transit_gateway" "core" {
  auto_accept_shared_attachments = "disable"
}
`,
        },
        {
          name: 'no auto_accept_shared_attachments: the provider default is "disable"',
          code: `resource "aws_ec2_transit_gateway" "core" {
  description = "core"
}
`,
        },
      ],
      bad: [
        {
          name: 'auto_accept_shared_attachments = "enable"',
          code: `resource "aws_ec2_transit_gateway" "core" {
  auto_accept_shared_attachments = ⟦"enable"⟧
}
`,
          expect: [{ severity: 'error', message: ["auto_accept_shared_attachments is 'enable'", 'set auto_accept_shared_attachments = "disable"'] }],
        },
      ],
    },
  },
  {
    rule: 'alb-https-listener',
    cloudformation: {
      good: [
        {
          name: 'an HTTPS listener, and an HTTP listener that redirects to it',
          code: `Resources:
  Https:
    Type: AWS::ElasticLoadBalancingV2::Listener
    Properties:
      LoadBalancerArn: arn:aws:elasticloadbalancing:eu-west-1:111122223333:loadbalancer/app/web/0a1b2c3d
      Port: 443
      Protocol: HTTPS
      SslPolicy: ELBSecurityPolicy-TLS13-1-2-2021-06
      Certificates: [{CertificateArn: arn:aws:acm:eu-west-1:111122223333:certificate/0b1c2d3e}]
      DefaultActions: [{Type: forward, TargetGroupArn: arn:aws:elasticloadbalancing:eu-west-1:111122223333:targetgroup/web/1a2b}]
  Http:
    Type: AWS::ElasticLoadBalancingV2::Listener
    Properties:
      LoadBalancerArn: arn:aws:elasticloadbalancing:eu-west-1:111122223333:loadbalancer/app/web/0a1b2c3d
      Port: 80
      Protocol: HTTP
      DefaultActions:
        - Type: redirect
          RedirectConfig: {Protocol: HTTPS, Port: "443", StatusCode: HTTP_301}
`,
        },
        {
          name: 'the redirect given by Fn::If, both branches to HTTPS',
          code: `Parameters:
  Permanent:
    Type: String
    AllowedValues: ["yes", "no"]
Conditions:
  IsPermanent: !Equals [!Ref Permanent, "yes"]
Resources:
  Http:
    Type: AWS::ElasticLoadBalancingV2::Listener
    Properties:
      LoadBalancerArn: arn:aws:elasticloadbalancing:eu-west-1:111122223333:loadbalancer/app/web/0a1b2c3d
      Port: 80
      Protocol: HTTP
      DefaultActions:
        - Type: redirect
          RedirectConfig: !If
            - IsPermanent
            - {Protocol: HTTPS, Port: "443", StatusCode: HTTP_301}
            - {Protocol: HTTPS, Port: "443", StatusCode: HTTP_302}
`,
        },
        {
          name: 'a Gateway Load Balancer listener has no protocol',
          code: `Resources:
  Gwlb:
    Type: AWS::ElasticLoadBalancingV2::LoadBalancer
    Properties:
      Type: gateway
      Subnets: [subnet-0a1b2c3d]
  Appliances:
    Type: AWS::ElasticLoadBalancingV2::Listener
    Properties:
      LoadBalancerArn: !Ref Gwlb
      DefaultActions: [{Type: forward, TargetGroupArn: arn:aws:elasticloadbalancing:eu-west-1:111122223333:targetgroup/fw/1a2b}]
`,
        },
      ],
      bad: [
        {
          name: 'plain HTTP forwarded to the targets',
          code: `Resources:
  Http:
    Type: AWS::ElasticLoadBalancingV2::Listener
    Properties:
      LoadBalancerArn: arn:aws:elasticloadbalancing:eu-west-1:111122223333:loadbalancer/app/web/0a1b2c3d
      Port: 80
      Protocol: ⟦HTTP⟧
      DefaultActions: [{Type: forward, TargetGroupArn: arn:aws:elasticloadbalancing:eu-west-1:111122223333:targetgroup/web/1a2b}]
`,
          expect: [{ severity: 'warning', message: ["Protocol is 'HTTP'", 'plain text', 'RedirectConfig Protocol HTTPS'] }],
        },
        {
          name: 'a redirect that goes to HTTPS on one branch of a condition only',
          code: `Parameters:
  Env:
    Type: String
    AllowedValues: [prod, dev]
Conditions:
  IsProd: !Equals [!Ref Env, prod]
Resources:
  Http:
    Type: AWS::ElasticLoadBalancingV2::Listener
    Properties:
      LoadBalancerArn: arn:aws:elasticloadbalancing:eu-west-1:111122223333:loadbalancer/app/web/0a1b2c3d
      Port: 80
      Protocol: ⟦HTTP⟧
      DefaultActions:
        - Type: redirect
          RedirectConfig: !If
            - IsProd
            - {Protocol: HTTPS, Port: "443", StatusCode: HTTP_301}
            - {Protocol: HTTP, Port: "8080", StatusCode: HTTP_302}
`,
          expect: [{ severity: 'info', message: ['Depends on the deployment', "Protocol is 'HTTP'", 'redirects to HTTPS only on some branches'] }],
        },
      ],
    },
    terraform: {
      good: [
        {
          name: 'an HTTP listener that redirects to HTTPS (aws_alb_listener is the same resource)',
          code: `resource "aws_alb_listener" "http" {
  load_balancer_arn = "arn:aws:elasticloadbalancing:eu-west-1:111122223333:loadbalancer/app/web/0a1b2c3d"
  port              = 80
  protocol          = "HTTP"

  default_action {
    type = "redirect"

    redirect {
      port        = "443"
      protocol    = "HTTPS"
      status_code = "HTTP_301"
    }
  }
}
`,
        },
        {
          name: 'a TLS listener on a network load balancer; a gateway listener without protocol',
          code: `resource "aws_lb" "fw" {
  load_balancer_type = "gateway"
  subnets            = ["subnet-0a1b2c3d"]
}

resource "aws_lb_listener" "fw" {
  load_balancer_arn = aws_lb.fw.arn

  default_action {
    type             = "forward"
    target_group_arn = "arn:aws:elasticloadbalancing:eu-west-1:111122223333:targetgroup/fw/1a2b"
  }
}

resource "aws_lb_listener" "syslog" {
  load_balancer_arn = "arn:aws:elasticloadbalancing:eu-west-1:111122223333:loadbalancer/net/logs/0a1b2c3d"
  port              = 6514
  protocol          = "TLS"
  ssl_policy        = "ELBSecurityPolicy-TLS13-1-2-2021-06"
  certificate_arn   = "arn:aws:acm:eu-west-1:111122223333:certificate/0b1c2d3e"

  default_action {
    type             = "forward"
    target_group_arn = "arn:aws:elasticloadbalancing:eu-west-1:111122223333:targetgroup/syslog/1a2b"
  }
}
`,
        },
      ],
      bad: [
        {
          name: 'protocol omitted on an Application Load Balancer: the provider uses HTTP',
          code: `resource "aws_lb" "admin" {
  load_balancer_type = "application"
  internal           = true
  subnets            = ["subnet-0a1b2c3d", "subnet-0e4f5a6b"]
}

resource "aws_lb_listener" ⟦"admin_ui"⟧ {
  load_balancer_arn = aws_lb.admin.arn
  port              = 8080

  default_action {
    type             = "forward"
    target_group_arn = "arn:aws:elasticloadbalancing:eu-west-1:111122223333:targetgroup/admin/1a2b"
  }
}
`,
          expect: [{ severity: 'warning', message: ['protocol is not set', 'protocol HTTP when none is given', 'protocol = "HTTPS"'] }],
        },
        {
          name: 'plain HTTP forwarded to the targets',
          code: `resource "aws_alb_listener" "http" {
  load_balancer_arn = "arn:aws:elasticloadbalancing:eu-west-1:111122223333:loadbalancer/app/web/0a1b2c3d"
  port              = 80
  protocol          = ⟦"HTTP"⟧

  default_action {
    type             = "forward"
    target_group_arn = "arn:aws:elasticloadbalancing:eu-west-1:111122223333:targetgroup/web/1a2b"
  }
}
`,
          expect: [{ severity: 'warning', message: ["protocol is 'HTTP'", 'redirect { protocol = "HTTPS" }'] }],
        },
      ],
    },
  },
  {
    rule: 'alb-tls-policy',
    cloudformation: {
      good: [
        {
          name: 'an HTTPS listener with a TLS 1.2+ policy; HTTP listeners have no policy',
          code: `Resources:
  Https:
    Type: AWS::ElasticLoadBalancingV2::Listener
    Properties:
      LoadBalancerArn: arn:aws:elasticloadbalancing:eu-west-1:111122223333:loadbalancer/app/web/0a1b2c3d
      Port: 443
      Protocol: HTTPS
      SslPolicy: ELBSecurityPolicy-TLS13-1-2-2021-06
      Certificates: [{CertificateArn: arn:aws:acm:eu-west-1:111122223333:certificate/0b1c2d3e}]
      DefaultActions: [{Type: forward, TargetGroupArn: arn:aws:elasticloadbalancing:eu-west-1:111122223333:targetgroup/web/1a2b}]
  Http:
    Type: AWS::ElasticLoadBalancingV2::Listener
    Properties:
      LoadBalancerArn: arn:aws:elasticloadbalancing:eu-west-1:111122223333:loadbalancer/app/web/0a1b2c3d
      Port: 80
      Protocol: HTTP
      DefaultActions: [{Type: redirect, RedirectConfig: {Protocol: HTTPS, Port: "443", StatusCode: HTTP_301}}]
`,
        },
      ],
      bad: [
        {
          name: 'a policy that accepts TLS 1.0, and an HTTPS listener without SslPolicy',
          code: `Resources:
  Old:
    Type: AWS::ElasticLoadBalancingV2::Listener
    Properties:
      LoadBalancerArn: arn:aws:elasticloadbalancing:eu-west-1:111122223333:loadbalancer/app/web/0a1b2c3d
      Port: 443
      Protocol: HTTPS
      SslPolicy: ⟦ELBSecurityPolicy-2016-08⟧
      Certificates: [{CertificateArn: arn:aws:acm:eu-west-1:111122223333:certificate/0b1c2d3e}]
      DefaultActions: [{Type: forward, TargetGroupArn: arn:aws:elasticloadbalancing:eu-west-1:111122223333:targetgroup/web/1a2b}]
  ⟦Unset⟧:
    Type: AWS::ElasticLoadBalancingV2::Listener
    Properties:
      LoadBalancerArn: arn:aws:elasticloadbalancing:eu-west-1:111122223333:loadbalancer/net/tcp/0a1b2c3d
      Port: 6514
      Protocol: TLS
      Certificates: [{CertificateArn: arn:aws:acm:eu-west-1:111122223333:certificate/0b1c2d3e}]
      DefaultActions: [{Type: forward, TargetGroupArn: arn:aws:elasticloadbalancing:eu-west-1:111122223333:targetgroup/tcp/1a2b}]
`,
          expect: [
            { severity: 'warning', message: ["SslPolicy is 'ELBSecurityPolicy-2016-08'", 'TLS 1.0 or 1.1'] },
            { severity: 'warning', message: ['SslPolicy is not set', 'ELBSecurityPolicy-2016-08'] },
          ],
        },
      ],
    },
    terraform: {
      good: [
        {
          name: 'ssl_policy TLS13-1-2 on an aws_alb_listener',
          code: `resource "aws_alb_listener" "https" {
  load_balancer_arn = "arn:aws:elasticloadbalancing:eu-west-1:111122223333:loadbalancer/app/web/0a1b2c3d"
  port              = 443
  protocol          = "HTTPS"
  ssl_policy        = "ELBSecurityPolicy-TLS13-1-2-2021-06"
  certificate_arn   = "arn:aws:acm:eu-west-1:111122223333:certificate/0b1c2d3e"

  default_action {
    type             = "forward"
    target_group_arn = "arn:aws:elasticloadbalancing:eu-west-1:111122223333:targetgroup/web/1a2b"
  }
}
`,
        },
      ],
      bad: [
        {
          name: 'ssl_policy that accepts TLS 1.1',
          code: `resource "aws_lb_listener" "https" {
  load_balancer_arn = "arn:aws:elasticloadbalancing:eu-west-1:111122223333:loadbalancer/app/web/0a1b2c3d"
  port              = 443
  protocol          = "HTTPS"
  ssl_policy        = ⟦"ELBSecurityPolicy-TLS-1-1-2017-01"⟧
  certificate_arn   = "arn:aws:acm:eu-west-1:111122223333:certificate/0b1c2d3e"

  default_action {
    type             = "forward"
    target_group_arn = "arn:aws:elasticloadbalancing:eu-west-1:111122223333:targetgroup/web/1a2b"
  }
}
`,
          expect: [{ severity: 'warning', message: ["ssl_policy is 'ELBSecurityPolicy-TLS-1-1-2017-01'", 'set ssl_policy = "ELBSecurityPolicy-TLS13-1-2-2021-06"'] }],
        },
        {
          name: 'an HTTPS listener without ssl_policy',
          code: `resource "aws_lb_listener" ⟦"https"⟧ {
  load_balancer_arn = "arn:aws:elasticloadbalancing:eu-west-1:111122223333:loadbalancer/app/web/0a1b2c3d"
  port              = 443
  protocol          = "HTTPS"
  certificate_arn   = "arn:aws:acm:eu-west-1:111122223333:certificate/0b1c2d3e"

  default_action {
    type             = "forward"
    target_group_arn = "arn:aws:elasticloadbalancing:eu-west-1:111122223333:targetgroup/web/1a2b"
  }
}
`,
          expect: [{ severity: 'warning', message: ['ssl_policy is not set', 'ssl_policy = "ELBSecurityPolicy-TLS13-1-2-2021-06"'] }],
        },
      ],
    },
  },
  {
    rule: 'alb-drop-invalid-headers',
    cloudformation: {
      good: [
        {
          name: 'the attribute set to true; network load balancers have no such attribute',
          code: `Resources:
  Alb:
    Type: AWS::ElasticLoadBalancingV2::LoadBalancer
    Properties:
      Scheme: internal
      Subnets: [subnet-0a1b2c3d, subnet-0e4f5a6b]
      LoadBalancerAttributes:
        - {Key: routing.http.drop_invalid_header_fields.enabled, Value: "true"}
  Nlb:
    Type: AWS::ElasticLoadBalancingV2::LoadBalancer
    Properties:
      Type: network
      Scheme: internal
      Subnets: [subnet-0a1b2c3d]
`,
        },
      ],
      bad: [
        {
          name: 'an application load balancer without the attribute',
          code: `Resources:
  ⟦Alb⟧:
    Type: AWS::ElasticLoadBalancingV2::LoadBalancer
    Properties:
      Scheme: internal
      Subnets: [subnet-0a1b2c3d, subnet-0e4f5a6b]
`,
          expect: [{ severity: 'warning', message: ['routing.http.drop_invalid_header_fields.enabled is not set'] }],
        },
      ],
    },
    terraform: {
      good: [
        {
          name: 'drop_invalid_header_fields = true',
          code: `resource "aws_lb" "web" {
  internal                   = true
  subnets                    = ["subnet-0a1b2c3d", "subnet-0e4f5a6b"]
  drop_invalid_header_fields = true
}
`,
        },
      ],
      bad: [
        {
          name: 'drop_invalid_header_fields = false on an aws_alb',
          code: `resource "aws_alb" "web" {
  internal                   = true
  subnets                    = ["subnet-0a1b2c3d", "subnet-0e4f5a6b"]
  drop_invalid_header_fields = ⟦false⟧
}
`,
          expect: [{ severity: 'warning', message: ['drop_invalid_header_fields is false'] }],
        },
      ],
    },
  },
  {
    rule: 'alb-access-logs',
    cloudformation: {
      good: [
        {
          name: 'access logs on; a network load balancer without a TLS listener has nothing to log',
          code: `Resources:
  Alb:
    Type: AWS::ElasticLoadBalancingV2::LoadBalancer
    Properties:
      Scheme: internal
      Subnets: [subnet-0a1b2c3d, subnet-0e4f5a6b]
      LoadBalancerAttributes:
        - {Key: access_logs.s3.enabled, Value: "true"}
        - {Key: access_logs.s3.bucket, Value: elb-logs-111122223333}
  Nlb:
    Type: AWS::ElasticLoadBalancingV2::LoadBalancer
    Properties:
      Type: network
      Subnets: [subnet-0a1b2c3d]
  Tcp:
    Type: AWS::ElasticLoadBalancingV2::Listener
    Properties:
      LoadBalancerArn: !Ref Nlb
      Port: 5432
      Protocol: TCP
      DefaultActions: [{Type: forward, TargetGroupArn: arn:aws:elasticloadbalancing:eu-west-1:111122223333:targetgroup/db/1a2b}]
`,
        },
      ],
      bad: [
        {
          name: 'access logs turned off',
          code: `Resources:
  Alb:
    Type: AWS::ElasticLoadBalancingV2::LoadBalancer
    Properties:
      Subnets: [subnet-0a1b2c3d, subnet-0e4f5a6b]
      LoadBalancerAttributes:
        - Key: access_logs.s3.enabled
          Value: ⟦"false"⟧
`,
          expect: [{ severity: 'warning', message: ["access_logs.s3.enabled is 'false'"] }],
        },
        {
          name: 'a network load balancer with a TLS listener and no access logs',
          code: `Resources:
  ⟦Nlb⟧:
    Type: AWS::ElasticLoadBalancingV2::LoadBalancer
    Properties:
      Type: network
      Subnets: [subnet-0a1b2c3d]
  Tls:
    Type: AWS::ElasticLoadBalancingV2::Listener
    Properties:
      LoadBalancerArn: !Ref Nlb
      Port: 6514
      Protocol: TLS
      SslPolicy: ELBSecurityPolicy-TLS13-1-2-2021-06
      Certificates: [{CertificateArn: arn:aws:acm:eu-west-1:111122223333:certificate/0b1c2d3e}]
      DefaultActions: [{Type: forward, TargetGroupArn: arn:aws:elasticloadbalancing:eu-west-1:111122223333:targetgroup/syslog/1a2b}]
`,
          expect: [{ severity: 'warning', message: ['access_logs.s3.enabled is not set'] }],
        },
      ],
    },
    terraform: {
      good: [
        {
          name: 'an access_logs block with enabled = true',
          code: `resource "aws_lb" "web" {
  subnets = ["subnet-0a1b2c3d", "subnet-0e4f5a6b"]

  access_logs {
    bucket  = "elb-logs-111122223333"
    enabled = true
  }
}
`,
        },
      ],
      bad: [
        {
          name: 'an access_logs block without enabled (the provider defaults it to false)',
          code: `resource "aws_alb" ⟦"web"⟧ {
  subnets = ["subnet-0a1b2c3d", "subnet-0e4f5a6b"]

  access_logs {
    bucket = "elb-logs-111122223333"
  }
}
`,
          expect: [{ severity: 'warning', message: ['access_logs.enabled is not set'] }],
        },
        {
          name: 'a network load balancer with a TLS listener and no access logs',
          code: `resource "aws_lb" ⟦"telemetry"⟧ {
  load_balancer_type = "network"
  subnets            = ["subnet-0a1b2c3d"]
}

resource "aws_lb_listener" "tls" {
  load_balancer_arn = aws_lb.telemetry.arn
  port              = 6514
  protocol          = "TLS"
  ssl_policy        = "ELBSecurityPolicy-TLS13-1-2-2021-06"
  certificate_arn   = "arn:aws:acm:eu-west-1:111122223333:certificate/0b1c2d3e"

  default_action {
    type             = "forward"
    target_group_arn = "arn:aws:elasticloadbalancing:eu-west-1:111122223333:targetgroup/syslog/1a2b"
  }
}
`,
          expect: [{ severity: 'warning', message: ['access_logs.enabled is not set'] }],
        },
      ],
    },
  },
  {
    rule: 'lb-internal-scheme',
    cloudformation: {
      good: [
        {
          name: 'an internal load balancer; a gateway load balancer has no scheme',
          code: `Resources:
  Internal:
    Type: AWS::ElasticLoadBalancingV2::LoadBalancer
    Properties:
      Scheme: internal
      Subnets: [subnet-0a1b2c3d, subnet-0e4f5a6b]
  Gwlb:
    Type: AWS::ElasticLoadBalancingV2::LoadBalancer
    Properties:
      Type: gateway
      Subnets: [subnet-0a1b2c3d]
`,
        },
        {
          name: 'internet-facing on purpose, with a web ACL and an HTTPS listener in front',
          code: `Resources:
  Public:
    Type: AWS::ElasticLoadBalancingV2::LoadBalancer
    Properties:
      Scheme: internet-facing
      Subnets: [subnet-0a1b2c3d, subnet-0e4f5a6b]
  Https:
    Type: AWS::ElasticLoadBalancingV2::Listener
    Properties:
      LoadBalancerArn: !Ref Public
      Port: 443
      Protocol: HTTPS
      Certificates: [{CertificateArn: arn:aws:acm:eu-west-1:111122223333:certificate/0b1c2d3e}]
      DefaultActions: [{Type: forward, TargetGroupArn: !Ref Targets}]
  Waf:
    Type: AWS::WAFv2::WebACLAssociation
    Properties:
      ResourceArn: !Ref Public
      WebACLArn: arn:aws:wafv2:eu-west-1:111122223333:regional/webacl/app/0b1c2d3e
`,
        },
      ],
      bad: [
        {
          name: 'internet-facing, explicitly and by default',
          code: `Resources:
  Public:
    Type: AWS::ElasticLoadBalancingV2::LoadBalancer
    Properties:
      Scheme: ⟦internet-facing⟧
      Subnets: [subnet-0a1b2c3d, subnet-0e4f5a6b]
  ⟦Default⟧:
    Type: AWS::ElasticLoadBalancingV2::LoadBalancer
    Properties:
      Subnets: [subnet-0a1b2c3d, subnet-0e4f5a6b]
`,
          expect: [
            { severity: 'info', message: ["Scheme is 'internet-facing'"] },
            { severity: 'info', message: ['Scheme defaults to internet-facing'] },
          ],
        },
        {
          name: 'internet-facing with a web ACL but only a plain HTTP listener',
          code: `Resources:
  Public:
    Type: AWS::ElasticLoadBalancingV2::LoadBalancer
    Properties:
      Scheme: ⟦internet-facing⟧
      Subnets: [subnet-0a1b2c3d, subnet-0e4f5a6b]
  Http:
    Type: AWS::ElasticLoadBalancingV2::Listener
    Properties:
      LoadBalancerArn: !Ref Public
      Port: 80
      Protocol: HTTP
      DefaultActions: [{Type: forward, TargetGroupArn: !Ref Targets}]
  Waf:
    Type: AWS::WAFv2::WebACLAssociation
    Properties:
      ResourceArn: !Ref Public
      WebACLArn: arn:aws:wafv2:eu-west-1:111122223333:regional/webacl/app/0b1c2d3e
`,
          expect: [{ severity: 'info', message: ["Scheme is 'internet-facing'", 'web ACL (Waf) but no HTTPS listener'] }],
        },
      ],
    },
    terraform: {
      good: [
        {
          name: 'internal = true (also on aws_alb)',
          code: `resource "aws_alb" "api" {
  internal = true
  subnets  = ["subnet-0a1b2c3d", "subnet-0e4f5a6b"]
}
`,
        },
        {
          name: 'internet-facing on purpose, with a web ACL and an HTTPS listener in front',
          code: `resource "aws_lb" "public" {
  internal = false
  subnets  = ["subnet-0a1b2c3d", "subnet-0e4f5a6b"]
}

resource "aws_lb_listener" "https" {
  load_balancer_arn = aws_lb.public.arn
  port              = 443
  protocol          = "HTTPS"
  certificate_arn   = "arn:aws:acm:eu-west-1:111122223333:certificate/0b1c2d3e"
  default_action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.app.arn
  }
}

resource "aws_wafv2_web_acl_association" "public" {
  resource_arn = aws_lb.public.arn
  web_acl_arn  = aws_wafv2_web_acl.app.arn
}
`,
        },
      ],
      bad: [
        {
          name: 'internal = false, and internal left out',
          code: `resource "aws_lb" "public" {
  internal = ⟦false⟧
  subnets  = ["subnet-0a1b2c3d", "subnet-0e4f5a6b"]
}

resource "aws_lb" ⟦"default"⟧ {
  subnets = ["subnet-0a1b2c3d", "subnet-0e4f5a6b"]
}
`,
          expect: [
            { severity: 'info', message: ['internal is false', 'reachable from the internet'] },
            { severity: 'info', message: ['internal defaults to false'] },
          ],
        },
        {
          name: 'internet-facing with an HTTPS listener but no web ACL',
          code: `resource "aws_lb" "public" {
  internal = ⟦false⟧
  subnets  = ["subnet-0a1b2c3d", "subnet-0e4f5a6b"]
}

resource "aws_lb_listener" "https" {
  load_balancer_arn = aws_lb.public.arn
  port              = 443
  protocol          = "HTTPS"
  certificate_arn   = "arn:aws:acm:eu-west-1:111122223333:certificate/0b1c2d3e"
  default_action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.app.arn
  }
}
`,
          expect: [{ severity: 'info', message: ['internal is false', 'HTTPS listener (aws_lb_listener.https) but no web ACL'] }],
        },
      ],
    },
  },
  {
    rule: 'clb-https-listener',
    cloudformation: {
      good: [
        {
          name: 'HTTPS and SSL listeners',
          code: `Resources:
  Clb:
    Type: AWS::ElasticLoadBalancing::LoadBalancer
    Properties:
      AvailabilityZones: [eu-west-1a]
      Listeners:
        - {LoadBalancerPort: "443", InstancePort: "80", Protocol: HTTPS, SSLCertificateId: arn:aws:acm:eu-west-1:111122223333:certificate/0b1c2d3e}
        - {LoadBalancerPort: "8443", InstancePort: "8443", Protocol: SSL, SSLCertificateId: arn:aws:acm:eu-west-1:111122223333:certificate/0b1c2d3e}
`,
        },
      ],
      bad: [
        {
          name: 'a plain HTTP listener',
          code: `Resources:
  Clb:
    Type: AWS::ElasticLoadBalancing::LoadBalancer
    Properties:
      AvailabilityZones: [eu-west-1a]
      Listeners:
        - {LoadBalancerPort: "80", InstancePort: "80", Protocol: ⟦HTTP⟧}
`,
          expect: [{ severity: 'warning', message: ["Listeners.Protocol is 'HTTP'", 'not encrypted'] }],
        },
      ],
    },
    terraform: {
      good: [
        {
          name: 'lb_protocol = "https"',
          code: `resource "aws_elb" "web" {
  availability_zones = ["eu-west-1a"]

  listener {
    lb_port            = 443
    lb_protocol        = "https"
    instance_port      = 80
    instance_protocol  = "http"
    ssl_certificate_id = "arn:aws:acm:eu-west-1:111122223333:certificate/0b1c2d3e"
  }
}
`,
        },
      ],
      bad: [
        {
          name: 'an http listener beside an https one',
          code: `resource "aws_elb" "web" {
  availability_zones = ["eu-west-1a"]

  listener {
    lb_port           = 80
    lb_protocol       = ⟦"http"⟧
    instance_port     = 80
    instance_protocol = "http"
  }

  listener {
    lb_port            = 443
    lb_protocol        = "https"
    instance_port      = 80
    instance_protocol  = "http"
    ssl_certificate_id = "arn:aws:acm:eu-west-1:111122223333:certificate/0b1c2d3e"
  }
}
`,
          expect: [{ severity: 'warning', message: ["lb_protocol is 'http'", 'lb_protocol = "https"'] }],
        },
      ],
    },
  },
  {
    rule: 'clb-access-logs',
    cloudformation: {
      good: [
        {
          name: 'AccessLoggingPolicy enabled',
          code: `Resources:
  Clb:
    Type: AWS::ElasticLoadBalancing::LoadBalancer
    Properties:
      AvailabilityZones: [eu-west-1a]
      Listeners: [{LoadBalancerPort: "443", InstancePort: "80", Protocol: HTTPS, SSLCertificateId: arn:aws:acm:eu-west-1:111122223333:certificate/0b1c2d3e}]
      AccessLoggingPolicy: {Enabled: true, S3BucketName: elb-logs-111122223333, EmitInterval: 5}
`,
        },
      ],
      bad: [
        {
          name: 'AccessLoggingPolicy disabled, and missing',
          code: `Resources:
  Off:
    Type: AWS::ElasticLoadBalancing::LoadBalancer
    Properties:
      AvailabilityZones: [eu-west-1a]
      Listeners: [{LoadBalancerPort: "443", InstancePort: "80", Protocol: HTTPS, SSLCertificateId: arn:aws:acm:eu-west-1:111122223333:certificate/0b1c2d3e}]
      AccessLoggingPolicy: {Enabled: ⟦false⟧, S3BucketName: elb-logs-111122223333}
  ⟦Missing⟧:
    Type: AWS::ElasticLoadBalancing::LoadBalancer
    Properties:
      AvailabilityZones: [eu-west-1a]
      Listeners: [{LoadBalancerPort: "443", InstancePort: "80", Protocol: HTTPS, SSLCertificateId: arn:aws:acm:eu-west-1:111122223333:certificate/0b1c2d3e}]
`,
          expect: [
            { severity: 'warning', message: ['AccessLoggingPolicy.Enabled is false'] },
            { severity: 'warning', message: ['AccessLoggingPolicy.Enabled is not set'] },
          ],
        },
      ],
    },
    terraform: {
      good: [
        {
          name: 'an access_logs block (enabled defaults to true in aws_elb)',
          code: `resource "aws_elb" "web" {
  availability_zones = ["eu-west-1a"]

  listener {
    lb_port            = 443
    lb_protocol        = "https"
    instance_port      = 80
    instance_protocol  = "http"
    ssl_certificate_id = "arn:aws:acm:eu-west-1:111122223333:certificate/0b1c2d3e"
  }

  access_logs {
    bucket   = "elb-logs-111122223333"
    interval = 5
  }
}
`,
        },
      ],
      bad: [
        {
          name: 'access_logs disabled, and no access_logs block',
          code: `resource "aws_elb" "off" {
  availability_zones = ["eu-west-1a"]

  listener {
    lb_port            = 443
    lb_protocol        = "https"
    instance_port      = 80
    instance_protocol  = "http"
    ssl_certificate_id = "arn:aws:acm:eu-west-1:111122223333:certificate/0b1c2d3e"
  }

  access_logs {
    bucket  = "elb-logs-111122223333"
    enabled = ⟦false⟧
  }
}

resource "aws_elb" ⟦"missing"⟧ {
  availability_zones = ["eu-west-1a"]

  listener {
    lb_port            = 443
    lb_protocol        = "https"
    instance_port      = 80
    instance_protocol  = "http"
    ssl_certificate_id = "arn:aws:acm:eu-west-1:111122223333:certificate/0b1c2d3e"
  }
}
`,
          expect: [
            { severity: 'warning', message: ['access_logs.enabled is false'] },
            { severity: 'warning', message: ['there is no access_logs block'] },
          ],
        },
      ],
    },
  },
  {
    rule: 'alb-waf',
    cloudformation: {
      good: [
        {
          name: 'a web ACL association; internal load balancers are not judged',
          code: `Resources:
  Public:
    Type: AWS::ElasticLoadBalancingV2::LoadBalancer
    Properties:
      Subnets: [subnet-0a1b2c3d, subnet-0e4f5a6b]
  PublicWaf:
    Type: AWS::WAFv2::WebACLAssociation
    Properties:
      ResourceArn: !Ref Public
      WebACLArn: arn:aws:wafv2:eu-west-1:111122223333:regional/webacl/edge/0a1b2c3d
  Internal:
    Type: AWS::ElasticLoadBalancingV2::LoadBalancer
    Properties:
      Scheme: internal
      Subnets: [subnet-0a1b2c3d, subnet-0e4f5a6b]
`,
        },
      ],
      bad: [
        {
          name: 'an internet-facing ALB without a web ACL',
          code: `Resources:
  ⟦Public⟧:
    Type: AWS::ElasticLoadBalancingV2::LoadBalancer
    Properties:
      Scheme: internet-facing
      Subnets: [subnet-0a1b2c3d, subnet-0e4f5a6b]
`,
          expect: [{ severity: 'warning', message: ['No AWS::WAFv2::WebACLAssociation in this template points at it'] }],
        },
      ],
    },
    terraform: {
      good: [
        {
          name: 'aws_wafv2_web_acl_association pointing at the load balancer; a network load balancer is not judged',
          code: `resource "aws_lb" "public" {
  subnets = ["subnet-0a1b2c3d", "subnet-0e4f5a6b"]
}

resource "aws_wafv2_web_acl_association" "public" {
  resource_arn = aws_lb.public.arn
  web_acl_arn  = "arn:aws:wafv2:eu-west-1:111122223333:regional/webacl/edge/0a1b2c3d"
}

resource "aws_lb" "tcp" {
  load_balancer_type = "network"
  subnets            = ["subnet-0a1b2c3d"]
}
`,
        },
      ],
      bad: [
        {
          name: 'an internet-facing aws_alb without a web ACL',
          code: `resource "aws_alb" ⟦"public"⟧ {
  subnets = ["subnet-0a1b2c3d", "subnet-0e4f5a6b"]
}
`,
          expect: [{ severity: 'warning', message: ['No aws_wafv2_web_acl_association in this module points at it'] }],
        },
      ],
    },
  },
  {
    rule: 'sg-default-restrict-all',
    terraform: {
      good: [
        {
          name: 'the default security group adopted and emptied (no blocks, or empty lists)',
          code: `resource "aws_default_security_group" "default" {
  vpc_id = "vpc-0123456789abcdef0"
}

resource "aws_default_security_group" "explicit" {
  vpc_id  = "vpc-0fedcba9876543210"
  ingress = []
  egress  = []
}
`,
        },
      ],
      bad: [
        {
          name: 'the default group keeps the AWS self-referencing ingress and allow-all egress',
          code: `resource "aws_default_security_group" "default" {
  vpc_id = "vpc-0123456789abcdef0"

  ⟦ingress⟧ {
    protocol  = "-1"
    self      = true
    from_port = 0
    to_port   = 0
  }

  ⟦egress⟧ {
    from_port   = 0
    to_port     = 0
    protocol    = "-1"
    cidr_blocks = ["0.0.0.0/0"]
  }
}
`,
          expect: [
            { severity: 'error', message: ['keeps ingress rules on the VPC\'s default security group'] },
            { severity: 'error', message: ['keeps egress rules'] },
          ],
        },
      ],
    },
  },
];

/** Readers of this family without examples yet (rule id:format); the examples test keeps this list true. */
export const PENDING: readonly string[] = [
];
