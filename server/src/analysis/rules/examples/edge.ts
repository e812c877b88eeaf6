// Examples for the rules of this family (see ./types.ts): CloudFront, API Gateway and WAF.
import type { RuleExamples } from './types';

const DIST = 'Resources:\n  Dist:\n    Type: AWS::CloudFront::Distribution\n    Properties:\n      DistributionConfig:\n';
/** A distribution whose DistributionConfig is `config` (indented by the caller's lines). */
const dist = (config: string, id = 'Dist') => DIST.replace('Dist:', `${id}:`) + config.replace(/^/gm, '        ');

const SAM = 'AWSTemplateFormatVersion: "2010-09-09"\nTransform: AWS::Serverless-2016-10-31\n';

export const EXAMPLES: readonly RuleExamples[] = [
  {
    rule: 'cloudfront-viewer-https',
    cloudformation: {
      good: [
        { name: 'redirect-to-https and https-only behaviours', code: dist('Enabled: true\nDefaultCacheBehavior: {TargetOriginId: o, ViewerProtocolPolicy: redirect-to-https}\nCacheBehaviors:\n  - {PathPattern: /api/*, TargetOriginId: o, ViewerProtocolPolicy: https-only}') },
        { name: 'a parameter whose every allowed value keeps HTTPS', code: `Parameters:\n  Policy:\n    Type: String\n    Default: redirect-to-https\n    AllowedValues: [redirect-to-https, https-only]\n${dist('Enabled: true\nDefaultCacheBehavior: {TargetOriginId: o, ViewerProtocolPolicy: !Ref Policy}')}` },
        { name: 'DistributionConfig given as a parameter: cannot be checked, no finding', code: 'Parameters:\n  Config:\n    Type: String\nResources:\n  Dist:\n    Type: AWS::CloudFront::Distribution\n    Properties:\n      DistributionConfig: !Ref Config\n' },
      ],
      bad: [
        { name: 'the default behaviour allows plain HTTP', code: dist('Enabled: true\nDefaultCacheBehavior:\n  TargetOriginId: o\n  ViewerProtocolPolicy: ⟦allow-all⟧'), expect: [{ severity: 'warning', message: ["ViewerProtocolPolicy is 'allow-all'"] }] },
        { name: 'an ordered cache behaviour allows plain HTTP', code: dist('Enabled: true\nDefaultCacheBehavior: {TargetOriginId: o, ViewerProtocolPolicy: redirect-to-https}\nCacheBehaviors:\n  - {PathPattern: /img/*, TargetOriginId: o, ViewerProtocolPolicy: ⟦allow-all⟧}'), expect: [{ severity: 'warning', message: ["ViewerProtocolPolicy is 'allow-all'", 'plain HTTP'] }] },
        { name: 'allow-all on one branch of an undecided condition', code: `Parameters:\n  Env:\n    Type: String\n    AllowedValues: [dev, prod]\nConditions:\n  IsDev: !Equals [!Ref Env, dev]\n${dist('Enabled: true\nDefaultCacheBehavior: !If\n  - IsDev\n  - {TargetOriginId: o, ViewerProtocolPolicy: ⟦allow-all⟧}\n  - {TargetOriginId: o, ViewerProtocolPolicy: https-only}')}`, expect: [{ severity: 'info', message: ['Depends on the deployment', 'if IsDev'] }] },
      ],
    },
    terraform: {
      good: [
        { name: 'redirect-to-https and https-only behaviours', code: 'resource "aws_cloudfront_distribution" "d" {\n  default_cache_behavior {\n    viewer_protocol_policy = "redirect-to-https"\n  }\n  ordered_cache_behavior {\n    path_pattern           = "/api/*"\n    viewer_protocol_policy = "https-only"\n  }\n}\n' },
        { name: 'a block written as an expression cannot be checked: no finding', code: 'variable "behaviour" {}\nresource "aws_cloudfront_distribution" "d" {\n  default_cache_behavior = var.behaviour\n}\n' },
      ],
      bad: [
        { name: 'the default behaviour allows plain HTTP', code: 'resource "aws_cloudfront_distribution" "d" {\n  default_cache_behavior {\n    viewer_protocol_policy = ⟦"allow-all"⟧\n  }\n}\n', expect: [{ severity: 'warning', message: ["viewer_protocol_policy is 'allow-all'"] }] },
      ],
    },
  },
  {
    rule: 'cloudfront-min-tls',
    cloudformation: {
      good: [
        { name: 'an ACM certificate with TLSv1.2_2021', code: dist('Enabled: true\nViewerCertificate: {AcmCertificateArn: arn:aws:acm:us-east-1:111122223333:certificate/x, SslSupportMethod: sni-only, MinimumProtocolVersion: TLSv1.2_2021}') },
        { name: 'DistributionConfig as Fn::If: both branches use a custom certificate with a modern policy', code: `Parameters:\n  Env:\n    Type: String\n    AllowedValues: [dev, prod]\nConditions:\n  IsProd: !Equals [!Ref Env, prod]\nResources:\n  Dist:\n    Type: AWS::CloudFront::Distribution\n    Properties:\n      DistributionConfig: !If\n        - IsProd\n        - {Enabled: true, ViewerCertificate: {AcmCertificateArn: arn1, SslSupportMethod: sni-only, MinimumProtocolVersion: TLSv1.2_2021}}\n        - {Enabled: true, ViewerCertificate: {AcmCertificateArn: arn2, SslSupportMethod: sni-only, MinimumProtocolVersion: TLSv1.2_2025}}\n` },
      ],
      bad: [
        { name: 'the default *.cloudfront.net certificate (information: its policy cannot be raised)', code: dist('Enabled: true\nViewerCertificate: ⟦{CloudFrontDefaultCertificate: true}⟧'), expect: [{ severity: 'info', message: ['default *.cloudfront.net certificate', 'MinimumProtocolVersion TLSv1.2_2021'] }] },
        { name: 'a custom certificate with an old policy', code: dist('Enabled: true\nViewerCertificate: {AcmCertificateArn: arn, SslSupportMethod: sni-only, MinimumProtocolVersion: ⟦TLSv1.1_2016⟧}'), expect: [{ severity: 'warning', message: ["MinimumProtocolVersion is 'TLSv1.1_2016'"] }] },
        { name: 'the certificate only on one branch of an undecided condition', code: `Parameters:\n  Env:\n    Type: String\n    AllowedValues: [dev, prod]\nConditions:\n  IsProd: !Equals [!Ref Env, prod]\nResources:\n  ⟦Dist⟧:\n    Type: AWS::CloudFront::Distribution\n    Properties:\n      DistributionConfig: !If\n        - IsProd\n        - {Enabled: true, ViewerCertificate: {AcmCertificateArn: arn1, SslSupportMethod: sni-only, MinimumProtocolVersion: TLSv1.2_2021}}\n        - {Enabled: true}\n`, expect: [{ severity: 'info', message: ['Depends on the deployment', 'unless IsProd'] }] },
      ],
    },
    terraform: {
      good: [
        { name: 'an ACM certificate with TLSv1.2_2021', code: 'resource "aws_cloudfront_distribution" "d" {\n  viewer_certificate {\n    acm_certificate_arn      = "arn:aws:acm:us-east-1:111122223333:certificate/x"\n    ssl_support_method       = "sni-only"\n    minimum_protocol_version = "TLSv1.2_2021"\n  }\n}\n' },
      ],
      bad: [
        { name: 'the default certificate, in Terraform words', code: 'resource "aws_cloudfront_distribution" "d" {\n  ⟦viewer_certificate {\n    cloudfront_default_certificate = true\n  }⟧\n}\n', expect: [{ severity: 'info', message: ['default *.cloudfront.net certificate', 'minimum_protocol_version = "TLSv1.2_2021"'] }] },
        { name: 'a custom certificate with TLSv1', code: 'resource "aws_cloudfront_distribution" "d" {\n  viewer_certificate {\n    acm_certificate_arn      = "arn:aws:acm:us-east-1:111122223333:certificate/x"\n    minimum_protocol_version = ⟦"TLSv1"⟧\n  }\n}\n', expect: [{ severity: 'warning', message: ["minimum_protocol_version is 'TLSv1'"] }] },
      ],
    },
  },
  {
    rule: 'cloudfront-origin-https',
    cloudformation: {
      good: [
        { name: 'https-only custom origin; an S3 website endpoint (HTTP only) is left to the bucket rules', code: dist('Enabled: true\nOrigins:\n  - {Id: api, DomainName: api.example.com, CustomOriginConfig: {OriginProtocolPolicy: https-only}}\n  - {Id: site, DomainName: b.s3-website-us-east-1.amazonaws.com, CustomOriginConfig: {OriginProtocolPolicy: http-only}}') },
        { name: 'match-viewer behind behaviours that keep viewers on HTTPS', code: dist('Enabled: true\nDefaultCacheBehavior: {TargetOriginId: api, ViewerProtocolPolicy: redirect-to-https}\nOrigins:\n  - {Id: api, DomainName: api.example.com, CustomOriginConfig: {OriginProtocolPolicy: match-viewer}}') },
      ],
      bad: [
        { name: 'http-only to a custom origin', code: dist('Enabled: true\nOrigins:\n  - {Id: api, DomainName: api.example.com, CustomOriginConfig: {OriginProtocolPolicy: ⟦http-only⟧}}'), expect: [{ severity: 'warning', message: ["OriginProtocolPolicy is 'http-only'"] }] },
        { name: 'match-viewer while a behaviour allows HTTP viewers', code: dist('Enabled: true\nDefaultCacheBehavior: {TargetOriginId: api, ViewerProtocolPolicy: allow-all}\nOrigins:\n  - {Id: api, DomainName: api.example.com, CustomOriginConfig: {OriginProtocolPolicy: ⟦match-viewer⟧}}'), expect: [{ severity: 'warning', message: ["OriginProtocolPolicy is 'match-viewer'", 'match-viewer is HTTPS only while every cache behaviour keeps viewers on HTTPS'] }] },
      ],
    },
    terraform: {
      good: [
        { name: 'https-only custom origin', code: 'resource "aws_cloudfront_distribution" "d" {\n  origin {\n    domain_name = "api.example.com"\n    origin_id   = "api"\n    custom_origin_config {\n      http_port              = 80\n      https_port             = 443\n      origin_protocol_policy = "https-only"\n      origin_ssl_protocols   = ["TLSv1.2"]\n    }\n  }\n}\n' },
      ],
      bad: [
        { name: 'http-only to a custom origin', code: 'resource "aws_cloudfront_distribution" "d" {\n  origin {\n    domain_name = "api.example.com"\n    origin_id   = "api"\n    custom_origin_config {\n      origin_protocol_policy = ⟦"http-only"⟧\n    }\n  }\n}\n', expect: [{ severity: 'warning', message: ["origin_protocol_policy is 'http-only'"] }] },
      ],
    },
  },
  {
    rule: 'cloudfront-logging',
    cloudformation: {
      good: [
        { name: 'standard logging to a bucket', code: dist('Enabled: true\nLogging: {Bucket: logs.s3.amazonaws.com}') },
        { name: 'standard logging v2 through an AWS::Logs::DeliverySource', code: `${dist('Enabled: true')}\n  Source:\n    Type: AWS::Logs::DeliverySource\n    Properties:\n      Name: cdn\n      LogType: ACCESS_LOGS\n      ResourceArn: !Sub arn:aws:cloudfront::\${AWS::AccountId}:distribution/\${Dist}\n` },
      ],
      bad: [
        { name: 'no logging', code: dist('Enabled: true').replace('Dist:', '⟦Dist⟧:'), expect: [{ severity: 'warning', message: ['Logging.Bucket is not set', 'not logged'] }] },
      ],
    },
    terraform: {
      good: [
        { name: 'logging_config with a bucket', code: 'resource "aws_cloudfront_distribution" "d" {\n  logging_config {\n    bucket = "logs.s3.amazonaws.com"\n  }\n}\n' },
        { name: 'standard logging v2 through aws_cloudwatch_log_delivery_source', code: 'resource "aws_cloudfront_distribution" "d" {}\nresource "aws_cloudwatch_log_delivery_source" "cdn" {\n  name         = "cdn"\n  log_type     = "ACCESS_LOGS"\n  resource_arn = aws_cloudfront_distribution.d.arn\n}\n' },
      ],
      bad: [
        { name: 'no logging', code: 'resource "aws_cloudfront_distribution" ⟦"d"⟧ {\n  enabled = true\n}\n', expect: [{ severity: 'warning', message: ['logging_config.bucket is not set', 'aws_cloudwatch_log_delivery_source'] }] },
      ],
    },
  },
  {
    rule: 'cloudfront-waf',
    cloudformation: {
      good: [{ name: 'a WAFv2 web ACL', code: dist('Enabled: true\nWebACLId: !GetAtt Acl.Arn') }],
      bad: [{ name: 'no web ACL', code: dist('Enabled: true').replace('Dist:', '⟦Dist⟧:'), expect: [{ severity: 'warning', message: ['WebACLId is not set'] }] }],
    },
    terraform: {
      good: [{ name: 'a WAFv2 web ACL', code: 'resource "aws_cloudfront_distribution" "d" {\n  web_acl_id = aws_wafv2_web_acl.edge.arn\n}\n' }],
      bad: [{ name: 'no web ACL', code: 'resource "aws_cloudfront_distribution" ⟦"d"⟧ {\n  enabled = true\n}\n', expect: [{ severity: 'warning', message: ['web_acl_id is not set'] }] }],
    },
  },
  {
    rule: 'cloudfront-s3-oac',
    cloudformation: {
      good: [
        { name: 'origin access control on a bucket origin', code: dist('Enabled: true\nOrigins:\n  - {Id: f, DomainName: !GetAtt Bucket.RegionalDomainName, OriginAccessControlId: !GetAtt Oac.Id, S3OriginConfig: {OriginAccessIdentity: ""}}') },
        { name: 'a legacy origin access identity', code: dist('Enabled: true\nOrigins:\n  - {Id: f, DomainName: b.s3.amazonaws.com, S3OriginConfig: {OriginAccessIdentity: origin-access-identity/cloudfront/E1EXAMPLE}}') },
        { name: 'S3OriginConfig as a parameter: cannot be checked, no finding', code: `Parameters:\n  S3Config:\n    Type: String\n${dist('Enabled: true\nOrigins:\n  - {Id: f, DomainName: b.s3.amazonaws.com, S3OriginConfig: !Ref S3Config}')}` },
      ],
      bad: [
        { name: 'an empty origin access identity and no OAC', code: dist('Enabled: true\nOrigins:\n  - ⟦Id: files\n    DomainName: b.s3.amazonaws.com\n    S3OriginConfig: {OriginAccessIdentity: ""⟧}'), expect: [{ severity: 'warning', message: ['OriginAccessControlId is not set', 'must be public'] }] },
        { name: 'S3OriginConfig as Fn::If: the identity is empty on one branch of an undecided condition', code: `Parameters:\n  Oai:\n    Type: String\nConditions:\n  NoOai: !Equals [!Ref Oai, ""]\n${dist('Enabled: true\nOrigins:\n  - ⟦Id: files\n    DomainName: b.s3.amazonaws.com\n    S3OriginConfig: !If\n      - NoOai\n      - {OriginAccessIdentity: ""}\n      - {OriginAccessIdentity: !Sub "origin-access-identity/cloudfront/${Oai}"}⟧')}`, expect: [{ severity: 'info', message: ['Depends on the deployment', 'if NoOai'] }] },
      ],
    },
    terraform: {
      good: [
        { name: 'origin access control on a bucket origin', code: 'resource "aws_s3_bucket" "site" {}\nresource "aws_cloudfront_distribution" "d" {\n  origin {\n    domain_name              = aws_s3_bucket.site.bucket_regional_domain_name\n    origin_id                = "s3"\n    origin_access_control_id = aws_cloudfront_origin_access_control.oac.id\n  }\n}\n' },
        { name: 'a legacy origin access identity', code: 'resource "aws_cloudfront_distribution" "d" {\n  origin {\n    domain_name = "b.s3.amazonaws.com"\n    origin_id   = "s3"\n    s3_origin_config {\n      origin_access_identity = aws_cloudfront_origin_access_identity.oai.cloudfront_access_identity_path\n    }\n  }\n}\n' },
        { name: 's3_origin_config written as an expression: cannot be checked, no crash', code: 'variable "oai" {\n  default = null\n}\nresource "aws_cloudfront_distribution" "d" {\n  origin {\n    domain_name      = "b.s3.amazonaws.com"\n    origin_id        = "s3"\n    s3_origin_config = var.oai\n  }\n}\n' },
      ],
      bad: [
        { name: 'a bucket origin without OAC or OAI', code: 'resource "aws_s3_bucket" "site" {}\nresource "aws_cloudfront_distribution" "d" {\n  origin {\n    ⟦domain_name = aws_s3_bucket.site.bucket_regional_domain_name\n    origin_id   = "s3"⟧\n  }\n}\n', expect: [{ severity: 'warning', message: ['origin_access_control_id is not set', 'must be public'] }] },
      ],
    },
  },
  {
    rule: 'apigw-execution-logging',
    cloudformation: {
      good: [
        { name: 'ERROR logging for every method', code: 'Resources:\n  Stage:\n    Type: AWS::ApiGateway::Stage\n    Properties:\n      RestApiId: !Ref Api\n      MethodSettings:\n        - {ResourcePath: /*, HttpMethod: "*", LoggingLevel: ERROR}\n' },
        { name: 'a level from an unset parameter: cannot be checked, no finding', code: 'Parameters:\n  Level:\n    Type: String\nResources:\n  Stage:\n    Type: AWS::ApiGateway::Stage\n    Properties:\n      RestApiId: !Ref Api\n      MethodSettings:\n        - {ResourcePath: /*, HttpMethod: "*", LoggingLevel: !Ref Level}\n' },
        { name: 'SAM: MethodSettings in Globals.Api count for every AWS::Serverless::Api', code: `${SAM}Globals:\n  Api:\n    MethodSettings:\n      - {ResourcePath: /*, HttpMethod: "*", LoggingLevel: ERROR}\nResources:\n  Public:\n    Type: AWS::Serverless::Api\n    Properties:\n      StageName: prod\n  Admin:\n    Type: AWS::Serverless::Api\n    Properties:\n      StageName: prod\n      MethodSettings:\n        - {ResourcePath: /admin, HttpMethod: "*", MetricsEnabled: true}\n` },
      ],
      bad: [
        { name: 'SAM: LoggingLevel OFF in Globals.Api', code: `${SAM}Globals:\n  Api:\n    MethodSettings:\n      - {ResourcePath: /*, HttpMethod: "*", LoggingLevel: ⟦"OFF"⟧}\nResources:\n  Public:\n    Type: AWS::Serverless::Api\n    Properties:\n      StageName: prod\n`, expect: [{ severity: 'warning', message: ["LoggingLevel is 'OFF'", 'Globals.Api'] }] },
        { name: 'logging OFF', code: 'Resources:\n  Stage:\n    Type: AWS::ApiGateway::Stage\n    Properties:\n      RestApiId: !Ref Api\n      MethodSettings:\n        - {ResourcePath: /*, HttpMethod: "*", LoggingLevel: ⟦"OFF"⟧}\n', expect: [{ severity: 'warning', message: ["LoggingLevel is 'OFF'"] }] },
        { name: 'no method settings', code: 'Resources:\n  ⟦Stage⟧:\n    Type: AWS::ApiGateway::Stage\n    Properties:\n      RestApiId: !Ref Api\n', expect: [{ severity: 'warning', message: ['LoggingLevel is not set'] }] },
      ],
    },
    terraform: {
      good: [
        { name: 'aws_api_gateway_method_settings logging INFO for the stage', code: 'resource "aws_api_gateway_stage" "prod" {\n  rest_api_id   = "api"\n  deployment_id = "d"\n  stage_name    = "prod"\n}\nresource "aws_api_gateway_method_settings" "all" {\n  rest_api_id = "api"\n  stage_name  = aws_api_gateway_stage.prod.stage_name\n  method_path = "*/*"\n  settings {\n    logging_level = "INFO"\n  }\n}\n' },
      ],
      bad: [
        { name: 'no method settings name the stage', code: 'resource "aws_api_gateway_stage" ⟦"prod"⟧ {\n  rest_api_id   = "api"\n  deployment_id = "d"\n  stage_name    = "prod"\n}\n', expect: [{ severity: 'warning', message: ['No aws_api_gateway_method_settings in this module names this stage', 'logging_level = "ERROR"'] }] },
      ],
    },
  },
  {
    rule: 'apigw-access-logging',
    cloudformation: {
      good: [
        { name: 'access logs to a log group', code: 'Resources:\n  Stage:\n    Type: AWS::ApiGateway::Stage\n    Properties:\n      RestApiId: !Ref Api\n      AccessLogSetting: {DestinationArn: !GetAtt Logs.Arn, Format: "$context.requestId"}\n' },
        { name: 'SAM: AccessLogSetting in Globals.Api counts for every AWS::Serverless::Api', code: `${SAM}Globals:\n  Api:\n    AccessLogSetting:\n      DestinationArn: arn:aws:logs:eu-west-1:111122223333:log-group:api\n      Format: "$context.requestId"\nResources:\n  Public:\n    Type: AWS::Serverless::Api\n    Properties:\n      StageName: prod\n  Admin:\n    Type: AWS::Serverless::Api\n    Properties:\n      StageName: prod\n      AccessLogSetting:\n        Format: "$context.requestId $context.identity.sourceIp"\n` },
      ],
      bad: [
        { name: 'no access logs', code: 'Resources:\n  ⟦Stage⟧:\n    Type: AWS::ApiGateway::Stage\n    Properties:\n      RestApiId: !Ref Api\n', expect: [{ severity: 'warning', message: ['AccessLogSetting.DestinationArn is not set'] }] },
        { name: 'SAM: Globals.Api without AccessLogSetting', code: `${SAM}Globals:\n  Api:\n    TracingEnabled: true\nResources:\n  ⟦Public⟧:\n    Type: AWS::Serverless::Api\n    Properties:\n      StageName: prod\n`, expect: [{ severity: 'warning', message: ['AccessLogSetting.DestinationArn is not set'] }] },
      ],
    },
    terraform: {
      good: [{ name: 'access_log_settings', code: 'resource "aws_api_gateway_stage" "prod" {\n  rest_api_id   = "api"\n  deployment_id = "d"\n  stage_name    = "prod"\n  access_log_settings {\n    destination_arn = aws_cloudwatch_log_group.api.arn\n    format          = "$context.requestId"\n  }\n}\n' }],
      bad: [{ name: 'no access logs', code: 'resource "aws_api_gateway_stage" ⟦"prod"⟧ {\n  rest_api_id   = "api"\n  deployment_id = "d"\n  stage_name    = "prod"\n}\n', expect: [{ severity: 'warning', message: ['access_log_settings.destination_arn is not set', 'access_log_settings block'] }] }],
    },
  },
  {
    rule: 'apigw-cache-encrypted',
    cloudformation: {
      good: [
        { name: 'a stage cache with encrypted method caches', code: 'Resources:\n  Stage:\n    Type: AWS::ApiGateway::Stage\n    Properties:\n      RestApiId: !Ref Api\n      CacheClusterEnabled: true\n      MethodSettings:\n        - {ResourcePath: /*, HttpMethod: "*", CachingEnabled: true, CacheDataEncrypted: true}\n' },
        { name: 'method caching without a stage cache: nothing is cached', code: 'Resources:\n  Stage:\n    Type: AWS::ApiGateway::Stage\n    Properties:\n      RestApiId: !Ref Api\n      MethodSettings:\n        - {ResourcePath: /*, HttpMethod: "*", CachingEnabled: true}\n' },
      ],
      bad: [
        { name: 'CacheDataEncrypted false', code: 'Resources:\n  Stage:\n    Type: AWS::ApiGateway::Stage\n    Properties:\n      RestApiId: !Ref Api\n      CacheClusterEnabled: true\n      MethodSettings:\n        - {ResourcePath: /*, HttpMethod: "*", CachingEnabled: true, CacheDataEncrypted: ⟦false⟧}\n', expect: [{ severity: 'warning', message: ['CacheDataEncrypted is false', 'unencrypted'] }] },
        { name: 'a stage cache and no method settings: GET methods cache unencrypted by default', code: 'Resources:\n  ⟦Stage⟧:\n    Type: AWS::ApiGateway::Stage\n    Properties:\n      RestApiId: !Ref Api\n      CacheClusterEnabled: true\n', expect: [{ severity: 'warning', message: ['GET methods are cached by default'] }] },
      ],
    },
    terraform: {
      good: [
        { name: 'a stage cache with encrypted method caches', code: 'resource "aws_api_gateway_stage" "prod" {\n  rest_api_id           = "api"\n  deployment_id         = "d"\n  stage_name            = "prod"\n  cache_cluster_enabled = true\n}\nresource "aws_api_gateway_method_settings" "all" {\n  rest_api_id = "api"\n  stage_name  = aws_api_gateway_stage.prod.stage_name\n  method_path = "*/*"\n  settings {\n    caching_enabled      = true\n    cache_data_encrypted = true\n  }\n}\n' },
        { name: 'no stage cache', code: 'resource "aws_api_gateway_stage" "prod" {\n  rest_api_id   = "api"\n  deployment_id = "d"\n  stage_name    = "prod"\n}\n' },
      ],
      bad: [
        { name: 'cache_data_encrypted false (reported on the stage)', code: 'resource "aws_api_gateway_stage" ⟦"prod"⟧ {\n  rest_api_id           = "api"\n  deployment_id         = "d"\n  stage_name            = "prod"\n  cache_cluster_enabled = true\n}\nresource "aws_api_gateway_method_settings" "all" {\n  rest_api_id = "api"\n  stage_name  = aws_api_gateway_stage.prod.stage_name\n  method_path = "*/*"\n  settings {\n    caching_enabled      = true\n    cache_data_encrypted = false\n  }\n}\n', expect: [{ severity: 'warning', message: ['aws_api_gateway_method_settings.all: settings.cache_data_encrypted is false'] }] },
      ],
    },
  },
  {
    rule: 'apigw-client-cert',
    cloudformation: {
      good: [
        { name: 'a client certificate on the stage', code: 'Resources:\n  Stage:\n    Type: AWS::ApiGateway::Stage\n    Properties:\n      RestApiId: !Ref Api\n      ClientCertificateId: !Ref Cert\n' },
        { name: 'only a Lambda proxy integration: the certificate is never presented', code: 'Resources:\n  Api:\n    Type: AWS::ApiGateway::RestApi\n    Properties:\n      Name: api\n  Get:\n    Type: AWS::ApiGateway::Method\n    Properties:\n      RestApiId: !Ref Api\n      ResourceId: !GetAtt Api.RootResourceId\n      HttpMethod: GET\n      AuthorizationType: AWS_IAM\n      Integration:\n        Type: AWS_PROXY\n        IntegrationHttpMethod: POST\n        Uri: !Sub arn:aws:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${Fn.Arn}/invocations\n  Stage:\n    Type: AWS::ApiGateway::Stage\n    Properties:\n      RestApiId: !Ref Api\n      DeploymentId: !Ref Deployment\n' },
      ],
      bad: [
        { name: 'an HTTP proxy integration and no client certificate (information)', code: 'Resources:\n  Api:\n    Type: AWS::ApiGateway::RestApi\n    Properties:\n      Name: api\n  Get:\n    Type: AWS::ApiGateway::Method\n    Properties:\n      RestApiId: !Ref Api\n      ResourceId: !GetAtt Api.RootResourceId\n      HttpMethod: GET\n      AuthorizationType: AWS_IAM\n      Integration:\n        Type: HTTP_PROXY\n        IntegrationHttpMethod: GET\n        Uri: https://backend.example.com/\n  ⟦Stage⟧:\n    Type: AWS::ApiGateway::Stage\n    Properties:\n      RestApiId: !Ref Api\n      DeploymentId: !Ref Deployment\n', expect: [{ severity: 'info', message: ['ClientCertificateId is not set', 'HTTP and HTTP_PROXY integrations only'] }] },
      ],
    },
    terraform: {
      good: [
        { name: 'a client certificate on the stage', code: 'resource "aws_api_gateway_stage" "prod" {\n  rest_api_id           = "api"\n  deployment_id         = "d"\n  stage_name            = "prod"\n  client_certificate_id = aws_api_gateway_client_certificate.backend.id\n}\n' },
        { name: 'only a Lambda proxy integration, named through the method', code: 'resource "aws_api_gateway_rest_api" "api" {\n  name = "api"\n}\nresource "aws_api_gateway_method" "get" {\n  rest_api_id   = aws_api_gateway_rest_api.api.id\n  resource_id   = aws_api_gateway_rest_api.api.root_resource_id\n  http_method   = "GET"\n  authorization = "AWS_IAM"\n}\nresource "aws_api_gateway_integration" "get" {\n  rest_api_id             = aws_api_gateway_method.get.rest_api_id\n  resource_id             = aws_api_gateway_method.get.resource_id\n  http_method             = aws_api_gateway_method.get.http_method\n  type                    = "AWS_PROXY"\n  integration_http_method = "POST"\n  uri                     = aws_lambda_function.fn.invoke_arn\n}\nresource "aws_api_gateway_stage" "prod" {\n  rest_api_id   = aws_api_gateway_rest_api.api.id\n  deployment_id = "d"\n  stage_name    = "prod"\n}\n' },
        { name: 'only a Lambda proxy integration in the OpenAPI body', code: 'resource "aws_api_gateway_rest_api" "api" {\n  name = "api"\n  body = jsonencode({\n    openapi = "3.0.1"\n    paths = {\n      "/" = {\n        get = {\n          x-amazon-apigateway-integration = {\n            type       = "AWS_PROXY"\n            httpMethod = "POST"\n            uri        = aws_lambda_function.fn.invoke_arn\n          }\n        }\n      }\n    }\n  })\n}\nresource "aws_api_gateway_stage" "prod" {\n  rest_api_id   = aws_api_gateway_rest_api.api.id\n  deployment_id = "d"\n  stage_name    = "prod"\n}\n' },
        { name: 'only a Lambda proxy integration', code: 'resource "aws_api_gateway_rest_api" "api" {\n  name = "api"\n}\nresource "aws_api_gateway_integration" "get" {\n  rest_api_id             = aws_api_gateway_rest_api.api.id\n  resource_id             = aws_api_gateway_rest_api.api.root_resource_id\n  http_method             = "GET"\n  type                    = "AWS_PROXY"\n  integration_http_method = "POST"\n  uri                     = aws_lambda_function.fn.invoke_arn\n}\nresource "aws_api_gateway_stage" "prod" {\n  rest_api_id   = aws_api_gateway_rest_api.api.id\n  deployment_id = "d"\n  stage_name    = "prod"\n}\n' },
      ],
      bad: [
        { name: 'an HTTP integration and no client certificate (information)', code: 'resource "aws_api_gateway_rest_api" "api" {\n  name = "api"\n}\nresource "aws_api_gateway_integration" "get" {\n  rest_api_id             = aws_api_gateway_rest_api.api.id\n  resource_id             = aws_api_gateway_rest_api.api.root_resource_id\n  http_method             = "GET"\n  type                    = "HTTP"\n  integration_http_method = "GET"\n  uri                     = "https://backend.example.com/"\n}\nresource "aws_api_gateway_stage" ⟦"prod"⟧ {\n  rest_api_id   = aws_api_gateway_rest_api.api.id\n  deployment_id = "d"\n  stage_name    = "prod"\n}\n', expect: [{ severity: 'info', message: ['client_certificate_id is not set', 'client_certificate_id = aws_api_gateway_client_certificate'] }] },
        { name: 'an HTTP proxy integration in the OpenAPI body and no client certificate (information)', code: 'resource "aws_api_gateway_rest_api" "api" {\n  name = "api"\n  body = jsonencode({\n    openapi = "3.0.1"\n    paths = {\n      "/" = {\n        get = {\n          x-amazon-apigateway-integration = {\n            type       = "HTTP_PROXY"\n            httpMethod = "GET"\n            uri        = "https://backend.example.com/"\n          }\n        }\n      }\n    }\n  })\n}\nresource "aws_api_gateway_stage" ⟦"prod"⟧ {\n  rest_api_id   = aws_api_gateway_rest_api.api.id\n  deployment_id = "d"\n  stage_name    = "prod"\n}\n', expect: [{ severity: 'info', message: ['client_certificate_id is not set'] }] },
      ],
    },
  },
  {
    rule: 'apigw-method-authorization',
    cloudformation: {
      good: [
        { name: 'IAM authorization', code: 'Resources:\n  Get:\n    Type: AWS::ApiGateway::Method\n    Properties:\n      RestApiId: !Ref Api\n      ResourceId: r\n      HttpMethod: GET\n      AuthorizationType: AWS_IAM\n' },
        { name: 'an open CORS preflight method', code: 'Resources:\n  Options:\n    Type: AWS::ApiGateway::Method\n    Properties:\n      RestApiId: !Ref Api\n      ResourceId: r\n      HttpMethod: OPTIONS\n      AuthorizationType: NONE\n' },
      ],
      bad: [
        { name: 'AuthorizationType NONE', code: 'Resources:\n  Get:\n    Type: AWS::ApiGateway::Method\n    Properties:\n      RestApiId: !Ref Api\n      ResourceId: r\n      HttpMethod: GET\n      AuthorizationType: ⟦NONE⟧\n', expect: [{ severity: 'warning', message: ["AuthorizationType is 'NONE'"] }] },
        { name: 'no AuthorizationType: NONE by default', code: 'Resources:\n  ⟦Post⟧:\n    Type: AWS::ApiGateway::Method\n    Properties:\n      RestApiId: !Ref Api\n      ResourceId: r\n      HttpMethod: POST\n', expect: [{ severity: 'warning', message: ['defaults to NONE'] }] },
        { name: 'a PRIVATE API whose resource policy admits one VPC endpoint (information)', code: `Resources:
  Api:
    Type: AWS::ApiGateway::RestApi
    Properties:
      Name: internal
      EndpointConfiguration: {Types: [PRIVATE]}
      Policy:
        Version: "2012-10-17"
        Statement:
          - Effect: Allow
            Principal: "*"
            Action: execute-api:Invoke
            Resource: execute-api:/*
          - Effect: Deny
            Principal: "*"
            Action: execute-api:Invoke
            Resource: execute-api:/*
            Condition: {StringNotEquals: {aws:SourceVpce: vpce-0a1b2c3d4e5f60718}}
  Get:
    Type: AWS::ApiGateway::Method
    Properties:
      RestApiId: !Ref Api
      ResourceId: !GetAtt Api.RootResourceId
      HttpMethod: GET
      AuthorizationType: ⟦NONE⟧
`, expect: [{ severity: 'info', message: ["AuthorizationType is 'NONE'", 'PRIVATE', 'aws:SourceVpce vpce-0a1b2c3d4e5f60718'] }] },
        { name: 'a REGIONAL API with a VPC endpoint condition is still reachable: a warning', code: `Resources:
  Api:
    Type: AWS::ApiGateway::RestApi
    Properties:
      Name: public
      EndpointConfiguration: {Types: [REGIONAL]}
      Policy: {Version: "2012-10-17", Statement: [{Effect: Allow, Principal: "*", Action: execute-api:Invoke, Resource: execute-api:/*, Condition: {StringEquals: {aws:SourceVpce: vpce-0a1b2c3d4e5f60718}}}]}
  Get:
    Type: AWS::ApiGateway::Method
    Properties:
      RestApiId: !Ref Api
      ResourceId: !GetAtt Api.RootResourceId
      HttpMethod: GET
      AuthorizationType: ⟦NONE⟧
`, expect: [{ severity: 'warning', message: ["AuthorizationType is 'NONE'", 'anyone who can reach the API'] }] },
      ],
    },
    terraform: {
      good: [
        { name: 'a Cognito authorizer', code: 'resource "aws_api_gateway_method" "get" {\n  rest_api_id   = "api"\n  resource_id   = "r"\n  http_method   = "GET"\n  authorization = "COGNITO_USER_POOLS"\n  authorizer_id = aws_api_gateway_authorizer.users.id\n}\n' },
        { name: 'an open CORS preflight method', code: 'resource "aws_api_gateway_method" "options" {\n  rest_api_id   = "api"\n  resource_id   = "r"\n  http_method   = "OPTIONS"\n  authorization = "NONE"\n}\n' },
        { name: 'a method that requires an API key', code: 'resource "aws_api_gateway_method" "get" {\n  rest_api_id      = "api"\n  resource_id      = "r"\n  http_method      = "GET"\n  authorization    = "NONE"\n  api_key_required = true\n}\n' },
      ],
      bad: [
        { name: 'authorization NONE', code: 'resource "aws_api_gateway_method" "get" {\n  rest_api_id   = "api"\n  resource_id   = "r"\n  http_method   = "GET"\n  authorization = ⟦"NONE"⟧\n}\n', expect: [{ severity: 'warning', message: ["authorization is 'NONE'", 'authorization = "AWS_IAM"'] }] },
        { name: 'a PRIVATE API whose resource policy admits one VPC endpoint (information)', code: `resource "aws_api_gateway_rest_api" "internal" {
  name = "internal"
  endpoint_configuration {
    types            = ["PRIVATE"]
    vpc_endpoint_ids = ["vpce-0a1b2c3d4e5f60718"]
  }
}

resource "aws_api_gateway_rest_api_policy" "internal" {
  rest_api_id = aws_api_gateway_rest_api.internal.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = "*"
      Action    = "execute-api:Invoke"
      Resource  = "execute-api:/*"
      Condition = { StringEquals = { "aws:SourceVpce" = "vpce-0a1b2c3d4e5f60718" } }
    }]
  })
}

resource "aws_api_gateway_method" "get" {
  rest_api_id   = aws_api_gateway_rest_api.internal.id
  resource_id   = aws_api_gateway_rest_api.internal.root_resource_id
  http_method   = "GET"
  authorization = ⟦"NONE"⟧
}
`, expect: [{ severity: 'info', message: ["authorization is 'NONE'", 'PRIVATE', 'aws:SourceVpce vpce-0a1b2c3d4e5f60718'] }] },
      ],
    },
  },
  {
    rule: 'apigw-domain-tls',
    cloudformation: {
      good: [{ name: 'TLS_1_2', code: 'Resources:\n  Domain:\n    Type: AWS::ApiGateway::DomainName\n    Properties:\n      DomainName: api.example.com\n      SecurityPolicy: TLS_1_2\n' }],
      bad: [
        { name: 'TLS_1_0', code: 'Resources:\n  Domain:\n    Type: AWS::ApiGateway::DomainName\n    Properties:\n      DomainName: api.example.com\n      SecurityPolicy: ⟦TLS_1_0⟧\n', expect: [{ severity: 'warning', message: ["SecurityPolicy is 'TLS_1_0'"] }] },
        { name: 'no SecurityPolicy', code: 'Resources:\n  ⟦Domain⟧:\n    Type: AWS::ApiGateway::DomainName\n    Properties:\n      DomainName: api.example.com\n', expect: [{ severity: 'warning', message: ['SecurityPolicy defaults to TLS_1_0'] }] },
      ],
    },
    terraform: {
      good: [{ name: 'TLS_1_2', code: 'resource "aws_api_gateway_domain_name" "api" {\n  domain_name     = "api.example.com"\n  security_policy = "TLS_1_2"\n}\n' }],
      bad: [
        { name: 'no security_policy, in Terraform words', code: 'resource "aws_api_gateway_domain_name" ⟦"api"⟧ {\n  domain_name = "api.example.com"\n}\n', expect: [{ severity: 'warning', message: ['security_policy defaults to "TLS_1_0"', 'security_policy = "TLS_1_2"'] }] },
        { name: 'security_policy TLS_1_0, in Terraform words', code: 'resource "aws_api_gateway_domain_name" "api" {\n  domain_name     = "api.example.com"\n  security_policy = ⟦"TLS_1_0"⟧\n}\n', expect: [{ severity: 'warning', message: ["security_policy is 'TLS_1_0'", 'set security_policy = "TLS_1_2"'] }] },
      ],
    },
  },
  {
    rule: 'apigwv2-access-logging',
    cloudformation: {
      good: [
        { name: 'access logs', code: 'Resources:\n  Stage:\n    Type: AWS::ApiGatewayV2::Stage\n    Properties:\n      ApiId: !Ref Api\n      StageName: $default\n      AccessLogSettings: {DestinationArn: !GetAtt Logs.Arn, Format: "$context.requestId"}\n' },
        { name: 'SAM: AccessLogSettings in Globals.HttpApi count for every AWS::Serverless::HttpApi', code: `${SAM}Globals:\n  HttpApi:\n    AccessLogSettings:\n      DestinationArn: arn:aws:logs:eu-west-1:111122223333:log-group:http\n      Format: "$context.requestId"\nResources:\n  Http:\n    Type: AWS::Serverless::HttpApi\n    Properties:\n      StageName: prod\n` },
      ],
      bad: [{ name: 'no access logs', code: 'Resources:\n  ⟦Stage⟧:\n    Type: AWS::ApiGatewayV2::Stage\n    Properties:\n      ApiId: !Ref Api\n      StageName: $default\n', expect: [{ severity: 'warning', message: ['AccessLogSettings.DestinationArn is not set'] }] }],
    },
    terraform: {
      good: [{ name: 'access logs', code: 'resource "aws_apigatewayv2_stage" "default" {\n  api_id = "api"\n  name   = "$default"\n  access_log_settings {\n    destination_arn = aws_cloudwatch_log_group.api.arn\n    format          = "$context.requestId"\n  }\n}\n' }],
      bad: [{ name: 'no access logs', code: 'resource "aws_apigatewayv2_stage" ⟦"default"⟧ {\n  api_id = "api"\n  name   = "$default"\n}\n', expect: [{ severity: 'warning', message: ['access_log_settings.destination_arn is not set'] }] }],
    },
  },
  {
    rule: 'apigwv2-route-authorization',
    cloudformation: {
      good: [
        { name: 'a JWT authorizer', code: 'Resources:\n  Route:\n    Type: AWS::ApiGatewayV2::Route\n    Properties:\n      ApiId: api-1\n      RouteKey: GET /items\n      AuthorizationType: JWT\n      AuthorizerId: !Ref Authorizer\n' },
        { name: 'a WebSocket message route (only $connect takes authorization)', code: 'Resources:\n  Api:\n    Type: AWS::ApiGatewayV2::Api\n    Properties:\n      Name: ws\n      ProtocolType: WEBSOCKET\n      RouteSelectionExpression: $request.body.action\n  Route:\n    Type: AWS::ApiGatewayV2::Route\n    Properties:\n      ApiId: !Ref Api\n      RouteKey: sendmessage\n' },
      ],
      bad: [{ name: 'an HTTP route without authorization', code: 'Resources:\n  ⟦Route⟧:\n    Type: AWS::ApiGatewayV2::Route\n    Properties:\n      ApiId: api-1\n      RouteKey: GET /items\n', expect: [{ severity: 'warning', message: ['AuthorizationType defaults to NONE'] }] }],
    },
    terraform: {
      good: [
        { name: 'IAM authorization', code: 'resource "aws_apigatewayv2_route" "items" {\n  api_id             = "api"\n  route_key          = "GET /items"\n  authorization_type = "AWS_IAM"\n}\n' },
        { name: 'a WebSocket message route', code: 'resource "aws_apigatewayv2_api" "ws" {\n  name                       = "ws"\n  protocol_type              = "WEBSOCKET"\n  route_selection_expression = "$request.body.action"\n}\nresource "aws_apigatewayv2_route" "send" {\n  api_id    = aws_apigatewayv2_api.ws.id\n  route_key = "sendmessage"\n}\n' },
        { name: 'an open CORS preflight route', code: 'resource "aws_apigatewayv2_route" "preflight" {\n  api_id    = "api"\n  route_key = "OPTIONS /items"\n}\n' },
      ],
      bad: [
        { name: 'an HTTP route without authorization, in Terraform words', code: 'resource "aws_apigatewayv2_route" ⟦"items"⟧ {\n  api_id    = "api"\n  route_key = "GET /items"\n}\n', expect: [{ severity: 'warning', message: ['authorization_type defaults to "NONE"'] }] },
        { name: 'authorization_type NONE', code: 'resource "aws_apigatewayv2_route" "items" {\n  api_id             = "api"\n  route_key          = "GET /items"\n  authorization_type = ⟦"NONE"⟧\n}\n', expect: [{ severity: 'warning', message: ["authorization_type is 'NONE'", 'authorization_type = "AWS_IAM"'] }] },
      ],
    },
  },
  {
    rule: 'apigw-waf',
    cloudformation: {
      good: [{ name: 'a web ACL association for the stage', code: 'Resources:\n  Stage:\n    Type: AWS::ApiGateway::Stage\n    Properties:\n      RestApiId: !Ref Api\n      StageName: prod\n  Waf:\n    Type: AWS::WAFv2::WebACLAssociation\n    Properties:\n      ResourceArn: !Sub arn:aws:apigateway:${AWS::Region}::/restapis/${Api}/stages/prod\n      WebACLArn: !GetAtt Acl.Arn\n' }],
      bad: [{ name: 'no web ACL', code: 'Resources:\n  ⟦Stage⟧:\n    Type: AWS::ApiGateway::Stage\n    Properties:\n      RestApiId: !Ref Api\n      StageName: prod\n', expect: [{ severity: 'warning', message: ['No AWS::WAFv2::WebACLAssociation in this template points at it'] }] }],
    },
    terraform: {
      good: [{ name: 'a web ACL association for the stage', code: 'resource "aws_api_gateway_stage" "prod" {\n  rest_api_id   = "api"\n  deployment_id = "d"\n  stage_name    = "prod"\n}\nresource "aws_wafv2_web_acl_association" "prod" {\n  resource_arn = aws_api_gateway_stage.prod.arn\n  web_acl_arn  = aws_wafv2_web_acl.acl.arn\n}\n' },
        { name: 'a web ACL association whose ARN is built from the API and the stage name', code: 'resource "aws_api_gateway_rest_api" "api" {\n  name = "api"\n}\nresource "aws_api_gateway_stage" "prod" {\n  rest_api_id   = aws_api_gateway_rest_api.api.id\n  deployment_id = "d"\n  stage_name    = "prod"\n}\nresource "aws_wafv2_web_acl_association" "prod" {\n  resource_arn = "arn:aws:apigateway:${data.aws_region.current.name}::/restapis/${aws_api_gateway_rest_api.api.id}/stages/prod"\n  web_acl_arn  = aws_wafv2_web_acl.acl.arn\n}\n' }],
      bad: [{ name: 'no web ACL', code: 'resource "aws_api_gateway_stage" ⟦"prod"⟧ {\n  rest_api_id   = "api"\n  deployment_id = "d"\n  stage_name    = "prod"\n}\n', expect: [{ severity: 'warning', message: ['No aws_wafv2_web_acl_association in this module points at it'] }] }],
    },
  },
  {
    rule: 'waf-logging',
    cloudformation: {
      good: [{ name: 'a logging configuration for the web ACL', code: 'Resources:\n  Acl:\n    Type: AWS::WAFv2::WebACL\n    Properties:\n      Scope: REGIONAL\n  Log:\n    Type: AWS::WAFv2::LoggingConfiguration\n    Properties:\n      ResourceArn: !GetAtt Acl.Arn\n      LogDestinationConfigs: [!GetAtt Logs.Arn]\n' }],
      bad: [{ name: 'no logging configuration', code: 'Resources:\n  ⟦Acl⟧:\n    Type: AWS::WAFv2::WebACL\n    Properties:\n      Scope: REGIONAL\n', expect: [{ severity: 'info', message: ['points at this web ACL'] }] }],
    },
    terraform: {
      good: [{ name: 'a logging configuration for the web ACL', code: 'resource "aws_wafv2_web_acl" "acl" {}\nresource "aws_wafv2_web_acl_logging_configuration" "acl" {\n  resource_arn            = aws_wafv2_web_acl.acl.arn\n  log_destination_configs = [aws_cloudwatch_log_group.waf.arn]\n}\n' }],
      bad: [{ name: 'no logging configuration', code: 'resource "aws_wafv2_web_acl" ⟦"acl"⟧ {}\n', expect: [{ severity: 'info', message: ['aws_wafv2_web_acl_logging_configuration in this module'] }] }],
    },
  },
];

/** Readers of this family without examples yet (rule id:format); the examples test keeps this list true. */
export const PENDING: readonly string[] = [];
