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
