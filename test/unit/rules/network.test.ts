import { describe, test } from 'node:test';
import { expectFindings } from '../support/ruleTester';
import { expectTerraformFindings } from '../support/terraformTester';

const head = 'AWSTemplateFormatVersion: "2010-09-09"\n';
const res = (type: string, props: string, id = 'R') => `${head}Resources:\n  ${id}:\n    Type: ${type}\n    Properties:\n${props.replace(/^/gm, '      ')}\n`;
const bare = (type: string, props: string, id = 'R') => `${head}Resources:\n  ⟦${id}⟧:\n    Type: ${type}\n    Properties:\n${props.replace(/^/gm, '      ')}\n`;

describe('security groups and network ACLs', () => {
  test('sg-no-world-high-risk-ports: database ports open to the world; SSH is left to sg-open-admin-ports', () => {
    expectFindings('t.yaml', res('AWS::EC2::SecurityGroup', 'GroupDescription: x\nSecurityGroupEgress: [{IpProtocol: tcp, FromPort: 443, ToPort: 443, CidrIp: 0.0.0.0/0}]\nSecurityGroupIngress:\n  - {IpProtocol: tcp, FromPort: 3306, ToPort: 3306, CidrIp: ⟦0.0.0.0/0⟧}\n  - {IpProtocol: tcp, FromPort: 22, ToPort: 22, CidrIp: 0.0.0.0/0}\n  - {IpProtocol: tcp, FromPort: 5432, ToPort: 5432, CidrIp: 10.0.0.0/8}\n  - {IpProtocol: tcp, FromPort: 443, ToPort: 443, CidrIp: 0.0.0.0/0}'), 'sg-no-world-high-risk-ports', [{ ruleId: 'sg-no-world-high-risk-ports', severity: 'error', message: ['MySQL (port 3306)', "CidrIp is '0.0.0.0/0'"] }]);
    expectFindings('t.yaml', res('AWS::EC2::SecurityGroupIngress', 'GroupId: sg-1\nIpProtocol: tcp\nFromPort: 5432\nToPort: 5432\nCidrIpv6: ⟦"::/0"⟧'), 'sg-no-world-high-risk-ports', [{ ruleId: 'sg-no-world-high-risk-ports', message: ['PostgreSQL'] }]);
  });
  test('sg-no-world-high-risk-ports through a parameter default', () => {
    expectFindings('t.yaml', `${head}Parameters:\n  Cidr:\n    Type: String\n    Default: 0.0.0.0/0\nResources:\n  R:\n    Type: AWS::EC2::SecurityGroupIngress\n    Properties:\n      GroupId: sg-1\n      IpProtocol: tcp\n      FromPort: 1433\n      ToPort: 1433\n      CidrIp: ⟦!Ref Cidr⟧\n`, 'sg-no-world-high-risk-ports', [{ ruleId: 'sg-no-world-high-risk-ports', severity: 'error', message: ["Ref Cidr, default '0.0.0.0/0'"] }]);
  });
  test('sg-egress-restricted: no egress rules, or all traffic to the world, is information', () => {
    expectFindings('t.yaml', bare('AWS::EC2::SecurityGroup', 'GroupDescription: x'), 'sg-egress-restricted', [{ ruleId: 'sg-egress-restricted', severity: 'info', message: ['allowing all outbound traffic'] }]);
    expectFindings('t.yaml', res('AWS::EC2::SecurityGroup', 'GroupDescription: x\nSecurityGroupEgress:\n  - IpProtocol: "-1"\n    CidrIp: ⟦0.0.0.0/0⟧'), 'sg-egress-restricted', [{ ruleId: 'sg-egress-restricted', message: ['All outbound traffic'] }]);
    expectFindings('t.yaml', res('AWS::EC2::SecurityGroup', 'GroupDescription: x\nSecurityGroupEgress:\n  - {IpProtocol: tcp, FromPort: 443, ToPort: 443, CidrIp: 0.0.0.0/0}'), 'sg-egress-restricted');
    expectFindings('t.yaml', `${head}Resources:\n  Sg:\n    Type: AWS::EC2::SecurityGroup\n    Properties:\n      GroupDescription: x\n  Out:\n    Type: AWS::EC2::SecurityGroupEgress\n    Properties:\n      GroupId: !GetAtt Sg.GroupId\n      IpProtocol: tcp\n      FromPort: 443\n      ToPort: 443\n      DestinationSecurityGroupId: sg-2\n`, 'sg-egress-restricted');
  });
  test('nacl-no-world-admin-ports', () => {
    expectFindings('t.yaml', res('AWS::EC2::NetworkAclEntry', 'NetworkAclId: acl-1\nRuleNumber: 100\nProtocol: 6\nRuleAction: allow\nCidrBlock: ⟦0.0.0.0/0⟧\nPortRange: {From: 0, To: 1024}'), 'nacl-no-world-admin-ports', [{ ruleId: 'nacl-no-world-admin-ports', severity: 'warning', message: ['SSH (port 22)'] }]);
    expectFindings('t.yaml', res('AWS::EC2::NetworkAclEntry', 'NetworkAclId: acl-1\nRuleNumber: 100\nProtocol: 6\nRuleAction: allow\nCidrBlock: 0.0.0.0/0\nPortRange: {From: 443, To: 443}'), 'nacl-no-world-admin-ports');
    expectFindings('t.yaml', res('AWS::EC2::NetworkAclEntry', 'NetworkAclId: acl-1\nRuleNumber: 100\nProtocol: -1\nEgress: true\nRuleAction: allow\nCidrBlock: 0.0.0.0/0'), 'nacl-no-world-admin-ports');
  });
  test('subnet-no-auto-public-ip, tgw-no-auto-accept', () => {
    expectFindings('t.yaml', res('AWS::EC2::Subnet', 'VpcId: v\nCidrBlock: 10.0.0.0/24\nMapPublicIpOnLaunch: ⟦true⟧'), 'subnet-no-auto-public-ip', [{ ruleId: 'subnet-no-auto-public-ip', severity: 'warning' }]);
    expectFindings('t.yaml', res('AWS::EC2::Subnet', 'VpcId: v\nCidrBlock: 10.0.0.0/24'), 'subnet-no-auto-public-ip');
    expectFindings('t.yaml', res('AWS::EC2::TransitGateway', 'AutoAcceptSharedAttachments: ⟦enable⟧'), 'tgw-no-auto-accept', [{ ruleId: 'tgw-no-auto-accept', severity: 'error' }]);
    expectFindings('t.yaml', res('AWS::EC2::TransitGateway', 'Description: t'), 'tgw-no-auto-accept');
  });
  test('vpc-flow-logs: a flow log pointing at the VPC', () => {
    expectFindings('t.yaml', bare('AWS::EC2::VPC', 'CidrBlock: 10.0.0.0/16', 'Vpc'), 'vpc-flow-logs', [{ ruleId: 'vpc-flow-logs', severity: 'warning', message: ['No AWS::EC2::FlowLog'] }]);
    expectFindings('t.yaml', `${head}Resources:\n  Vpc:\n    Type: AWS::EC2::VPC\n    Properties:\n      CidrBlock: 10.0.0.0/16\n  Log:\n    Type: AWS::EC2::FlowLog\n    Properties:\n      ResourceId: !Ref Vpc\n      ResourceType: VPC\n      TrafficType: ALL\n`, 'vpc-flow-logs');
  });
});

