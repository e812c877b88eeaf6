// The network rule cases of test/fixtures/cases/rules (each fixture's top comment says what should happen), and
// variants of the same faults: listeners without a protocol, NLB/GWLB load balancers and their listeners,
// redirects through conditionals, aws_alb / aws_alb_listener wherever aws_lb / aws_lb_listener is tested.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FileAnalysis } from '../../../server/src/analysis';
import { analyseExample } from '../support/examples';

const CASES = join('test', 'fixtures', 'cases', 'rules');

function fixture(name: string): { text: string; result: FileAnalysis } {
  const text = readFileSync(join(CASES, name), 'utf8');
  const format = name.endsWith('.tf') ? 'terraform' : 'cloudformation';
  return { text, result: analyseExample(format, format === 'terraform' ? 'main.tf' : 'template.yaml', text) };
}

function analyse(format: 'cloudformation' | 'terraform', text: string): FileAnalysis {
  return analyseExample(format, format === 'terraform' ? 'main.tf' : 'template.yaml', text);
}

/** The findings of one rule, with the text they sit on. */
function findingsOf(result: FileAnalysis, text: string, ruleId: string) {
  return result.findings.filter((finding) => finding.ruleId === ruleId).map((finding) => ({ ...finding, at: text.slice(finding.range.start, finding.range.end), line: result.lineIndex.positionAt(finding.range.start).line + 1 }));
}

/** The status a resource gets for the item the rule checks. */
function statusOf(result: FileAnalysis, resource: string, ruleId: string) {
  const summary = result.resources.find((candidate) => candidate.id === resource);
  assert.ok(summary, `resource ${resource} in ${result.resources.map((candidate) => candidate.id).join(', ')}`);
  const status = summary.responsibilities.find((responsibility) => responsibility.ruleIds.includes(ruleId));
  assert.ok(status, `${resource} has a status for ${ruleId}`);
  return status;
}

function noInternalError(result: FileAnalysis): void {
  assert.deepEqual(result.problems.filter((problem) => problem.message.startsWith('Internal error')).map((problem) => problem.message), []);
}

describe('case tf-listener-protocol-default', () => {
  test('a listener of an Application Load Balancer without protocol is HTTP: alb-https-listener warning on aws_lb_listener.admin_ui', () => {
    const { text, result } = fixture('tf-listener-protocol-default/main.tf');
    const findings = findingsOf(result, text, 'alb-https-listener');
    assert.equal(findings.length, 1);
    assert.equal(findings[0].at, '"admin_ui"');
    assert.equal(findings[0].line, 13);
    assert.equal(findings[0].severity, 'warning');
    assert.match(findings[0].message, /protocol is not set: the AWS provider creates the listener of an Application Load Balancer with protocol HTTP/);
    assert.match(findings[0].message, /plain text/);
    assert.equal(statusOf(result, 'aws_lb_listener.admin_ui', 'alb-https-listener').status, 'missed');
    // No TLS policy to judge on an HTTP listener.
    assert.deepEqual(findingsOf(result, text, 'alb-tls-policy'), []);
  });
});

describe('case tf-nlb-access-logs', () => {
  test('a network load balancer with a TLS listener and no access_logs: alb-access-logs on aws_lb.telemetry', () => {
    const { text, result } = fixture('tf-nlb-access-logs/main.tf');
    const findings = findingsOf(result, text, 'alb-access-logs');
    assert.equal(findings.length, 1);
    assert.equal(findings[0].at, '"telemetry"');
    assert.equal(findings[0].line, 7);
    assert.equal(findings[0].severity, 'warning');
    assert.match(findings[0].message, /access_logs\.enabled is not set/);
    const status = statusOf(result, 'aws_lb.telemetry', 'alb-access-logs');
    assert.equal(status.item, 'logging-audit');
    assert.equal(status.status, 'missed');
  });
});

describe('case tf-alias-resource-types (aws_alb, aws_alb_listener)', () => {
  test('aws_alb and aws_alb_listener get the rules of aws_lb and aws_lb_listener', () => {
    const { text, result } = fixture('tf-alias-resource-types/main.tf');
    const logs = findingsOf(result, text, 'alb-access-logs');
    assert.deepEqual(logs.map((finding) => [finding.at, finding.line]), [['"intake"', 12]]);
    const policy = findingsOf(result, text, 'alb-tls-policy');
    assert.deepEqual(policy.map((finding) => [finding.at, finding.line]), [['"ELBSecurityPolicy-TLS-1-1-2017-01"', 22]]);
    assert.match(policy[0].message, /TLS 1\.0 or 1\.1/);
    const https = findingsOf(result, text, 'alb-https-listener');
    assert.deepEqual(https.map((finding) => [finding.at, finding.line]), [['"HTTP"', 34]]);
    assert.equal(statusOf(result, 'aws_alb_listener.intake_plain', 'alb-https-listener').status, 'missed');
  });
});

