// Inputs shared by the CLI and language-server tests: files that must be skipped or survive bad syntax.

/** A Kubernetes manifest: YAML that is not a CloudFormation template, so it gets no findings. */
export const KUBERNETES = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 2
`;

/** A template whose Resources section is broken mid-way: reported as problems, never a crash. */
export const MALFORMED = `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  Broken: [
    Type: AWS::S3::Bucket
  - {
`;

/** One security group with SSH (22) open to the internet: a certain sg-open-admin-ports error. */
export const SSH_OPEN = `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  AdminSecurityGroup:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: admin
      SecurityGroupIngress:
        - IpProtocol: tcp
          FromPort: 22
          ToPort: 22
          CidrIp: 0.0.0.0/0
`;
