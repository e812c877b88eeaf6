// What a rule sees of a Terraform module while it checks one resource instance.
import type { AnalysisSettings } from '../api';
import type { TfModule, TfResource } from './module';
import type { TfResolver } from './resolve';

export type { TfResource };

export interface TfRuleContext {
  readonly module: TfModule;
  readonly settings: AnalysisSettings;
  /** Bound to the instance being checked (each.key, count.index). */
  readonly resolver: TfResolver;
  /** The instance address (`aws_s3_bucket.logs["a"]`), for messages. */
  readonly address: string;
  resourcesOfType(type: string): readonly TfResource[];
  /** Resources of `childType` whose `link` argument points at `parent` (split settings such as aws_s3_bucket_versioning). */
  linked(parent: TfResource, childType: string, link: string): readonly TfResource[];
}
