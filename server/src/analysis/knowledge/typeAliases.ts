// Resource types that are the same resource under another name: AWS provider aliases (aws_alb is aws_lb) and
// legacy siblings with the same settings (aws_elasticsearch_domain beside aws_opensearch_domain). A rule that
// reads the main type reads these too, unless it is listed in `except` (a setting the sibling lacks).
// Sources: AWS provider docs for aws_lb ("aws_alb is known as aws_lb. The functionality is identical."),
// aws_lb_listener (same for aws_alb_listener), aws_lb_target_group and aws_lb_listener_rule;
// aws_elasticsearch_domain (the Elasticsearch-era resource, same encrypt_at_rest, node_to_node_encryption,
// domain_endpoint_options, vpc_options, advanced_security_options and log_publishing_options blocks).

export interface TypeAlias {
  /** The other name. */
  readonly type: string;
  /** The type rules are written for. */
  readonly sameAs: string;
  readonly format: 'cloudformation' | 'terraform';
  readonly note: string;
  /** Rule ids that do not apply to the alias (the setting does not exist there). */
  readonly except?: readonly string[];
}

export const TYPE_ALIASES: readonly TypeAlias[] = [
  { type: 'aws_alb', sameAs: 'aws_lb', format: 'terraform', note: 'alias of aws_lb (AWS provider)' },
  { type: 'aws_alb_listener', sameAs: 'aws_lb_listener', format: 'terraform', note: 'alias of aws_lb_listener (AWS provider)' },
  { type: 'aws_alb_target_group', sameAs: 'aws_lb_target_group', format: 'terraform', note: 'alias of aws_lb_target_group (AWS provider)' },
  { type: 'aws_alb_listener_rule', sameAs: 'aws_lb_listener_rule', format: 'terraform', note: 'alias of aws_lb_listener_rule (AWS provider)' },
  {
    type: 'aws_elasticsearch_domain',
    sameAs: 'aws_opensearch_domain',
    format: 'terraform',
    note: 'legacy Elasticsearch resource, same security blocks as aws_opensearch_domain',
    // software_update_options exists only on aws_opensearch_domain.
    except: ['opensearch-software-update'],
  },
];

/**
 * `types` with their aliases added (for a rule with this id), in order, without duplicates.
 * Example: (['aws_lb'], 'terraform', 'alb-access-logs') -> ['aws_lb', 'aws_alb'].
 */
export function withAliases(types: readonly string[], format: 'cloudformation' | 'terraform', ruleId: string): string[] {
  const result = [...types];
  for (const alias of TYPE_ALIASES) {
    if (alias.format !== format || !types.includes(alias.sameAs) || alias.except?.includes(ruleId)) continue;
    if (!result.includes(alias.type)) result.push(alias.type);
  }
  return result;
}

/** The type rules are written for: `aws_alb` -> `aws_lb`; any other type unchanged. */
export function canonicalType(type: string): string {
  return TYPE_ALIASES.find((alias) => alias.type === type)?.sameAs ?? type;
}