describe('load balancers', () => {
  test('alb-https-listener: HTTP is reported unless it redirects to HTTPS', () => {
    expectFindings('t.yaml', res('AWS::ElasticLoadBalancingV2::Listener', 'LoadBalancerArn: !Ref Lb\nPort: 80\nProtocol: ⟦HTTP⟧\nDefaultActions:\n  - Type: forward\n    TargetGroupArn: !Ref Tg'), 'alb-https-listener', [{ ruleId: 'alb-https-listener', severity: 'warning', message: ["Protocol is 'HTTP'"] }]);
    expectFindings('t.yaml', res('AWS::ElasticLoadBalancingV2::Listener', 'LoadBalancerArn: !Ref Lb\nPort: 80\nProtocol: HTTP\nDefaultActions:\n  - Type: redirect\n    RedirectConfig: {Protocol: HTTPS, Port: "443", StatusCode: HTTP_301}'), 'alb-https-listener');
  });
  test('alb-tls-policy: old policies are reported (absence: see the block below)', () => {
    expectFindings('t.yaml', res('AWS::ElasticLoadBalancingV2::Listener', 'Protocol: HTTPS\nSslPolicy: ⟦ELBSecurityPolicy-2016-08⟧'), 'alb-tls-policy', [{ ruleId: 'alb-tls-policy', message: ['TLS 1.0'] }]);
    expectFindings('t.yaml', res('AWS::ElasticLoadBalancingV2::Listener', 'Protocol: HTTPS\nSslPolicy: ELBSecurityPolicy-TLS13-1-2-2021-06'), 'alb-tls-policy');
  });
  test('alb attributes: drop invalid headers and access logs', () => {
    expectFindings('t.yaml', bare('AWS::ElasticLoadBalancingV2::LoadBalancer', 'Scheme: internal\nSubnets: [a, b]'), 'alb-drop-invalid-headers', [{ ruleId: 'alb-drop-invalid-headers', severity: 'warning', message: ['routing.http.drop_invalid_header_fields.enabled is not set'] }]);
    expectFindings('t.yaml', res('AWS::ElasticLoadBalancingV2::LoadBalancer', 'Scheme: internal\nLoadBalancerAttributes:\n  - Key: access_logs.s3.enabled\n    Value: ⟦"false"⟧'), 'alb-access-logs', [{ ruleId: 'alb-access-logs', message: ["access_logs.s3.enabled is 'false'"] }]);
    expectFindings('t.yaml', res('AWS::ElasticLoadBalancingV2::LoadBalancer', 'Scheme: internal\nLoadBalancerAttributes:\n  - Key: access_logs.s3.enabled\n    Value: "true"\n  - Key: routing.http.drop_invalid_header_fields.enabled\n    Value: "true"'), 'alb-access-logs');
    expectFindings('t.yaml', res('AWS::ElasticLoadBalancingV2::LoadBalancer', 'Type: network\nScheme: internal'), 'alb-drop-invalid-headers');
  });
  test('lb-internal-scheme is information', () => {
    expectFindings('t.yaml', res('AWS::ElasticLoadBalancingV2::LoadBalancer', 'Scheme: ⟦internet-facing⟧'), 'lb-internal-scheme', [{ ruleId: 'lb-internal-scheme', severity: 'info' }]);
    expectFindings('t.yaml', res('AWS::ElasticLoadBalancingV2::LoadBalancer', 'Scheme: internal'), 'lb-internal-scheme');
  });
  test('alb-waf: an internet-facing ALB without a web ACL association', () => {
    expectFindings('t.yaml', bare('AWS::ElasticLoadBalancingV2::LoadBalancer', 'Scheme: internet-facing', 'Lb'), 'alb-waf', [{ ruleId: 'alb-waf', message: ['WebACLAssociation'] }]);
    expectFindings('t.yaml', `${head}Resources:\n  Lb:\n    Type: AWS::ElasticLoadBalancingV2::LoadBalancer\n    Properties:\n      Scheme: internet-facing\n  Waf:\n    Type: AWS::WAFv2::WebACLAssociation\n    Properties:\n      ResourceArn: !Ref Lb\n      WebACLArn: !GetAtt Acl.Arn\n`, 'alb-waf');
  });
  test('classic load balancer listeners and access logs', () => {
    expectFindings('t.yaml', res('AWS::ElasticLoadBalancing::LoadBalancer', 'Listeners:\n  - {LoadBalancerPort: "80", InstancePort: "80", Protocol: ⟦HTTP⟧}\nAccessLoggingPolicy: {Enabled: ⟦false⟧, S3BucketName: b}').replace('⟦false⟧', 'false'), 'clb-https-listener', [{ ruleId: 'clb-https-listener' }]);
    expectFindings('t.yaml', res('AWS::ElasticLoadBalancing::LoadBalancer', 'Listeners:\n  - {LoadBalancerPort: "443", InstancePort: "80", Protocol: HTTPS}\nAccessLoggingPolicy: {Enabled: ⟦false⟧, S3BucketName: b}'), 'clb-access-logs', [{ ruleId: 'clb-access-logs' }]);
    expectFindings('t.yaml', res('AWS::ElasticLoadBalancing::LoadBalancer', 'Listeners:\n  - {LoadBalancerPort: "443", InstancePort: "80", Protocol: HTTPS}\nAccessLoggingPolicy: {Enabled: true, S3BucketName: b}'), 'clb-https-listener');
  });
});

