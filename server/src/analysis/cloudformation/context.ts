// What a rule sees of a CloudFormation template while it checks one resource (the Terraform twin is
// terraform/context.ts). It belongs to the rules layer: it joins the model, the resolver and the user's settings.
import type { AnalysisSettings } from '../api';
import type { Resolver } from './resolve';
import type { CfnResource, CfnTemplate } from './template';

export type { CfnResource, CfnTemplate };

/** What a rule sees besides the resource it checks. */
export interface CfnRuleContext {
  readonly template: CfnTemplate;
  readonly settings: AnalysisSettings;
  readonly resolver: Resolver;
  /** Resources of the template by type, for rules that follow links (bucket policy -> bucket). */
  resourcesOfType(type: string): readonly CfnResource[];
}
