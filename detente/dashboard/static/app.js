/* detente dashboard. Every stored string goes into the page with textContent, never as markup. */
"use strict";

(function () {
  const $ = (id) => document.getElementById(id);
  const state = { events: [], sortKey: "date", sortDir: 1, country: "", pair: [], place: "" };

  function node(tag, text, className) {
    const n = document.createElement(tag);
    if (text !== undefined && text !== null) n.textContent = String(text);
    if (className) n.className = className;
    return n;
  }

  function codes(entities) {
    return (entities || []).map((e) => e.code).filter(Boolean).join(" ");
  }

  // Only http(s) links become hrefs: a stored "javascript:" url must not be clickable.
  function safeUrl(url) {
    if (!url || !String(url).trim()) return null; // "" would resolve to this page itself
    try {
      const u = new URL(url, window.location.href);
      return u.protocol === "http:" || u.protocol === "https:" ? u.href : null;
    } catch (e) {
      return null;
    }
  }

  async function getJSON(url, options) {
    const response = await fetch(url, options);
    let body = null;
    try { body = await response.json(); } catch (e) { body = null; }
    if (!response.ok) {
      const message = body && body.error ? body.error.message : `HTTP ${response.status}`;
      throw new Error(message);
    }
    return body;
  }

  function plural(count, noun) {
    return `${count} ${noun}${count === 1 ? "" : "s"}`;
  }

  function entityText(x) {
    return `${String(x.text || "").trim()} [${x.code}${x.sector ? " " + x.sector : ""}]`;
  }

  function monthEnd(value) {
    if (!value) return "";
    const [y, m] = value.split("-").map(Number);
    const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
    return `${value}-${String(last).padStart(2, "0")}`;
  }

  // -- overview and country page ---------------------------------------------------------------
  function periodParams(sinceId, untilId) {
    const params = new URLSearchParams();
    if ($(sinceId).value) params.set("since", `${$(sinceId).value}-01`);
    if ($(untilId).value) params.set("until", monthEnd($(untilId).value));
    return params;
  }

  function clickable(li, action) {
    li.classList.add("clickable");
    li.tabIndex = 0;
    li.addEventListener("click", action);
    li.addEventListener("keydown", (k) => { if (k.key === "Enter") action(); });
    return li;
  }

  function choosePair(a, b) {
    $("code-a").value = a;
    $("code-b").value = b;
    showPair();
    $("pick").scrollIntoView({ block: "start" });
  }

  function stateText(t) {
    return `${t.state}${t.qualifier ? " (" + t.qualifier + ")" : ""}`;
  }

  async function loadOverview() {
    const params = periodParams("overview-since", "overview-until");
    try {
      const view = await getJSON(`/overview?${params}`);
      window.DetenteChart.stacked($("overview-chart"), view.monthly, "Events per month in the store, by quad class");
      const changes = $("overview-changes");
      changes.replaceChildren();
      for (const c of view.changes) {
        const li = node("li", `${c.a} – ${c.b}: ${c.topic} → ${stateText(c)} (${c.since}, by ${c.moved_by})`);
        li.dataset.pair = `${c.a},${c.b}`;
        changes.append(clickable(li, () => choosePair(c.a, c.b)));
      }
      if (!view.changes.length) changes.append(node("li", "No thread moved in this period.", "empty"));
      const countries = $("overview-countries");
      countries.replaceChildren();
      for (const c of view.countries) {
        const li = node("li", `${c.name} (${c.code}): ${plural(c.events, "event")}`);
        li.dataset.code = c.code;
        countries.append(clickable(li, () => showCountry(c.code)));
      }
      if (!view.countries.length) countries.append(node("li", "No events in this period.", "empty"));
    } catch (error) {
      $("overview-chart").replaceChildren(node("p", `Error: ${error.message}`, "error"));
    }
  }

  async function showCountry(code) {
    code = String(code || "").trim().toUpperCase();
    if (!code) return;
    state.country = code;
    const section = $("country");
    section.hidden = false;
    $("country-name").textContent = code;
    $("country-status").textContent = `Loading ${code}…`;
    try {
      const view = await getJSON(`/countries/${encodeURIComponent(code)}?${periodParams("overview-since", "overview-until")}`);
      $("country-name").textContent = `${view.name} (${view.code})`;
      $("country-status").textContent = `${plural(view.events, "dated event")}, ${plural(view.partners.length, "partner")}.`;
      window.DetenteChart.stacked($("country-chart"), view.monthly, `Events per month of ${view.name}, by quad class`);
      const partners = $("country-partners");
      partners.replaceChildren();
      for (const p of view.partners) {
        const li = node("li", `${p.name} (${p.code}): ${plural(p.events, "event")}`);
        li.dataset.pair = `${view.code},${p.code}`;
        partners.append(clickable(li, () => choosePair(view.code, p.code)));
      }
      if (!view.partners.length) partners.append(node("li", "No partner in this period.", "empty"));
      const threads = $("country-threads");
      threads.replaceChildren();
      for (const t of view.threads) {
        const li = node("li", `with ${t.partner}: ${t.topic} — ${stateText(t)} since ${t.since || "undated"}, by ${t.moved_by}`);
        li.dataset.pair = `${view.code},${t.partner}`;
        threads.append(clickable(li, () => choosePair(view.code, t.partner)));
      }
      if (!view.threads.length) threads.append(node("li", "No thread has a state yet.", "empty"));
      section.scrollIntoView({ block: "start" });
    } catch (error) {
      $("country-status").textContent = `Error: ${error.message}`;
    }
  }

  // -- pair, chart, ledger, table ---------------------------------------------------------------
  async function showPair(event) {
    if (event) event.preventDefault();
    const a = $("code-a").value.trim().toUpperCase();
    const b = $("code-b").value.trim().toUpperCase();
    if (!a || !b) return;
    const params = new URLSearchParams();
    if ($("since").value) params.set("since", `${$("since").value}-01`);
    if ($("until").value) params.set("until", monthEnd($("until").value));
    $("pick-status").textContent = `Loading ${a} – ${b}…`;
    try {
      const relation = await getJSON(`/relations/${encodeURIComponent(a)}/${encodeURIComponent(b)}?${params}`);
      window.DetenteChart.monthly($("chart"), relation.monthly);
      renderLedger(relation);
      params.set("pair", `${a},${b}`);
      params.set("limit", "1000");
      const page = await getJSON(`/events?${params}`);
      state.events = page.events;
      state.pair = [a, b];
      state.place = "";
      renderTable();
      const shown = page.events.length < page.total ? ` (first ${page.events.length} shown)` : "";
      $("pick-status").textContent = `${a} – ${b}: ${plural(page.total, "event")}${shown}.`;
    } catch (error) {
      $("pick-status").textContent = `Error: ${error.message}`;
    }
  }

  function renderLedger(relation) {
    const box = $("ledger");
    box.replaceChildren();
    if (!relation.ledger_available) {
      box.append(node("p", "No ledger stage is installed in this detente.", "empty"));
      return;
    }
    if (relation.ledger_error) {
      box.append(node("p", `The ledger could not be built: ${relation.ledger_error}`, "error"));
      return;
    }
    const ledger = relation.ledger || {};
    if (!Array.isArray(ledger.threads)) {
      box.append(valueTree(ledger, 0));
      return;
    }
    if (ledger.by_direction) {
      const parts = Object.entries(ledger.by_direction).map(([k, v]) => `${k}: ${v}`);
      box.append(node("p", `${plural(ledger.events ?? 0, "event")} (${parts.join(", ")})`, "ledger-summary"));
    }
    const active = ledger.threads.filter((t) => t.state || (t.events && t.events.length) || (t.history && t.history.length));
    const quiet = ledger.threads.filter((t) => !active.includes(t));
    for (const thread of active) box.append(threadCard(thread));
    if (!active.length) box.append(node("p", "No thread has moved for this pair and period.", "empty"));
    if (quiet.length) {
      box.append(node("p", `Nothing reported on: ${quiet.map((t) => t.topic || t.thread).join(", ")}.`, "empty"));
    }
  }

  function text(value) {
    return value === null || value === undefined ? "" : typeof value === "string" ? value : JSON.stringify(value);
  }

  function threadCard(thread) {
    const card = node("article", null, "thread");
    card.dataset.thread = text(thread.thread);
    card.append(node("h3", text(thread.topic || thread.thread || thread.title || "thread")));
    const state = thread.state
      ? `${text(thread.state)}${thread.qualifier ? " (" + text(thread.qualifier) + ")" : ""}` : "no state yet";
    const since = thread.since ? ` since ${text(thread.since)}` : "";
    const by = thread.moved_by ? `, moved by ${text(thread.moved_by)}` : "";
    card.append(node("p", `${state}${since}${by}${thread.disputed ? " — disputed" : ""}`, "thread-status"));
    if (Array.isArray(thread.history) && thread.history.length > 1) {
      const list = node("ol", null, "history");
      for (const h of thread.history) {
        list.append(node("li", `${text(h.since) || "undated"}: ${text(h.state)}${h.moved_by ? " (" + text(h.moved_by) + ")" : ""}`));
      }
      card.append(list);
    }
    if (Array.isArray(thread.conflicts) && thread.conflicts.length) {
      card.append(node("p", `${thread.conflicts.length} conflicting reports`, "error"));
    }
    if (Array.isArray(thread.events) && thread.events.length) {
      const list = node("ul", null, "thread-events");
      for (const e of thread.events.slice(0, 20)) {
        const li = node("li");
        li.append(node("span", `${text(e.date) || "undated"} ${text(e.direction)} ${text(e.event)}: `, "key"));
        li.append(node("span", text(e.sentence)));
        if (e.event_id) {
          li.classList.add("clickable");
          li.addEventListener("click", () => showEvent(e.event_id));
        }
        list.append(li);
      }
      if (thread.events.length > 20) list.append(node("li", `… ${thread.events.length - 20} more`));
      card.append(list);
    }
    return card;
  }

  // Any JSON value as nested lists of text, depth-limited.
  function valueTree(value, depth) {
    if (value === null || typeof value !== "object") return node("span", value === null ? "–" : value);
    if (depth > 3) return node("span", JSON.stringify(value).slice(0, 200));
    const list = node("ul", null, "tree");
    const entries = Array.isArray(value) ? value.slice(0, 50).map((v, i) => [i + 1, v]) : Object.entries(value);
    for (const [key, item] of entries) {
      const li = node("li");
      li.append(node("span", `${key}: `, "key"));
      li.append(valueTree(item, depth + 1));
      list.append(li);
    }
    if (Array.isArray(value) && value.length > 50) list.append(node("li", `… ${value.length - 50} more`));
    return list;
  }

  function rowValue(e, key) {
    if (key === "actors") return codes(e.actor);
    if (key === "recipients") return codes(e.recipient);
    if (key === "intensity") return e.intensity;
    return e[key] === null || e[key] === undefined ? "" : e[key];
  }

  // The table's controls (words, type) choose the events of both the map and the table; a place chosen on
  // the map narrows the table further.
  function controlled() {
    const words = $("filter").value.trim().toLowerCase();
    const type = $("type-filter").value;
    return state.events.filter((e) => {
      if (type && e.event !== type) return false;
      if (!words) return true;
      const place = e.place ? [e.place.name, e.place.adm1, e.place.country].join(" ") : "";
      const hay = [e.date, e.event, e.mode, codes(e.actor), codes(e.recipient), e.trigger, e.sentence, e.doc_id, place]
        .join(" ").toLowerCase();
      return hay.includes(words);
    });
  }

  function renderTable() {
    const chosen = controlled();
    renderMap(chosen);
    const rows = state.place ? chosen.filter((e) => window.DetenteMap.placeKey(e) === state.place) : chosen;
    const key = state.sortKey, dir = state.sortDir;
    rows.sort((x, y) => {
      const a = rowValue(x, key), b = rowValue(y, key);
      if (typeof a === "number" && typeof b === "number") return (a - b) * dir;
      return String(a).localeCompare(String(b)) * dir;
    });
    const body = $("events").querySelector("tbody");
    body.replaceChildren();
    for (const e of rows) {
      const tr = node("tr", null, `quad-${e.quad || "none"}`);
      tr.dataset.eventId = e.event_id;
      tr.tabIndex = 0;
      for (const value of [e.date || "", e.event, e.mode, codes(e.actor), codes(e.recipient),
        e.intensity, e.trigger, e.doc_id]) {
        tr.append(node("td", value));
      }
      tr.addEventListener("click", () => showEvent(e.event_id));
      tr.addEventListener("keydown", (k) => { if (k.key === "Enter") showEvent(e.event_id); });
      body.append(tr);
    }
    $("events-count").textContent = `(${rows.length} of ${state.events.length})`;
    $("place-filter").hidden = !state.place;
    for (const th of $("events").querySelectorAll("th[data-key]")) {
      th.dataset.sorted = th.dataset.key === key ? (dir > 0 ? "asc" : "desc") : "";
    }
  }

  function renderMap(events) {
    if (!window.DetenteMap || !state.pair.length) return;
    window.DetenteMap.draw($("map"), events, {
      highlight: state.pair,
      selected: state.place,
      onPlace: choosePlace,
    }).then((points) => {
      const placed = points.reduce((s, p) => s + p.count, 0);
      $("map-count").textContent = `(${plural(points.length, "place")}, ${placed} of ${plural(events.length, "event")} placed)`;
    });
  }

  // A place on the map opens its events: the table shows only them, the first is opened below.
  function choosePlace(key, place) {
    state.place = state.place === key ? "" : key;
    $("place-name").textContent = state.place ? `${place.name}${place.country && place.country !== place.name ? " (" + place.country + ")" : ""}` : "";
    renderTable();
    if (!state.place) return;
    const first = $("events").querySelector("tbody tr");
    if (first) showEvent(first.dataset.eventId);
    $("events").scrollIntoView({ block: "nearest" });
  }

  function sortBy(key) {
    state.sortDir = state.sortKey === key ? -state.sortDir : 1;
    state.sortKey = key;
    renderTable();
  }

  // -- one event: sentence with trigger and actors highlighted -----------------------------------
  async function showEvent(eventId) {
    try {
      const detail = await getJSON(`/events/${encodeURIComponent(eventId)}`);
      renderDetail(detail);
    } catch (error) {
      $("detail").hidden = false;
      $("detail-sentence").textContent = `Error: ${error.message}`;
    }
  }

  function highlighted(sentence, spans) {
    const usable = spans
      .filter((s) => Number.isInteger(s.sentence_start) && Number.isInteger(s.sentence_end) && s.sentence_end > s.sentence_start)
      .sort((a, b) => a.sentence_start - b.sentence_start);
    const parts = [];
    let at = 0;
    for (const span of usable) {
      if (span.sentence_start < at) continue; // overlapping spans: keep the first
      if (span.sentence_start > at) parts.push(document.createTextNode(sentence.slice(at, span.sentence_start)));
      const mark = node("mark", sentence.slice(span.sentence_start, span.sentence_end), span.kind);
      mark.title = span.code ? `${span.kind} ${span.code}` : span.kind;
      parts.push(mark);
      at = span.sentence_end;
    }
    if (at < sentence.length) parts.push(document.createTextNode(sentence.slice(at)));
    return parts;
  }

  function renderDetail(detail) {
    const e = detail.event;
    $("detail").hidden = false;
    $("detail-id").textContent = e.event_id;
    $("detail-sentence").replaceChildren(...highlighted(e.sentence || "", detail.spans || []));
    const facts = $("detail-facts");
    facts.replaceChildren();
    const add = (term, value) => {
      if (value === "" || value === null || value === undefined) return;
      facts.append(node("dt", term), node("dd", value));
    };
    add("type", e.mode ? `${e.event} (${e.mode})` : e.event);
    add("actor", (e.actor || []).map(entityText).join(", "));
    add("recipient", (e.recipient || []).map(entityText).join(", "));
    add("date", e.date ? `${e.date} (${e.date_precision})` : "");
    add("intensity", e.intensity);
    add("quad", e.quad);
    add("about", e.object);
    add("location", e.location);
    const p = e.place || {};
    if (p.precision && p.precision !== "none") {
      const where = [p.name, p.adm1 && p.adm1 !== p.name ? p.adm1 : "", p.country && p.country !== p.name ? p.country : ""];
      add("place", `${where.filter(Boolean).join(", ")} (${p.precision}${p.why ? "; " + p.why : ""})`);
    }
    const flags = ["negated", "hypothetical", "future", "historical"].filter((f) => e[f]);
    add("flags", flags.join(", "));
    const r = detail.reports;
    add("reports", `${plural(r.mentions, "mention")}, ${plural(r.sources, "source")}, ${plural(r.articles, "article")}`);
    add("article", detail.article ? `${detail.article.id}${detail.article.title ? ": " + detail.article.title : ""}${detail.article.summary_only ? " (the feed gave only a summary: the summary was coded)" : ""}` : "");
    add("pattern", e.pattern);
    // A link only for an http(s) url; no url, or another kind, is plain text, not a dead link.
    const link = $("detail-source");
    const url = safeUrl(detail.source_url || "");
    link.hidden = !url;
    $("detail-no-source").hidden = Boolean(url);
    $("detail-no-source").textContent = detail.source_url && !url ? detail.source_url : "none";
    link.textContent = url ? detail.source_url : "";
    if (url) link.href = url; else link.removeAttribute("href");
    $("detail").scrollIntoView({ block: "nearest" });
  }

  // -- coding an article -----------------------------------------------------------------------
  async function submitArticle(event) {
    event.preventDefault();
    const status = $("submit-status");
    const article = { id: $("article-id").value.trim(), text: $("article-text").value };
    if ($("article-date").value) article.date = $("article-date").value;
    if ($("article-title").value) article.title = $("article-title").value;
    if ($("article-url").value) article.url = $("article-url").value;
    status.textContent = "Coding…";
    try {
      const result = await getJSON("/articles", {
        method: "POST",
        headers: { "Content-Type": "application/json", Authorization: `Bearer ${$("token").value}` },
        body: JSON.stringify({ articles: [article] }),
      });
      const events = result.articles.flatMap((a) => a.events);
      const r = result.report;
      const noun = events.length === 1 ? "event" : "events";
      status.textContent = `${events.length} ${noun} (${r.coded} coded, ${r.unchanged} unchanged, ${r.events_stored} stored).`;
      const table = $("submit-events");
      const body = table.querySelector("tbody");
      body.replaceChildren();
      for (const e of events) {
        const tr = node("tr");
        for (const value of [e.event, e.mode, codes(e.actor), codes(e.recipient), e.trigger]) tr.append(node("td", value));
        const cell = node("td", null, "sentence");
        cell.append(...highlighted(e.sentence || "", localSpans(e)));
        tr.append(cell);
        tr.dataset.eventId = e.event_id;
        tr.addEventListener("click", () => showEvent(e.event_id));
        body.append(tr);
      }
      table.hidden = false;
    } catch (error) {
      status.textContent = `Error: ${error.message}`;
    }
  }

  // The trigger's place in its sentence when only the event is at hand.
  function localSpans(e) {
    const at = e.trigger ? (e.sentence || "").indexOf(e.trigger) : -1;
    return at < 0 ? [] : [{ kind: "trigger", sentence_start: at, sentence_end: at + e.trigger.length, code: "" }];
  }

  function readFile() {
    const file = $("article-file").files[0];
    if (!file) return;
    const reader = new FileReader();
    reader.onload = () => {
      $("article-text").value = String(reader.result);
      if (!$("article-id").value) $("article-id").value = file.name.replace(/\.txt$/i, "");
    };
    reader.readAsText(file);
  }

  function init() {
    $("country-form").addEventListener("submit", (event) => {
      event.preventDefault();
      showCountry($("country-search").value);
    });
    $("overview-show").addEventListener("click", () => {
      loadOverview();
      if (state.country) showCountry(state.country);
    });
    loadOverview();
    $("pair-form").addEventListener("submit", showPair);
    $("pair-select").addEventListener("change", () => {
      const [a, b] = $("pair-select").value.split(",");
      if (!a || !b) return;
      $("code-a").value = a;
      $("code-b").value = b;
      showPair();
    });
    $("filter").addEventListener("input", renderTable);
    $("type-filter").addEventListener("change", renderTable);
    $("place-clear").addEventListener("click", () => { state.place = ""; renderTable(); });
    if (window.DetenteMap) window.DetenteMap.legend($("map-legend"));
    for (const th of $("events").querySelectorAll("th[data-key]")) {
      th.addEventListener("click", () => sortBy(th.dataset.key));
    }
    if ($("article-form")) {
      $("article-form").addEventListener("submit", submitArticle);
      $("article-file").addEventListener("change", readFile);
    }
  }

  document.addEventListener("DOMContentLoaded", init);
})();
