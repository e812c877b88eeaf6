// Terraform expressions evaluated as Terraform does (test/fixtures/cases/evaluation; each fixture's top comment says
// what should happen): dynamic blocks expand into one block per element of their for_each, with the iterator
// (the label, or `iterator = x`) bound; for_each over a for expression (object and list forms, with `if`) makes
// its instances; an empty collection makes no instance and no block. Unknown stays unknown.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FileAnalysis } from '../../../server/src/analysis';
import { analyseExample } from '../support/examples';

const CASES = join('test', 'fixtures', 'cases', 'evaluation');

function fixture(name: string): { text: string; result: FileAnalysis } {
  const text = readFileSync(join(CASES, name, 'main.tf'), 'utf8');
  return { text, result: analyse(text) };
}

const analyse = (text: string): FileAnalysis => analyseExample('terraform', 'main.tf', text);

function findingsOf(result: FileAnalysis, text: string, ruleId: string) {
  return result.findings.filter((finding) => finding.ruleId === ruleId)
    .map((finding) => ({ resource: finding.resource?.id, severity: finding.severity, at: text.slice(finding.range.start, finding.range.end), line: result.lineIndex.positionAt(finding.range.start).line + 1, message: finding.message }));
}

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

const sg = (dynamic: string, head = '') => `${head}
resource "aws_security_group" "g" {
  name = "g"
${dynamic}
}
`;

