// Cases of the edge rules (CloudFront, API Gateway, WAF): the fixtures in test/fixtures/cases/rules/<case>/ say
// in their top comment what should happen; the variants cover the same kind of fault in other shapes and formats.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { FileAnalysis, Finding } from '../../../server/src/analysis';
import { analyseExample } from '../support/examples';

const CASES = 'test/fixtures/cases/rules';

function fixture(path: string): string {
  return readFileSync(`${CASES}/${path}`, 'utf8');
}

function analyse(path: string, text: string): FileAnalysis {
  return analyseExample(path.endsWith('.tf') ? 'terraform' : 'cloudformation', path.split('/').pop() ?? path, text);
}

function internalErrors(result: FileAnalysis, prefix = ''): string[] {
  return result.problems.map((problem) => problem.message).filter((message) => message.startsWith(`Internal error in rule ${prefix}`));
}

function findingsOf(result: FileAnalysis, ruleId: string): Finding[] {
  return result.findings.filter((finding) => finding.ruleId === ruleId);
}

/** The responsibility status of `item` on a resource, with the rules that decided it. */
function status(result: FileAnalysis, resource: string, item: string) {
  const found = result.resources.find((candidate) => candidate.id === resource)?.responsibilities.find((responsibility) => responsibility.item === item);
  assert.ok(found, `${resource} should have a status for ${item}`);
  return found;
}

function text(result: FileAnalysis, source: string, finding: Finding): string {
  void result;
  return source.slice(finding.range.start, finding.range.end);
}

function line(result: FileAnalysis, finding: Finding): number {
  return result.lineIndex.positionAt(finding.range.start).line + 1;
}

const EDGE_RULES = /^(cloudfront-|apigw|waf-logging)/;

