// A count axis' ticks: from 0 to a round maximum at or above the data, in 1/2/2.5/5 × 10ⁿ steps,
// as charts usually draw them (components/charts/daily-plot.tsx).

const STEPS = [1, 2, 2.5, 5, 10];

/** Ticks 0, step, …, max with max ≥ `top` and about `count` intervals; [0, 1] when `top` is 0. */
export function countTicks(top: number, count = 4): number[] {
  if (!(top > 0) || !Number.isFinite(top)) return [0, 1];
  const raw = top / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  // Whole numbers only (these are message counts): 2.5 is skipped where it would make a fraction.
  const unit = STEPS.find((s) => s * power >= raw && Number.isInteger(s * power)) ?? 10;
  const step = Math.max(1, unit * power);
  const intervals = Math.ceil(top / step - 1e-9);
  return Array.from({ length: intervals + 1 }, (_, i) => i * step);
}
