// copydesk run report: draws the embedded JSON. No network, no libraries; every piece of
// data goes into the page as text (textContent), never as markup.
"use strict";
(function () {
  const PAGE_SIZE = 100;
  const MAX_FAILURES = 200;
  const PALETTE = ["#ffd6a5", "#caffbf", "#9bf6ff", "#bdb2ff", "#ffc6ff", "#fdffb6", "#a0c4ff", "#ffadad",
    "#d0f4de", "#e4c1f9", "#f1c0e8", "#b9fbc0"];
  const NO_SPEAKER = "#e2e2e2";
  const summary = JSON.parse(document.getElementById("summary").textContent);
  const index = JSON.parse(document.getElementById("index").textContent);
  const positions = new Map(index.map((entry, i) => [entry.id, i]));
  let shown = index.map((_, i) => i);
  let page = 0;
  let current = -1;

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attrs || {})) {
      if (key === "style") node.style.cssText = value;
      else if (key === "class") node.className = value;
      else node.setAttribute(key, value);
    }
    for (const child of children) {
      if (child === null || child === undefined) continue;
      node.append(child instanceof Node ? child : String(child));
    }
    return node;
  }

  function row(...cells) {
    return el("tr", null, ...cells.map((c) => (c instanceof Node && c.tagName === "TD" ? c : el("td", null, c))));
  }

  function drawOverview() {
    const s = summary;
    document.getElementById("run-line").textContent =
      `pipeline ${s.pipeline} · ${s.seconds.toFixed(2)} s · ${s.docs_per_second.toFixed(1)} docs/s` +
      (s.output ? ` · records: ${s.output}` : "") + (s.aborted ? ` · stopped: ${s.aborted}` : "");
    const totals = document.getElementById("totals");
    for (const [key, label] of [["read", "read"], ["written", "written"], ["dropped", "dropped"], ["failed", "failed"],
      ["resumed", "already done"], ["kept_errors", "written with errors"]]) {
      if (key === "resumed" && !s.resumed) continue;
      if (key === "kept_errors" && !s.kept_errors) continue;
      totals.append(el("div", { class: `card ${key}` }, el("b", null, s[key]), el("span", null, label)));
    }
    const steps = document.getElementById("steps");
    const secs = Object.entries(s.step_seconds);
    const longest = Math.max(1e-9, ...secs.map(([, v]) => v));
    steps.append(el("tr", null, el("th", null, "step"), el("th", null, "seconds"), el("th", null, "ms/doc"), el("th", null, "")));
    if (!secs.length) steps.append(row("no step ran"));
    for (const [name, value] of secs) {
      const perDoc = s.read ? (1000 * value) / s.read : 0;
      steps.append(row(name, el("td", { class: "num" }, value.toFixed(3)), el("td", { class: "num" }, perDoc.toFixed(2)),
        el("td", { style: "width:40%" }, el("div", { class: "bar", style: `width:${(100 * value) / longest}%` }))));
    }
    const reasons = document.getElementById("reasons");
    const counted = Object.entries(s.reasons);
    if (!counted.length) reasons.append(row("nothing dropped or failed"));
    for (const [reason, count] of counted) reasons.append(row(reason, el("td", { class: "num" }, count)));
    const failures = document.getElementById("failures");
    const failed = index.filter((e) => e.status === "failed");
    if (!failed.length) document.getElementById("failures-box").hidden = true;
    for (const entry of failed.slice(0, MAX_FAILURES)) {
      failures.append(el("li", null, el("a", { href: `#doc=${encodeURIComponent(entry.id)}` }, entry.uri),
        ` at ${entry.step}: `, el("span", { class: "error" }, entry.reason || "")));
    }
    if (failed.length > MAX_FAILURES) {
      failures.append(el("li", { class: "hint" }, `and ${failed.length - MAX_FAILURES} more: choose "failed" in the list below`));
    }
  }

  function filter() {
    const words = document.getElementById("search").value.toLowerCase().split(/\s+/).filter(Boolean);
    const status = document.getElementById("status").value;
    shown = [];
    index.forEach((entry, i) => {
      if (status && entry.status !== status) return;
      const hay = `${entry.id} ${entry.title || ""} ${entry.uri} ${entry.reason || ""}`.toLowerCase();
      if (words.every((w) => hay.includes(w))) shown.push(i);
    });
    page = 0;
    drawList();
  }

  function drawList() {
    const list = document.getElementById("list");
    const pages = Math.max(1, Math.ceil(shown.length / PAGE_SIZE));
    page = Math.min(page, pages - 1);
    list.replaceChildren();
    for (const i of shown.slice(page * PAGE_SIZE, (page + 1) * PAGE_SIZE)) {
      const entry = index[i];
      const link = el("a", { href: `#doc=${encodeURIComponent(entry.id)}`, class: i === current ? "current" : "" },
        el("span", { class: `status ${entry.status}` }, entry.status), entry.title || entry.id, el("small", null, entry.uri));
      list.append(el("li", null, link));
    }
    document.getElementById("list-count").textContent = `${shown.length} of ${index.length} documents`;
    document.getElementById("page").textContent = `page ${page + 1} of ${pages}`;
    document.getElementById("prev").disabled = page === 0;
    document.getElementById("next").disabled = page >= pages - 1;
  }

  function speakerColours(record) {
    const colours = new Map();
    for (const speaker of record.speakers || []) {
      if (!colours.has(speaker.name)) colours.set(speaker.name, PALETTE[colours.size % PALETTE.length]);
    }
    for (const quote of record.quotes || []) {
      const name = quote.speaker && quote.speaker.name;
      if (name && !colours.has(name)) colours.set(name, PALETTE[colours.size % PALETTE.length]);
    }
    return colours;
  }

  function quoteTitle(quote) {
    const who = quote.speaker ? quote.speaker.name + (quote.speaker.role ? `, ${quote.speaker.role}` : "") : "no speaker";
    const cue = quote.cue ? ` · cue: ${quote.cue.text}` : "";
    const confidence = typeof quote.confidence === "number" ? ` · confidence ${quote.confidence.toFixed(2)}` : "";
    return `${quote.type} quote · ${who}${cue}${confidence}`;
  }

  // The article text with quotes, speaker mentions and cues marked, and each removed block
  // put back where it stood (its `at`), struck through, its reason shown on hover.
  function drawText(record, colours) {
    const text = record.text || "";
    const marks = [];
    (record.quotes || []).forEach((q, n) => {
      const colour = q.speaker ? colours.get(q.speaker.name) : NO_SPEAKER;
      marks.push({ start: q.start, end: q.end, kind: "quote", n, colour, title: quoteTitle(q) });
      if (q.cue) marks.push({ start: q.cue.start, end: q.cue.end, kind: "cue" });
    });
    for (const speaker of record.speakers || []) {
      for (const [start, end] of speaker.mentions || []) {
        marks.push({ start, end, kind: "mention", colour: colours.get(speaker.name), title: speaker.name });
      }
    }
    const removed = (record.removed || []).filter((r) => Number.isInteger(r.at)).sort((x, y) => x.at - y.at);
    const bounds = new Set([0, text.length]);
    for (const m of marks) { bounds.add(m.start); bounds.add(m.end); }
    for (const r of removed) bounds.add(Math.min(r.at, text.length));
    const cuts = [...bounds].filter((b) => b >= 0 && b <= text.length).sort((a, b) => a - b);
    const out = el("div", { class: "article" });
    let r = 0;
    const putRemoved = (upTo) => {
      while (r < removed.length && Math.min(removed[r].at, text.length) <= upTo) out.append(removedBlock(removed[r++]));
    };
    for (let c = 0; c < cuts.length - 1; c++) {
      const [a, b] = [cuts[c], cuts[c + 1]];
      putRemoved(a);
      let node = document.createTextNode(text.slice(a, b));
      const active = marks.filter((m) => m.start <= a && b <= m.end);
      for (const kind of ["cue", "mention", "quote"]) {
        const m = active.find((x) => x.kind === kind);
        if (!m) continue;
        const attrs = kind === "quote"
          ? { class: "quote", "data-quote": m.n, title: m.title, style: `--q:${m.colour}` }
          : { class: kind, title: m.title || "cue", style: m.colour ? `--q:${m.colour}` : "" };
        node = el(kind === "quote" ? "mark" : "span", attrs, node);
      }
      out.append(node);
    }
    putRemoved(Infinity);
    return out;
  }

  function removedBlock(entry) {
    const why = entry.reason + (entry.detail ? `: ${entry.detail}` : "");
    return el("del", { class: "removed", title: `removed · ${why}`, "data-reason": entry.reason },
      entry.text, el("span", { class: "reason" }, why));
  }

  function drawSide(record, colours) {
    const side = el("aside", { class: "side" });
    const speakers = record.speakers || [];
    side.append(el("h2", null, `Speakers (${speakers.length})`));
    const list = el("ul", { class: "speakers" });
    for (const speaker of speakers) {
      const quotes = (record.quotes || []).filter((q) => q.speaker && q.speaker.name === speaker.name).length;
      list.append(el("li", null, el("span", { class: "swatch", style: `--q:${colours.get(speaker.name)}` }),
        el("span", null, el("b", null, speaker.name), speaker.role ? `, ${speaker.role}` : "",
          el("div", { class: "legend" }, `${quotes} quote(s) · ${(speaker.mentions || []).length} mention(s)`))));
    }
    if (!speakers.length) list.append(el("li", { class: "hint" }, "none"));
    side.append(list);
    const unplaced = (record.removed || []).filter((r) => !Number.isInteger(r.at));
    side.append(el("h2", null, `Removed (${(record.removed || []).length})`));
    const counts = {};
    for (const entry of record.removed || []) counts[entry.reason] = (counts[entry.reason] || 0) + 1;
    const reasons = el("ul", { class: "speakers" });
    for (const [reason, count] of Object.entries(counts)) reasons.append(el("li", null, `${count} × ${reason}`));
    side.append(reasons);
    for (const entry of unplaced) side.append(removedBlock(entry));
    return side;
  }

  function drawDocument(i) {
    const pane = document.getElementById("doc");
    const entry = index[i];
    const data = JSON.parse(document.getElementById(`d${i}`).textContent);
    current = i;
    pane.replaceChildren();
    pane.dataset.doc = entry.id;
    pane.append(el("div", { class: "meta" }, el("span", { class: `status ${entry.status}` }, entry.status), `${entry.id} · ${entry.uri}`));
    pane.append(el("h2", { class: "doc-title" }, entry.title || entry.id));
    if (data.reason) pane.append(el("p", null, `${data.status} at ${data.step}: `, el("span", { class: "error" }, data.reason)));
    for (const failure of data.failures || []) pane.append(el("p", { class: "error" }, `kept after: ${failure}`));
    const fields = el("table", { class: "fields" });
    for (const [key, value] of Object.entries(data.fields || {})) fields.append(row(key, value));
    const timing = Object.entries(data.seconds || {}).map(([k, v]) => `${k} ${(1000 * v).toFixed(1)} ms`).join(" · ");
    if (timing) fields.append(row("time", timing));
    pane.append(fields);
    if (data.record) {
      const colours = speakerColours(data.record);
      pane.append(el("div", { class: "columns" }, drawText(data.record, colours), drawSide(data.record, colours)));
    }
    drawList();
  }

  function fromHash() {
    const match = /^#doc=(.*)$/.exec(location.hash);
    const wanted = match ? positions.get(decodeURIComponent(match[1])) : undefined;
    if (wanted !== undefined) return drawDocument(wanted);
    const first = index.findIndex((e) => e.status === "written");
    if (index.length) drawDocument(first >= 0 ? first : 0);
  }

  document.getElementById("search").addEventListener("input", filter);
  document.getElementById("status").addEventListener("change", filter);
  document.getElementById("prev").addEventListener("click", () => { page -= 1; drawList(); });
  document.getElementById("next").addEventListener("click", () => { page += 1; drawList(); });
  window.addEventListener("hashchange", fromHash);
  // j / k: the next / previous document of the filtered list.
  document.addEventListener("keydown", (event) => {
    if (event.target instanceof HTMLInputElement || event.target instanceof HTMLSelectElement) return;
    if (event.key !== "j" && event.key !== "k") return;
    const at = shown.indexOf(current);
    const next = shown[Math.max(0, Math.min(shown.length - 1, at + (event.key === "j" ? 1 : -1)))];
    if (next === undefined) return;
    page = Math.floor(shown.indexOf(next) / PAGE_SIZE);
    location.hash = `doc=${encodeURIComponent(index[next].id)}`;
  });
  drawOverview();
  drawList();
  fromHash();
  document.body.dataset.ready = "true";
})();
