// Hovers through the language server (issue 13, item 6): inside a list item of a CloudFormation template and inside
// a Terraform dynamic block, on the key and on the value that carries the finding.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { MarkupContent, Position } from 'vscode-languageserver/node';
import { TestLspClient } from '../helpers/lspClient';
import { SSH_OPEN } from '../helpers/fixtures';

const DYNAMIC_INGRESS = `variable "admin_ports" {
  type    = list(number)
  default = [22]
}

resource "aws_security_group" "jump" {
  name = "jump"

  dynamic "ingress" {
    for_each = var.admin_ports
    content {
      from_port   = ingress.value
      to_port     = ingress.value
      protocol    = "tcp"
      cidr_blocks = ["0.0.0.0/0"]
    }
  }
}
`;

/** The same dynamic block in JSON syntax, where nested blocks are object properties. */
const DYNAMIC_INGRESS_JSON = `{
  "variable": { "admin_ports": { "type": "list(number)", "default": [22] } },
  "resource": {
    "aws_security_group": {
      "jump": {
        "name": "jump",
        "dynamic": {
          "ingress": {
            "for_each": "\${var.admin_ports}",
            "content": {
              "from_port": "\${ingress.value}",
              "to_port": "\${ingress.value}",
              "protocol": "tcp",
              "cidr_blocks": ["0.0.0.0/0"]
            }
          }
        }
      }
    }
  }
}
`;

/** A bucket whose versioning is set in its own resource (AWS provider v4+), by a nested block. */
const SPLIT_VERSIONING = `resource "aws_s3_bucket" "logs" {
  bucket = "logs"
}

resource "aws_s3_bucket_versioning" "logs" {
  bucket = aws_s3_bucket.logs.id
  versioning_configuration {
    status = "Enabled"
  }
}
`;

/** SAM copies Globals.Function onto both functions; B sets its own Tracing, so only A reads the global one. */
const SAM_GLOBALS = `Transform: AWS::Serverless-2016-10-31
Globals:
  Function:
    Tracing: Active
    VpcConfig:
      SubnetIds: [subnet-1]
      SecurityGroupIds: [sg-1]
Resources:
  A:
    Type: AWS::Serverless::Function
    Properties: {Runtime: python3.12, Handler: index.handler, CodeUri: .}
  B:
    Type: AWS::Serverless::Function
    Properties: {Runtime: python3.12, Handler: index.handler, CodeUri: ., Tracing: PassThrough}
`;

/** The position of the `nth` occurrence of `needle` in `text`, `shift` characters in. */
function positionOf(text: string, needle: string, shift = 1, nth = 0): Position {
  let offset = -1;
  for (let index = 0; index <= nth; index++) offset = text.indexOf(needle, offset + 1);
  assert.ok(offset >= 0, `${needle} is in the text`);
  const before = text.slice(0, offset + shift);
  const line = before.split('\n').length - 1;
  return { line, character: before.length - (before.lastIndexOf('\n') + 1) };
}

