import { BAR_ROOM, barLayout, shortLabel } from './bar-layout.js';

describe('bar chart layout', () => {
  it('puts every bar on one scale where the largest fills the room, one row each', () => {
    const { height, bars } = barLayout([
      { label: 'submitted', value: 10 },
      { label: 'approved', value: 5 },
      { label: 'rejected', value: 0 },
    ]);
    expect(height).toBe(90);
    expect(bars.map((bar) => bar.valueWidth)).toEqual([BAR_ROOM, Math.round(BAR_ROOM / 2), 0]);
    expect(bars.map((bar) => bar.y)).toEqual([0, 30, 60]);
  });

  it('scales a part and its whole together, and keeps a small value visible', () => {
    const { bars } = barLayout([
      { label: 'Almaty', value: 1, total: 500 },
      { label: 'Mons', value: 0, total: 5 },
    ]);
    expect(bars[0]).toMatchObject({ totalWidth: BAR_ROOM, valueWidth: 2 });
    expect(bars[1].valueWidth).toBe(0);
    expect(bars[1].totalWidth).toBe(Math.round((5 / 500) * BAR_ROOM));
  });

  it('draws nothing for an empty or all-zero chart', () => {
    expect(barLayout([]).bars).toEqual([]);
    expect(barLayout([{ label: 'x', value: 0 }]).bars[0].valueWidth).toBe(0);
  });

  it('cuts long labels by characters, not bytes', () => {
    expect(shortLabel('Әл-Фараби атындағы Қазақ ұлттық университеті', 10)).toBe('Әл-Фараби…');
    expect(shortLabel('UMONS', 10)).toBe('UMONS');
  });
});
