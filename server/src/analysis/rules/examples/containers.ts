// Examples for the rules of this family (see ./types.ts).
import type { RuleExamples } from './types';

export const EXAMPLES: readonly RuleExamples[] = [
];

/** Readers of this family without examples yet (rule id:format); the examples test keeps this list true. */
export const PENDING: readonly string[] = [
  'ecs-no-privileged:cloudformation',
  'ecs-no-privileged:terraform',
  'ecs-readonly-rootfs:cloudformation',
  'ecs-readonly-rootfs:terraform',
  'ecs-no-host-pid:cloudformation',
  'ecs-no-host-pid:terraform',
  'ecs-no-secrets-in-env:cloudformation',
  'ecs-no-secrets-in-env:terraform',
  'ecs-logging:cloudformation',
  'ecs-efs-transit-encryption:cloudformation',
  'ecs-efs-transit-encryption:terraform',
  'ecs-service-no-public-ip:cloudformation',
  'ecs-service-no-public-ip:terraform',
  'ecs-fargate-latest-platform:cloudformation',
  'ecs-fargate-latest-platform:terraform',
  'ecs-container-insights:cloudformation',
  'ecs-container-insights:terraform',
  'eks-endpoint-private:cloudformation',
  'eks-endpoint-private:terraform',
  'eks-secrets-encryption:cloudformation',
  'eks-secrets-encryption:terraform',
  'eks-control-plane-logging:cloudformation',
  'eks-control-plane-logging:terraform',
  'eks-supported-version:cloudformation',
  'eks-supported-version:terraform',
  'eks-nodegroup-ssh:cloudformation',
  'eks-nodegroup-ssh:terraform',
  'sagemaker-no-direct-internet:cloudformation',
  'sagemaker-no-direct-internet:terraform',
  'sagemaker-no-root:cloudformation',
  'sagemaker-no-root:terraform',
  'sagemaker-notebook-kms:cloudformation',
  'sagemaker-notebook-kms:terraform',
  'codebuild-no-privileged:cloudformation',
  'codebuild-no-privileged:terraform',
  'codebuild-no-plaintext-credentials:cloudformation',
  'codebuild-no-plaintext-credentials:terraform',
  'codebuild-artifact-encryption:cloudformation',
  'codebuild-artifact-encryption:terraform',
];
