// Every rule's examples, one file per family of services. Read by tests (and documentation), never by the core.
import * as compute from './compute';
import * as containers from './containers';
import * as data from './data';
import * as databases from './databases';
import * as edge from './edge';
import * as network from './network';
import * as security from './security';
import * as serverless from './serverless';
import * as storage from './storage';
import type { RuleExamples } from './types';

export type { Example, ExpectedFinding, ReaderExamples, RuleExamples } from './types';

const FAMILIES = [compute, containers, data, databases, edge, network, security, serverless, storage];

export const RULE_EXAMPLES: readonly RuleExamples[] = FAMILIES.flatMap((family) => family.EXAMPLES);

/** Readers (rule id:format) still without examples. */
export const PENDING_EXAMPLES: ReadonlySet<string> = new Set(FAMILIES.flatMap((family) => family.PENDING));
