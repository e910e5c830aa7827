import type { TableSource } from '../../forms/resolvedReport/resolvedReport.ts';
import type { IssuePath } from '../../issues/issue.ts';
import type { ImageSpec } from '../../schema/content/content.ts';
import type { TableSpec } from '../../schema/table/table.ts';
import type { TextRun } from '../../text/breakLines/breakLines.ts';
import type { OutlineMark } from '../plan/plan.ts';

/**
 * A report flattened into the order things are printed, with numbers produced and faces chosen,
 * but nothing measured yet. Each block keeps its JSON path for messages.
 */
export type FlowBlock =
  | { readonly kind: 'title'; readonly lines: readonly string[]; readonly explicit: boolean; readonly path: IssuePath }
  | { readonly kind: 'paragraph'; readonly runs: readonly TextRun[]; readonly paths: readonly IssuePath[] }
  | {
      readonly kind: 'heading';
      readonly level: number;
      readonly runs: readonly TextRun[];
      readonly paths: readonly IssuePath[];
      readonly outline: OutlineMark;
    }
  | {
      readonly kind: 'table';
      readonly table: TableSpec;
      /** Where it came from (form, shorthand, header trees): decides the paths of its cells. */
      readonly source: TableSource;
      /** Path of the table (a generic table) or of the form block it was made from. */
      readonly path: IssuePath;
    }
  | { readonly kind: 'image'; readonly image: ImageSpec; readonly path: IssuePath }
  | {
      readonly kind: 'attachment';
      readonly label: string;
      readonly title?: string;
      readonly landscape: boolean;
      readonly path: IssuePath;
      readonly outline: OutlineMark;
    }
  | { readonly kind: 'signature'; readonly issuer?: string; readonly issuerPath: IssuePath; readonly date?: string; readonly path: IssuePath }
  | { readonly kind: 'dateLine'; readonly text: string; readonly path: IssuePath };
