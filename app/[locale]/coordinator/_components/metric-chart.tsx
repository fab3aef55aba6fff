import { getFormatter } from 'next-intl/server';
import { chartGeometry, type ChartPoint } from '@/lib/metrics/chart';

/**
 * One metric over the weeks as an SVG drawn on the server: no chart code in the browser, no
 * request anywhere. Suppressed weeks are gaps, never a number. The table beside it is the
 * accessible form, so the drawing is hidden from screen readers.
 */
export async function MetricChart({ points, percent, target }: { points: ChartPoint[]; percent?: boolean; target?: number }) {
  const format = await getFormatter();
  const value = (v: number) => (percent ? format.number(v, { style: 'percent', maximumFractionDigits: 0 }) : format.number(v));
  const week = (w: string) => format.dateTime(new Date(w), { day: 'numeric', month: 'short' });
  const g = chartGeometry(points, { percent, target });
  return (
    <svg viewBox={`0 0 ${g.width} ${g.height}`} className="h-auto w-full" aria-hidden="true" data-chart="metric" fontSize="11">
      {g.yTicks.map((t) => (
        <g key={t.value}>
          <line x1={g.left} x2={g.right} y1={t.y} y2={t.y} stroke="#e7e5e4" />
          <text x={g.left - 6} y={t.y} dy="0.35em" textAnchor="end" fill="#57534e">{value(t.value)}</text>
        </g>
      ))}
      {g.xTicks.map((t) => (
        <text key={t.week} x={t.x} y={g.height - 6} textAnchor={t.x >= g.right ? 'end' : 'middle'} fill="#57534e">{week(t.week)}</text>
      ))}
      {g.targetY !== undefined && <line x1={g.left} x2={g.right} y1={g.targetY} y2={g.targetY} stroke="#b45309" strokeDasharray="4 4" />}
      {g.paths.map((d) => (
        <path key={d} d={d} fill="none" stroke="#5b21b6" strokeWidth="2" />
      ))}
      {g.dots.map((d) => (
        <circle key={`${d.x}`} cx={d.x} cy={d.y} r="3" fill="#5b21b6" />
      ))}
    </svg>
  );
}