describe('apigw-client-cert-aws-integration', () => {
  const source = fixture('apigw-client-cert-aws-integration/api.yaml');

  test('the fixture: an AWS service integration only, so no client certificate finding on WrenStage', () => {
    const result = analyse('api.yaml', source);
    assert.deepEqual(internalErrors(result), []);
    assert.deepEqual(findingsOf(result, 'apigw-client-cert'), []);
    const transit = status(result, 'WrenStage', 'data-in-transit');
    assert.equal(transit.status, 'not-applicable');
    assert.ok(transit.detail.includes('HTTP integrations only'), transit.detail);
  });

  test('variants: Lambda proxy and mock integrations are not applicable either; HTTP and HTTP_PROXY are', () => {
    for (const type of ['AWS_PROXY', 'MOCK']) {
      assert.deepEqual(findingsOf(analyse('api.yaml', source.replace('Type: AWS\n', `Type: ${type}\n`)), 'apigw-client-cert'), [], type);
    }
    for (const type of ['HTTP', 'HTTP_PROXY']) {
      const varied = source.replace('Type: AWS\n', `Type: ${type}\n`);
      const result = analyse('api.yaml', varied);
      const findings = findingsOf(result, 'apigw-client-cert');
      assert.equal(findings.length, 1, type);
      assert.equal(text(result, varied, findings[0]), 'WrenStage');
      assert.equal(findings[0].severity, 'info');
      assert.ok(findings[0].message.includes('ClientCertificateId is not set'), findings[0].message);
    }
  });

  test('variants: one HTTP method among AWS ones, an integration type from a parameter, an OpenAPI body', () => {
    const second = `${source}  HttpMethod2:\n    Type: AWS::ApiGateway::Method\n    Properties:\n      RestApiId: !Ref WrenApi\n      ResourceId: !GetAtt WrenApi.RootResourceId\n      HttpMethod: GET\n      AuthorizationType: AWS_IAM\n      Integration:\n        Type: HTTP_PROXY\n        IntegrationHttpMethod: GET\n        Uri: https://backend.example.com/\n`;
    assert.equal(findingsOf(analyse('api.yaml', second), 'apigw-client-cert').length, 1);
    // A method of another API does not count.
    assert.equal(findingsOf(analyse('api.yaml', second.replace('RestApiId: !Ref WrenApi\n      ResourceId: !GetAtt WrenApi.RootResourceId\n      HttpMethod: GET', 'RestApiId: other\n      ResourceId: r\n      HttpMethod: GET')), 'apigw-client-cert').length, 0);
    const parameter = source.replace('Resources:', 'Parameters:\n  Integration:\n    Type: String\n    Default: AWS\n    AllowedValues: [AWS, HTTP]\nResources:').replace('Type: AWS\n', 'Type: !Ref Integration\n');
    assert.equal(findingsOf(analyse('api.yaml', parameter), 'apigw-client-cert').length, 1, 'HTTP is possible');
    const openApi = source.replace('      Name: wren-api\n', '      Name: wren-api\n      Body:\n        openapi: 3.0.1\n        paths:\n          /:\n            get:\n              x-amazon-apigateway-integration: {type: aws_proxy, httpMethod: POST, uri: arn}\n');
    assert.equal(findingsOf(analyse('api.yaml', openApi), 'apigw-client-cert').length, 0);
    assert.equal(findingsOf(analyse('api.yaml', openApi.replace('type: aws_proxy', 'type: http_proxy')), 'apigw-client-cert').length, 1);
  });

  test('Terraform: an AWS_PROXY integration is not applicable, an HTTP one is information', () => {
    const module = (type: string, body = '') => `resource "aws_api_gateway_rest_api" "api" {\n  name = "api"\n${body}}\nresource "aws_api_gateway_integration" "get" {\n  rest_api_id = aws_api_gateway_rest_api.api.id\n  resource_id = aws_api_gateway_rest_api.api.root_resource_id\n  http_method = "GET"\n  type        = "${type}"\n}\nresource "aws_api_gateway_stage" "prod" {\n  rest_api_id   = aws_api_gateway_rest_api.api.id\n  deployment_id = "d"\n  stage_name    = "prod"\n}\n`;
    for (const type of ['AWS_PROXY', 'AWS', 'MOCK']) {
      const result = analyse('main.tf', module(type));
      assert.deepEqual(findingsOf(result, 'apigw-client-cert'), [], type);
      assert.equal(status(result, 'aws_api_gateway_stage.prod', 'data-in-transit').status, 'not-applicable');
    }
    const http = analyse('main.tf', module('HTTP_PROXY'));
    const findings = findingsOf(http, 'apigw-client-cert');
    assert.equal(findings.length, 1);
    assert.equal(findings[0].severity, 'info');
    assert.ok(findings[0].message.includes('client_certificate_id'), findings[0].message);
    // An OpenAPI body that cannot be read may hold HTTP integrations: cannot be checked, never a finding.
    const unreadable = analyse('main.tf', module('AWS_PROXY', '  body = file("openapi.json")\n'));
    assert.deepEqual(findingsOf(unreadable, 'apigw-client-cert'), []);
    const transit = status(unreadable, 'aws_api_gateway_stage.prod', 'data-in-transit');
    assert.equal(transit.status, 'cannot-be-checked');
    assert.ok(transit.detail.includes('body of aws_api_gateway_rest_api.api'), transit.detail);
  });

  // The integration names the API through the method, the resource, a local or a deployment: the same API.
  const chained = (apiId: string, type: string, extra = '') => `locals {\n  api_id = aws_api_gateway_rest_api.api.id\n}\nresource "aws_api_gateway_rest_api" "api" {\n  name = "api"\n}\nresource "aws_api_gateway_resource" "items" {\n  rest_api_id = aws_api_gateway_rest_api.api.id\n  parent_id   = aws_api_gateway_rest_api.api.root_resource_id\n  path_part   = "items"\n}\nresource "aws_api_gateway_method" "get" {\n  rest_api_id   = aws_api_gateway_resource.items.rest_api_id\n  resource_id   = aws_api_gateway_resource.items.id\n  http_method   = "GET"\n  authorization = "AWS_IAM"\n}\nresource "aws_api_gateway_integration" "get" {\n  rest_api_id             = ${apiId}\n  resource_id             = aws_api_gateway_method.get.resource_id\n  http_method             = aws_api_gateway_method.get.http_method\n  type                    = "${type}"\n  integration_http_method = "POST"\n  uri                     = "arn"\n}\n${extra}resource "aws_api_gateway_stage" "prod" {\n  rest_api_id   = aws_api_gateway_rest_api.api.id\n  deployment_id = "d"\n  stage_name    = "prod"\n}\n`;

  test('Terraform: rest_api_id given through a chain of API Gateway resources or a local', () => {
    for (const apiId of ['aws_api_gateway_method.get.rest_api_id', 'aws_api_gateway_resource.items.rest_api_id', 'local.api_id']) {
      const result = analyse('main.tf', chained(apiId, 'AWS_PROXY'));
      assert.deepEqual(internalErrors(result), []);
      assert.deepEqual(findingsOf(result, 'apigw-client-cert'), [], apiId);
      assert.equal(status(result, 'aws_api_gateway_stage.prod', 'data-in-transit').status, 'not-applicable', apiId);
      assert.equal(findingsOf(analyse('main.tf', chained(apiId, 'HTTP_PROXY')), 'apigw-client-cert').length, 1, apiId);
    }
    // The stage may name the API through its deployment too.
    const deployment = chained('aws_api_gateway_method.get.rest_api_id', 'AWS_PROXY', 'resource "aws_api_gateway_deployment" "d" {\n  rest_api_id = aws_api_gateway_rest_api.api.id\n}\n')
      .replace('rest_api_id   = aws_api_gateway_rest_api.api.id\n  deployment_id = "d"', 'rest_api_id   = aws_api_gateway_deployment.d.rest_api_id\n  deployment_id = aws_api_gateway_deployment.d.id');
    assert.deepEqual(findingsOf(analyse('main.tf', deployment), 'apigw-client-cert'), []);
    // An integration of another API (a variable without a value) does not count for this one.
    assert.deepEqual(findingsOf(analyse('main.tf', chained('aws_api_gateway_method.get.rest_api_id', 'AWS_PROXY', 'variable "other" {}\nresource "aws_api_gateway_integration" "other" {\n  rest_api_id = var.other\n  resource_id = "r"\n  http_method = "GET"\n  type        = "HTTP"\n}\n')), 'apigw-client-cert'), []);
  });

  const openApiModule = (body: string) => `resource "aws_api_gateway_rest_api" "api" {\n  name = "api"\n${body}}\nresource "aws_api_gateway_stage" "prod" {\n  rest_api_id   = aws_api_gateway_rest_api.api.id\n  deployment_id = "d"\n  stage_name    = "prod"\n}\n`;
  const jsonencoded = (type: string) => `  body = jsonencode({\n    openapi = "3.0.1"\n    paths = {\n      "/items" = {\n        get = {\n          x-amazon-apigateway-integration = {\n            type       = "${type}"\n            httpMethod = "POST"\n            uri        = aws_lambda_function.fn.invoke_arn\n          }\n        }\n      }\n    }\n  })\n`;

  test('Terraform: the integrations of an OpenAPI body (jsonencode, a JSON heredoc, a local)', () => {
    for (const [name, body] of [
      ['jsonencode', jsonencoded('AWS_PROXY')],
      ['heredoc', '  body = <<-EOT\n    {"openapi": "3.0.1", "paths": {"/items": {"get": {"x-amazon-apigateway-integration": {"type": "aws_proxy", "httpMethod": "POST", "uri": "${aws_lambda_function.fn.invoke_arn}"}}}}}\n  EOT\n'],
      ['local', '  body = jsonencode(local.spec)\n'],
    ] as const) {
      const text = `locals {\n  spec = {\n    paths = {\n      "/" = {\n        get = {\n          x-amazon-apigateway-integration = { type = "MOCK" }\n        }\n      }\n    }\n  }\n}\n${openApiModule(body)}`;
      const result = analyse('main.tf', text);
      assert.deepEqual(internalErrors(result), [], name);
      assert.deepEqual(findingsOf(result, 'apigw-client-cert'), [], name);
      assert.equal(status(result, 'aws_api_gateway_stage.prod', 'data-in-transit').status, 'not-applicable', name);
    }
    const http = findingsOf(analyse('main.tf', openApiModule(jsonencoded('HTTP_PROXY'))), 'apigw-client-cert');
    assert.equal(http.length, 1);
    assert.equal(http[0].severity, 'info');
    // A heredoc whose interpolation cannot be known is not read: cannot be checked.
    const unknown = analyse('main.tf', `variable "spec" {}\n${openApiModule('  body = var.spec\n')}`);
    assert.deepEqual(findingsOf(unknown, 'apigw-client-cert'), []);
    assert.equal(status(unknown, 'aws_api_gateway_stage.prod', 'data-in-transit').status, 'cannot-be-checked');
    // A client certificate is addressed whatever the body.
    assert.equal(status(analyse('main.tf', openApiModule('  body = file("api.json")\n').replace('stage_name    = "prod"', 'stage_name    = "prod"\n  client_certificate_id = "c"')), 'aws_api_gateway_stage.prod', 'data-in-transit').status, 'addressed');
  });

  test('CloudFormation: a Body that cannot be read (BodyS3Location, AWS::Include) cannot be checked; an HTTP method still gives the hint', () => {
    const s3 = source.replace('      Name: wren-api\n', '      Name: wren-api\n      BodyS3Location: {Bucket: b, Key: api.yaml}\n');
    const result = analyse('api.yaml', s3);
    assert.deepEqual(findingsOf(result, 'apigw-client-cert'), []);
    assert.equal(status(result, 'WrenStage', 'data-in-transit').status, 'cannot-be-checked');
    assert.equal(findingsOf(analyse('api.yaml', s3.replace('Type: AWS\n', 'Type: HTTP\n')), 'apigw-client-cert').length, 1);
    const include = source.replace('      Name: wren-api\n', "      Name: wren-api\n      Body:\n        'Fn::Transform': {Name: 'AWS::Include', Parameters: {Location: s3://b/api.yaml}}\n");
    assert.equal(status(analyse('api.yaml', include), 'WrenStage', 'data-in-transit').status, 'cannot-be-checked');
  });
});

