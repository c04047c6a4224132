import { usePage } from '../../web/page-context.js';
import { CHART, barLayout, type BarRow } from './bar-layout.js';

/**
 * A horizontal bar chart drawn on the server as SVG: a titled, described image (role="img") whose
 * numbers are also in the table that follows it, for screen readers and for anyone who prefers them.
 */
export function BarChart({
  id,
  title,
  description,
  rows,
  labelHeader,
  valueHeader,
  totalHeader,
  empty,
}: {
  id: string;
  title: string;
  description: string;
  rows: BarRow[];
  labelHeader: string;
  valueHeader: string;
  totalHeader?: string;
  empty: string;
}) {
  const { formatNumber } = usePage();
  const { height, bars } = barLayout(rows);
  const barX = CHART.labelWidth;
  const offset = (CHART.rowHeight - CHART.barHeight) / 2;
  return (
    <section class="chart" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{title}</h2>
      {rows.every((row) => row.value === 0 && !row.total) ? (
        <p>{empty}</p>
      ) : (
        <>
          <svg
            viewBox={`0 0 ${CHART.width} ${height}`}
            role="img"
            aria-labelledby={`${id}-title ${id}-desc`}
            preserveAspectRatio="xMinYMin meet"
          >
            <title id={`${id}-title`}>{title}</title>
            <desc id={`${id}-desc`}>{description}</desc>
            {bars.map((bar, index) => {
              const row = rows[index];
              const end = barX + Math.max(bar.valueWidth, bar.totalWidth ?? 0);
              return (
                <g>
                  <text
                    class="chart-label"
                    x={barX - CHART.valueGap}
                    y={bar.y + CHART.rowHeight / 2}
                    text-anchor="end"
                    dominant-baseline="middle"
                  >
                    {bar.label}
                  </text>
                  {bar.totalWidth !== undefined ? (
                    <rect
                      class="chart-total"
                      x={barX}
                      y={bar.y + offset}
                      width={bar.totalWidth}
                      height={CHART.barHeight}
                    />
                  ) : null}
                  <rect
                    class="chart-bar"
                    x={barX}
                    y={bar.y + offset}
                    width={bar.valueWidth}
                    height={CHART.barHeight}
                  />
                  <text
                    class="chart-value"
                    x={end + CHART.valueGap}
                    y={bar.y + CHART.rowHeight / 2}
                    dominant-baseline="middle"
                  >
                    {row.total === undefined
                      ? formatNumber(row.value)
                      : `${formatNumber(row.value)} / ${formatNumber(row.total)}`}
                  </text>
                </g>
              );
            })}
          </svg>
          <div class="table-wrap" tabindex={0}>
            <table aria-labelledby={`${id}-heading`}>
              <thead>
                <tr>
                  <th scope="col">{labelHeader}</th>
                  <th scope="col">{valueHeader}</th>
                  {totalHeader ? <th scope="col">{totalHeader}</th> : null}
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <tr>
                    <th scope="row">{row.label}</th>
                    <td>{formatNumber(row.value)}</td>
                    {totalHeader ? <td>{row.total === undefined ? '' : formatNumber(row.total)}</td> : null}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
