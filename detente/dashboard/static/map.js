/* detente's map: events by place, a circle per place sized by count and coloured by its most frequent PLOVER
   quad, over Natural Earth country shapes served from /static/world.geojson. Plain SVG: no tiles, no CDN. */
"use strict";

(function () {
  const NS = "http://www.w3.org/2000/svg";
  const W = 960, H = 480;
  const QUADS = {
    verbal_cooperation: ["verbal cooperation", "#8cc98c"],
    material_cooperation: ["material cooperation", "#2e7d4f"],
    verbal_conflict: ["verbal conflict", "#f0a35e"],
    material_conflict: ["material conflict", "#b83227"],
  };
  let world = null; // the shapes, fetched once

  function el(name, attrs, text) {
    const node = document.createElementNS(NS, name);
    for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, String(v));
    if (text !== undefined) node.textContent = text; // place names are text, never markup
    return node;
  }

  async function shapes() {
    if (!world) {
      const response = await fetch("/static/world.geojson");
      if (!response.ok) throw new Error(`country shapes: HTTP ${response.status}`);
      world = await response.json();
    }
    return world;
  }

  // The events that have a point, grouped by it: one entry per place.
  function places(events) {
    const byKey = new Map();
    for (const e of events) {
      const p = e.place || {};
      if (p.lat === null || p.lat === undefined || p.lon === null || p.lon === undefined) continue;
      const key = placeKey(e);
      if (!byKey.has(key)) {
        byKey.set(key, { key, name: p.name || "", country: p.country || "", precision: p.precision || "",
          lat: p.lat, lon: p.lon, count: 0, quads: {} });
      }
      const place = byKey.get(key);
      place.count += 1;
      place.quads[e.quad] = (place.quads[e.quad] || 0) + 1;
    }
    for (const place of byKey.values()) {
      place.quad = Object.entries(place.quads).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0][0];
    }
    return [...byKey.values()].sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
  }

  function placeKey(e) {
    const p = e.place || {};
    return p.lat === null || p.lat === undefined ? "" : `${p.name}|${p.country}|${p.lat}|${p.lon}`;
  }

  // The view: the places' extent, padded, at least a region's size, fitted to the map's 2:1 frame; the
  // whole world when nothing is placed. x is scaled by cos(mid latitude) so a region keeps its shape.
  function view(points) {
    if (!points.length) return { lon0: -180, lon1: 180, lat0: -60, lat1: 84, k: 1 };
    let lon0 = Math.min(...points.map((p) => p.lon)), lon1 = Math.max(...points.map((p) => p.lon));
    let lat0 = Math.min(...points.map((p) => p.lat)), lat1 = Math.max(...points.map((p) => p.lat));
    const padLon = Math.max(4, (lon1 - lon0) * 0.25), padLat = Math.max(3, (lat1 - lat0) * 0.25);
    lon0 -= padLon; lon1 += padLon; lat0 = Math.max(-85, lat0 - padLat); lat1 = Math.min(85, lat1 + padLat);
    const k = Math.cos(((lat0 + lat1) / 2) * Math.PI / 180);
    let width = (lon1 - lon0) * k, height = lat1 - lat0;
    if (width / height < W / H) { // too tall: widen
      const extra = (height * W / H - width) / k / 2;
      lon0 -= extra; lon1 += extra;
    } else { // too wide: heighten
      const extra = (width * H / W - height) / 2;
      lat0 -= extra; lat1 += extra;
    }
    return { lon0, lon1, lat0, lat1, k };
  }

  function projector(v) {
    const sx = W / ((v.lon1 - v.lon0) * v.k), sy = H / (v.lat1 - v.lat0);
    return (lon, lat) => [((lon - v.lon0) * v.k * sx).toFixed(1), ((v.lat1 - lat) * sy).toFixed(1)];
  }

  function countryPath(feature, project) {
    const parts = [];
    for (const polygon of feature.geometry.coordinates) {
      for (const ring of polygon) {
        parts.push("M" + ring.map(([lon, lat]) => project(lon, lat).join(",")).join("L") + "Z");
      }
    }
    return parts.join("");
  }

  // Draw events (already filtered as the table is) into container. options: highlight (state codes to
  // shade), selected (a place key), onPlace(key) when a place is clicked.
  async function draw(container, events, options) {
    const opts = options || {};
    const points = places(events);
    let geo;
    try {
      geo = await shapes();
    } catch (error) {
      container.replaceChildren(Object.assign(document.createElement("p"), { className: "error", textContent: String(error.message) }));
      return points;
    }
    const project = projector(view(points));
    const svg = el("svg", { viewBox: `0 0 ${W} ${H}`, class: "detente-map", role: "img",
      "aria-label": `Map of ${points.length} places`, "data-places": points.length });
    svg.append(el("rect", { x: 0, y: 0, width: W, height: H, class: "sea" }));
    const land = el("g", { class: "land" });
    const shaded = new Set(opts.highlight || []);
    for (const f of geo.features) {
      const iso = f.properties.iso_a3;
      const path = el("path", { d: countryPath(f, project), class: shaded.has(iso) ? "country pair" : "country", "data-iso": iso });
      path.append(el("title", {}, f.properties.name));
      land.append(path);
    }
    svg.append(land);
    const top = Math.max(1, ...points.map((p) => p.count));
    const dots = el("g", { class: "places" });
    const drawn = [];
    for (const p of points) { // the largest drawn first, so smaller ones on top stay clickable
      const [x, y] = project(p.lon, p.lat).map(Number);
      const r = 4 + 20 * Math.sqrt(p.count / top);
      const precision = p.precision === "country" ? " at-state" : "";
      const circle = el("circle", { cx: x.toFixed(1), cy: y.toFixed(1), r: r.toFixed(1), fill: (QUADS[p.quad] || ["", "#777"])[1],
        class: `place quad-${p.quad}${precision}${opts.selected === p.key ? " selected" : ""}`,
        "data-count": p.count, "data-name": p.name, "data-quad": p.quad, "data-precision": p.precision, tabindex: 0 });
      circle.dataset.key = p.key;
      const where = p.country && p.country !== p.name ? `${p.name} (${p.country})` : p.name;
      const only = p.precision === "country" ? " (placed only at the state)" : "";
      circle.append(el("title", {}, `${where}: ${p.count} event${p.count === 1 ? "" : "s"}, mostly ${(QUADS[p.quad] || [p.quad])[0]}${only}`));
      if (opts.onPlace) {
        circle.addEventListener("click", () => opts.onPlace(p.key, p));
        circle.addEventListener("keydown", (k) => { if (k.key === "Enter") opts.onPlace(p.key, p); });
      }
      dots.append(circle);
      drawn.push({ p, x, y, r });
    }
    svg.append(dots, labels(drawn));    container.replaceChildren(svg);
    return points;
  }

  // Names beside the busiest places, each where it overlaps no other name or circle (right, left, above,
  // below), else left out: the circle's title still names it.
  function labels(drawn) {
    const group = el("g", { class: "place-labels" });
    const boxes = drawn.map((d) => [d.x - d.r, d.y - d.r, d.x + d.r, d.y + d.r]);
    const clear = (b, skip) => boxes.every((o, i) => i === skip || b[2] < o[0] || b[0] > o[2] || b[3] < o[1] || b[1] > o[3]);
    const order = drawn.map((d, i) => i).sort((i, j) => drawn[j].p.count - drawn[i].p.count).slice(0, 25);
    for (const i of order) {
      const { p, x, y, r } = drawn[i];
      const text = `${p.name} ${p.count}`;
      const w = 7 * text.length, h = 14;
      const spots = [[x + r + 3, y + 4, "start"], [x - r - 3, y + 4, "end"], [x, y - r - 4, "middle"], [x, y + r + 13, "middle"]];
      for (const [lx, ly, anchor] of spots) {
        const left = anchor === "start" ? lx : anchor === "end" ? lx - w : lx - w / 2;
        const box = [left, ly - h + 3, left + w, ly + 3];
        if (box[0] < 0 || box[2] > W || box[1] < 0 || box[3] > H || !clear(box, i)) continue;
        boxes.push(box);
        group.append(el("text", { x: lx.toFixed(1), y: ly.toFixed(1), "text-anchor": anchor, class: "place-label" }, text));
        break;
      }
    }
    return group;
  }

  function legend(container) {
    container.replaceChildren();
    for (const [key, [label, colour]] of Object.entries(QUADS)) {
      const item = document.createElement("span");
      item.className = "legend-item";
      const swatch = el("svg", { width: 12, height: 12, class: "swatch" });
      swatch.append(el("circle", { cx: 6, cy: 6, r: 5, fill: colour }));
      item.append(swatch, document.createTextNode(` ${label}`));
      item.dataset.quad = key;
      container.append(item);
    }
    container.append(document.createTextNode(" · a circle's area is its count of events; a dashed one is placed only at its state"));
  }

  window.DetenteMap = { draw, legend, placeKey, places };
})();
