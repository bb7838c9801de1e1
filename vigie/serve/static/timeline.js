// The timeline: events (or participants) per day as SVG bars. Dragging across it
// picks a period, clicking a bar picks its day; the period filters map and table.
"use strict";
(function (V) {
  const NS = "http://www.w3.org/2000/svg";
  const DAY = 864e5;
  const M = { left: 44, right: 10, top: 10, bottom: 22 };
  const toDay = iso => Math.floor(Date.parse(iso.slice(0, 10) + "T00:00:00Z") / DAY);
  const toIso = day => new Date(day * DAY).toISOString().slice(0, 10);

  function node(tag, attrs, parent) {
    const n = document.createElementNS(NS, tag);
    for (const [k, v] of Object.entries(attrs)) n.setAttribute(k, v);
    if (parent) parent.appendChild(n);
    return n;
  }

  V.timeline = {
    init(svg, onBrush) {
      this.svg = svg;
      this.onBrush = onBrush;
      this.items = [];
      this.brush = null;
      let startX = null;
      svg.addEventListener("pointerdown", e => {
        if (!this.scale) return;
        startX = this.localX(e);
        svg.setPointerCapture(e.pointerId);
      });
      svg.addEventListener("pointermove", e => {
        if (startX === null) { this.showHover(this.localX(e)); return; }
        this.drawSelection(Math.min(startX, this.localX(e)), Math.max(startX, this.localX(e)));
      });
      svg.addEventListener("pointerleave", () => { if (this.hover) this.hover.textContent = ""; });
      svg.addEventListener("pointerup", e => {
        if (startX === null) return;
        const x0 = Math.min(startX, this.localX(e)), x1 = Math.max(startX, this.localX(e));
        startX = null;
        if (x1 - x0 < 4) {
          const day = this.dayAt(x0);
          const same = this.brush && this.brush.from === toIso(day) && this.brush.to === toIso(day);
          this.onBrush(same ? null : { from: toIso(day), to: toIso(day) });
        } else {
          this.onBrush({ from: toIso(this.dayAt(x0)), to: toIso(this.dayAt(x1 - 0.5)) });
        }
      });
    },

    localX(e) {
      const r = this.svg.getBoundingClientRect();
      return Math.max(M.left, Math.min(r.width - M.right, e.clientX - r.left));
    },

    dayAt(x) {
      const s = this.scale;
      return Math.floor(s.d0 + (x - M.left) / s.px);
    },

    draw(items, measure, brush) {
      this.items = items;
      this.measure = measure;
      this.brush = brush;
      const svg = this.svg;
      svg.textContent = "";
      const W = svg.clientWidth || 600, H = svg.clientHeight || 130;
      svg.setAttribute("viewBox", `0 0 ${W} ${H}`);
      const days = items.filter(i => i.key).map(i => ({ day: toDay(i.key), v: i.value || 0, key: i.key }));
      if (!days.length) {
        this.scale = null;
        node("text", { x: W / 2, y: H / 2, "text-anchor": "middle", class: "axis" }, svg).textContent = V.t("no_events");
        return;
      }
      let d0 = Math.min(...days.map(d => d.day)), d1 = Math.max(...days.map(d => d.day)) + 1;
      if (d1 - d0 < 14) { const pad = Math.ceil((14 - (d1 - d0)) / 2); d0 -= pad; d1 += pad; }
      const px = (W - M.left - M.right) / (d1 - d0);
      const vmax = Math.max(1, ...days.map(d => d.v));
      const h = H - M.top - M.bottom;
      this.scale = { d0, d1, px };
      const x = day => M.left + (day - d0) * px;

      node("line", { x1: M.left, x2: W - M.right, y1: H - M.bottom + 0.5, y2: H - M.bottom + 0.5, class: "axis-line" }, svg);
      node("text", { x: M.left - 4, y: M.top + 8, "text-anchor": "end", class: "axis" }, svg).textContent = V.num(vmax);
      node("text", { x: M.left - 4, y: H - M.bottom, "text-anchor": "end", class: "axis" }, svg).textContent = "0";
      const ticks = Math.max(2, Math.min(6, Math.floor((W - M.left) / 110)));
      for (let i = 0; i < ticks; i++) {
        const day = Math.round(d0 + (i * (d1 - 1 - d0)) / (ticks - 1));
        node("text", { x: x(day + 0.5), y: H - 6, "text-anchor": i === 0 ? "start" : i === ticks - 1 ? "end" : "middle",
          class: "axis" }, svg).textContent = V.day(toIso(day));
      }
      const inBrush = d => !brush || (d.key >= brush.from && d.key <= brush.to);
      // One string for all bars: thousands of createElementNS calls are several times slower.
      let html = "";
      for (const d of days) {
        const bh = Math.max(d.v > 0 ? 2 : 0, (d.v / vmax) * h);
        html += `<rect x="${x(d.day) + (px > 3 ? 0.5 : 0)}" y="${M.top + h - bh}" width="${Math.max(1, px - (px > 3 ? 1 : 0))}" ` +
          `height="${bh}" class="bar${inBrush(d) ? "" : " out"}" data-day="${d.key}" data-value="${d.v}"/>`;
      }
      node("g", { class: "bars" }, svg).innerHTML = html;
      this.values = new Map(days.map(d => [d.day, d.v]));
      this.hover = node("text", { x: W - M.right, y: M.top + 8, "text-anchor": "end", class: "axis hover" }, svg);
      this.sel = node("rect", { class: "selection", y: M.top, height: h, x: 0, width: 0 }, svg);
      if (brush) this.drawSelection(x(toDay(brush.from)), x(toDay(brush.to) + 1));
    },

    // The day under the pointer and its value, written in the corner (one node, not a title per bar).
    showHover(x) {
      if (!this.scale || !this.hover) return;
      const day = this.dayAt(x), v = this.values.get(day) || 0;
      const label = this.measure === "events" ? "events_count" : "participants_count";
      this.hover.textContent = `${V.day(toIso(day))} : ${V.t(label, { n: V.num(v) })}`;
    },

    drawSelection(x0, x1) {
      if (!this.sel) return;
      this.sel.setAttribute("x", x0);
      this.sel.setAttribute("width", Math.max(1, x1 - x0));
    },
  };
})(window.Vigie);
