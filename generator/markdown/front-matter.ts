/**
 * Graph pages' front matter is a flat list of `key: value` scalars (title, description, doc_type, ...). That
 * is all the generator reads, so a full YAML parser would be a dependency for nothing.
 */
export function readFrontMatter(yaml: string): Record<string, string> {
  const result: Record<string, string> = {};
  for (const line of yaml.split(/\r?\n/)) {
    const match = /^([A-Za-z_][\w.-]*)\s*:\s*(.*)$/.exec(line);
    if (!match) continue;
    let value = match[2].trim();
    if ((value.startsWith('"') && value.endsWith('"')) || (value.startsWith("'") && value.endsWith("'"))) {
      value = value.slice(1, -1);
    }
    result[match[1]] = value;
  }
  return result;
}
