// The allowlist of electronegativity findings (.electronegativity-allow.json): each entry names a check id, a
// repository file and the reason the finding is not a real issue. Matched on check and file, not line, so an
// edit elsewhere in the file does not invalidate it; an entry that matches nothing is stale and fails the run.

/**
 * Parses the allowlist text: `{ "allow": [{ "check", "file", "reason" }] }`, every field a non-empty string,
 * no other keys, no duplicate check+file. Throws an Error naming the bad entry.
 */
export function readAllowlist(text) {
  const data = JSON.parse(text);
  const entries = data?.allow;
  if (!Array.isArray(entries)) throw new Error('allowlist: "allow" must be an array');
  const seen = new Set();
  return entries.map((entry, index) => {
    const keys = Object.keys(entry ?? {}).sort().join(',');
    if (keys !== 'check,file,reason') throw new Error(`allowlist entry ${index}: needs exactly check, file and reason (has ${keys || 'nothing'})`);
    for (const key of ['check', 'file', 'reason']) {
      if (typeof entry[key] !== 'string' || entry[key].trim() === '') throw new Error(`allowlist entry ${index}: ${key} must be a non-empty string`);
    }
    const id = `${entry.check} ${entry.file}`;
    if (seen.has(id)) throw new Error(`allowlist entry ${index}: ${id} is listed twice`);
    seen.add(id);
    return { check: entry.check, file: entry.file, reason: entry.reason };
  });
}

/**
 * Splits findings (`{ check, file, ... }`) into those an allowlist entry explains and those none does, and
 * lists the entries that explain no finding (stale excuses).
 */
export function compareWithAllowlist(findings, allowlist) {
  const key = (x) => `${x.check}\u0000${x.file}`;
  const allowed = new Set(allowlist.map(key));
  const found = new Set(findings.map(key));
  return {
    explained: findings.filter((f) => allowed.has(key(f))),
    unexplained: findings.filter((f) => !allowed.has(key(f))),
    stale: allowlist.filter((a) => !found.has(key(a))),
  };
}
