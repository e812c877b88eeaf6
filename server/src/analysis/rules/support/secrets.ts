// What a secret looks like, shared by every rule that looks for credentials written into a template or module:
// environment variables (Lambda, ECS, CodeBuild), SSM parameters, user data, database passwords.

const SECRET_NAME = /(passw(or)?d|passwd|pwd|secret|token|api[-_]?key|private[-_]?key|credential|auth[-_]?key|access[-_]?key|client[-_]?key)/i;
/** Names that hold a pointer to a secret, or a property of it, rather than the secret itself. */
const REFERENCE_NAME = /(arn|name|names|id|ids|url|uri|path|endpoint|region|file|param|parameter|ttl|length|expiry|expiration|header|type|version|table|bucket|queue|topic|key[-_]?id|env|enabled|location|prefix|field)$/i;
const ACCESS_KEY_ID = /\b(AKIA|ASIA)[0-9A-Z]{16}\b/;
const PRIVATE_KEY = /-----BEGIN [A-Z ]*PRIVATE KEY-----/;
/**
 * `password=...`, `export DB_PASSWORD="..."`, `aws_secret_access_key = ...` inside a script, with a literal value.
 * Bounded name length and no nested stars: linear on any input (user data can be large).
 */
const ASSIGNMENT = /\b([A-Za-z_][A-Za-z0-9_]{0,63})[ \t]*[:=][ \t]*["']?([^\s"'$`{}()]{6,200})/g;
const ASSIGNED_SECRET_NAME = /(passw(or)?d|secret|token|api[-_]?key|access[-_]?key)/i;
/** Scripts longer than this are scanned up to it: a credential is a line of setup, not a megabyte in. */
const MAX_SCANNED = 256 * 1024;

/** Names that look like a credential, but not like where one is kept (an ARN, a name, a path). */
export function looksLikeCredentialName(name: string): boolean {
  const words = name.replace(/([a-z0-9])([A-Z])/g, '$1_$2');
  return SECRET_NAME.test(words) && !REFERENCE_NAME.test(words);
}

/** Why a literal value under `name` looks like a secret, or undefined. */
export function looksLikeSecret(name: string, value: string): string | undefined {
  const text = value.trim();
  if (text === '' || text.startsWith('{{resolve:')) return undefined;
  if (ACCESS_KEY_ID.test(text)) return 'an AWS access key id';
  if (PRIVATE_KEY.test(text)) return 'a private key';
  if (!looksLikeCredentialName(name)) return undefined;
  if (/^(arn:|https?:\/\/|\/|\$\{)/.test(text) || /^(true|false|yes|no|none|null|\d+)$/i.test(text) || text.length < 4) return undefined;
  return 'a literal secret';
}

/** A secret written inside a script or document (user data), described, or undefined. */
export function secretInText(fullText: string): string | undefined {
  const text = fullText.length > MAX_SCANNED ? fullText.slice(0, MAX_SCANNED) : fullText;
  if (ACCESS_KEY_ID.test(text)) return 'an AWS access key id';
  if (PRIVATE_KEY.test(text)) return 'a private key';
  for (const match of text.matchAll(ASSIGNMENT)) {
    const [, name, value] = match;
    if (!ASSIGNED_SECRET_NAME.test(name) || /^(\{\{resolve:|arn:|\/)/.test(value)) continue;
    return `a literal value for ${name}`;
  }
  return undefined;
}
