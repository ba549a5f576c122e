// The console's charts: SVG line and bar charts that screen readers read by their title and description. Module
// pages receive them in their context through the kit.

const SVG = 'http://www.w3.org/2000/svg';
function s(tag, attrs, text) {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  if (text !== undefined) el.textContent = text;
  return el;
}

/**
 * A line chart of one or more series over the same periods, with dashed lines for a baseline and a target.
 * series: [{ name, points: [{ period, value }] }]; the chart's title and description are read by screen readers.
 */
export function lineChart({ title, series, baseline, target }) {
  const legend = series.length > 1 ? series.length : 0;
  const width = 640, left = 48, right = 90, top = 16, bottom = 36 + 18 * legend, plot = 240;
  const height = top + plot + bottom;
  const periods = [...new Set(series.flatMap(x => x.points.map(p => p.period)))].sort();
  const values = series.flatMap(x => x.points.map(p => Number(p.value)))
    .concat([baseline, target].filter(v => v !== null && v !== undefined).map(Number));
  const low = Math.min(...values), high = Math.max(...values);
  const pad = (high - low) * 0.1 || Math.abs(high) * 0.1 || 1;
  const min = low - pad, max = high + pad;
  const x = i => left + (periods.length < 2 ? (width - left - right) / 2 : i * (width - left - right) / (periods.length - 1));
  const y = v => top + plot * (1 - (v - min) / (max - min));
  const svg = s('svg', { class: 'chart', viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-labelledby': 'chart-title chart-desc' });
  svg.append(s('title', { id: 'chart-title' }, title));
  svg.append(s('desc', { id: 'chart-desc' }, series.map(x => `${x.name}: ` +
    x.points.map(p => `${p.period} ${p.value}`).join(', ')).join('; ')));
  svg.append(s('line', { x1: left, x2: width - right, y1: top + plot, y2: top + plot, stroke: '#4a5561' }));
  [low, high].forEach(v => svg.append(s('text', { x: 4, y: y(v) + 4 }, String(+v.toFixed(2)))));
  periods.forEach((p, i) => {
    if (periods.length <= 8 || i % Math.ceil(periods.length / 8) === 0) {
      svg.append(s('text', { x: x(i) - 16, y: top + plot + 20 }, p));
    }
  });
  for (const [name, v, colour] of [['baseline', baseline, '#4a5561'], ['target', target, '#1e6b34']]) {
    if (v === null || v === undefined) continue;
    svg.append(s('line', { x1: left, x2: width - right, y1: y(v), y2: y(v), stroke: colour, 'stroke-dasharray': '6 4' }));
    svg.append(s('text', { x: width - right + 6, y: y(v) + 4 }, `${name} ${v}`));
  }
  const colours = ['#1d4e89', '#a1260d', '#7a4f01', '#5b2a86', '#0b6e6e', '#b0306a', '#3d5a00', '#444'];
  series.forEach((line, n) => {
    const colour = colours[n % colours.length];
    const points = line.points.map(p => `${x(periods.indexOf(p.period))},${y(Number(p.value))}`).join(' ');
    svg.append(s('polyline', { points, fill: 'none', stroke: colour, 'stroke-width': 2, class: 'series' }));
    line.points.forEach(p => svg.append(s('circle', { cx: x(periods.indexOf(p.period)), cy: y(Number(p.value)), r: 3,
      fill: colour })));
    if (legend) {
      const row = top + plot + 40 + 18 * n;
      svg.append(s('rect', { x: left, y: row - 10, width: 12, height: 12, fill: colour }));
      svg.append(s('text', { x: left + 18, y: row }, line.name));
    }
  });
  return svg;
}

/** A bar chart of labelled amounts (money in and out, counts by state), with a text description. */
export function barChart({ title, bars }) {
  const width = 640, left = 150, right = 90, row = 28, top = 8;
  const height = top * 2 + row * bars.length;
  const max = Math.max(1, ...bars.map(b => Number(b.value) || 0));
  const svg = s('svg', { class: 'chart', viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-labelledby': 'bars-title bars-desc' });
  svg.append(s('title', { id: 'bars-title' }, title));
  svg.append(s('desc', { id: 'bars-desc' }, bars.map(b => `${b.label} ${b.value}`).join(', ')));
  bars.forEach((b, i) => {
    const y = top + i * row;
    const w = (width - left - right) * (Number(b.value) || 0) / max;
    svg.append(s('text', { x: 4, y: y + 18 }, b.label));
    svg.append(s('rect', { x: left, y: y + 4, width: Math.max(1, w), height: row - 10, fill: b.colour || '#1d4e89' }));
    svg.append(s('text', { x: left + w + 6, y: y + 18 }, String(b.value)));
  });
  return svg;
}
