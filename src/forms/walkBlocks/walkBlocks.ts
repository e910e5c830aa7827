import type { IssuePath } from '../../issues/issue.ts';
import type { Block } from '../../schema/content/content.ts';
import type { Report } from '../../schema/report/report.ts';

/**
 * Calls `visit` for every block of a report — section contents (recursively) and attachment
 * contents — in document order, with the block's path from the report's root.
 *
 * @param report The report.
 * @param visit Called with each block and its path.
 */
export function walkBlocks(report: Report, visit: (block: Block, path: IssuePath) => void): void {
  const walk = (blocks: readonly Block[], path: IssuePath): void => {
    blocks.forEach((block, index) => {
      const here = [...path, index];
      visit(block, here);
      if (typeof block === 'object' && 'heading' in block && block.content !== undefined) walk(block.content, [...here, 'content']);
    });
  };
  walk(report.sections, ['sections']);
  report.attachments?.forEach((attachment, index) => walk(attachment.content, ['attachments', index, 'content']));
}
