import type { LabIssue } from '@euroflex/config';

/**
 * Keep at most `maxPerCode` issues of each (file, code, path) and replace the rest by one
 * summary issue that counts them, so that a file with a wrong column in every row reads
 * as a handful of lines rather than 35,000. The summary carries the first omitted row.
 */
export function capIssues(issues: readonly LabIssue[], maxPerCode: number): LabIssue[] {
  if (!Number.isFinite(maxPerCode)) {
    return [...issues];
  }
  const seen = new Map<string, number>();
  const omitted = new Map<string, { first: LabIssue; count: number }>();
  const kept: LabIssue[] = [];
  for (const issue of issues) {
    const key = `${issue.file ?? ''}\u0000${issue.code}\u0000${issue.path}`;
    const count = (seen.get(key) ?? 0) + 1;
    seen.set(key, count);
    if (count <= maxPerCode) {
      kept.push(issue);
      continue;
    }
    const entry = omitted.get(key);
    if (entry === undefined) {
      omitted.set(key, { first: issue, count: 1 });
    } else {
      entry.count += 1;
    }
  }
  for (const { first, count } of omitted.values()) {
    kept.push({
      ...first,
      message: `${count} more row${count === 1 ? '' : 's'} with the same problem (${first.code}) not listed, the first at this row; fix them the same way`,
    });
  }
  return kept;
}
