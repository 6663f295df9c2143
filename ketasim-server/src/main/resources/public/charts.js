// Small SVG line charts, drawn without any library (the clinic's network is closed).
// Every label is set with textContent, so no data is ever parsed as markup.
'use strict';
(function () {
  const NS = 'http://www.w3.org/2000/svg';

  function svgEl(tag, attrs, text) {
    const e = document.createElementNS(NS, tag);
    for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, String(v));
    if (text !== undefined) e.textContent = text;
    return e;
  }

  function niceTicks(lo, hi, n) {
    if (!(hi > lo)) { hi = lo + 1; }
    const raw = (hi - lo) / n;
    const mag = Math.pow(10, Math.floor(Math.log10(raw)));
    const step = [1, 2, 2.5, 5, 10].map(m => m * mag).find(s => s >= raw) || raw;
    const out = [];
    for (let v = Math.ceil(lo / step) * step; v <= hi + 1e-9; v += step) out.push(+v.toFixed(10));
    return out;
  }

  /**
   * lineChart(opts) -> <svg>
   * opts: {title, xLabel, yLabel, width, height, yMin, yMax, xMin, xMax,
   *        series: [{name, color, points: [[x, y]], dashed, markers, band: [[x, lo, hi]]}],
   *        hLines: [{y, label, color}], intervals: [{x, lo, hi, color}]}
   */
  function lineChart(opts) {
    const W = opts.width || 560, H = opts.height || 260;
    const m = {l: 52, r: 14, t: opts.title ? 26 : 12, b: 40};
    const pts = [];
    (opts.series || []).forEach(s => { (s.points || []).forEach(p => pts.push(p)); (s.band || []).forEach(b => { pts.push([b[0], b[1]]); pts.push([b[0], b[2]]); }); });
    (opts.intervals || []).forEach(i => { pts.push([i.x, i.lo]); pts.push([i.x, i.hi]); });
    (opts.hLines || []).forEach(h => pts.push([NaN, h.y]));
    const xs = pts.map(p => p[0]).filter(Number.isFinite), ys = pts.map(p => p[1]).filter(Number.isFinite);
    let x0 = opts.xMin ?? (xs.length ? Math.min(...xs) : 0), x1 = opts.xMax ?? (xs.length ? Math.max(...xs) : 1);
    let y0 = opts.yMin ?? (ys.length ? Math.min(...ys) : 0), y1 = opts.yMax ?? (ys.length ? Math.max(...ys) : 1);
    if (x1 <= x0) x1 = x0 + 1;
    if (y1 <= y0) y1 = y0 + 1;
    const pad = (y1 - y0) * 0.06; if (opts.yMin === undefined) y0 -= pad; if (opts.yMax === undefined) y1 += pad;
    const X = x => m.l + (x - x0) / (x1 - x0) * (W - m.l - m.r);
    const Y = y => H - m.b - (y - y0) / (y1 - y0) * (H - m.t - m.b);
    const svg = svgEl('svg', {width: W, height: H, viewBox: `0 0 ${W} ${H}`, class: 'chart', role: 'img'});
    if (opts.title) svg.appendChild(svgEl('text', {x: m.l, y: 16, 'font-weight': 600}, opts.title));
    niceTicks(y0, y1, 5).forEach(t => {
      svg.appendChild(svgEl('line', {x1: m.l, x2: W - m.r, y1: Y(t), y2: Y(t), stroke: '#eef1f5'}));
      svg.appendChild(svgEl('text', {x: m.l - 6, y: Y(t) + 4, 'text-anchor': 'end'}, String(t)));
    });
    niceTicks(x0, x1, 8).forEach(t => {
      svg.appendChild(svgEl('line', {x1: X(t), x2: X(t), y1: H - m.b, y2: H - m.b + 4, stroke: '#38414d'}));
      svg.appendChild(svgEl('text', {x: X(t), y: H - m.b + 16, 'text-anchor': 'middle'}, String(t)));
    });
    svg.appendChild(svgEl('line', {x1: m.l, x2: W - m.r, y1: H - m.b, y2: H - m.b, stroke: '#38414d'}));
    svg.appendChild(svgEl('line', {x1: m.l, x2: m.l, y1: m.t, y2: H - m.b, stroke: '#38414d'}));
    if (opts.xLabel) svg.appendChild(svgEl('text', {x: (m.l + W - m.r) / 2, y: H - 6, 'text-anchor': 'middle'}, opts.xLabel));
    if (opts.yLabel) svg.appendChild(svgEl('text', {x: 12, y: (m.t + H - m.b) / 2, transform: `rotate(-90 12 ${(m.t + H - m.b) / 2})`, 'text-anchor': 'middle'}, opts.yLabel));
    (opts.hLines || []).forEach(h => {
      svg.appendChild(svgEl('line', {x1: m.l, x2: W - m.r, y1: Y(h.y), y2: Y(h.y), stroke: h.color || '#b3261e', 'stroke-dasharray': '4 3'}));
      if (h.label) svg.appendChild(svgEl('text', {x: W - m.r - 4, y: Y(h.y) - 4, 'text-anchor': 'end', fill: h.color || '#b3261e'}, h.label));
    });
    (opts.series || []).forEach(s => {
      if (s.band && s.band.length) {
        const up = s.band.map(b => `${X(b[0])},${Y(b[2])}`), down = s.band.slice().reverse().map(b => `${X(b[0])},${Y(b[1])}`);
        svg.appendChild(svgEl('polygon', {points: up.concat(down).join(' '), fill: s.color, 'fill-opacity': 0.15, stroke: 'none'}));
      }
      const p = (s.points || []).filter(q => Number.isFinite(q[0]) && Number.isFinite(q[1]));
      if (p.length > 1 && !s.noLine) {
        svg.appendChild(svgEl('polyline', {points: p.map(q => `${X(q[0])},${Y(q[1])}`).join(' '), fill: 'none', stroke: s.color,
          'stroke-width': s.width || 2, 'stroke-dasharray': s.dashed ? '6 4' : 'none'}));
      }
      if (s.markers) p.forEach(q => svg.appendChild(svgEl('circle', {cx: X(q[0]), cy: Y(q[1]), r: 3.5, fill: s.color})));
    });
    (opts.intervals || []).forEach(i => {
      svg.appendChild(svgEl('line', {x1: X(i.x), x2: X(i.x), y1: Y(i.lo), y2: Y(i.hi), stroke: i.color || '#20344f', 'stroke-width': 1.5}));
      [i.lo, i.hi].forEach(v => svg.appendChild(svgEl('line', {x1: X(i.x) - 4, x2: X(i.x) + 4, y1: Y(v), y2: Y(v), stroke: i.color || '#20344f'})));
    });
    let lx = m.l + 6;
    (opts.series || []).filter(s => s.name).forEach(s => {
      if (s.noLine && s.markers) svg.appendChild(svgEl('circle', {cx: lx + 9, cy: m.t + 8, r: 3.5, fill: s.color}));
      else svg.appendChild(svgEl('line', {x1: lx, x2: lx + 18, y1: m.t + 8, y2: m.t + 8, stroke: s.color, 'stroke-width': 3, 'stroke-dasharray': s.dashed ? '5 3' : 'none'}));
      const t = svgEl('text', {x: lx + 22, y: m.t + 12}, s.name);
      svg.appendChild(t);
      lx += 30 + 6.2 * s.name.length;
    });
    return svg;
  }

  window.KetaCharts = {lineChart};
})();
