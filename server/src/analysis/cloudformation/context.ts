// What a rule sees of a CloudFormation template while it checks one resource (the Terraform twin is
// terraform/context.ts). It belongs to the rules layer: it joins the model, the resolver and the user's settings.
// The engine's implementation (cloudformation/reads.ts) records which resources a run reads through it.
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
  /**
   * A value computed once per analysis of the template and shared by every rule run that asks with the same
   * `key` (e.g. which buckets receive logs, asked by three rules for every bucket). `compute` reads the template
   * through the context it is given; whatever it read counts as read by every run that uses the value. Rules keep
   * no state of their own: a module-level cache would hide those reads from the engine, whose cache of verdicts
   * is only as right as the reads it was told about.
   *
   * With `fingerprint` (a string that is equal for equal values, e.g. the JSON of a Map's entries), a run that uses
   * the value depends on the value itself rather than on what computing it read: after an edit the value is
   * computed again, and the run is reused while its fingerprint is unchanged (an edit of one bucket's name does not
   * re-check every bucket's access logging when no bucket starts or stops receiving logs). Ranges a run takes from
   * such a value are not moved with the text: give a fingerprint only to values whose runs keep no ranges of other
   * resources, or the run is simply computed again.
   */
  shared<T>(key: string, compute: (context: CfnRuleContext) => T, fingerprint?: (value: T) => string): T;
}