describe('API Gateway: rest_api_id chains in the other rules', () => {
  test('apigw-method-authorization: a PRIVATE API named through the resource is still found', () => {
    const module = (apiId: string) => `resource "aws_api_gateway_rest_api" "api" {\n  name = "api"\n  endpoint_configuration {\n    types = ["PRIVATE"]\n  }\n  policy = jsonencode({\n    Version = "2012-10-17"\n    Statement = [{\n      Effect = "Allow", Principal = "*", Action = "execute-api:Invoke", Resource = "execute-api:/*"\n      Condition = { StringEquals = { "aws:SourceVpce" = "vpce-1234" } }\n    }]\n  })\n}\nresource "aws_api_gateway_resource" "items" {\n  rest_api_id = aws_api_gateway_rest_api.api.id\n  parent_id   = aws_api_gateway_rest_api.api.root_resource_id\n  path_part   = "items"\n}\nresource "aws_api_gateway_method" "get" {\n  rest_api_id   = ${apiId}\n  resource_id   = aws_api_gateway_resource.items.id\n  http_method   = "GET"\n  authorization = "NONE"\n}\n`;
    for (const apiId of ['aws_api_gateway_rest_api.api.id', 'aws_api_gateway_resource.items.rest_api_id']) {
      const findings = findingsOf(analyse('main.tf', module(apiId)), 'apigw-method-authorization');
      assert.equal(findings.length, 1, apiId);
      assert.equal(findings[0].severity, 'info', apiId);
      assert.ok(findings[0].message.includes('vpce-1234'), findings[0].message);
    }
  });

  test('apigw-waf: an association whose ARN is built from the API and the stage name', () => {
    const module = (arn: string) => `resource "aws_api_gateway_rest_api" "api" {\n  name = "api"\n}\nresource "aws_api_gateway_stage" "prod" {\n  rest_api_id   = aws_api_gateway_rest_api.api.id\n  deployment_id = "d"\n  stage_name    = "prod"\n}\nlocals {\n  stage_arn = aws_api_gateway_stage.prod.arn\n}\nresource "aws_wafv2_web_acl_association" "api" {\n  resource_arn = ${arn}\n  web_acl_arn  = aws_wafv2_web_acl.acl.arn\n}\n`;
    for (const arn of ['aws_api_gateway_stage.prod.arn', 'local.stage_arn', '"arn:aws:apigateway:${var.region}::/restapis/${aws_api_gateway_rest_api.api.id}/stages/prod"', '"arn:aws:apigateway:${var.region}::/restapis/${aws_api_gateway_rest_api.api.id}/stages/${aws_api_gateway_stage.prod.stage_name}"']) {
      assert.deepEqual(findingsOf(analyse('main.tf', module(arn)), 'apigw-waf'), [], arn);
    }
    // Another stage of the same API is not this one.
    assert.equal(findingsOf(analyse('main.tf', module('"arn:aws:apigateway:${var.region}::/restapis/${aws_api_gateway_rest_api.api.id}/stages/dev"')), 'apigw-waf').length, 1);
  });
});

