import { useIntl } from 'react-intl';
import type { IndicatorValue } from '../../api/indicators.ts';

/**
 * Values as points with their 95% interval bars, one per row (at most 60 shown), in the order of the table. Always
 * drawn left to right: the axis is a sequence of keys, not text.
 */
export function ValueChart({ rows, by, label }: { rows: readonly IndicatorValue[]; by: readonly string[]; label: string }) {
  const intl = useIntl();
  const shown = rows.filter((r) => r.value !== null).slice(0, 60);
  if (shown.length === 0) return null;
  const W = 640;
  const H = 220;
  const pad = { l: 56, r: 12, t: 12, b: 40 };
  const max = Math.max(...shown.map((r) => r.upper ?? r.value ?? 0), 1e-9) * 1.05;
  const step = (W - pad.l - pad.r) / shown.length;
  const xAt = (i: number) => pad.l + step * (i + 0.5);
  const yAt = (v: number) => H - pad.b - (v / max) * (H - pad.t - pad.b);
  const keyOf = (r: IndicatorValue) => [...by.map((k) => r[k]), r.source].filter(Boolean).join(' · ');
  return (
    <svg role="img" aria-label={label} viewBox={`0 0 ${W} ${H}`} className="value-chart" direction="ltr">
      <title>{label}</title>
      <line x1={pad.l} y1={H - pad.b} x2={W - pad.r} y2={H - pad.b} stroke="currentColor" />
      <line x1={pad.l} y1={pad.t} x2={pad.l} y2={H - pad.b} stroke="currentColor" />
      {[0, max / 2, max].map((v) => (
        <text key={v} x={pad.l - 4} y={yAt(v) + 4} fontSize="11" textAnchor="end">
          {intl.formatNumber(v, { maximumSignificantDigits: 3 })}
        </text>
      ))}
      {shown.map((r, i) => (
        <g key={keyOf(r)}>
          <title>{`${keyOf(r)}: ${intl.formatNumber(r.value!, { maximumFractionDigits: 2 })}`}</title>
          {r.lower !== null && r.upper !== null && <line x1={xAt(i)} x2={xAt(i)} y1={yAt(r.lower)} y2={yAt(Math.min(r.upper, max))} stroke="#7a9cc6" strokeWidth={3} />}
          <circle cx={xAt(i)} cy={yAt(r.value!)} r={3.5} fill="#1f4e8c" />
        </g>
      ))}
      {shown.length <= 12 &&
        shown.map((r, i) => (
          <text key={`l${keyOf(r)}`} x={xAt(i)} y={H - pad.b + 14} fontSize="10" textAnchor="middle">
            {keyOf(r)}
          </text>
        ))}
    </svg>
  );
}