describe('case tf-reader-drops-cfn-logic (aws_lb_listener.plain_entry)', () => {
  test('an HTTP listener that redirects to HTTPS is not reported', () => {
    const { text, result } = fixture('tf-reader-drops-cfn-logic/main.tf');
    assert.deepEqual(findingsOf(result, text, 'alb-https-listener'), []);
    const status = statusOf(result, 'aws_lb_listener.plain_entry', 'alb-https-listener');
    assert.equal(status.status, 'addressed');
    assert.match(status.detail, /redirects to HTTPS/);
  });
});

describe('case rule-crash-intrinsic-where-map-expected/four-rules.yaml (HttpListener)', () => {
  test('RedirectConfig given as !If does not crash alb-https-listener; both branches redirect to HTTPS, so no finding', () => {
    const { text, result } = fixture('rule-crash-intrinsic-where-map-expected/four-rules.yaml');
    assert.ok(!result.problems.some((problem) => problem.message.includes('alb-https-listener')), result.problems.map((problem) => problem.message).join('\n'));
    assert.deepEqual(findingsOf(result, text, 'alb-https-listener'), []);
    assert.equal(statusOf(result, 'HttpListener', 'alb-https-listener').status, 'addressed');
  });
});

// --- Variants

const ALB_ARN = 'arn:aws:elasticloadbalancing:eu-west-1:111122223333:loadbalancer/app/web/0a1b2c3d';
const TG_ARN = 'arn:aws:elasticloadbalancing:eu-west-1:111122223333:targetgroup/web/1a2b';

describe('variants: listeners without a protocol', () => {
  const cfn = (lbType: string | undefined, listener: string) => `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  Lb:
    Type: AWS::ElasticLoadBalancingV2::LoadBalancer
    Properties:
${lbType ? `      Type: ${lbType}\n` : ''}      Subnets: [subnet-0a1b2c3d]
  Listener:
    Type: AWS::ElasticLoadBalancingV2::Listener
    Properties:
      LoadBalancerArn: !Ref Lb
${listener}`;

  test('CloudFormation: no documented default, so an ALB or NLB listener without Protocol cannot be checked', () => {
    for (const lbType of [undefined, 'application', 'network']) {
      const text = cfn(lbType, `      DefaultActions: [{Type: forward, TargetGroupArn: ${TG_ARN}}]\n`);
      const result = analyse('cloudformation', text);
      noInternalError(result);
      assert.deepEqual(findingsOf(result, text, 'alb-https-listener'), []);
      const status = statusOf(result, 'Listener', 'alb-https-listener');
      assert.equal(status.status, 'cannot-be-checked', `${lbType}: ${status.detail}`);
      assert.match(status.detail, /Protocol is not set/);
    }
  });

  test('CloudFormation: a Gateway Load Balancer listener has no protocol (not applicable); a redirect to HTTPS is addressed', () => {
    const gateway = cfn('gateway', `      DefaultActions: [{Type: forward, TargetGroupArn: ${TG_ARN}}]\n`);
    assert.equal(statusOf(analyse('cloudformation', gateway), 'Listener', 'alb-https-listener').status, 'not-applicable');
    const redirect = cfn(undefined, '      DefaultActions: [{Type: redirect, RedirectConfig: {Protocol: HTTPS, Port: "443", StatusCode: HTTP_301}}]\n');
    assert.equal(statusOf(analyse('cloudformation', redirect), 'Listener', 'alb-https-listener').status, 'addressed');
  });

  const tf = (lbType: string, listenerType = 'aws_lb_listener', lbResource = 'aws_lb') => `resource "${lbResource}" "web" {
  load_balancer_type = "${lbType}"
  subnets            = ["subnet-0a1b2c3d"]
}

resource "${listenerType}" "front" {
  load_balancer_arn = ${lbResource}.web.arn

  default_action {
    type             = "forward"
    target_group_arn = "${TG_ARN}"
  }
}
`;

  test('Terraform: HTTP on an application load balancer (aws_lb or aws_alb, aws_lb_listener or aws_alb_listener)', () => {
    for (const [listenerType, lbResource] of [['aws_lb_listener', 'aws_lb'], ['aws_alb_listener', 'aws_alb'], ['aws_alb_listener', 'aws_lb'], ['aws_lb_listener', 'aws_alb']]) {
      const text = tf('application', listenerType, lbResource);
      const findings = findingsOf(analyse('terraform', text), text, 'alb-https-listener');
      assert.deepEqual(findings.map((finding) => finding.at), ['"front"'], `${listenerType} -> ${lbResource}`);
      assert.equal(findings[0].severity, 'warning');
    }
  });

  test('Terraform: none on a gateway load balancer; unknown on a network load balancer (the provider sets no default there)', () => {
    const gateway = analyse('terraform', tf('gateway'));
    assert.equal(statusOf(gateway, 'aws_lb_listener.front', 'alb-https-listener').status, 'not-applicable');
    const network = analyse('terraform', tf('network'));
    assert.equal(statusOf(network, 'aws_lb_listener.front', 'alb-https-listener').status, 'cannot-be-checked');
  });

  test('Terraform: a literal ARN says the kind; a load balancer outside the module cannot be checked', () => {
    const literal = `resource "aws_lb_listener" "front" {
  load_balancer_arn = "${ALB_ARN}"

  default_action {
    type             = "forward"
    target_group_arn = "${TG_ARN}"
  }
}
`;
    assert.deepEqual(findingsOf(analyse('terraform', literal), literal, 'alb-https-listener').map((finding) => finding.at), ['"front"']);
    const outside = literal.replace(`"${ALB_ARN}"`, 'var.lb_arn');
    const result = analyse('terraform', `variable "lb_arn" {}\n${outside}`);
    assert.equal(statusOf(result, 'aws_lb_listener.front', 'alb-https-listener').status, 'cannot-be-checked');
  });
});