describe('CloudFront', () => {
  const dist = (config: string) => res('AWS::CloudFront::Distribution', `DistributionConfig:\n${config.replace(/^/gm, '  ')}`);
  test('cloudfront-viewer-https: allow-all in the default or any cache behavior', () => {
    expectFindings('t.yaml', dist('Enabled: true\nDefaultCacheBehavior: {TargetOriginId: o, ViewerProtocolPolicy: redirect-to-https}\nCacheBehaviors:\n  - {PathPattern: /img/*, TargetOriginId: o, ViewerProtocolPolicy: ⟦allow-all⟧}'), 'cloudfront-viewer-https', [{ ruleId: 'cloudfront-viewer-https', severity: 'warning', message: ["'allow-all'"] }]);
    expectFindings('t.yaml', dist('Enabled: true\nDefaultCacheBehavior: {TargetOriginId: o, ViewerProtocolPolicy: https-only}'), 'cloudfront-viewer-https');
  });
  test('cloudfront-viewer-https with Fn::If and a JSON template', () => {
    expectFindings('t.json', `{"AWSTemplateFormatVersion": "2010-09-09", "Conditions": {"Prod": {"Fn::Equals": [{"Ref": "AWS::Region"}, "us-east-1"]}}, "Resources": {"D": {"Type": "AWS::CloudFront::Distribution", "Properties": {"DistributionConfig": {"DefaultCacheBehavior": {"ViewerProtocolPolicy": {"Fn::If": ["Prod", "https-only", ⟦"allow-all"⟧]}}}}}}}`, 'cloudfront-viewer-https', [{ ruleId: 'cloudfront-viewer-https', severity: 'info', message: ['Depends on the deployment', 'unless Prod'] }]);
  });
  test('cloudfront-min-tls: default certificate is information; a custom certificate with an old policy is a warning', () => {
    expectFindings('t.yaml', dist('Enabled: true\nViewerCertificate: ⟦{CloudFrontDefaultCertificate: true}⟧'), 'cloudfront-min-tls', [{ ruleId: 'cloudfront-min-tls', severity: 'info', message: ['*.cloudfront.net'] }]);
    expectFindings('t.yaml', dist('ViewerCertificate: {AcmCertificateArn: arn, SslSupportMethod: sni-only, MinimumProtocolVersion: ⟦TLSv1.1_2016⟧}'), 'cloudfront-min-tls', [{ ruleId: 'cloudfront-min-tls', severity: 'warning' }]);
    expectFindings('t.yaml', dist('ViewerCertificate: {AcmCertificateArn: arn, SslSupportMethod: sni-only, MinimumProtocolVersion: TLSv1.2_2021}'), 'cloudfront-min-tls');
  });
  test('cloudfront-origin-https and cloudfront-s3-oac', () => {
    const origins = 'Origins:\n  - Id: api\n    DomainName: api.example.com\n    CustomOriginConfig: {OriginProtocolPolicy: ⟦http-only⟧}\n  - Id: site\n    DomainName: b.s3-website-us-east-1.amazonaws.com\n    CustomOriginConfig: {OriginProtocolPolicy: http-only}\n  - ⟦Id: files\n    DomainName: b.s3.amazonaws.com\n    S3OriginConfig: {OriginAccessIdentity: ""⟧}\n  - Id: legacy\n    DomainName: c.s3.amazonaws.com\n    S3OriginConfig: {OriginAccessIdentity: origin-access-identity/cloudfront/E1}';
    expectFindings('t.yaml', dist(origins.replace('⟦Id: files', 'Id: files').replace('""⟧}', '""}')), 'cloudfront-origin-https', [{ ruleId: 'cloudfront-origin-https', message: ["OriginProtocolPolicy is 'http-only'"] }]);
    expectFindings('t.yaml', dist(origins.replace('⟦http-only⟧', 'http-only')), 'cloudfront-s3-oac', [{ ruleId: 'cloudfront-s3-oac', severity: 'warning', message: ['OriginAccessControlId is not set', 'public'] }]);
    expectFindings('t.yaml', dist('Origins:\n  - {Id: f, DomainName: !GetAtt Bucket.RegionalDomainName, OriginAccessControlId: !Ref Oac, S3OriginConfig: {}}'), 'cloudfront-s3-oac');
  });
  test('cloudfront-logging and cloudfront-waf', () => {
    expectFindings('t.yaml', bare('AWS::CloudFront::Distribution', 'DistributionConfig:\n  Enabled: true'), 'cloudfront-logging', [{ ruleId: 'cloudfront-logging', message: ['not logged'] }]);
    expectFindings('t.yaml', bare('AWS::CloudFront::Distribution', 'DistributionConfig:\n  Enabled: true'), 'cloudfront-waf', [{ ruleId: 'cloudfront-waf', severity: 'warning' }]);
    expectFindings('t.yaml', dist('Logging: {Bucket: logs.s3.amazonaws.com}\nWebACLId: !GetAtt Acl.Arn'), 'cloudfront-logging');
    expectFindings('t.yaml', dist('Logging: {Bucket: logs.s3.amazonaws.com}\nWebACLId: !GetAtt Acl.Arn'), 'cloudfront-waf');
  });
});

