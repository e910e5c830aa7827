/**
 * Marks a pdfmake text node as one line the plan already set (one face and size, not wrapped,
 * absolutely placed, nothing else styled): pdfmake then measures it without its style stack
 * (`installPlacedTextMeasure` in src/render/fonts/pdfmakeRuntime.ts).
 * @internal
 */
export const PLACED_TEXT = '_govReportPlaced';