describe('variants: redirects through conditionals and odd shapes', () => {
  test('CloudFormation: one branch redirects to HTTP -> depends (information), never a crash', () => {
    const text = `AWSTemplateFormatVersion: "2010-09-09"
Parameters:
  Secure:
    Type: String
    AllowedValues: ["yes", "no"]
Conditions:
  IsSecure: !Equals [!Ref Secure, "yes"]
Resources:
  Http:
    Type: AWS::ElasticLoadBalancingV2::Listener
    Properties:
      LoadBalancerArn: ${ALB_ARN}
      Protocol: HTTP
      DefaultActions: !If
        - IsSecure
        - [{Type: redirect, RedirectConfig: {Protocol: HTTPS, Port: "443", StatusCode: HTTP_301}}]
        - [{Type: forward, TargetGroupArn: ${TG_ARN}}]
`;
    const result = analyse('cloudformation', text);
    noInternalError(result);
    const findings = findingsOf(result, text, 'alb-https-listener');
    assert.equal(findings.length, 1);
    assert.equal(findings[0].severity, 'info');
    assert.match(findings[0].message, /^.*Depends on the deployment: Protocol is 'HTTP'.*only on some branches/);
  });

  test('CloudFormation: RedirectConfig or DefaultActions that cannot be read -> cannot be checked, not a crash', () => {
    for (const actions of ['      DefaultActions:\n        - Type: redirect\n          RedirectConfig: !Ref Redirect\n', '      DefaultActions: !Ref Actions\n']) {
      const text = `AWSTemplateFormatVersion: "2010-09-09"
Parameters:
  Redirect:
    Type: String
  Actions:
    Type: String
Resources:
  Http:
    Type: AWS::ElasticLoadBalancingV2::Listener
    Properties:
      LoadBalancerArn: ${ALB_ARN}
      Protocol: HTTP
${actions}`;
      const result = analyse('cloudformation', text);
      noInternalError(result);
      assert.deepEqual(findingsOf(result, text, 'alb-https-listener'), [], actions);
      assert.equal(statusOf(result, 'Http', 'alb-https-listener').status, 'cannot-be-checked', actions);
    }
  });

  test('Terraform: a redirect protocol chosen by an undecided variable -> depends; a default_action expression never crashes', () => {
    const text = `variable "secure" {
  type = bool
}

resource "aws_alb_listener" "http" {
  load_balancer_arn = "${ALB_ARN}"
  port              = 80
  protocol          = "HTTP"

  default_action {
    type = "redirect"

    redirect {
      protocol    = var.secure ? "HTTPS" : "HTTP"
      port        = "443"
      status_code = "HTTP_301"
    }
  }
}
`;
    const result = analyse('terraform', text);
    noInternalError(result);
    const findings = findingsOf(result, text, 'alb-https-listener');
    assert.equal(findings.length, 1);
    assert.equal(findings[0].severity, 'info');
    assert.match(findings[0].message, /only on some branches/);
    const expression = `variable "actions" {}

resource "aws_lb_listener" "http" {
  load_balancer_arn = "${ALB_ARN}"
  protocol          = "HTTP"
  default_action    = var.actions
}
`;
    const odd = analyse('terraform', expression);
    noInternalError(odd);
    assert.deepEqual(findingsOf(odd, expression, 'alb-https-listener'), []);
  });
});