describe('API Gateway and WAF', () => {
  test('apigw-execution-logging', () => {
    expectFindings('t.yaml', res('AWS::ApiGateway::Stage', 'RestApiId: !Ref Api\nMethodSettings:\n  - {ResourcePath: /*, HttpMethod: "*", LoggingLevel: ⟦"OFF"⟧}'), 'apigw-execution-logging', [{ ruleId: 'apigw-execution-logging', severity: 'warning', message: ["LoggingLevel is 'OFF'"] }]);
    expectFindings('t.yaml', bare('AWS::ApiGateway::Stage', 'RestApiId: !Ref Api'), 'apigw-execution-logging', [{ ruleId: 'apigw-execution-logging', message: ['is not set'] }]);
    expectFindings('t.yaml', res('AWS::ApiGateway::Stage', 'RestApiId: !Ref Api\nMethodSettings:\n  - {ResourcePath: /*, HttpMethod: "*", LoggingLevel: ERROR}'), 'apigw-execution-logging');
  });
  test('apigw-access-logging, apigw-client-cert', () => {
    expectFindings('t.yaml', bare('AWS::ApiGateway::Stage', 'RestApiId: !Ref Api'), 'apigw-access-logging', [{ ruleId: 'apigw-access-logging' }]);
    expectFindings('t.yaml', res('AWS::ApiGateway::Stage', 'AccessLogSetting: {DestinationArn: !GetAtt Logs.Arn}'), 'apigw-access-logging');
    expectFindings('t.yaml', bare('AWS::ApiGateway::Stage', 'RestApiId: !Ref Api'), 'apigw-client-cert', [{ ruleId: 'apigw-client-cert', severity: 'info' }]);
    expectFindings('t.yaml', res('AWS::ApiGateway::Stage', 'ClientCertificateId: !Ref Cert'), 'apigw-client-cert');
  });
  test('apigw-cache-encrypted only when caching is on', () => {
    expectFindings('t.yaml', res('AWS::ApiGateway::Stage', 'CacheClusterEnabled: true\nMethodSettings:\n  - {ResourcePath: /*, HttpMethod: "*", CachingEnabled: true, CacheDataEncrypted: ⟦false⟧}'), 'apigw-cache-encrypted', [{ ruleId: 'apigw-cache-encrypted' }]);
    expectFindings('t.yaml', res('AWS::ApiGateway::Stage', 'MethodSettings:\n  - {ResourcePath: /*, HttpMethod: "*", LoggingLevel: INFO}'), 'apigw-cache-encrypted');
  });
  test('apigw-method-authorization: NONE or absent is open; OPTIONS and API keys are fine', () => {
    expectFindings('t.yaml', res('AWS::ApiGateway::Method', 'HttpMethod: GET\nAuthorizationType: ⟦NONE⟧'), 'apigw-method-authorization', [{ ruleId: 'apigw-method-authorization', severity: 'warning' }]);
    expectFindings('t.yaml', bare('AWS::ApiGateway::Method', 'HttpMethod: POST'), 'apigw-method-authorization', [{ ruleId: 'apigw-method-authorization', message: ['defaults to NONE'] }]);
    expectFindings('t.yaml', res('AWS::ApiGateway::Method', 'HttpMethod: OPTIONS\nAuthorizationType: NONE'), 'apigw-method-authorization');
    expectFindings('t.yaml', res('AWS::ApiGateway::Method', 'HttpMethod: GET\nAuthorizationType: AWS_IAM'), 'apigw-method-authorization');
  });
  test('apigw-domain-tls', () => {
    expectFindings('t.yaml', res('AWS::ApiGateway::DomainName', 'DomainName: api.example.com\nSecurityPolicy: ⟦TLS_1_0⟧'), 'apigw-domain-tls', [{ ruleId: 'apigw-domain-tls', message: ['TLS 1.0'] }]);
    expectFindings('t.yaml', res('AWS::ApiGateway::DomainName', 'DomainName: api.example.com\nSecurityPolicy: TLS_1_2'), 'apigw-domain-tls');
  });
  test('apigw-waf: a stage with or without an association', () => {
    expectFindings('t.yaml', bare('AWS::ApiGateway::Stage', 'RestApiId: !Ref Api\nStageName: prod', 'Stage'), 'apigw-waf', [{ ruleId: 'apigw-waf' }]);
    expectFindings('t.yaml', `${head}Resources:\n  Stage:\n    Type: AWS::ApiGateway::Stage\n    Properties:\n      RestApiId: !Ref Api\n      StageName: prod\n  Waf:\n    Type: AWS::WAFv2::WebACLAssociation\n    Properties:\n      ResourceArn: !Sub arn:aws:apigateway:\${AWS::Region}::/restapis/\${Api}/stages/prod\n      WebACLArn: !GetAtt Acl.Arn\n`, 'apigw-waf');
  });
  test('HTTP API stages and routes', () => {
    expectFindings('t.yaml', bare('AWS::ApiGatewayV2::Stage', 'ApiId: !Ref Api\nStageName: $default'), 'apigwv2-access-logging', [{ ruleId: 'apigwv2-access-logging' }]);
    expectFindings('t.yaml', res('AWS::ApiGatewayV2::Stage', 'AccessLogSettings: {DestinationArn: !GetAtt Logs.Arn, Format: x}'), 'apigwv2-access-logging');
    expectFindings('t.yaml', bare('AWS::ApiGatewayV2::Route', 'ApiId: api-1\nRouteKey: GET /items'), 'apigwv2-route-authorization', [{ ruleId: 'apigwv2-route-authorization', message: ['defaults to NONE'] }]);
    expectFindings('t.yaml', res('AWS::ApiGatewayV2::Route', 'ApiId: api-1\nRouteKey: GET /items\nAuthorizationType: JWT'), 'apigwv2-route-authorization');
    expectFindings('t.yaml', `${head}Resources:\n  Api:\n    Type: AWS::ApiGatewayV2::Api\n    Properties:\n      ProtocolType: WEBSOCKET\n  R:\n    Type: AWS::ApiGatewayV2::Route\n    Properties:\n      ApiId: !Ref Api\n      RouteKey: sendmessage\n`, 'apigwv2-route-authorization');
  });
  test('waf-logging', () => {
    expectFindings('t.yaml', bare('AWS::WAFv2::WebACL', 'Scope: REGIONAL', 'Acl'), 'waf-logging', [{ ruleId: 'waf-logging', severity: 'info' }]);
    expectFindings('t.yaml', `${head}Resources:\n  Acl:\n    Type: AWS::WAFv2::WebACL\n    Properties:\n      Scope: REGIONAL\n  Log:\n    Type: AWS::WAFv2::LoggingConfiguration\n    Properties:\n      ResourceArn: !GetAtt Acl.Arn\n      LogDestinationConfigs: [arn]\n`, 'waf-logging');
  });
});

