/* detente's chart: monthly cooperation (up) and conflict (down) bars, mean intensity line. Plain SVG. */
"use strict";

(function () {
  const NS = "http://www.w3.org/2000/svg";
  const QUADS = [
    // key, label, colour, direction (+1 cooperation above the axis, -1 conflict below)
    ["verbal_cooperation", "verbal cooperation", "#8cc98c", 1],
    ["material_cooperation", "material cooperation", "#2e7d4f", 1],
    ["verbal_conflict", "verbal conflict", "#f0a35e", -1],
    ["material_conflict", "material conflict", "#b83227", -1],
  ];

  function el(name, attrs, text) {
    const node = document.createElementNS(NS, name);
    for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, String(v));
    if (text !== undefined) node.textContent = text; // text only: labels never become markup
    return node;
  }

  // Every month from the first to the last, so gaps show as empty months.
  function fillMonths(months) {
    if (!months.length) return [];
    const byMonth = new Map(months.map((m) => [m.month, m]));
    const out = [];
    let [y, mo] = months[0].month.split("-").map(Number);
    const [ly, lm] = months[months.length - 1].month.split("-").map(Number);
    while (y < ly || (y === ly && mo <= lm)) {
      const key = `${y}-${String(mo).padStart(2, "0")}`;
      out.push(byMonth.get(key) || { month: key, events: 0, quads: {}, mean_intensity: null });
      mo += 1;
      if (mo > 12) { mo = 1; y += 1; }
      if (out.length > 1200) break; // a century of months is enough for one chart
    }
    return out;
  }

  // A chart with nothing to draw says so in one line instead.
  function emptyNote(container, text) {
    const p = document.createElement("p");
    p.className = "empty";
    p.textContent = text;
    container.append(p);
    return null;
  }

  function monthly(container, months) {
    container.replaceChildren();
    const data = fillMonths(months);
    if (!data.length) return emptyNote(container, "No dated events for this pair and period.");
    const W = 900, H = 330, left = 52, right = 52, top = 16, bottom = 64;
    const plotW = W - left - right, plotH = H - top - bottom, zeroY = top + plotH / 2;
    const side = (m, dir) => QUADS.filter((q) => q[3] === dir).reduce((s, q) => s + (m.quads[q[0]] || 0), 0);
    const peak = Math.max(1, ...data.map((m) => Math.max(side(m, 1), side(m, -1))));
    const scale = (plotH / 2) / peak;
    const step = plotW / data.length;
    const barW = Math.max(1, Math.min(40, step * 0.7));

    const svg = el("svg", { viewBox: `0 0 ${W} ${H}`, class: "detente-chart", role: "img",
      "aria-label": "Monthly cooperation and conflict events", "data-months": data.length });

    // Axes and ticks: event counts on the left, intensity (-10..10) on the right.
    svg.append(el("line", { x1: left, x2: W - right, y1: zeroY, y2: zeroY, class: "axis" }));
    for (const frac of [-1, -0.5, 0.5, 1]) {
      const y = zeroY - frac * plotH / 2;
      svg.append(el("line", { x1: left, x2: W - right, y1: y, y2: y, class: "grid" }));
      svg.append(el("text", { x: left - 6, y: y + 4, class: "tick", "text-anchor": "end" },
        String(Math.round(Math.abs(frac) * peak * 10) / 10)));
      svg.append(el("text", { x: W - right + 6, y: y + 4, class: "tick" }, String(frac * 10)));
    }
    // Axis titles run along the sides, clear of the tick labels.
    const sideLabel = (x, y, text) => el("text", { x, y, class: "axis-label", "text-anchor": "middle",
      transform: `rotate(-90 ${x} ${y})` }, text);
    svg.append(sideLabel(12, top + plotH / 4, "cooperation ↑"));
    svg.append(sideLabel(12, top + 3 * plotH / 4, "↓ conflict"));
    svg.append(sideLabel(W - 8, top + plotH / 2, "mean intensity"));

    const labelEvery = Math.ceil(data.length / 12);
    const points = [];
    data.forEach((m, i) => {
      const x = left + i * step + (step - barW) / 2;
      const g = el("g", { class: "month", "data-month": m.month, "data-events": m.events });
      const coop = side(m, 1), conf = side(m, -1);
      const mean = m.mean_intensity === null || m.mean_intensity === undefined ? "none" : m.mean_intensity;
      g.append(el("title", {}, `${m.month}: ${coop} cooperation, ${conf} conflict, mean intensity ${mean}`));
      let up = zeroY, down = zeroY;
      for (const [key, , colour, dir] of QUADS) {
        const n = m.quads[key] || 0;
        if (!n) continue;
        const h = n * scale;
        const y = dir > 0 ? up - h : down;
        if (dir > 0) up -= h; else down += h;
        g.append(el("rect", { x, y, width: barW, height: h, fill: colour, class: `bar ${key}`, "data-count": n }));
      }
      svg.append(g);
      if (i % labelEvery === 0) {
        svg.append(el("text", { x: x + barW / 2, y: H - bottom + 16, class: "tick", "text-anchor": "middle" }, m.month));
      }
      if (m.events && typeof m.mean_intensity === "number") {
        points.push([x + barW / 2, zeroY - (m.mean_intensity / 10) * (plotH / 2)]);
      }
    });
    if (points.length) {
      svg.append(el("polyline", { points: points.map((p) => p.join(",")).join(" "), class: "intensity-line" }));
      for (const [x, y] of points) svg.append(el("circle", { cx: x, cy: y, r: 3, class: "intensity-point" }));
    }

    // Legend under the axis.
    let lx = left;
    for (const [, label, colour] of QUADS) {
      svg.append(el("rect", { x: lx, y: H - 22, width: 12, height: 12, fill: colour }));
      svg.append(el("text", { x: lx + 16, y: H - 12, class: "legend" }, label));
      lx += 24 + label.length * 7;
    }
    svg.append(el("line", { x1: lx, x2: lx + 18, y1: H - 16, y2: H - 16, class: "intensity-line" }));
    svg.append(el("text", { x: lx + 24, y: H - 12, class: "legend" }, "mean intensity"));

    container.append(svg);
    return svg;
  }

  // Events per month as areas stacked by quad class (material conflict at the bottom), for a whole
  // store or one country: how much happened, and of which kind.
  function stacked(container, months, label) {
    container.replaceChildren();
    const data = fillMonths(months);
    if (!data.length) return emptyNote(container, "No dated events in this period.");
    const W = 900, H = 260, left = 52, right = 44, top = 12, bottom = 58;
    const plotW = W - left - right, plotH = H - top - bottom, baseY = top + plotH;
    const order = [QUADS[3], QUADS[2], QUADS[1], QUADS[0]];
    const peak = Math.max(1, ...data.map((m) => order.reduce((s, q) => s + (m.quads[q[0]] || 0), 0)));
    const step = data.length > 1 ? plotW / (data.length - 1) : plotW;
    const xAt = (i) => (data.length > 1 ? left + i * step : left + plotW / 2);
    const yAt = (n) => baseY - (n / peak) * plotH;
    const svg = el("svg", { viewBox: `0 0 ${W} ${H}`, class: "detente-chart stacked", role: "img",
      "aria-label": label || "Events per month by quad class", "data-months": data.length });
    for (const frac of [0, 0.5, 1]) {
      const y = baseY - frac * plotH;
      svg.append(el("line", { x1: left, x2: W - right, y1: y, y2: y, class: frac ? "grid" : "axis" }));
      svg.append(el("text", { x: left - 6, y: y + 4, class: "tick", "text-anchor": "end" }, String(Math.round(frac * peak * 10) / 10)));
    }
    const below = data.map(() => 0);
    for (const [key, , colour] of order) {
      const tops = data.map((m, i) => below[i] + (m.quads[key] || 0));
      if (tops.every((t, i) => t === below[i])) continue;
      const upper = tops.map((t, i) => `${xAt(i)},${yAt(t)}`);
      const lower = below.map((b, i) => `${xAt(i)},${yAt(b)}`).reverse();
      const total = data.reduce((s, m) => s + (m.quads[key] || 0), 0);
      const area = el("polygon", { points: upper.concat(lower).join(" "), fill: colour, class: `area ${key}`,
        "data-count": total });
      area.append(el("title", {}, `${key.replace("_", " ")}: ${total}`));
      svg.append(area);
      tops.forEach((t, i) => { below[i] = t; });
    }
    const labelEvery = Math.ceil(data.length / 10);
    data.forEach((m, i) => {
      if (i % labelEvery === 0) {
        svg.append(el("text", { x: xAt(i), y: baseY + 16, class: "tick", "text-anchor": "middle" }, m.month));
      }
    });
    let lx = left;
    for (const [, name, colour] of QUADS) {
      svg.append(el("rect", { x: lx, y: H - 22, width: 12, height: 12, fill: colour }));
      svg.append(el("text", { x: lx + 16, y: H - 12, class: "legend" }, name));
      lx += 24 + name.length * 7;
    }
    container.append(svg);
    return svg;
  }

  window.DetenteChart = { monthly, stacked, fillMonths };
})();
