import { isMap, isScalar, isSeq, type Document, type LineCounter, type Node } from 'yaml';
import type { LabIssue } from '../issues';

function lineOf(node: Node | null | undefined, lines: LineCounter): number | undefined {
  const offset = node?.range?.[0];
  return offset === undefined ? undefined : lines.linePos(offset).line;
}

/**
 * The 1-based line of the deepest node on `path` (a dotted LabIssue path) that exists
 * in the document: the key's line for mapping entries, so a missing field points at
 * its parent block.
 */
export function lineOfPath(doc: Document, lines: LineCounter, dottedPath: string): number | undefined {
  let node: unknown = doc.contents;
  let line = lineOf(doc.contents, lines);
  const segments = dottedPath === '' ? [] : dottedPath.split('.');
  for (const segment of segments) {
    if (isMap(node)) {
      const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === segment);
      if (pair === undefined) {
        break;
      }
      line = lineOf(pair.key as Node, lines) ?? line;
      node = pair.value;
    } else if (isSeq(node)) {
      const item: unknown = node.items[Number(segment)];
      if (item === undefined) {
        break;
      }
      line = lineOf(item as Node, lines) ?? line;
      node = item;
    } else {
      break;
    }
  }
  return line;
}

/** Issues with the `row` (line) of their path in the YAML document. */
export function withLines(issues: readonly LabIssue[], doc: Document, lines: LineCounter): LabIssue[] {
  return issues.map((issue) => {
    const row = lineOfPath(doc, lines, issue.path);
    return row === undefined ? issue : { ...issue, row };
  });
}
