// The console's charts: SVG line and bar charts that screen readers read by their title and description. Module
// pages receive them in their context through the kit.
import { amount, figure } from './words.js';

const SVG = 'http://www.w3.org/2000/svg';
function s(tag, attrs, text) {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  if (text !== undefined) el.textContent = text;
  return el;
}

// A period's place on a time axis, for the periods shared measurement writes (2026-03, 2026-Q1, 2026): the number
// of months, quarters or years since year 0, so that two places one apart are two periods in a row
const PERIODS = [
  { kind: 'month', read: /^(\d{4})-(0[1-9]|1[0-2])$/, per: 12, label: (y, n) => `${y}-${String(n).padStart(2, '0')}` },
  { kind: 'quarter', read: /^(\d{4})-Q([1-4])$/, per: 4, label: (y, n) => `${y}-Q${n}` },
  { kind: 'year', read: /^(\d{4})$/, per: 1, label: y => `${y}` },
];
function place(period) {
  for (const kind of PERIODS) {
    const m = kind.read.exec(period);
    if (m) return { kind, at: Number(m[1]) * kind.per + (m[2] ? Number(m[2]) - 1 : 0) };
  }
  return null;
}

/**
 * The x axis of a chart's periods: where periods are all months, all quarters or all years, a time axis on which a
 * period nobody reported leaves its room (and breaks the line, `gaps`); otherwise the periods side by side in order.
 */
function periodAxis(periods) {
  const places = periods.map(place);
  const timed = places.length > 0 && places.every(p => p && p.kind === places[0].kind);
  if (!timed) {
    return { at: p => periods.indexOf(p), span: Math.max(1, periods.length - 1), first: 0, gaps: () => [] };
  }
  const kind = places[0].kind;
  const first = Math.min(...places.map(p => p.at));
  const name = at => kind.label(Math.floor(at / kind.per), at % kind.per + 1);
  return {
    at: p => place(p).at,
    span: Math.max(1, Math.max(...places.map(p => p.at)) - first),
    first,
    // the periods missing between two places that were reported, as one span a person would say
    gaps: (a, b) => b - a < 2 ? [] : [b - a === 2 ? name(a + 1) : `${name(a + 1)} to ${name(b - 1)}`],
  };
}

/**
 * A line chart of one or more series over the same periods, with dashed lines for a baseline and a target.
 * series: [{ name, points: [{ period, value }] }]; the chart's title and description are read by screen readers.
 * Periods that are all months (2026-03), quarters (2026-Q1) or years (2026) stand on a time axis: a period without
 * a value keeps its room and breaks the line, and the description names it.
 */
