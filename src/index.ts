// The public API of gov-report-pdf: every export is listed here by name.
export { renderReport, createRenderer } from './api/createRenderer.ts';
export type { Renderer, RendererOptions } from './api/createRenderer.ts';
export type { RenderOptions, RenderResult, FontRole, FontFileSpec, ResourcePolicy } from './api/options.ts';

export { createRenderPool } from './pool/createRenderPool.ts';
export type { PoolCheckResult, PoolRenderOptions, RenderPool, RenderPoolOptions, RenderPoolStats } from './pool/createRenderPool.ts';

export { validateReport } from './schema/validateReport/validateReport.ts';
export type { ReportValidation } from './schema/validateReport/validateReport.ts';
export { reportJsonSchema } from './schema/jsonSchema/jsonSchema.ts';
export { createReportSchema, reportSchema } from './schema/report/report.ts';
export type { Report, ReportInput, ReportMeta } from './schema/report/report.ts';
export type { Attachment, Block, BlockInput, ImageSpec, Paragraph, Section, SectionInput } from './schema/content/content.ts';
export type { CellValue, HeaderNode, RowNode, TableBand, TableInput, TableSpec } from './schema/table/table.ts';
export type { FormBlock, FormBlockInput } from './schema/forms/forms.ts';
export { DEFAULT_LIMITS } from './schema/limits/limits.ts';
export { resolveLimits } from './schema/limits/resolveLimits.ts';
export type { InputLimits } from './schema/limits/limits.ts';
export { layoutPresetSchema } from './schema/layoutPreset/layoutPreset.ts';
export type { LayoutPreset, LayoutPresetInput, LayoutPresetName } from './schema/layoutPreset/layoutPreset.ts';
export { builtinPresetNames, resolvePreset } from './render/presets/resolvePreset.ts';

export { resolveForms, createFormSkeleton } from './forms/index.ts';
export type { ResolveFormsOptions, ResolveFormsResult } from './forms/index.ts';
export type { FormValueKeys, ResolvedAttachment, ResolvedBlock, ResolvedReport, ResolvedSection, ResolvedTableBlock, TableSource } from './forms/index.ts';

export { formatIssue } from './issues/createIssue.ts';
export { formatPath } from './issues/formatPath.ts';
export type { BilingualText, IssuePath, IssuePathSegment, IssueSeverity, ReportIssue } from './issues/issue.ts';

export {
  GovReportError,
  ReportValidationError,
  StrictModeRefusalError,
  LayoutPresetError,
  FontError,
  InputLimitError,
  ResourceDeniedError,
  ImageError,
  RenderFailedError,
  RenderTimeoutError,
  QueueFullError,
  RenderAbortedError,
  WorkerMemoryError,
  PlanMismatchError,
  InvalidArgumentError,
} from './errors/errors.ts';
export type { GovReportErrorCode } from './errors/errors.ts';

export type { LayoutPlan, PlannedPage, PlacedItem, PlacedText, PlacedRule, PlacedImage, DocumentInfo } from './layout/plan/plan.ts';
