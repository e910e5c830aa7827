import type { IssuePath } from './issue.ts';

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/u;

/**
 * Writes a path the way users read it in error messages: `sections[2].content[0]`.
 * Keys that are not identifiers are quoted (`data["本年新收"]`); the root is written `(root)`.
 *
 * @param path The path from the report's root.
 * @returns The path as text.
 */
export function formatPath(path: IssuePath): string {
  let text = '';
  for (const segment of path) {
    if (typeof segment === 'number') text += `[${segment}]`;
    else if (IDENTIFIER.test(segment)) text += text === '' ? segment : `.${segment}`;
    else text += `[${JSON.stringify(segment)}]`;
  }
  return text === '' ? '(root)' : text;
}
