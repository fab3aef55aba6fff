'use client';

import { useFormatter } from 'next-intl';
import { CartesianGrid, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';

export interface ChartPoint {
  week: string;
  value: number | null;
}

/**
 * One metric over the weeks, drawn in the browser from data in the page (no request anywhere).
 * Suppressed weeks are null: a gap, never a number. The table beside it is the accessible form.
 */
export function MetricChart({ points, percent, target, label }: { points: ChartPoint[]; percent?: boolean; target?: number; label: string }) {
  const format = useFormatter();
  const value = (v: number) => (percent ? format.number(v, { style: 'percent', maximumFractionDigits: 1 }) : format.number(v));
  const week = (w: string) => format.dateTime(new Date(w), { day: 'numeric', month: 'short' });
  return (
    <div className="h-48 w-full" aria-hidden="true" title={label}>
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={points} margin={{ top: 8, right: 8, bottom: 0, left: 0 }} accessibilityLayer={false}>
          <CartesianGrid stroke="#e7e5e4" vertical={false} />
          <XAxis dataKey="week" tickFormatter={week} tick={{ fontSize: 11 }} interval="preserveStartEnd" />
          <YAxis tickFormatter={value} tick={{ fontSize: 11 }} width={48} domain={percent ? [0, 1] : [0, 'auto']} allowDecimals={!!percent} />
          <Tooltip formatter={(v) => (typeof v === 'number' ? value(v) : '—')} labelFormatter={(w) => week(String(w))} />
          {target !== undefined && <ReferenceLine y={target} stroke="#b45309" strokeDasharray="4 4" />}
          <Line type="monotone" dataKey="value" stroke="#5b21b6" strokeWidth={2} dot={{ r: 3 }} connectNulls={false} isAnimationActive={false} />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
