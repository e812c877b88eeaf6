import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { Analyzer, listRules } from '../../../server/src/analysis';
import { expectFindings } from '../support/ruleTester';

const head = 'AWSTemplateFormatVersion: "2010-09-09"\n';

describe('rds-managed-master-password', () => {
  const rule = 'rds-managed-master-password';
  test('a literal password is an error on the value, and the message does not repeat it', () => {
    const findings = expectFindings('t.yaml', `${head}Resources:
  Db:
    Type: AWS::RDS::DBInstance
    Properties:
      MasterUsername: admin
      MasterUserPassword: ⟦"Sup3rS3cret!"⟧
`, rule, [{ ruleId: rule, severity: 'error', message: ['written in the template'] }]);
    assert.ok(!findings[0].message.includes('Sup3rS3cret'));
  });
  test('a parameter default is an error; a parameter without NoEcho a warning; NoEcho without default is fine', () => {
    expectFindings('t.yaml', `${head}Parameters:
  WithDefault:
    Type: String
    NoEcho: true
    Default: changeme123
  Visible:
    Type: String
  Hidden:
    Type: String
    NoEcho: true
Resources:
  A:
    Type: AWS::RDS::DBInstance
    Properties:
      MasterUserPassword: ⟦!Ref WithDefault⟧
  B:
    Type: AWS::RDS::DBCluster
    Properties:
      MasterUserPassword: ⟦!Ref Visible⟧
  C:
    Type: AWS::RDS::DBInstance
    Properties:
      MasterUserPassword: !Ref Hidden
`, rule, [{ ruleId: rule, severity: 'error', message: ['Default'] }, { ruleId: rule, severity: 'warning', message: ['without NoEcho'] }]);
  });
  test('managed passwords and dynamic references are fine', () => {
    expectFindings('t.yaml', `${head}Resources:
  A:
    Type: AWS::RDS::DBInstance
    Properties:
      ManageMasterUserPassword: true
  B:
    Type: AWS::RDS::DBInstance
    Properties:
      MasterUserPassword: !Sub "{{resolve:secretsmanager:\${Secret}:SecretString:password}}"
`, rule);
  });
  test('Terraform: a literal password is an error, a managed one is fine', () => {
    const files: Record<string, string> = {
      'main.tf': 'resource "aws_db_instance" "a" {\n  password = "hunter2hunter2"\n}\n\nresource "aws_db_instance" "b" {\n  manage_master_user_password = true\n}\n',
    };
    const analyzer = new Analyzer({ files: { listFiles: () => Object.keys(files), readFile: (path) => files[path.replace(/^.*\//, '')] } });
    const result = analyzer.analyze({ path: '/m/main.tf', text: files['main.tf'] });
    const findings = result.findings.filter((finding) => finding.ruleId === rule);
    assert.deepEqual(findings.map((finding) => [finding.resource.id, finding.severity, files['main.tf'].slice(finding.range.start, finding.range.end)]), [['aws_db_instance.a', 'error', '"hunter2hunter2"']]);
  });
});

describe('ec2-userdata-no-secrets', () => {
  const rule = 'ec2-userdata-no-secrets';
  test('an access key or a password assignment in a Sub script is reported on the user data', () => {
    expectFindings('t.yaml', `${head}Resources:
  Web:
    Type: AWS::EC2::Instance
    Properties:
      UserData: ⟦!Base64
        Fn::Sub: |
          #!/bin/bash
          export AWS_ACCESS_KEY_ID=AKIAABCDEFGHIJKLMNOP
          yum install -y httpd⟧
  Template:
    Type: AWS::EC2::LaunchTemplate
    Properties:
      LaunchTemplateData:
        UserData: ⟦!Base64 "#!/bin/bash\\nDB_PASSWORD=correcthorsebattery ./start.sh\\n"⟧
`, rule, [{ ruleId: rule, message: ['an AWS access key id'] }, { ruleId: rule, message: ['a literal value for DB_PASSWORD'] }]);
  });
  test('literal base64 user data is decoded before scanning; scripts that read secrets at boot are fine', () => {
    const encoded = Buffer.from('#!/bin/bash\nexport API_TOKEN=abcdef123456\n').toString('base64');
    expectFindings('t.yaml', `${head}Resources:
  Encoded:
    Type: AWS::EC2::Instance
    Properties:
      UserData: ⟦${encoded}⟧
  Clean:
    Type: AWS::EC2::Instance
    Properties:
      UserData: !Base64 |
        #!/bin/bash
        PASSWORD=$(aws secretsmanager get-secret-value --secret-id app --query SecretString --output text)
`, rule, [{ ruleId: rule, message: ['API_TOKEN'] }]);
  });
});

describe('the rule registry', () => {
  test('rule ids are unique and every responsibility item has a rule', () => {
    const rules = listRules();
    assert.equal(new Set(rules.map((rule) => rule.id)).size, rules.length);
    const items = new Set(rules.map((rule) => rule.item));
    for (const item of ['data-at-rest-encryption', 'key-management', 'data-in-transit', 'network-exposure', 'public-access', 'identity-access', 'secrets-management', 'logging-audit', 'backup-recovery', 'integrity-versioning', 'os-platform-patching', 'compute-hardening', 'data-masking']) {
      assert.ok(items.has(item), `no rule for ${item}`);
    }
  });
  test('at least 150 CloudFormation checks over at least 45 resource types', () => {
    const rules = listRules().filter((rule) => rule.resourceTypes.cloudformation.length > 0);
    const types = new Set(rules.flatMap((rule) => rule.resourceTypes.cloudformation));
    assert.ok(rules.length >= 150, `${rules.length} rules`);
    assert.ok(types.size >= 45, `${types.size} types`);
  });
});