describe('rule-crash-intrinsic-where-map-expected', () => {
  test('distribution-if.yaml: DistributionConfig as Fn::If is judged per branch (HasCert false by default: default certificate)', () => {
    const source = fixture('rule-crash-intrinsic-where-map-expected/distribution-if.yaml');
    const result = analyse('distribution-if.yaml', source);
    assert.deepEqual(internalErrors(result), []);
    const findings = findingsOf(result, 'cloudfront-min-tls');
    assert.equal(findings.length, 1);
    assert.equal(text(result, source, findings[0]), 'Site');
    assert.equal(line(result, findings[0]), 14);
    assert.equal(findings[0].severity, 'info');
    for (const fragment of ['default *.cloudfront.net certificate', 'condition HasCert is false with the parameter defaults', 'TLS 1.0']) {
      assert.ok(findings[0].message.includes(fragment), findings[0].message);
    }
  });

  test('distribution-if.yaml variants: undecided condition -> depends; HasCert true by default -> the other allowed value depends', () => {
    const source = fixture('rule-crash-intrinsic-where-map-expected/distribution-if.yaml');
    const undecided = analyse('distribution-if.yaml', source.replace('    Default: "no"\n', ''));
    const findings = findingsOf(undecided, 'cloudfront-min-tls');
    assert.equal(findings.length, 1);
    assert.equal(findings[0].severity, 'info');
    assert.ok(findings[0].message.includes('Depends on the deployment') && findings[0].message.includes('unless HasCert'), findings[0].message);
    // The default deployment has the certificate; UseCert "no" (an allowed value) does not: information only.
    const withCert = analyse('distribution-if.yaml', source.replace('Default: "no"', 'Default: "yes"'));
    const other = findingsOf(withCert, 'cloudfront-min-tls');
    assert.equal(other.length, 1);
    assert.equal(other[0].severity, 'info');
    assert.ok(other[0].message.includes('Depends on the deployment') && other[0].message.includes('unless HasCert'), other[0].message);
    assert.deepEqual(internalErrors(withCert), []);
    // With "yes" the only allowed value, the other branch cannot deploy: nothing.
    const onlyCert = analyse('distribution-if.yaml', source.replace('Default: "no"', 'Default: "yes"').replace('AllowedValues: ["yes", "no"]', 'AllowedValues: ["yes"]'));
    assert.deepEqual(findingsOf(onlyCert, 'cloudfront-min-tls'), []);
  });

  test('four-rules.yaml: the Cdn resource follows S3OriginConfig as Fn::If (Permanent true by default: empty identity)', () => {
    const source = fixture('rule-crash-intrinsic-where-map-expected/four-rules.yaml');
    const result = analyse('four-rules.yaml', source);
    assert.deepEqual(internalErrors(result, 'cloudfront-'), []);
    const findings = findingsOf(result, 'cloudfront-s3-oac');
    assert.equal(findings.length, 1);
    assert.ok(text(result, source, findings[0]).startsWith('Id: site\n'), text(result, source, findings[0]));
    assert.equal(line(result, findings[0]), 39);
    assert.equal(findings[0].severity, 'warning');
    assert.ok(findings[0].message.includes('condition Permanent is true with the parameter defaults'), findings[0].message);
    // Undecided: information.
    const undecided = analyse('four-rules.yaml', source.replace('    Default: ""\n', ''));
    const depends = findingsOf(undecided, 'cloudfront-s3-oac');
    assert.equal(depends.length, 1);
    assert.equal(depends[0].severity, 'info');
    assert.ok(depends[0].message.includes('Depends on the deployment') && depends[0].message.includes('if Permanent'), depends[0].message);
    // The identity set on the default branch: only the other value of Access (empty) leaves it empty: depends.
    const otherValue = findingsOf(analyse('four-rules.yaml', source.replace('Default: ""', 'Default: "x"')), 'cloudfront-s3-oac');
    assert.equal(otherValue.length, 1);
    assert.equal(otherValue[0].severity, 'info');
    assert.ok(otherValue[0].message.includes('if Permanent'), otherValue[0].message);
  });

  test('s3-origin-config.tf: s3_origin_config as an expression is "cannot be checked", not a crash', () => {
    const source = fixture('rule-crash-intrinsic-where-map-expected/s3-origin-config.tf');
    const result = analyse('s3-origin-config.tf', source);
    assert.deepEqual(internalErrors(result), []);
    assert.deepEqual(findingsOf(result, 'cloudfront-s3-oac'), []);
    const access = status(result, 'aws_cloudfront_distribution.site', 'public-access');
    assert.equal(access.status, 'cannot-be-checked');
    assert.ok(access.detail.includes('s3_origin_config is an expression'), access.detail);
  });

  const distribution = (config: string) => `AWSTemplateFormatVersion: "2010-09-09"\nParameters:\n  Config:\n    Type: String\nResources:\n  Dist:\n    Type: AWS::CloudFront::Distribution\n    Properties:\n      DistributionConfig:${config}\n`;

  test('variants: DistributionConfig as !Ref, a scalar or a list: every CloudFront rule says "cannot be checked"', () => {
    for (const config of [' !Ref Config', ' TODO', ' [1, 2]', '\n        - Enabled: true']) {
      const result = analyse('t.yaml', distribution(config));
      assert.deepEqual(internalErrors(result), [], config);
      assert.deepEqual(result.findings.filter((finding) => EDGE_RULES.test(finding.ruleId)).map((finding) => finding.ruleId), [], config);
      for (const item of ['data-in-transit', 'logging-audit', 'network-exposure', 'public-access']) {
        assert.equal(status(result, 'Dist', item).status, 'cannot-be-checked', `${config}: ${item}`);
      }
    }
    // An empty mapping is readable: the settings are simply absent.
    const empty = analyse('t.yaml', distribution(' {}'));
    assert.deepEqual(internalErrors(empty), []);
    assert.deepEqual(findingsOf(empty, 'cloudfront-logging').length, 1);
  });

  test('variants: ViewerCertificate, Origins, DefaultCacheBehavior, Logging, CustomOriginConfig in the wrong shape', () => {
    const shapes = [
      ['ViewerCertificate: !Ref Config', 'data-in-transit'],
      ['ViewerCertificate: [x]', 'data-in-transit'],
      ['DefaultCacheBehavior: TODO', 'data-in-transit'],
      ['CacheBehaviors: !Ref Config', 'data-in-transit'],
      ['Origins: !Ref Config', 'public-access'],
      ['Origins: {Id: o}', 'public-access'],
      ['Origins: [!Ref Config]', 'public-access'],
      ['Origins: [{Id: o, DomainName: b.s3.amazonaws.com, S3OriginConfig: [x]}]', 'public-access'],
      ['Origins: [{Id: o, DomainName: api.example.com, CustomOriginConfig: !Ref Config}]', 'data-in-transit'],
      ['Logging: !Ref Config', 'logging-audit'],
    ] as const;
    for (const [setting, item] of shapes) {
      const config = `\n        Enabled: true\n        DefaultCacheBehavior: {TargetOriginId: o, ViewerProtocolPolicy: https-only}\n        ViewerCertificate: {AcmCertificateArn: arn, SslSupportMethod: sni-only, MinimumProtocolVersion: TLSv1.2_2021}\n        ${setting}`;
      const source = distribution(config.replace(new RegExp(`\\n        ${setting.split(':')[0]}: \\{[^\\n]*\\}(?=\\n)`), ''));
      const result = analyse('t.yaml', source);
      assert.deepEqual(internalErrors(result), [], setting);
      assert.equal(status(result, 'Dist', item).status, 'cannot-be-checked', `${setting}: ${status(result, 'Dist', item).detail}`);
    }
  });

  test('variants: an undecided Fn::If in DefaultCacheBehavior, ViewerCertificate and Origins gives "depends"', () => {
    const source = `AWSTemplateFormatVersion: "2010-09-09"\nParameters:\n  Env:\n    Type: String\n    AllowedValues: [dev, prod]\nConditions:\n  IsDev: !Equals [!Ref Env, dev]\nResources:\n  Dist:\n    Type: AWS::CloudFront::Distribution\n    Properties:\n      DistributionConfig:\n        Enabled: true\n        DefaultCacheBehavior: !If [IsDev, {TargetOriginId: o, ViewerProtocolPolicy: allow-all}, {TargetOriginId: o, ViewerProtocolPolicy: https-only}]\n        ViewerCertificate: !If [IsDev, !Ref AWS::NoValue, {AcmCertificateArn: arn, SslSupportMethod: sni-only, MinimumProtocolVersion: TLSv1.2_2021}]\n        Origins: !If\n          - IsDev\n          - [{Id: o, DomainName: api.example.com, CustomOriginConfig: {OriginProtocolPolicy: http-only}}]\n          - [{Id: o, DomainName: api.example.com, CustomOriginConfig: {OriginProtocolPolicy: https-only}}]\n`;
    const result = analyse('t.yaml', source);
    assert.deepEqual(internalErrors(result), []);
    for (const rule of ['cloudfront-viewer-https', 'cloudfront-min-tls', 'cloudfront-origin-https']) {
      const findings = findingsOf(result, rule);
      assert.equal(findings.length, 1, rule);
      assert.equal(findings[0].severity, 'info', rule);
      assert.ok(findings[0].message.includes('Depends on the deployment'), `${rule}: ${findings[0].message}`);
    }
  });

  test('Terraform variants: CloudFront blocks written as expressions are "cannot be checked"', () => {
    const blocks = [
      ['default_cache_behavior = var.config', 'data-in-transit'],
      ['ordered_cache_behavior = var.config', 'data-in-transit'],
      ['viewer_certificate = local.certificate', 'data-in-transit'],
      ['origin = var.config', 'public-access'],
      ['origin {\n    domain_name          = "api.example.com"\n    origin_id            = "api"\n    custom_origin_config = var.config\n  }', 'data-in-transit'],
      ['logging_config = var.config', 'logging-audit'],
    ] as const;
    for (const [block, item] of blocks) {
      // The other settings of the item are compliant, so the item's status is the wrongly shaped block's.
      const certificate = block.startsWith('viewer_certificate') ? '' : '\n  viewer_certificate {\n    acm_certificate_arn      = "arn"\n    minimum_protocol_version = "TLSv1.2_2021"\n  }';
      const behaviour = block.startsWith('default_cache_behavior') ? '' : '\n  default_cache_behavior {\n    viewer_protocol_policy = "https-only"\n  }';
      const source = `variable "config" {}\nlocals {\n  certificate = { cloudfront_default_certificate = true }\n}\nresource "aws_cloudfront_distribution" "d" {\n  enabled = true${certificate}${behaviour}\n  ${block}\n}\n`;
      const result = analyse('main.tf', source);
      assert.deepEqual(internalErrors(result), [], block);
      assert.equal(status(result, 'aws_cloudfront_distribution.d', item).status, 'cannot-be-checked', block);
    }
  });
});