describe('variants: network and gateway load balancers', () => {
  const nlb = (format: 'cloudformation' | 'terraform', listenerProtocol: string | undefined, lbType = 'network') => (format === 'cloudformation'
    ? `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  Nlb:
    Type: AWS::ElasticLoadBalancingV2::LoadBalancer
    Properties:
      Type: ${lbType}
      Subnets: [subnet-0a1b2c3d]
${listenerProtocol ? `  Listener:
    Type: AWS::ElasticLoadBalancingV2::Listener
    Properties:
      LoadBalancerArn: !Ref Nlb
      Port: 514
      Protocol: ${listenerProtocol}
      DefaultActions: [{Type: forward, TargetGroupArn: ${TG_ARN}}]
` : ''}`
    : `resource "aws_lb" "nlb" {
  load_balancer_type = "${lbType}"
  subnets            = ["subnet-0a1b2c3d"]
}
${listenerProtocol ? `
resource "aws_alb_listener" "listener" {
  load_balancer_arn = aws_lb.nlb.arn
  port              = 514
  protocol          = "${listenerProtocol}"

  default_action {
    type             = "forward"
    target_group_arn = "${TG_ARN}"
  }
}
` : ''}`);
  const id = (format: 'cloudformation' | 'terraform') => (format === 'cloudformation' ? 'Nlb' : 'aws_lb.nlb');

  for (const format of ['cloudformation', 'terraform'] as const) {
    test(`${format}: NLB access logs apply with a TLS listener, not with TCP only, and cannot be checked without listeners`, () => {
      const tls = nlb(format, 'TLS');
      assert.equal(findingsOf(analyse(format, tls), tls, 'alb-access-logs').length, 1);
      assert.equal(statusOf(analyse(format, nlb(format, 'TCP')), id(format), 'alb-access-logs').status, 'not-applicable');
      assert.equal(statusOf(analyse(format, nlb(format, undefined)), id(format), 'alb-access-logs').status, 'cannot-be-checked');
    });

    test(`${format}: a gateway load balancer has no access logs, no header attribute, no scheme and no WAF`, () => {
      const result = analyse(format, nlb(format, undefined, 'gateway'));
      for (const rule of ['alb-access-logs', 'alb-drop-invalid-headers', 'lb-internal-scheme', 'alb-waf']) {
        assert.equal(statusOf(result, id(format), rule).status === 'missed', false, rule);
        assert.deepEqual(result.findings.filter((finding) => finding.ruleId === rule).map((finding) => finding.message), [], rule);
      }
    });
  }

  test('Terraform: a load balancer type from an unset variable cannot be checked (never judged as an ALB)', () => {
    const text = `variable "kind" {}

resource "aws_lb" "web" {
  load_balancer_type = var.kind
  subnets            = ["subnet-0a1b2c3d"]
}
`;
    const result = analyse('terraform', text);
    for (const rule of ['alb-access-logs', 'alb-drop-invalid-headers']) {
      assert.deepEqual(findingsOf(result, text, rule), [], rule);
      assert.equal(statusOf(result, 'aws_lb.web', rule).status, 'cannot-be-checked', rule);
    }
  });
});

