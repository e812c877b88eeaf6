// Judgements over normalised policy statements: who a statement lets in, whether a condition limits them,
// which actions and resources it grants.
import type { ConditionEntry, PolicyField, PolicyPrincipal, PolicyStatement, PolicyString } from './document';

/** True when the statement's Effect is Allow (for some deployment); an Effect that cannot be read: see unknownEffect. */
export function allows(statement: PolicyStatement): boolean {
  return hasEffect(statement, 'allow');
}

/**
 * The Effect value that cannot be read (a parameter or variable without a value) of a statement that is not known
 * to allow: such a statement may be an Allow, so what it grants cannot be called absent.
 */
export function unknownEffect(statement: PolicyStatement): PolicyString | undefined {
  if (allows(statement)) return undefined;
  return statement.effect?.values.find((value) => value.value === undefined);
}

export function denies(statement: PolicyStatement): boolean {
  return hasEffect(statement, 'deny');
}

function hasEffect(statement: PolicyStatement, effect: 'allow' | 'deny'): boolean {
  const values = statement.effect?.values ?? [];
  return values.some((value) => value.value?.toLowerCase() === effect);
}

/** The `*` values of a principal: `Principal: "*"`, `{AWS: "*"}`, `{AWS: ["*"]}` (also CanonicalUser `*`). */
export function everyonePrincipals(principal: PolicyPrincipal | undefined): PolicyString[] {
  if (!principal) return [];
  const found: PolicyString[] = [];
  for (const entry of principal.entries) {
    if (!['*', 'AWS', 'CanonicalUser'].includes(entry.kind)) continue;
    for (const value of entry.values) if (value.value === '*') found.push(value);
  }
  return found;
}

/**
 * Condition keys that limit who can use a statement with a `*` principal to known accounts, organisations,
 * networks or calling resources.
 */
const RESTRICTING_KEYS = new Set([
  'aws:sourcearn', 'aws:sourceaccount', 'aws:sourceowner', 'aws:sourceorgid', 'aws:sourceorgpaths',
  'aws:principalorgid', 'aws:principalorgpaths', 'aws:principalaccount', 'aws:principalarn', 'aws:principalservicename',
  'aws:sourcevpce', 'aws:sourcevpc', 'aws:sourceip', 'aws:vpcsourceip', 'aws:userid', 'aws:username',
  'aws:resourceaccount', 'aws:resourceorgid', 'aws:calledvia',
  'kms:calleraccount', 'kms:viaservice', 'sts:externalid',
  's3:dataaccesspointaccount', 's3:dataaccesspointarn',
]);

/** The condition entries that limit who the statement applies to (see RESTRICTING_KEYS). */
export function restrictingConditions(statement: PolicyStatement): ConditionEntry[] {
  return statement.condition.filter(isRestricting);
}

function isRestricting(entry: ConditionEntry): boolean {
  const operator = entry.operator.toLowerCase();
  // `...IfExists` passes requests that lack the key; `Null` only tests presence.
  if (operator.endsWith('ifexists') || operator === 'null') return false;
  const key = entry.key.toLowerCase();
  if (!RESTRICTING_KEYS.has(key) && !key.startsWith('aws:principaltag/')) return false;
  // A wildcard value (StringLike "*") limits nothing.
  return !(entry.values.length > 0 && entry.values.every((value) => value.value === '*'));
}

/** True when a field (Action, Resource) may hold `*`. */
export function starValues(field: PolicyField | undefined): PolicyString[] {
  return (field?.values ?? []).filter((value) => value.value === '*');
}

/**
 * Values that cannot be known and may be `*`: no literal parts, or only `*` beside the unknown ones
 * (`arn:aws:s3:::${Bucket}/*` cannot be `*`; `${Resource}` can).
 */
export function mayBeStar(field: PolicyField | undefined): PolicyString[] {
  return (field?.values ?? []).filter((value) => value.value === undefined && (value.pattern === undefined || /^\**$/.test(value.pattern.replace(/\$\{[^}]*\}/g, ''))));
}

/** Action values that cannot be known and may be a service-wide wildcard (`${Service}:*`, a variable). */
export function mayBeServiceWildcard(field: PolicyField | undefined): PolicyString[] {
  return (field?.values ?? []).filter((value) => value.value === undefined && (value.pattern === undefined || /^[a-z0-9-]*:?\**$/i.test(value.pattern.replace(/\$\{[^}]*\}/g, ''))));
}

/** Service-wide wildcards such as `s3:*`. */
export function serviceWildcards(field: PolicyField | undefined): PolicyString[] {
  return (field?.values ?? []).filter((value) => value.value !== undefined && /^[a-z0-9-]+:\*$/i.test(value.value));
}

/** A Deny of requests that do not use TLS: `Bool` (or `BoolIfExists`) `aws:SecureTransport` false. */
export function isTlsDeny(statement: PolicyStatement): boolean {
  if (!denies(statement)) return false;
  return statement.condition.some((entry) =>
    /^bool(ifexists)?$/i.test(entry.operator)
    && entry.key.toLowerCase() === 'aws:securetransport'
    && entry.values.some((value) => value.value?.toLowerCase() === 'false'));
}

/** "statement 2" or "statement 'PublicRead'". */
export function statementLabel(statement: PolicyStatement): string {
  return statement.sid ? `statement '${statement.sid}'` : `statement ${statement.index}`;
}

/** A short list of the actions of a statement, for messages. */
export function actionSummary(statement: PolicyStatement): string {
  const values = statement.action?.values ?? [];
  if (values.length === 0) return statement.notAction ? 'every action but those in NotAction' : 'no action';
  const texts = [...new Set(values.map((value) => value.text))];
  const shown = texts.slice(0, 3).map((text) => `'${text}'`).join(', ');
  return texts.length > 3 ? `${shown} and ${texts.length - 3} more` : shown;
}