export function lineChart({ title, series, baseline, target }) {
  const legend = series.length > 1 ? series.length : 0;
  const periods = [...new Set(series.flatMap(x => x.points.map(p => p.period)))].sort();
  const axis = periodAxis(periods);
  const runs = series.map(line => {
    const points = [...line.points].sort((a, b) => axis.at(a.period) - axis.at(b.period));
    // before each point, the periods missing since the one before it (none for the first)
    const missing = points.map((p, i) => i === 0 ? [] : axis.gaps(axis.at(points[i - 1].period), axis.at(p.period)));
    return { line, points, missing };
  });
  const gapped = runs.some(r => r.missing.some(m => m.length));
  const width = 640, left = 48, right = 90, top = 16, plot = 240;
  const bottom = 36 + 18 * legend + (gapped ? 18 : 0);
  const height = top + plot + bottom;
  const values = series.flatMap(x => x.points.map(p => Number(p.value)))
    .concat([baseline, target].filter(v => v !== null && v !== undefined).map(Number));
  const low = Math.min(...values), high = Math.max(...values);
  const pad = (high - low) * 0.1 || Math.abs(high) * 0.1 || 1;
  const min = low - pad, max = high + pad;
  const x = period => left + (periods.length < 2 ? (width - left - right) / 2
    : (axis.at(period) - axis.first) * (width - left - right) / axis.span);
  const y = v => top + plot * (1 - (v - min) / (max - min));
  const svg = s('svg', { class: 'chart', viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-labelledby': 'chart-title chart-desc' });
  svg.append(s('title', { id: 'chart-title' }, title));
  svg.append(s('desc', { id: 'chart-desc' }, runs.map(({ line, points, missing }) => `${line.name}: `
    + points.flatMap((p, i) => missing[i].map(m => `no values for ${m}`).concat(`${p.period} ${figure(p.value)}`))
      .join(', ')).join('; ')));
  svg.append(s('line', { x1: left, x2: width - right, y1: top + plot, y2: top + plot, stroke: '#4a5561' }));
  [low, high].forEach(v => svg.append(s('text', { x: 4, y: y(v) + 4 }, figure(+v.toFixed(2)))));
  // the first and the last period's labels, and between them each that runs into neither the one before nor the last
  let labelled = -Infinity;
  periods.forEach((p, i) => {
    const last = i === periods.length - 1;
    if (last || (x(p) - labelled >= 64 && x(periods[periods.length - 1]) - x(p) >= 64)) {
      svg.append(s('text', { x: x(p) - 16, y: top + plot + 20 }, p));
      labelled = x(p);
    }
  });
  for (const [name, v, colour] of [['baseline', baseline, '#4a5561'], ['target', target, '#1e6b34']]) {
    if (v === null || v === undefined) continue;
    svg.append(s('line', { x1: left, x2: width - right, y1: y(v), y2: y(v), stroke: colour, 'stroke-dasharray': '6 4' }));
    svg.append(s('text', { x: width - right + 6, y: y(v) + 4 }, `${name} ${figure(v)}`));
  }
  const colours = ['#1d4e89', '#a1260d', '#7a4f01', '#5b2a86', '#0b6e6e', '#b0306a', '#3d5a00', '#444'];
  runs.forEach(({ line, points, missing }, n) => {
    const colour = colours[n % colours.length];
    // one path a series, lifted where periods are missing so that no line stands for values nobody reported
    const d = points.map((p, i) => (i === 0 || missing[i].length ? 'M' : 'L') + `${x(p.period)},${y(Number(p.value))}`)
      .join(' ');
    svg.append(s('path', { d, fill: 'none', stroke: colour, 'stroke-width': 2, class: 'series' }));
    points.forEach(p => svg.append(s('circle', { cx: x(p.period), cy: y(Number(p.value)), r: 3, fill: colour })));
    if (legend) {
      const row = top + plot + 40 + 18 * n;
      svg.append(s('rect', { x: left, y: row - 10, width: 12, height: 12, fill: colour }));
      svg.append(s('text', { x: left + 18, y: row }, line.name));
    }
  });
  if (gapped) {
    svg.append(s('text', { x: left, y: height - 6 }, 'A break in a line: periods without values.'));
  }
  return svg;
}

/** A bar chart of labelled amounts (money in and out, counts by state), with a text description. */
export function barChart({ title, bars }) {
  const width = 640, left = 150, right = 90, row = 28, top = 8;
  const height = top * 2 + row * bars.length;
  const max = Math.max(1, ...bars.map(b => Number(b.value) || 0));
  const svg = s('svg', { class: 'chart', viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-labelledby': 'bars-title bars-desc' });
  svg.append(s('title', { id: 'bars-title' }, title));
  svg.append(s('desc', { id: 'bars-desc' }, bars.map(b => `${b.label} ${amount(b.value)}`).join(', ')));
  bars.forEach((b, i) => {
    const y = top + i * row;
    const w = (width - left - right) * (Number(b.value) || 0) / max;
    svg.append(s('text', { x: 4, y: y + 18 }, b.label));
    svg.append(s('rect', { x: left, y: y + 4, width: Math.max(1, w), height: row - 10, fill: b.colour || '#1d4e89' }));
    svg.append(s('text', { x: left + w + 6, y: y + 18 }, amount(b.value)));
  });
  return svg;
}