describe('variants: Terraform vocabulary and defaults', () => {
  test('lb-internal-scheme: internal = true is internal (aws_lb and aws_alb)', () => {
    for (const type of ['aws_lb', 'aws_alb']) {
      const text = `resource "${type}" "api" {\n  internal = true\n  subnets  = ["subnet-0a1b2c3d"]\n}\n`;
      const result = analyse('terraform', text);
      assert.deepEqual(findingsOf(result, text, 'lb-internal-scheme'), [], type);
    }
  });

  test('clb-access-logs: an aws_elb access_logs block without enabled is on', () => {
    const text = `resource "aws_elb" "web" {
  availability_zones = ["eu-west-1a"]

  listener {
    lb_port           = 80
    lb_protocol       = "tcp"
    instance_port     = 80
    instance_protocol = "tcp"
  }

  access_logs {
    bucket = "elb-logs"
  }
}
`;
    const result = analyse('terraform', text);
    assert.deepEqual(findingsOf(result, text, 'clb-access-logs'), []);
    assert.equal(statusOf(result, 'aws_elb.web', 'clb-access-logs').status, 'addressed');
  });

  test('security groups whose rules are an expression cannot be checked, never "no rules"', () => {
    const text = `variable "rules" {}

resource "aws_security_group" "app" {
  name    = "app"
  ingress = var.rules
  egress  = var.rules
}
`;
    const result = analyse('terraform', text);
    for (const rule of ['sg-open-admin-ports', 'sg-no-world-high-risk-ports', 'sg-egress-restricted']) {
      assert.equal(statusOf(result, 'aws_security_group.app', rule).status, 'cannot-be-checked', rule);
    }
  });

  test('CloudFormation: SecurityGroupIngress as a Ref cannot be checked', () => {
    const text = `AWSTemplateFormatVersion: "2010-09-09"
Parameters:
  Rules:
    Type: String
Resources:
  Sg:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: app
      SecurityGroupIngress: !Ref Rules
      SecurityGroupEgress: [{IpProtocol: tcp, FromPort: 443, ToPort: 443, CidrIp: 0.0.0.0/0}]
`;
    const result = analyse('cloudformation', text);
    noInternalError(result);
    assert.equal(statusOf(result, 'Sg', 'sg-open-admin-ports').status, 'cannot-be-checked');
  });
});

describe('variants: address ranges and ports that cannot be read', () => {
  test('Terraform: an SSH rule whose ranges, or a world rule whose ports, come from unset variables cannot be checked', () => {
    const text = `variable "cidrs" {}
variable "port" {}

resource "aws_security_group" "ranges" {
  egress = []

  ingress {
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = var.cidrs
  }
}

resource "aws_security_group" "ports" {
  egress = []

  ingress {
    from_port   = var.port
    to_port     = var.port
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}

resource "aws_network_acl_rule" "entry" {
  network_acl_id = "acl-0123456789abcdef0"
  rule_number    = 100
  egress         = false
  protocol       = "tcp"
  rule_action    = "allow"
  cidr_block     = var.cidrs
  from_port      = 22
  to_port        = 22
}
`;
    const result = analyse('terraform', text);
    for (const rule of ['sg-open-admin-ports', 'sg-no-world-high-risk-ports', 'nacl-no-world-admin-ports']) assert.deepEqual(findingsOf(result, text, rule), [], rule);
    assert.equal(statusOf(result, 'aws_security_group.ranges', 'sg-open-admin-ports').status, 'cannot-be-checked');
    assert.equal(statusOf(result, 'aws_security_group.ports', 'sg-open-admin-ports').status, 'cannot-be-checked');
    assert.equal(statusOf(result, 'aws_network_acl_rule.entry', 'nacl-no-world-admin-ports').status, 'cannot-be-checked');
  });
});

describe('variants: TCP and UDP listeners pass connections through', () => {
  test('an NLB TCP listener and a Classic TCP listener cannot be checked (neither addressed nor missed); HTTP beside TCP is missed', () => {
    const text = `resource "aws_lb_listener" "db" {
  load_balancer_arn = "arn:aws:elasticloadbalancing:eu-west-1:111122223333:loadbalancer/net/db/0a1b2c3d"
  port              = 5432
  protocol          = "TCP"

  default_action {
    type             = "forward"
    target_group_arn = "${TG_ARN}"
  }
}

resource "aws_elb" "tcp" {
  availability_zones = ["eu-west-1a"]

  listener {
    lb_port           = 443
    lb_protocol       = "tcp"
    instance_port     = 443
    instance_protocol = "tcp"
  }
}
`;
    const result = analyse('terraform', text);
    assert.equal(statusOf(result, 'aws_lb_listener.db', 'alb-https-listener').status, 'cannot-be-checked');
    assert.equal(statusOf(result, 'aws_elb.tcp', 'clb-https-listener').status, 'cannot-be-checked');
    const cfn = `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  Clb:
    Type: AWS::ElasticLoadBalancing::LoadBalancer
    Properties:
      AvailabilityZones: [eu-west-1a]
      Listeners:
        - {LoadBalancerPort: "443", InstancePort: "443", Protocol: TCP}
        - {LoadBalancerPort: "80", InstancePort: "80", Protocol: HTTP}
`;
    const findings = findingsOf(analyse('cloudformation', cfn), cfn, 'clb-https-listener');
    assert.deepEqual(findings.map((finding) => finding.at), ['HTTP']);
  });
});
