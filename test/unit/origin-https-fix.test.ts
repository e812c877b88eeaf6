// cloudfront-origin-https's fix (issue 12): the flagged origin's protocol policy becomes https-only, in place, the
// other origins (an S3 website endpoint, which speaks HTTP only) left as they are.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { preferredFix } from '../helpers/fixOutcome';

const YAML = 'Resources:\n  Cdn:\n    Type: AWS::CloudFront::Distribution\n    Properties:\n      DistributionConfig:\n        Enabled: true\n        Origins:\n          - Id: site\n            DomainName: site.s3-website-eu-west-1.amazonaws.com\n            CustomOriginConfig:\n              OriginProtocolPolicy: http-only\n          - Id: api\n            DomainName: api.example.com\n            CustomOriginConfig:\n              OriginProtocolPolicy: http-only\n        DefaultCacheBehavior:\n          TargetOriginId: api\n          ViewerProtocolPolicy: redirect-to-https\n';
const JSON_TEXT = '{\n  "Resources": {\n    "Cdn": {\n      "Type": "AWS::CloudFront::Distribution",\n      "Properties": {\n        "DistributionConfig": {\n          "Enabled": true,\n          "Origins": [\n            { "Id": "api", "DomainName": "api.example.com", "CustomOriginConfig": { "OriginProtocolPolicy": "match-viewer" } }\n          ],\n          "DefaultCacheBehavior": { "TargetOriginId": "api", "ViewerProtocolPolicy": "allow-all" }\n        }\n      }\n    }\n  }\n}\n';
const HCL = 'resource "aws_cloudfront_distribution" "cdn" {\n  enabled = true\n  origin {\n    origin_id   = "api"\n    domain_name = "api.example.com"\n    custom_origin_config {\n      http_port              = 80\n      https_port             = 443\n      origin_protocol_policy = "http-only"\n      origin_ssl_protocols   = ["TLSv1.2"]\n    }\n  }\n}\n';
const PARAMETER = 'Parameters:\n  Policy:\n    Type: String\n    Default: http-only\nResources:\n  Cdn:\n    Type: AWS::CloudFront::Distribution\n    Properties:\n      DistributionConfig:\n        Enabled: true\n        Origins:\n          - Id: api\n            DomainName: api.example.com\n            CustomOriginConfig:\n              OriginProtocolPolicy: !Ref Policy\n        DefaultCacheBehavior:\n          TargetOriginId: api\n          ViewerProtocolPolicy: redirect-to-https\n';

const TITLE = /https-only"? on this origin — the origin must then answer HTTPS .* 502 errors/;

describe('cloudfront-origin-https: the flagged origin gets https-only', () => {
  test('YAML: the custom origin changes, the S3 website origin (HTTP only) before it does not', () => {
    const result = preferredFix('t.yaml', YAML, 'cloudfront-origin-https');
    assert.ok(result);
    assert.equal(result.text, YAML.replace('api.example.com\n            CustomOriginConfig:\n              OriginProtocolPolicy: http-only', 'api.example.com\n            CustomOriginConfig:\n              OriginProtocolPolicy: https-only'));
    assert.match(result.text, /site\.s3-website-eu-west-1\.amazonaws\.com\n {12}CustomOriginConfig:\n {14}OriginProtocolPolicy: http-only/);
    assert.match(result.title, TITLE);
  });
  test('JSON: match-viewer with viewers allowed on HTTP becomes "https-only"', () => {
    const result = preferredFix('t.json', JSON_TEXT, 'cloudfront-origin-https');
    assert.ok(result);
    assert.equal(result.text, JSON_TEXT.replace('"OriginProtocolPolicy": "match-viewer"', '"OriginProtocolPolicy": "https-only"'));
    assert.match(result.title, TITLE);
  });
  test('HCL: origin_protocol_policy = "https-only"', () => {
    const result = preferredFix('main.tf', HCL, 'cloudfront-origin-https');
    assert.ok(result);
    assert.equal(result.text, HCL.replace('origin_protocol_policy = "http-only"', 'origin_protocol_policy = "https-only"'));
    assert.match(result.title, TITLE);
  });
  test('no fix where the policy comes from a parameter (the author\'s wiring)', () => {
    assert.equal(preferredFix('p.yaml', PARAMETER, 'cloudfront-origin-https'), undefined);
  });
});
