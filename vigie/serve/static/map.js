// The map: country outlines shipped with vigie (no tiles), events as circles
// sized by crowd and coloured by mode.
"use strict";
(function (V) {
  const COUNTRIES = "/static/vendor/natural-earth-110m/countries-110m.geojson";
  const SVG_MAX = 2000; // beyond this many circles, draw on a canvas: SVG paths get slow

  const radius = best => (best > 0 ? 4 + 2.5 * Math.log10(best) : 4);

  V.map = {
    init(el, onSelect) {
      this.el = el;
      this.onSelect = onSelect;
      const m = this.m = L.map(el, { minZoom: 1, maxZoom: 10, zoomSnap: 0.5, worldCopyJump: true });
      m.attributionControl.setPrefix("Leaflet");
      m.attributionControl.addAttribution("Natural Earth");
      m.setView([30, 10], 2);
      m.createPane("countries").style.zIndex = 350; // below the circles, whenever it arrives
      this.svg = L.svg();
      this.canvas = L.canvas();
      this.layer = L.layerGroup().addTo(m);
      fetch(COUNTRIES).then(r => r.json()).then(geo => {
        L.geoJSON(geo, {
          pane: "countries", interactive: false,
          style: { color: "#8c8f94", weight: 0.6, fillColor: "#ecebe6", fillOpacity: 1 },
        }).addTo(m);
      }).catch(e => V.showStatus(e.message));
    },

    show(fc, fit) {
      this.layer.clearLayers();
      const feats = fc.features || [];
      const renderer = feats.length > SVG_MAX ? this.canvas : this.svg;
      const pts = [];
      // Big circles first, so small ones stay clickable on top.
      const sorted = feats.slice().sort((a, b) => (b.properties.size_best || 0) - (a.properties.size_best || 0));
      for (const f of sorted) {
        const p = f.properties;
        const [lon, lat] = f.geometry.coordinates;
        pts.push([lat, lon]);
        const c = L.circleMarker([lat, lon], {
          renderer, radius: radius(p.size_best), color: "#ffffff", weight: 1,
          fillColor: V.modeColor(p.mode), fillOpacity: 0.78, className: "event-marker",
        });
        c.bindTooltip(() => V.esc([p.city || p.country, V.day(p.date_start), V.modeName(p.mode),
          p.size_best ? V.num(p.size_best) : ""].filter(Boolean).join(" · ")));  // built on hover only
        c.on("click", () => this.onSelect(p));
        this.layer.addLayer(c);
      }
      this.el.dataset.events = String(feats.length);
      if (fit && pts.length) this.m.fitBounds(L.latLngBounds(pts), { padding: [30, 30], maxZoom: 5 });
      this.feats = feats;
      this.legend();
    },

    legend(feats = this.feats || []) {
      const seen = new Set(feats.map(f => f.properties.mode));
      const ul = document.getElementById("legend");
      ul.innerHTML = V.MODES.filter(m => seen.has(m)).map(m =>
        `<li><span class="dot" style="background:${V.modeColor(m)}"></span>${V.esc(V.modeName(m))}</li>`).join("");
    },

    resize() { this.m.invalidateSize(); },
  };
})(window.Vigie);