describe('hovers inside list items and dynamic blocks, over stdio', () => {
  let workspace: string;
  let client: TestLspClient;

  before(async () => {
    workspace = mkdtempSync(join(tmpdir(), 'iac-hints-hover-'));
    ({ client } = await TestLspClient.start({ workspaceFolders: [workspace], settings: { enable: true, minimumSeverity: 'info', scanWorkspaceOnStartup: false } }));
  });

  after(async () => {
    await client?.kill();
    rmSync(workspace, { recursive: true, force: true });
  });

  async function hoverText(uri: string, position: Position): Promise<string> {
    const hover = await client.hover(uri, position);
    assert.ok(hover, `a hover at ${position.line}:${position.character}`);
    const { start, end } = hover.range ?? { start: position, end: position };
    const before = (a: Position, b: Position): boolean => a.line < b.line || (a.line === b.line && a.character <= b.character);
    assert.ok(before(start, position) && before(position, end), `the hover's range holds the cursor at ${position.line}:${position.character}`);
    return (hover.contents as MarkupContent).value;
  }

  test('a key inside a SecurityGroupIngress item, and the CidrIp that carries the SSH finding', async () => {
    const uri = await client.open(join(workspace, 'sg.yaml'), SSH_OPEN);
    const onFromPort = await hoverText(uri, positionOf(SSH_OPEN, 'FromPort'));
    assert.match(onFromPort, /Customer responsibility: network exposure\*\* \(\[sg-open-admin-ports\]\(file:\/\/[^)]*\/docs\/rules\/sg-open-admin-ports\.md\)\)/);
    assert.match(onFromPort, /SecurityGroupIngress\[0\]\.FromPort is 22/);
    const onCidr = await hoverText(uri, positionOf(SSH_OPEN, '0.0.0.0/0', 3));
    assert.match(onCidr, /SSH \(port 22\) is open to the internet/);
    assert.match(onCidr, /Resolved: SecurityGroupIngress\[0\]\.CidrIp is '0\.0\.0\.0\/0'/);
    await client.close(uri);
  });

  test('an argument inside a dynamic block, its for_each, and the range that carries the finding', async () => {
    const uri = await client.open(join(workspace, 'main.tf'), DYNAMIC_INGRESS, 'terraform');
    const onFromPort = await hoverText(uri, positionOf(DYNAMIC_INGRESS, 'from_port'));
    assert.match(onFromPort, /\(\[sg-open-admin-ports\]\(file:[^)]*sg-open-admin-ports\.md\)\)/);
    // The iterator's value, and where it came from: the variable's default.
    assert.match(onFromPort, /ingress\.from_port is 22 \(.*var\.admin_ports.*\)/);
    const onForEach = await hoverText(uri, positionOf(DYNAMIC_INGRESS, 'for_each'));
    assert.match(onForEach, /Customer responsibility: network exposure/);
    assert.match(onForEach, /ingress\.cidr_blocks\[0\] is '0\.0\.0\.0\/0'/);
    const onCidr = await hoverText(uri, positionOf(DYNAMIC_INGRESS, '"0.0.0.0/0"', 3));
    assert.match(onCidr, /SSH \(port 22\) is open to the internet/);
    await client.close(uri);
  });

  test('a setting in SAM Globals that the functions inheriting it are judged by', async () => {
    const uri = await client.open(join(workspace, 'sam.yaml'), SAM_GLOBALS);
    await client.findDiagnostics(uri);
    const onTracing = await hoverText(uri, positionOf(SAM_GLOBALS, 'Tracing: Active'));
    assert.match(onTracing, /\(\[lambda-tracing-sam\]\([^)]*\)\): \*\*addressed\*\* in `A`/);
    assert.match(onTracing, /Resolved: Tracing is 'Active'/);
    assert.doesNotMatch(onTracing, /in `B`/, 'B sets its own Tracing');
    const onSubnet = await hoverText(uri, positionOf(SAM_GLOBALS, 'subnet-1'));
    assert.match(onSubnet, /\(\[lambda-in-vpc\]\([^)]*\)\): \*\*addressed\*\* in `A`/);
    assert.match(onSubnet, /\*\*addressed\*\* in `B`/);
    await client.close(uri);
  });

  test('the for_each of a dynamic block in a .tf.json file', async () => {
    const uri = await client.open(join(workspace, 'jump.tf.json'), DYNAMIC_INGRESS_JSON, 'json');
    await client.findDiagnostics(uri);
    const onForEach = await hoverText(uri, positionOf(DYNAMIC_INGRESS_JSON, 'for_each'));
    assert.match(onForEach, /\(\[sg-open-admin-ports\]\(file:[^)]*sg-open-admin-ports\.md\)\)/);
    assert.match(onForEach, /ingress\.cidr_blocks\[0\] is '0\.0\.0\.0\/0'/);
    await client.close(uri);
  });

  test('the link and the nested block of a split resource carry the duty of the setting under them', async () => {
    const uri = await client.open(join(workspace, 'versioning.tf'), SPLIT_VERSIONING, 'terraform');
    await client.findDiagnostics(uri);
    for (const needle of ['status', 'versioning_configuration', 'bucket = aws_s3_bucket.logs.id']) {
      const text = await hoverText(uri, positionOf(SPLIT_VERSIONING, needle));
      assert.match(text, /\(\[s3-versioning\]\([^)]*\)\)/, `on ${needle}`);
      assert.match(text, /Resolved: versioning_configuration\.status is 'Enabled'/, `on ${needle}`);
    }
    await client.close(uri);
  });
});
