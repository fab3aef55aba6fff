// Pure: the geometry of a dashboard chart (one metric over the weeks), drawn as SVG on the
// server, so the page sends no chart code. Suppressed weeks are null: a gap, never a point.

export interface ChartPoint {
  week: string;
  value: number | null;
}

export interface ChartGeometry {
  width: number;
  height: number;
  /** The plot's left and right edge and its baseline (value 0). */
  left: number;
  right: number;
  bottom: number;
  /** One SVG path per run of weeks with a figure. */
  paths: string[];
  dots: { x: number; y: number }[];
  yTicks: { y: number; value: number }[];
  xTicks: { x: number; week: string }[];
  /** Where the target line sits, if there is a target. */
  targetY?: number;
}

export const CHART = { width: 320, height: 176, left: 52, right: 8, top: 10, bottom: 22 } as const;

/** The smallest 1, 2 or 5 × 10^k at or above v (at least 1): the axis' top for counts. */
export function niceCeiling(v: number): number {
  if (!(v > 1)) return 1;
  const power = 10 ** Math.floor(Math.log10(v));
  return ([1, 2, 5, 10].map((m) => m * power).find((c) => c >= v - 1e-9) ?? 10 * power);
}

export function chartGeometry(points: ChartPoint[], options: { percent?: boolean; target?: number } = {}): ChartGeometry {
  const { width, height, left, right, top, bottom } = CHART;
  const values = points.map((p) => p.value).filter((v): v is number => v !== null);
  const max = options.percent ? 1 : niceCeiling(Math.max(0, ...values, options.target ?? 0));
  const plotRight = width - right;
  const base = height - bottom;
  const x = (i: number) => (points.length < 2 ? left : left + (i * (plotRight - left)) / (points.length - 1));
  const y = (v: number) => base - (Math.min(Math.max(v, 0), max) / max) * (base - top);
  const round = (n: number) => Math.round(n * 10) / 10;

  const paths: string[] = [];
  const dots: { x: number; y: number }[] = [];
  let run: string[] = [];
  points.forEach((p, i) => {
    if (p.value === null) {
      if (run.length > 1) paths.push(run.join(' '));
      run = [];
      return;
    }
    const at = { x: round(x(i)), y: round(y(p.value)) };
    dots.push(at);
    run.push(`${run.length === 0 ? 'M' : 'L'}${at.x} ${at.y}`);
  });
  if (run.length > 1) paths.push(run.join(' '));

  // Every third week labelled, counted back from the latest, which is always labelled.
  const xTicks = points.flatMap((p, i) => ((points.length - 1 - i) % 3 === 0 ? [{ x: round(x(i)), week: p.week }] : []));
  return {
    width,
    height,
    left,
    right: plotRight,
    bottom: base,
    paths,
    dots,
    // Halfway only where it is a whole number or a rate: a count axis never says 2.5.
    yTicks: (options.percent || Number.isInteger(max / 2) ? [0, max / 2, max] : [0, max]).map((value) => ({ y: round(y(value)), value })),
    xTicks,
    ...(options.target === undefined ? {} : { targetY: round(y(options.target)) }),
  };
}
