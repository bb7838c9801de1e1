// The article view: the text with the evidence of one event highlighted (place,
// date, size, target, claims, participants each marked), and the quotes with their speaker.
"use strict";
(function (V) {
  // Later kinds are drawn over earlier ones where marks overlap (see style.css).
  const ORDER = ["other", "evidence", "quote", "claim", "target", "participants", "size", "date", "place", "speaker"];

  function valid(text, s, e) {
    return Number.isInteger(s) && Number.isInteger(e) && s >= 0 && s < e && e <= text.length;
  }

  // Where a field's words are: its own offsets when they hold its words, else its words
  // searched inside the evidence first, then anywhere in the article.
  function locate(text, obj, sKey, eKey, words, lo, hi) {
    if (obj && valid(text, obj[sKey], obj[eKey]) && (!words || text.slice(obj[sKey], obj[eKey]) === words)) {
      return [obj[sKey], obj[eKey]];
    }
    if (!words) return null;
    let i = text.indexOf(words, lo);
    if (i < 0 || i + words.length > hi) i = text.indexOf(words);
    return i < 0 ? null : [i, i + words.length];
  }

  function eventSpans(text, ev) {
    const out = [];
    const add = (kind, r) => { if (r) out.push({ s: r[0], e: r[1], kind }); };
    const evid = ev.evidence || {};
    const [lo, hi] = valid(text, evid.start, evid.end) ? [evid.start, evid.end] : [0, text.length];
    if (valid(text, evid.start, evid.end)) add("evidence", [lo, hi]);
    const loc = ev.location || {};
    add("place", locate(text, loc, "char_start", "char_end", loc.text, lo, hi));
    add("date", locate(text, ev.date, "char_start", "char_end", ev.date && ev.date.text, lo, hi));
    add("size", locate(text, ev.size, "char_start", "char_end", ev.size && ev.size.text, lo, hi));
    add("target", locate(text, ev.target, "char_start", "char_end", ev.target && ev.target.text, lo, hi));
    for (const p of ev.participants || []) add("participants", locate(text, p, "char_start", "char_end", p.text, lo, hi));
    const claimSpans = ev.claim_spans || [];
    if (claimSpans.length) for (const c of claimSpans) add("claim", locate(text, c, "start", "end", c.text, lo, hi));
    else for (const c of ev.claims || []) add("claim", locate(text, null, "", "", c, lo, hi));
    return out;
  }

  function quoteSpans(text, q, i) {
    const out = [];
    if (valid(text, q.start, q.end)) out.push({ s: q.start, e: q.end, kind: "quote", quote: i });
    const spk = q.speaker;
    if (spk) {
      const near = Math.max(0, (q.start || 0) - 400), far = Math.min(text.length, (q.end || 0) + 400);
      const r = locate(text, spk, "char_start", "char_end", spk.text, q.end || near, far);
      if (r) out.push({ s: r[0], e: r[1], kind: "speaker", quote: i });
    }
    return out;
  }

  // Cut the text at every span boundary; each piece is wrapped in one <mark> naming all
  // the kinds that cover it, so overlapping fields never break the markup.
  function render(text, spans) {
    const cuts = new Set([0, text.length]);
    for (const sp of spans) { cuts.add(sp.s); cuts.add(sp.e); }
    const pts = [...cuts].sort((a, b) => a - b);
    let html = "";
    for (let i = 0; i + 1 < pts.length; i++) {
      const a = pts[i], b = pts[i + 1];
      const piece = V.esc(text.slice(a, b));
      const cover = spans.filter(sp => sp.s <= a && sp.e >= b);
      if (!cover.length) { html += piece; continue; }
      const kinds = ORDER.filter(k => cover.some(sp => sp.kind === k));
      const other = !kinds.includes("evidence") && cover.find(sp => sp.kind === "other");
      const title = kinds.map(k => V.t("legend_" + (k === "claim" ? "claims" : k))).join(", ");
      html += `<mark class="${kinds.map(k => "k-" + k).join(" ")}" title="${V.esc(title)}"` +
        (other ? ` data-event="${V.esc(other.event)}"` : "") + `>${piece}</mark>`;
    }
    return html;
  }

  function eventLabel(ev) {
    const loc = ev.location || {};
    const size = ev.size && ev.size.best != null ? V.num(ev.size.best) : null;
    return [loc.city || loc.text || loc.country, ev.date && V.day(ev.date.start), V.modeName(ev.mode), size]
      .filter(Boolean).join(" · ");
  }

  function fields(ev) {
    const loc = ev.location || {}, size = ev.size, tgt = ev.target;
    const rows = [
      ["field_place", [loc.text, loc.city && loc.city !== loc.text ? `→ ${loc.city}` : "", loc.country ? `(${loc.country})` : ""].filter(Boolean).join(" ")],
      ["field_date", ev.date ? [ev.date.text ? `« ${ev.date.text} »` : "", V.day(ev.date.start), ev.date.end ? "– " + V.day(ev.date.end) : ""].filter(Boolean).join(" ") : ""],
      ["field_size", size ? `« ${size.text} » → ${V.num(size.best)} [${V.num(size.min)}–${size.max == null ? "∞" : V.num(size.max)}]` : V.t("size_unknown")],
      ["field_target", tgt ? tgt.text + (tgt.country ? ` (${tgt.country})` : "") : ""],
      ["field_claims", (ev.claims || []).join(" ; ")],
      ["field_participants", (ev.participants || []).map(p => p.text).join(" ; ")],
      ["field_confidence", ev.confidence != null ? Math.round(ev.confidence * 100) + " %" : ""],
    ];
    return rows.filter(r => r[1]).map(([k, v]) => `<dt>${V.esc(V.t(k))}</dt><dd>${V.esc(v)}</dd>`).join("");
  }

  V.article = {
    init(dialog) {
      this.dialog = dialog;
      dialog.querySelector("[data-close]").addEventListener("click", () => dialog.close());
      dialog.querySelector("#article-events").addEventListener("click", e => {
        const b = e.target.closest("button[data-event]");
        if (b) this.select(b.dataset.event, true);
      });
      dialog.querySelector("#article-text").addEventListener("click", e => {
        const m = e.target.closest("mark[data-event]");
        if (m) this.select(m.dataset.event, false);
      });
    },

    open(article, eventId, note) {
      this.data = article;
      this.note = note || "";
      const events = article.events || [];
      this.eventId = events.some(e => e.event_id === eventId) ? eventId : (events[0] && events[0].event_id);
      this.render(true);
      if (!this.dialog.open) this.dialog.showModal();
      this.scrollToEvidence();
    },

    select(eventId, scroll) {
      this.eventId = eventId;
      this.render(false);
      if (scroll) this.scrollToEvidence();
    },

    scrollToEvidence() {
      const m = this.dialog.querySelector("#article-text mark.k-evidence");
      if (m) m.scrollIntoView({ block: "center" });
    },

    render() {
      const a = this.data;
      if (!a) return;
      const d = this.dialog, text = a.text || "";
      const events = a.events || [], quotes = a.quotes || [];
      d.querySelector("#article-title").textContent = a.title || a.id;
      d.querySelector("#article-meta").textContent = [a.source, a.published ? V.t("published") + " " + V.day(a.published) : "",
        a.title ? a.id : "", this.note].filter(Boolean).join(" · ");
      d.querySelector("#article-events").innerHTML = events.length ? events.map(ev =>
        `<li><button type="button" data-event="${V.esc(ev.event_id)}"${ev.event_id === this.eventId ? ' aria-current="true"' : ""}>` +
        `<span class="dot" style="background:${V.modeColor(ev.mode)}"></span>${V.esc(eventLabel(ev))}` +
        (ev.status === "planned" ? ` <em>(${V.esc(V.t("planned"))})</em>` : "") + "</button></li>").join("")
        : `<li class="empty">${V.esc(V.t("no_article_events"))}</li>`;
      const current = events.find(ev => ev.event_id === this.eventId);
      d.querySelector("#event-fields").innerHTML = current ? fields(current) : "";
      d.querySelector("#article-quotes").innerHTML = quotes.length ? quotes.map(q => {
        const spk = q.speaker ? q.speaker.text + (q.speaker.role ? ", " + q.speaker.role : "") : V.t("unknown_speaker");
        return `<li><q>${V.esc(q.text)}</q> <span class="who">— ${V.esc(spk)}</span></li>`;
      }).join("") : `<li class="empty">${V.esc(V.t("no_quotes"))}</li>`;

      const spans = [];
      for (const ev of events) {
        if (ev.event_id === this.eventId) spans.push(...eventSpans(text, ev));
        else if (ev.evidence && valid(text, ev.evidence.start, ev.evidence.end)) {
          spans.push({ s: ev.evidence.start, e: ev.evidence.end, kind: "other", event: ev.event_id });
        }
      }
      quotes.forEach((q, i) => spans.push(...quoteSpans(text, q, i)));
      d.querySelector("#article-text").innerHTML = render(text, spans);
    },
  };
})(window.Vigie);
