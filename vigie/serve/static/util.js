// Shared helpers of the page: strings, formatting, API calls, mode colours.
"use strict";
window.Vigie = (function () {
  const V = {};
  const saved = (() => { try { return localStorage.getItem("vigie.lang"); } catch (e) { return null; } })();
  const asked = new URLSearchParams(location.search).get("lang");
  V.lang = [asked, saved].find(l => l === "fr" || l === "en") ||
    ((navigator.language || "fr").toLowerCase().startsWith("fr") ? "fr" : "en");

  V.t = function (key, vars) {
    const table = window.VIGIE_I18N[V.lang];
    let s = table[key] !== undefined ? table[key] : window.VIGIE_I18N.en[key];
    if (s === undefined) return key;
    for (const [k, v] of Object.entries(vars || {})) s = s.replace("{" + k + "}", v);
    return s;
  };
  V.modeName = m => (window.VIGIE_I18N[V.lang].modes[m] || m || "");

  // Okabe–Ito colours first (safe for colour-blind readers), then darker tones that stay
  // readable on the light map.
  V.MODE_COLORS = {
    demonstration: "#0072B2", march: "#E69F00", strike: "#D55E00", "sit-in": "#009E73",
    occupation: "#CC79A7", blockade: "#56B4E9", riot: "#222222", vigil: "#9A8700",
    "hunger-strike": "#882255", petition: "#44AA99", boycott: "#6E6E1A", other: "#777777",
  };
  V.MODES = Object.keys(V.MODE_COLORS);
  V.modeColor = m => V.MODE_COLORS[m] || V.MODE_COLORS.other;

  V.esc = s => String(s == null ? "" : s).replace(/[&<>"']/g,
    c => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c]));
  // Intl formatters are slow to build: one per language, kept (thousands of bars and circles use them).
  const formats = {};
  const fmt = () => formats[V.lang] || (formats[V.lang] = {
    num: new Intl.NumberFormat(V.lang),
    day: new Intl.DateTimeFormat(V.lang, { timeZone: "UTC", day: "numeric", month: "short", year: "numeric" }),
  });
  V.num = n => (n == null ? "" : fmt().num.format(n));
  V.day = iso => {
    if (!iso) return "";
    const d = new Date(iso.slice(0, 10) + "T00:00:00Z");
    return isNaN(d) ? iso : fmt().day.format(d);
  };

  // GET (or any method) on the API; rejects with the message of the API's error shape.
  V.api = async function (path, params, init) {
    const url = new URL(path, location.origin);
    for (const [k, v] of Object.entries(params || {})) {
      if (v !== "" && v != null) url.searchParams.set(k, v);
    }
    const r = await fetch(url, init);
    let body = null;
    try { body = await r.json(); } catch (e) { body = null; }
    if (!r.ok) {
      // The API's error shape: {status, message, details}; details of a 422 name each field.
      const fields = body && Array.isArray(body.details) ? body.details.map(d => `${d.field}: ${d.message}`) : [];
      const err = new Error([(body && body.message) || r.statusText || ("HTTP " + r.status), ...fields].join(" — "));
      err.status = r.status;
      err.details = body && body.details;
      throw err;
    }
    return body;
  };

  V.showStatus = function (msg) {
    const el = document.getElementById("status");
    el.textContent = msg ? V.t("error") + " : " + msg : "";
    el.hidden = !msg;
  };
  return V;
})();
