// The page: filters, table and paging; wires the map, the timeline and the article view.
"use strict";
(function (V) {
  const PAGE = 50;
  const state = { offset: 0, brush: null, measure: "events", counts: [], page: null, seq: 0, timelineSeq: 0, writes: false };
  const $ = sel => document.querySelector(sel);
  const form = $("#filters");

  function formFilters() {
    const f = {};
    for (const [k, v] of new FormData(form)) {
      const s = String(v).trim();
      if (s) f[k] = k === "country" ? s.toUpperCase() : s;
    }
    return f;
  }

  // The form's filters narrowed by the timeline's period (ISO dates compare as strings).
  function viewFilters() {
    const f = formFilters();
    if (state.brush) {
      if (!f.date_from || state.brush.from > f.date_from) f.date_from = state.brush.from;
      if (!f.date_to || state.brush.to < f.date_to) f.date_to = state.brush.to;
    }
    return f;
  }

  function busy(delta) {
    const n = (Number(document.body.dataset.busy) || 0) + delta;
    if (n > 0) document.body.dataset.busy = String(n); else delete document.body.dataset.busy;
  }

  async function loadTimeline() {
    const seq = ++state.timelineSeq;
    const res = await V.api("/api/counts", { by: "day", unit: state.measure, ...formFilters() });
    if (seq !== state.timelineSeq) return;
    state.counts = res.items;
    drawTimeline();
  }

  // The table's page and (unless only the page changed) the map, for the current filters.
  async function loadView(fit, withMap = true) {
    const seq = ++state.seq;
    const f = viewFilters();
    if (f.date_from && f.date_to && f.date_from > f.date_to) {
      state.page = { total: 0, limit: PAGE, offset: 0, items: [] };
      renderTable();
      V.map.show({ features: [] }, false);
      $("#map-note").textContent = "";
      return;
    }
    const [page, geo] = await Promise.all([
      V.api("/api/events", { ...f, limit: PAGE, offset: state.offset }),
      withMap ? V.api("/api/geojson", f) : null, // the server's default limit is the map's
    ]);
    if (seq !== state.seq) return; // a newer request has been sent meanwhile
    state.page = page;
    renderTable();
    if (!geo) return;
    V.map.show(geo, fit);
    const shown = geo.features.length;
    $("#map-note").textContent = shown >= geo.limit && shown < page.total
      ? V.t("map_sample", { n: V.num(shown), total: V.num(page.total) }) : "";
  }

  async function run(jobs) {
    busy(1);
    try {
      await Promise.all(jobs);
      V.showStatus("");
    } catch (e) {
      V.showStatus(e.message);
    } finally {
      busy(-1);
    }
  }

  function drawTimeline() {
    V.timeline.draw(state.counts, state.measure, state.brush);
    const label = $("#brush-label");
    label.textContent = state.brush
      ? `${V.t("selected")} : ${V.day(state.brush.from)}${state.brush.to !== state.brush.from ? " – " + V.day(state.brush.to) : ""}`
      : V.t("brush_hint");
    $("#brush-clear").hidden = !state.brush;
  }

  function renderTable() {
    const p = state.page;
    if (!p) return;
    const tbody = $("#events tbody");
    tbody.innerHTML = p.items.length ? p.items.map(ev => {
      const place = [ev.city || ev.location_text, ev.country].filter(Boolean).join(", ");
      return `<tr tabindex="0" data-event="${V.esc(ev.event_id)}" data-article="${V.esc(ev.article_id)}">` +
        `<td class="nowrap">${V.esc(ev.date_start || "")}${ev.date_end ? " → " + V.esc(ev.date_end) : ""}</td>` +
        `<td>${V.esc(place)}</td>` +
        `<td class="nowrap"><span class="dot" style="background:${V.modeColor(ev.mode)}"></span>${V.esc(V.modeName(ev.mode))}` +
        (ev.status === "planned" ? ` <em class="planned">(${V.esc(V.t("planned"))})</em>` : "") + "</td>" +
        `<td class="num" title="${V.esc(ev.size_text || "")}">${ev.size_best != null ? V.num(ev.size_best) : V.t("size_unknown")}</td>` +
        `<td class="wide">${V.esc(ev.target_text || "")}</td>` +
        `<td class="wide">${V.esc(ev.claims || "")}</td></tr>`;
    }).join("") : `<tr class="empty"><td colspan="6">${V.esc(V.t("no_events"))}</td></tr>`;
    const from = p.total ? p.offset + 1 : 0, to = p.offset + p.items.length;
    $("#table-summary").textContent = V.t("rows", { from: V.num(from), to: V.num(to), total: V.num(p.total) });
    $("#prev").disabled = p.offset <= 0;
    $("#next").disabled = to >= p.total;
  }

  // An open article is in the address (#article=…&event=…), so a link can be shared.
  async function openEvent(articleId, eventId) {
    busy(1);
    try {
      const article = await V.api("/api/articles/" + encodeURIComponent(articleId));
      V.article.open(article, eventId);
      history.replaceState(null, "", "#" + new URLSearchParams({ article: articleId, event: eventId || "" }));
    } catch (e) {
      V.showStatus(e.message);
    } finally {
      busy(-1);
    }
  }

  function applyLanguage() {
    document.documentElement.lang = V.lang;
    $("#lang").value = V.lang;
    for (const el of document.querySelectorAll("[data-i18n]")) el.textContent = V.t(el.dataset.i18n);
    const mode = form.elements.mode, chosen = mode.value;
    mode.innerHTML = `<option value="">${V.esc(V.t("any"))}</option>` +
      V.MODES.map(m => `<option value="${m}">${V.esc(V.modeName(m))}</option>`).join("");
    mode.value = chosen;
    renderTable();
    if (V.timeline.scale !== undefined) drawTimeline();
    if (V.map.m) V.map.legend();
    if (V.article.dialog && V.article.dialog.open) V.article.render();
  }

  let timer = null;
  function filtersChanged() {
    clearTimeout(timer);
    timer = setTimeout(() => {
      if (!form.checkValidity()) { form.reportValidity(); return; }
      state.offset = 0;
      run([loadTimeline(), loadView(false)]);
    }, 250);
  }

  function setupPaste() {
    const dialog = $("#paste-view"), pform = $("#paste-form"), status = $("#paste-status");
    $("#paste-open").addEventListener("click", () => { status.textContent = ""; dialog.showModal(); });
    dialog.querySelector("[data-close]").addEventListener("click", () => dialog.close());
    pform.addEventListener("submit", async e => {
      e.preventDefault();
      const text = pform.elements.text.value;
      if (!text.trim()) { status.textContent = V.t("paste_empty"); return; }
      const store = state.writes && pform.elements.store.checked;
      const headers = { "Content-Type": "application/json" };
      if (store && pform.elements.token.value) headers.Authorization = "Bearer " + pform.elements.token.value;
      const body = { text, published: pform.elements.published.value || null,
        title: pform.elements.title.value.trim() || null, store };
      status.textContent = V.t("paste_running");
      $("#paste-run").disabled = true;
      busy(1);
      try {
        const result = await V.api("/api/extract", null, { method: "POST", headers, body: JSON.stringify(body) });
        status.textContent = "";
        dialog.close();
        V.article.open(result, null, V.t(result.stored ? "stored" : "not_stored"));
        if (result.stored) run([loadTimeline(), loadView(false)]);
      } catch (err) {
        status.textContent = V.t("error") + " : " + err.message;
      } finally {
        $("#paste-run").disabled = false;
        busy(-1);
      }
    });
  }

  function setup() {
    V.map.init($("#map"), p => openEvent(p.article_id, p.event_id));
    V.timeline.init($("#timeline"), brush => {
      state.brush = brush;
      state.offset = 0;
      drawTimeline();
      run([loadView(false)]);
    });
    V.article.init($("#article-view"));
    setupPaste();

    $("#filters-toggle").addEventListener("click", e => {  // phones: filters folded away
      const open = form.classList.toggle("open");
      e.target.setAttribute("aria-expanded", String(open));
    });
    form.addEventListener("input", filtersChanged);
    form.addEventListener("change", filtersChanged);
    form.addEventListener("reset", () => { state.brush = null; setTimeout(filtersChanged, 0); });
    $("#brush-clear").addEventListener("click", () => {
      state.brush = null; state.offset = 0; drawTimeline(); run([loadView(false)]);
    });
    for (const r of document.querySelectorAll('input[name="measure"]')) {
      r.addEventListener("change", () => { state.measure = r.value; run([loadTimeline()]); });
    }
    $("#prev").addEventListener("click", () => { state.offset = Math.max(0, state.offset - PAGE); run([loadView(false, false)]); });
    $("#next").addEventListener("click", () => { state.offset += PAGE; run([loadView(false, false)]); });
    const tbody = $("#events tbody");
    const openRow = tr => tr && tr.dataset.event && openEvent(tr.dataset.article, tr.dataset.event);
    tbody.addEventListener("click", e => openRow(e.target.closest("tr")));
    tbody.addEventListener("keydown", e => { if (e.key === "Enter") openRow(e.target.closest("tr")); });
    $("#lang").addEventListener("change", e => {
      V.lang = e.target.value;
      try { localStorage.setItem("vigie.lang", V.lang); } catch (err) { /* private mode */ }
      applyLanguage(); // map tooltips are written on hover, in the language of the moment
    });
    let resizeTimer = null;
    window.addEventListener("resize", () => {
      clearTimeout(resizeTimer);
      resizeTimer = setTimeout(() => { V.map.resize(); drawTimeline(); }, 150);
    });

    applyLanguage();
    V.api("/api/health").then(h => {
      state.writes = !!h.writes;
      $("#paste-write").hidden = !state.writes;
      $("#measure").hidden = !h.participants;
    }).catch(() => {});
    $("#article-view").addEventListener("close", () => {
      if (location.hash) history.replaceState(null, "", location.pathname + location.search);
    });
    const linked = new URLSearchParams(location.hash.slice(1));
    run([loadTimeline(), loadView(true)]).then(() => {
      document.body.dataset.ready = "1";
      if (linked.get("article")) openEvent(linked.get("article"), linked.get("event"));
    });
  }

  setup();
})(window.Vigie);