describe('API Gateway settings in the wrong shape or unreadable', () => {
  const stage = (properties: string) => `AWSTemplateFormatVersion: "2010-09-09"\nParameters:\n  Settings:\n    Type: String\n  Level:\n    Type: String\nResources:\n  Stage:\n    Type: AWS::ApiGateway::Stage\n    Properties:\n      RestApiId: api\n      CacheClusterEnabled: true\n${properties.replace(/^/gm, '      ')}\n`;

  test('MethodSettings as !Ref or a mapping: execution logging and cache encryption cannot be checked', () => {
    for (const settings of ['MethodSettings: !Ref Settings', 'MethodSettings: {LoggingLevel: INFO}']) {
      const result = analyse('t.yaml', stage(settings));
      assert.deepEqual(internalErrors(result), [], settings);
      assert.deepEqual(findingsOf(result, 'apigw-execution-logging'), [], settings);
      assert.deepEqual(findingsOf(result, 'apigw-cache-encrypted'), [], settings);
      assert.equal(status(result, 'Stage', 'data-at-rest-encryption').status, 'cannot-be-checked', settings);
    }
  });

  test('a logging level from an unset parameter is "cannot be checked", never addressed', () => {
    const result = analyse('t.yaml', stage('AccessLogSetting: {DestinationArn: arn}\nMethodSettings:\n  - {ResourcePath: /*, HttpMethod: "*", LoggingLevel: !Ref Level, CacheDataEncrypted: true}'));
    assert.deepEqual(findingsOf(result, 'apigw-execution-logging'), []);
    const logging = status(result, 'Stage', 'logging-audit');
    assert.equal(logging.status, 'cannot-be-checked', logging.detail);
  });

  test('Terraform: a logging level from an unset variable is "cannot be checked"', () => {
    const result = analyse('main.tf', 'variable "level" {}\nresource "aws_api_gateway_stage" "prod" {\n  rest_api_id   = "api"\n  deployment_id = "d"\n  stage_name    = "prod"\n  access_log_settings {\n    destination_arn = "arn"\n    format          = "x"\n  }\n}\nresource "aws_api_gateway_method_settings" "all" {\n  rest_api_id = "api"\n  stage_name  = aws_api_gateway_stage.prod.stage_name\n  method_path = "*/*"\n  settings {\n    logging_level = var.level\n  }\n}\n');
    assert.deepEqual(internalErrors(result), []);
    assert.deepEqual(findingsOf(result, 'apigw-execution-logging'), []);
    assert.equal(status(result, 'aws_api_gateway_stage.prod', 'logging-audit').status, 'cannot-be-checked');
  });

  test('a stage cache on only for a non-default parameter value: depends', () => {
    const source = 'AWSTemplateFormatVersion: "2010-09-09"\nParameters:\n  Cache:\n    Type: String\n    Default: "false"\n    AllowedValues: ["true", "false"]\nResources:\n  Stage:\n    Type: AWS::ApiGateway::Stage\n    Properties:\n      RestApiId: api\n      CacheClusterEnabled: !Ref Cache\n';
    const findings = findingsOf(analyse('t.yaml', source), 'apigw-cache-encrypted');
    assert.equal(findings.length, 1);
    assert.equal(findings[0].severity, 'info');
    assert.ok(findings[0].message.includes('Depends on the deployment'), findings[0].message);
  });
});
