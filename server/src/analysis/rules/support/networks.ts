// Address ranges compared as networks, not as text: "::/0", "::0/0", "0:0:0:0:0:0:0:0/0" and "10.0.0.0/0" are all
// the whole internet. AWS canonicalizes the CIDRs it is given (100.68.0.18/18 becomes 100.68.0.0/18, EC2 API
// reference, IpRange/Ipv6Range), so a prefix length of 0 covers every address whatever the address bits say.
import type { ScalarValue } from '../../types';

/** A parsed CIDR block: the IP version and the prefix length. */
export interface Cidr {
  readonly version: 4 | 6;
  readonly prefix: number;
}

const IPV4_OCTET = /^\d{1,3}$/;
const IPV6_GROUP = /^[0-9a-f]{1,4}$/i;

function ipv4(text: string): boolean {
  const parts = text.split('.');
  return parts.length === 4 && parts.every((part) => IPV4_OCTET.test(part) && Number(part) <= 255);
}

/** How many 16-bit groups an IPv6 address spells (a trailing dotted IPv4 counts two), or undefined when invalid. */
function ipv6Groups(text: string): number | undefined {
  if (text === '') return 0;
  const parts = text.split(':');
  let groups = 0;
  for (const [index, part] of parts.entries()) {
    if (index === parts.length - 1 && part.includes('.')) {
      if (!ipv4(part)) return undefined;
      groups += 2;
    } else if (IPV6_GROUP.test(part)) groups += 1;
    else return undefined;
  }
  return groups;
}

function ipv6(text: string): boolean {
  const halves = text.split('::');
  if (halves.length > 2) return false;
  if (halves.length === 1) return ipv6Groups(text) === 8;
  const head = ipv6Groups(halves[0]);
  const tail = ipv6Groups(halves[1]);
  return head !== undefined && tail !== undefined && head + tail <= 7;
}

/** The CIDR block a value spells (IPv4 or IPv6, any case, leading zeros, compressed or not), or undefined. */
export function parseCidr(value: ScalarValue | undefined): Cidr | undefined {
  if (typeof value !== 'string') return undefined;
  const slash = value.indexOf('/');
  if (slash < 0) return undefined;
  const address = value.slice(0, slash);
  const length = value.slice(slash + 1);
  if (!/^\d{1,3}$/.test(length)) return undefined;
  const prefix = Number(length);
  if (ipv4(address)) return prefix <= 32 ? { version: 4, prefix } : undefined;
  if (address.includes(':') && ipv6(address)) return prefix <= 128 ? { version: 6, prefix } : undefined;
  return undefined;
}

/** True when a value is a CIDR block covering every address of its IP version (prefix length 0): the internet. */
export function isWorldCidr(value: ScalarValue | undefined): boolean {
  return parseCidr(value)?.prefix === 0;
}
