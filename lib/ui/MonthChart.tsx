import styles from './month-chart.module.css';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * Entries per month as an SVG bar chart, drawn on the server: readable without JavaScript, each
 * count written above its bar, colours from the page's CSS variables (so light and dark follow
 * prefers-color-scheme), and a title per bar for screen readers.
 */
export function MonthChart({ counts, label }: { counts: readonly number[]; label: string }) {
  const max = Math.max(1, ...counts);
  const width = 600;
  const height = 200;
  const top = 22;
  const bottom = 24;
  const slot = width / 12;
  const barWidth = slot * 0.6;
  return (
    <svg className={styles.chart} viewBox={`0 0 ${width} ${height}`} role="img" aria-labelledby="month-chart-title" data-testid="month-chart">
      <title id="month-chart-title">{label}</title>
      <line className={styles.axis} x1={0} x2={width} y1={height - bottom} y2={height - bottom} />
      {counts.map((count, i) => {
        const h = ((height - top - bottom) * count) / max;
        const x = i * slot + (slot - barWidth) / 2;
        const y = height - bottom - h;
        return (
          <g key={MONTHS[i]} data-month={i + 1} data-count={count}>
            <title>{`${MONTHS[i]}: ${count}`}</title>
            {count > 0 && <rect className={styles.bar} x={x} y={y} width={barWidth} height={h} rx={3} />}
            <text className={styles.count} x={x + barWidth / 2} y={y - 6} textAnchor="middle">
              {count}
            </text>
            <text className={styles.month} x={x + barWidth / 2} y={height - 6} textAnchor="middle">
              {MONTHS[i]}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
