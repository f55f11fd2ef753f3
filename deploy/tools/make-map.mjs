#!/usr/bin/env node
// Makes render/Kiosk.Render/Maps/east-asia-land.txt: Natural Earth's 1:50m land polygons (from the npm
// package world-atlas, land-50m.json), cut to the locator maps' box and simplified, so the renderer can draw
// a coastline without any data download at run time. Land only: no administrative boundaries.
//
//   mkdir -p /tmp/map && cd /tmp/map && npm pack world-atlas@2.0.2 && tar xzf world-atlas-2.0.2.tgz
//   node deploy/tools/make-map.mjs /tmp/map/package/land-50m.json > render/Kiosk.Render/Maps/east-asia-land.txt
//
// Output: a header line, then one ring per line as "lon,lat lon,lat ..." (degrees, two decimals). No
// dependencies: TopoJSON arcs are decoded here (quantized, delta-encoded; a negative index ~i is arc i reversed).
import { readFileSync } from 'node:fs';

const [west, east, south, north] = [95, 135, 15, 45];   // the box MapBox.cs checks places against
const tolerance = 0.04;                                   // degrees: ~4 km, below a pixel even at 1920x1080
const minArea = 0.02;                                     // square degrees: drops islets smaller than a dot

const topo = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const { scale, translate } = topo.transform;
const arcs = topo.arcs.map(arc => {
  let x = 0, y = 0;
  return arc.map(([dx, dy]) => { x += dx; y += dy; return [x * scale[0] + translate[0], y * scale[1] + translate[1]]; });
});
const arcPoints = i => (i >= 0 ? arcs[i] : arcs[~i].slice().reverse());
const ring = indices => indices.flatMap((i, k) => (k === 0 ? arcPoints(i) : arcPoints(i).slice(1)));

const polygons = [];
for (const g of topo.objects.land.geometries) {
  const list = g.type === 'Polygon' ? [g.arcs] : g.type === 'MultiPolygon' ? g.arcs : [];
  for (const poly of list) polygons.push(poly.map(ring));
}

// Sutherland-Hodgman against each side of the box: land is filled, so a cut ring runs along the edge.
function clip(points) {
  const sides = [
    [p => p[0] >= west, (a, b) => at(a, b, 0, west)],
    [p => p[0] <= east, (a, b) => at(a, b, 0, east)],
    [p => p[1] >= south, (a, b) => at(a, b, 1, south)],
    [p => p[1] <= north, (a, b) => at(a, b, 1, north)],
  ];
  let out = points;
  for (const [inside, cross] of sides) {
    const input = out; out = [];
    for (let i = 0; i < input.length; i++) {
      const cur = input[i], prev = input[(i + input.length - 1) % input.length];
      if (inside(cur)) { if (!inside(prev)) out.push(cross(prev, cur)); out.push(cur); }
      else if (inside(prev)) out.push(cross(prev, cur));
    }
    if (out.length === 0) break;
  }
  return out;
}
function at(a, b, axis, v) {
  const t = (v - a[axis]) / (b[axis] - a[axis]);
  return [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t];
}

// Douglas-Peucker on a closed ring (split at the point farthest from the first).
function simplify(points) {
  if (points.length < 4) return points;
  const keep = new Uint8Array(points.length);
  const stack = [[0, points.length - 1]];
  keep[0] = keep[points.length - 1] = 1;
  while (stack.length) {
    const [i, j] = stack.pop();
    let best = -1, bestD = tolerance;
    for (let k = i + 1; k < j; k++) {
      const d = distance(points[k], points[i], points[j]);
      if (d > bestD) { best = k; bestD = d; }
    }
    if (best >= 0) { keep[best] = 1; stack.push([i, best], [best, j]); }
  }
  return points.filter((_, k) => keep[k]);
}
function distance(p, a, b) {
  const dx = b[0] - a[0], dy = b[1] - a[1], len = Math.hypot(dx, dy);
  if (len === 0) return Math.hypot(p[0] - a[0], p[1] - a[1]);
  return Math.abs(dy * p[0] - dx * p[1] + b[0] * a[1] - b[1] * a[0]) / len;
}
const area = r => Math.abs(r.reduce((s, p, k) => { const q = r[(k + 1) % r.length]; return s + p[0] * q[1] - q[0] * p[1]; }, 0)) / 2;

const lines = [];
for (const poly of polygons) {
  for (const r of poly) {
    const xs = r.map(p => p[0]), ys = r.map(p => p[1]);
    if (Math.max(...xs) < west || Math.min(...xs) > east || Math.max(...ys) < south || Math.min(...ys) > north) continue;
    // Split the ring where it closes on itself so the farthest-point split works on an open path.
    const open = r.length > 1 && r[0][0] === r[r.length - 1][0] && r[0][1] === r[r.length - 1][1] ? r.slice(0, -1) : r;
    const far = open.reduce((best, p, k) => (Math.hypot(p[0] - open[0][0], p[1] - open[0][1]) > best[1] ? [k, Math.hypot(p[0] - open[0][0], p[1] - open[0][1])] : best), [0, 0])[0];
    const simple = [...simplify(open.slice(0, far + 1)), ...simplify([...open.slice(far), open[0]]).slice(1, -1)];
    const cut = clip(simple);
    if (cut.length < 3 || area(cut) < minArea) continue;
    lines.push(cut.map(([x, y]) => `${x.toFixed(2)},${y.toFixed(2)}`).join(' '));
  }
}
process.stdout.write(`# Natural Earth 1:50m land (public domain) via world-atlas 2.0.2 land-50m.json; box ${west}..${east}E ${south}..${north}N; tolerance ${tolerance} deg; made by deploy/tools/make-map.mjs\n`);
process.stdout.write(lines.join('\n') + '\n');
