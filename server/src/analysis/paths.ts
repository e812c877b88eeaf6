// Path arithmetic on plain strings (POSIX and Windows separators), so the core needs no `path` or `fs`.

export function dirname(path: string): string {
  const index = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  if (index < 0) return '.';
  return index === 0 ? path.slice(0, 1) : path.slice(0, index);
}

export function basename(path: string): string {
  return path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
}

/** Joins and normalises `.` and `..` segments, keeping the first path's separator style. */
export function joinPath(base: string, relative: string): string {
  const separator = base.includes('\\') && !base.includes('/') ? '\\' : '/';
  const absolute = base.startsWith('/') || base.startsWith('\\');
  const parts: string[] = [];
  for (const segment of `${base}/${relative}`.split(/[\\/]+/)) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..' && parts.length > 0 && parts[parts.length - 1] !== '..') parts.pop();
    else parts.push(segment);
  }
  // A relative path that climbs back to where it started is the current folder ('.'), as dirname says, never ''.
  if (!absolute && parts.length === 0) return '.';
  return (absolute ? separator : '') + parts.join(separator);
}
