/**
 * Every number that decides whether a visual test passes, in one place (ANCHORS: "thresholds live
 * in one setup file"). Change a value here, never in a test, and say why in the commit.
 */

/**
 * Scale of the PNG renders: pixels per PDF point. 1.2 gives an A4 page of 714 × 1010 px.
 * Measured with 10.5–12 pt table digits (test fixtures, pdfmake + Noto Sans SC): at scale 1.0 a
 * one-digit change (201 → 207) differed by only 2 px after pixelmatch's anti-aliasing filter — too
 * close to noise; at 1.2 the smallest one-digit change over all digit pairs was 6 px. A text-heavy
 * A4 page at 1.2 encodes to well under the 150 KB budget per golden. Scale 2 would roughly triple
 * render time and golden size without catching more of the failures we look for.
 */
export const RENDER_SCALE = 1.2;

/**
 * pixelmatch's colour threshold (0–1, OKLab distance; its default is 0.1). 0.1 ignores
 * anti-aliasing noise but counts any glyph or rule that moved or changed. Renders are
 * deterministic on one machine (same PDF → identical PNG), so this only matters across machines.
 */
export const PIXELMATCH_THRESHOLD = 0.1;

/**
 * Most differing pixels a page may have and still match its golden. On one machine kind the same
 * PDF renders to identical PNG bytes, so any difference is a real change; the slack of 3 px only
 * absorbs anti-aliasing drift between machines. It is kept below the smallest one-digit change
 * measured at {@link RENDER_SCALE} (6 px), so a changed number in a table fails.
 */
export const MAX_DIFF_PIXELS = 3;

/**
 * A pixel counts as "ink" for the blank-page check when any RGB channel is below this value
 * (on 0–255) and it is not transparent.
 */
export const INK_CHANNEL_MAX = 200;

/**
 * A page is blank when fewer than this many pixels are ink. Any real page of a report (a folio
 * at least) has hundreds; the Node 20 pdfjs failure gives exactly 0.
 */
export const MIN_INK_PIXELS = 50;