describe('alb-tls-policy: a listener without SslPolicy gets ELBSecurityPolicy-2016-08 outside the console', () => {
  test('CloudFormation: an HTTPS listener without SslPolicy is reported on its logical id; HTTP listeners have no policy', () => {
    expectFindings('t.yaml', `${head}Resources:
  ⟦Https⟧:
    Type: AWS::ElasticLoadBalancingV2::Listener
    Properties:
      Protocol: HTTPS
      Port: 443
  Http:
    Type: AWS::ElasticLoadBalancingV2::Listener
    Properties:
      Protocol: HTTP
      Port: 80
  Strict:
    Type: AWS::ElasticLoadBalancingV2::Listener
    Properties:
      Protocol: TLS
      SslPolicy: ELBSecurityPolicy-TLS13-1-2-2021-06
`, 'alb-tls-policy', [{ ruleId: 'alb-tls-policy', message: ['ELBSecurityPolicy-2016-08'] }]);
  });
  test('Terraform: the same on aws_lb_listener', () => {
    expectTerraformFindings(`resource "aws_lb_listener" ⟦"https"⟧ {
  protocol = "HTTPS"
  port     = 443
}

resource "aws_lb_listener" "http" {
  protocol = "HTTP"
  port     = 80
}
`, 'alb-tls-policy', [{ ruleId: 'alb-tls-policy', message: ['ELBSecurityPolicy-2016-08'] }]);
  });
});
