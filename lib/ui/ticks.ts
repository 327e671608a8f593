// Which axis labels to show, without measuring text in the DOM (components/charts/daily-plot.tsx, sender-plot.tsx).

/** Average glyph width of the 12 px interface font, digits and letters (a little generous). */
const GLYPH_PX = 0.62 * 12;
/** Space kept between two labels on an axis. */
const GAP_PX = 14;

/** The estimated width in px of a 12 px label. */
export function labelWidth(text: string): number {
  return text.length * GLYPH_PX;
}

/** Every how many labels to show one, so labels up to `widest` px fit `count` slots on `length` px. */
export function tickStep(count: number, length: number, widest: number): number {
  if (count <= 1 || !(length > 0)) return 1;
  return Math.max(1, Math.ceil((count * (widest + GAP_PX)) / length));
}

/** Whether label `index` of `count` shows at that step: counted from the last, which always shows. */
export function tickShown(index: number, count: number, step: number): boolean {
  return (count - 1 - index) % step === 0;
}