describe('dynamic blocks', () => {
  test('case tf-dynamic-ingress: ingress.value is 22, so SSH is open to the internet (error on cidr_blocks, line 27)', () => {
    const { text, result } = fixture('tf-dynamic-ingress');
    noInternalError(result);
    const findings = findingsOf(result, text, 'sg-open-admin-ports');
    assert.deepEqual(findings.map((finding) => [finding.resource, finding.severity, finding.at, finding.line]), [['aws_security_group.jumphost', 'error', '"0.0.0.0/0"', 27]]);
    assert.match(findings[0].message, /SSH \(port 22\) is open to the internet: cidr_blocks contains '0\.0\.0\.0\/0' \(var\.open_admin_access is true/);
    assert.equal(statusOf(result, 'aws_security_group.jumphost', 'sg-open-admin-ports').status, 'missed');
  });

  test('case tf-json-dynamic-ingress: the .tf.json "dynamic" property is a dynamic block too (error on cidr_blocks)', () => {
    const text = readFileSync(join(CASES, 'tf-json-dynamic-ingress', 'main.tf.json'), 'utf8');
    const result = analyseExample('terraform', 'main.tf.json', text);
    noInternalError(result);
    const findings = findingsOf(result, text, 'sg-open-admin-ports');
    assert.deepEqual(findings.map((finding) => [finding.resource, finding.severity, finding.at]), [['aws_security_group.jumphost', 'error', '"0.0.0.0/0"']]);
    assert.match(findings[0].message, /SSH \(port 22\) is open to the internet/);
    assert.equal(statusOf(result, 'aws_security_group.jumphost', 'sg-open-admin-ports').status, 'missed');
  });

  test('.tf.json dynamic blocks: an iterator over a map of objects, a list of dynamic blocks beside written ones, an empty for_each', () => {
    const group = (body: object, variables: object = {}) => JSON.stringify({
      variable: variables,
      resource: { aws_security_group: { g: { name: 'g', ...body } } },
    }, null, 2);
    const rules = { rules: { default: { ssh: { port: 22, cidrs: ['10.0.0.0/8'] }, rdp: { port: 3389, cidrs: ['0.0.0.0/0'] } } } };
    const content = (iterator: string) => ({ from_port: `\${${iterator}.value.port}`, to_port: `\${${iterator}.value.port}`, protocol: 'tcp', cidr_blocks: `\${${iterator}.value.cidrs}` });
    const verdicts = (text: string) => {
      const result = analyseExample('terraform', 'main.tf.json', text);
      noInternalError(result);
      return result.findings.filter((finding) => finding.ruleId === 'sg-open-admin-ports').map((finding) => finding.message.slice(0, finding.message.indexOf(' is open')));
    };
    assert.deepEqual(verdicts(group({ dynamic: { ingress: { for_each: '${var.rules}', iterator: 'rule', content: content('rule') } } }, rules)), ['RDP (port 3389)']);
    // A list of dynamic blocks of one type, and a written ingress beside them: all of them are inbound rules.
    const written = { from_port: 22, to_port: 22, protocol: 'tcp', cidr_blocks: ['0.0.0.0/0'] };
    assert.deepEqual(verdicts(group({ ingress: [written], dynamic: { ingress: [{ for_each: '${var.rules}', content: content('ingress') }] } }, rules)), ['SSH (port 22)', 'RDP (port 3389)']);
    // Nothing to iterate: no block at all, so no finding (and no inbound rule).
    assert.deepEqual(verdicts(group({ dynamic: { ingress: { for_each: '${[]}', content: written } } })), []);
  });

  test('`iterator = rule` over a map of objects: each element is its own block (RDP world-open, SSH narrow)', () => {
    const text = sg(`  dynamic "ingress" {
    for_each = var.rules
    iterator = rule
    content {
      from_port   = rule.value.port
      to_port     = rule.value.port
      protocol    = "tcp"
      cidr_blocks = rule.value.cidrs
    }
  }`, `variable "rules" {
  default = {
    ssh = { port = 22, cidrs = ["10.0.0.0/8"] }
    rdp = { port = 3389, cidrs = ["::/0", "0.0.0.0/0"] }
  }
}`);
    const result = analyse(text);
    noInternalError(result);
    const findings = findingsOf(result, text, 'sg-open-admin-ports');
    assert.deepEqual(findings.map((finding) => [finding.severity, finding.at]), [['error', 'rule.value.cidrs']]);
    assert.match(findings[0].message, /RDP \(port 3389\)/);
    assert.doesNotMatch(findings[0].message, /SSH/);
  });

  test('the iterator key, static blocks beside a dynamic one, and a nested dynamic block reading the outer iterator', () => {
    const text = sg(`  ingress {
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
  dynamic "ingress" {
    for_each = { "22" = "0.0.0.0/0" }
    content {
      from_port   = tonumber(ingress.key)
      to_port     = ingress.key
      protocol    = "tcp"
      cidr_blocks = [ingress.value]
    }
  }`);
    const result = analyse(text);
    noInternalError(result);
    assert.deepEqual(findingsOf(result, text, 'sg-open-admin-ports').map((finding) => [finding.severity, finding.at]), [['error', 'ingress.value']]);
  });

  test('an empty for_each ([], {}, a false condition, a filter that keeps nothing) makes no block', () => {
    for (const forEach of ['[]', '{}', 'false ? [22] : []', '[for p in [22, 3389] : p if p > 65000]', '{ for k, v in {} : k => v }']) {
      const text = sg(`  dynamic "ingress" {
    for_each = ${forEach}
    content {
      from_port   = ingress.value
      to_port     = ingress.value
      protocol    = "tcp"
      cidr_blocks = ["0.0.0.0/0"]
    }
  }`);
      const result = analyse(text);
      noInternalError(result);
      assert.deepEqual(findingsOf(result, text, 'sg-open-admin-ports'), [], forEach);
      assert.equal(statusOf(result, 'aws_security_group.g', 'sg-open-admin-ports').status, 'addressed', forEach);
    }
  });

  test('a for_each decided by a variable without a value: cannot be checked, never addressed', () => {
    const text = sg(`  dynamic "ingress" {
    for_each = var.ports
    content {
      from_port   = ingress.value
      to_port     = ingress.value
      protocol    = "tcp"
      cidr_blocks = ["0.0.0.0/0"]
    }
  }`, 'variable "ports" {}');
    const result = analyse(text);
    noInternalError(result);
    assert.deepEqual(findingsOf(result, text, 'sg-open-admin-ports'), []);
    assert.equal(statusOf(result, 'aws_security_group.g', 'sg-open-admin-ports').status, 'cannot-be-checked');
  });

  test('a for_each behind an undecided condition: depends on the deployment', () => {
    const text = sg(`  dynamic "ingress" {
    for_each = var.open ? [3389] : []
    content {
      from_port   = ingress.value
      to_port     = ingress.value
      protocol    = "tcp"
      cidr_blocks = ["0.0.0.0/0"]
    }
  }`, 'variable "open" { type = bool }');
    const result = analyse(text);
    noInternalError(result);
    const findings = findingsOf(result, text, 'sg-open-admin-ports');
    assert.deepEqual(findings.map((finding) => finding.severity), ['info']);
    assert.match(findings[0].message, /^Depends on the deployment: RDP/);
  });
});

describe('for_each over for expressions', () => {
  test('case tf-for-each-for-expression: relay["edge-a"] and probe["ingress"] get public addresses, relay["core-b"] does not', () => {
    const { text, result } = fixture('tf-for-each-for-expression');
    noInternalError(result);
    const findings = findingsOf(result, text, 'ec2-no-public-ip');
    assert.deepEqual(findings.map((finding) => [finding.resource, finding.severity, finding.at, finding.line]), [
      ['aws_instance.relay["edge-a"]', 'error', 'each.value.public', 19],
      ['aws_instance.probe["ingress"]', 'error', 'each.value', 31],
    ]);
    assert.equal(statusOf(result, 'aws_instance.relay', 'ec2-no-public-ip').status, 'missed');
  });

  test('case for-expression-empty-foreach: a for expression over an empty map makes no attachment, so no finding', () => {
    const { text, result } = fixture('for-expression-empty-foreach');
    noInternalError(result);
    assert.deepEqual(findingsOf(result, text, 'iam-no-user-policies'), []);
  });

  test('list form through toset(), grouping, and an `if` that filters by value', () => {
    const text = `variable "hosts" {
  default = [
    { name = "a", public = true, enabled = true },
    { name = "b", public = true, enabled = false },
    { name = "c", public = false, enabled = true },
  ]
}

resource "aws_instance" "listed" {
  for_each                    = toset([for h in var.hosts : h.name if h.enabled])
  ami                         = "ami-0f1e2d3c4b5a69788"
  instance_type               = "t3.micro"
  associate_public_ip_address = each.key == "a"
}

resource "aws_instance" "grouped" {
  for_each                    = { for h in var.hosts : h.name => h.public... if h.enabled }
  ami                         = "ami-0f1e2d3c4b5a69788"
  instance_type               = "t3.micro"
  associate_public_ip_address = each.value[0]
}
`;
    const result = analyse(text);
    noInternalError(result);
    const findings = findingsOf(result, text, 'ec2-no-public-ip');
    assert.deepEqual(findings.map((finding) => finding.resource), ['aws_instance.listed["a"]', 'aws_instance.grouped["a"]']);
  });

  test('empty for_each collections in other spellings and resource types make no instance', () => {
    for (const forEach of ['{ for k, v in var.none : k => v }', '[for v in [] : v]', '{ for k, v in { a = "x" } : k => v if false }', 'toset([])']) {
      const text = `variable "none" {
  default = {}
}

resource "aws_iam_user_policy" "inline" {
  for_each = ${forEach}
  user     = "otter"
  policy   = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "*", Resource = "*" }] })
}
`;
      const result = analyse(text);
      noInternalError(result);
      assert.deepEqual(result.findings.map((finding) => finding.ruleId), [], forEach);
    }
  });

  test('a for expression whose condition cannot be known leaves the instances unknown (cannot be checked)', () => {
    const text = `variable "create" { type = bool }

resource "aws_instance" "x" {
  for_each                    = { for n in ["a"] : n => true if var.create }
  ami                         = "ami-0f1e2d3c4b5a69788"
  instance_type               = "t3.micro"
  associate_public_ip_address = each.value
}
`;
    const result = analyse(text);
    noInternalError(result);
    assert.deepEqual(findingsOf(result, text, 'ec2-no-public-ip'), []);
    assert.equal(statusOf(result, 'aws_instance.x', 'ec2-no-public-ip').status, 'cannot-be-checked');
  });
});
