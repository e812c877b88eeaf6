// Good and bad examples for every reader of every rule, in the style of eslint's RuleTester (valid / invalid)
// and trivy-checks' per-format examples. Data only: `test/unit/examples.test.ts` runs them, and fails when a
// reader of a rule has no good or no bad example. The core never imports this folder.
import type { Severity } from '../../types';

/** What one marked finding must say: its severity and fragments of its message. */
export interface ExpectedFinding {
  readonly severity?: Severity;
  /** Fragments the message must contain. */
  readonly message?: readonly string[];
}

export interface Example {
  /** One line saying what this example shows. */
  readonly name: string;
  /**
   * CloudFormation: a YAML template (`AWSTemplateFormatVersion` is added when absent) or, with `path` ending in
   * `.json`, a JSON template. Terraform: the text of `main.tf`. Bad examples mark each finding of the rule with
   * ⟦ and ⟧ around its exact range, in document order; good examples have no marks.
   */
  readonly code: string;
  /** File name, `template.yaml` or `main.tf` by default. */
  readonly path?: string;
  /** Terraform: other files of the same module (name -> text), e.g. a split resource or terraform.tfvars. */
  readonly files?: Readonly<Record<string, string>>;
  /** Per marked range, in order: what the finding must say. */
  readonly expect?: readonly ExpectedFinding[];
}

export interface ReaderExamples {
  /** Inputs the rule has nothing to say about (no finding of this rule). */
  readonly good: readonly Example[];
  /** Inputs with every finding of this rule marked. */
  readonly bad: readonly Example[];
}

export interface RuleExamples {
  readonly rule: string;
  readonly cloudformation?: ReaderExamples;
  readonly terraform?: ReaderExamples;
}
