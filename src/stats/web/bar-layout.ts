/** One bar: its label, its value and, for a part of a whole (places taken of places), the whole. */
export interface BarRow {
  label: string;
  value: number;
  total?: number;
}

export interface BarGeometry {
  label: string;
  /** Top of the bar's row. */
  y: number;
  /** Width of the value's bar and, when there is a whole, of the whole's bar. */
  valueWidth: number;
  totalWidth: number | undefined;
}

export const CHART = {
  width: 640,
  labelWidth: 230,
  valueGap: 8,
  valueRoom: 90,
  rowHeight: 30,
  barHeight: 18,
  labelLength: 32,
} as const;

/** Room left for bars: the chart's width less the labels and the numbers after the bars. */
export const BAR_ROOM = CHART.width - CHART.labelWidth - CHART.valueGap - CHART.valueRoom;

/** A label cut to fit beside the bars (the data table beside the chart keeps it whole). */
export function shortLabel(label: string, length: number = CHART.labelLength): string {
  const characters = [...label];
  return characters.length <= length ? label : `${characters.slice(0, length - 1).join('')}…`;
}

/**
 * Where each bar goes: one row per bar, widths on one scale (the largest value or whole fills the
 * room), a value above zero always at least a sliver wide so it never looks like nothing.
 */
export function barLayout(rows: BarRow[]): { height: number; bars: BarGeometry[] } {
  const largest = Math.max(0, ...rows.map((row) => Math.max(row.value, row.total ?? 0)));
  const scale = (value: number) =>
    largest === 0 || value <= 0 ? 0 : Math.max(2, Math.round((value / largest) * BAR_ROOM));
  return {
    height: Math.max(1, rows.length) * CHART.rowHeight,
    bars: rows.map((row, index) => ({
      label: shortLabel(row.label),
      y: index * CHART.rowHeight,
      valueWidth: scale(row.value),
      totalWidth: row.total === undefined ? undefined : scale(row.total),
    })),
  };
}
