// The explorer page: search, expand, inspect, paths, as-of, sign-in, export. Wiring only; the
// canvas model is graph.js, the questions queries.js, the panel panel.js.

import * as api from "./api.js";
import { h, clear, download } from "./dom.js";
import { Graph } from "./graph.js";
import { lang, roleName, setLang, t, translatePage } from "./i18n.js";
import { renderLink, renderMessage, renderPaths, renderSubject } from "./panel.js";
import * as q from "./queries.js";

const $ = (id) => document.getElementById(id);

const state = {
  asOf: null,
  selected: null,
  pathFrom: null,
  pathTo: null,
  /** id → the last detail answer (evidence for the export). */
  details: new Map(),
  paths: [],
  ticket: 0,
  busy: 0,
  pending: new Set(),
};

let graph;

// -- busy and notices ---------------------------------------------------------------------------
function setBusy(delta) {
  state.busy += delta;
  document.body.dataset.busy = String(state.busy);
}

async function guarded(work) {
  setBusy(1);
  try {
    return await work();
  } catch (error) {
    notify(`${t("error")}: ${error.message}`);
    return undefined;
  } finally {
    setBusy(-1);
    updateStatus();
  }
}

function notify(text) {
  const box = $("notice");
  box.textContent = text;
  box.hidden = !text;
}

function updateStatus() {
  const subjects = graph.subjects.size;
  const links = graph.links.size;
  $("status").textContent = lang() === "en" ? `${subjects} subjects · ${links} links` : `主体 ${subjects} · 关系 ${links}`;
  $("empty").hidden = subjects > 0;
}

// -- sign-in, role, purpose ---------------------------------------------------------------------
function showRole() {
  const role = api.role();
  const signedIn = Boolean(api.token());
  $("role").textContent = `${t("role")}: ${signedIn ? roleName(role) : t("notSignedIn")}`;
  $("role").dataset.role = role;
  $("sign-in").hidden = signedIn;
  $("sign-out").hidden = !signedIn;
}

function openSignIn() {
  $("token-input").value = "";
  $("sign-in-dialog").showModal();
  $("token-input").focus();
}

async function afterSessionChange() {
  showRole();
  state.details.clear();
  await redraw();
}

// -- search -------------------------------------------------------------------------------------
let searchTimer = 0;
let searchSeq = 0;

function onSearchInput() {
  clearTimeout(searchTimer);
  const text = $("search").value.trim();
  if (!text) {
    closeResults();
    return;
  }
  searchTimer = setTimeout(() => search(text), 180);
}

async function search(text) {
  const seq = ++searchSeq;
  const list = $("results");
  clear(list).hidden = false;
  list.append(h("li", { class: "muted" }, t("searching")));
  const answer = await guarded(() => api.ask(() => q.searchQuery(text)));
  if (seq !== searchSeq || !answer) return;
  clear(list);
  const edges = answer.data.searchSubjects.edges;
  if (!edges.length) list.append(h("li", { class: "muted" }, t("noResults")));
  for (const { node } of edges) {
    const detail = node.kind === "NATURAL_PERSON" ? node.idMasked || node.id : node.id;
    list.append(
      h(
        "li",
        {},
        h(
          "button",
          { type: "button", class: "result", dataset: { subject: node.id }, onclick: () => pick(node.id) },
          h("span", { class: `kind kind-${node.kind}` }, ""),
          h("span", { class: "name" }, node.name || node.id),
          h("span", { class: "muted" }, ` ${detail}`),
        ),
      ),
    );
  }
}

function closeResults() {
  clear($("results")).hidden = true;
}

async function pick(id) {
  closeResults();
  $("search").value = "";
  await addSeed(id);
}

// -- the canvas ---------------------------------------------------------------------------------
async function addSeed(id) {
  if (graph.subjects.has(id)) {
    if (!graph.seeds.includes(id)) graph.seeds.push(id);
    const selecting = select(id);
    if (!graph.expansions.has(id)) await expand(id);
    await selecting;
    return;
  }
  const answer = await guarded(() => api.ask(() => q.subjectQuery(id, state.asOf)));
  const subject = answer?.data?.subject;
  if (!subject) return;
  graph.seeds.push(id);
  const anchor = graph.seeds.length > 1 ? graph.seeds[0] : null;
  graph.addSubject(subject, anchor);
  await select(id);
  await expand(id);
}

function pageState(conn, before) {
  if (!conn) return before ?? { hasNext: false, cursor: null, total: 0, loaded: 0 };
  return {
    hasNext: conn.pageInfo.hasNextPage,
    cursor: conn.pageInfo.endCursor,
    total: conn.totalCount,
    loaded: (before?.loaded ?? 0) + conn.edges.length,
  };
}

/** Expand `id` one hop: its first page of relations, or the next page when some are shown. */
async function expand(id, { layout = true } = {}) {
  if (state.pending.has(id)) return;
  const before = graph.expansions.get(id);
  if (before && !before.holders.hasNext && !before.held.hasNext) return;
  const cursors = before
    ? {
        holders: before.holders.hasNext ? before.holders.cursor : false,
        held: before.held.hasNext ? before.held.cursor : false,
      }
    : { holders: null, held: null };
  state.pending.add(id);
  try {
    const answer = await guarded(() => api.ask(() => q.expandQuery(id, state.asOf, cursors)));
    const subject = answer?.data?.subject;
    if (!subject) return;
    graph.addSubject(subject);
    for (const e of subject.holders?.edges || []) {
      graph.addSubject(e.node, id);
      graph.addRelation(e.node.id, id, e);
    }
    for (const e of subject.held?.edges || subject.personRoles?.edges || []) {
      graph.addSubject(e.node, id);
      graph.addRelation(id, e.node.id, e);
    }
    const expansion = {
      holders: pageState(subject.holders, before?.holders),
      held: pageState(subject.held || subject.personRoles, before?.held),
    };
    graph.expansions.set(id, expansion);
    graph.drawMore(id, expansion);
    if (layout) autoLayout(!before);
    if (state.selected === id) refreshPanelCounts();
  } finally {
    state.pending.delete(id);
    updateStatus();
  }
}

/** Lay out small graphs automatically; big ones keep their rings (re-layout is a click away). */
function autoLayout(first) {
  const n = graph.cy.nodes().length;
  if (n <= 150) graph.layout({ randomize: first && n > 2 });
  else graph.fit();
}

function expansionText(id) {
  const exp = graph.expansions.get(id);
  if (!exp) return null;
  const total = exp.holders.total + exp.held.total;
  const loaded = exp.holders.loaded + exp.held.loaded;
  return {
    text: t("shown", loaded.toLocaleString(), total.toLocaleString()),
    more: exp.holders.hasNext || exp.held.hasNext,
  };
}

function refreshPanelCounts() {
  renderSelected();
}

const handlers = {
  select: (id) => focus(id),
  expand: (id) => expand(id),
  pathFrom: (id) => setPathEnd("from", id),
  pathTo: (id) => setPathEnd("to", id),
  clearPath: () => clearPath(),
  showFlagPaths: (flag) => showFlagPaths(flag),
  showEvidence: (indicator) => showEvidence(indicator),
};

/** A subject named in the panel: as a click on it on the canvas (added there if need be). */
async function focus(id) {
  if (!graph.cy.getElementById(id).nonempty()) {
    await addSeed(id);
    return;
  }
  const selecting = select(id);
  if (!graph.expansions.has(id)) await expand(id);
  await selecting;
}

function renderSelected() {
  const id = state.selected;
  if (!id) return;
  const subject = graph.subjects.get(id) || { id };
  renderSubject($("panel"), {
    subject,
    detail: state.details.get(id) || null,
    relations: graph.relationsOf(id),
    subjects: graph.subjects,
    expansion: expansionText(id),
    asOf: state.asOf,
    handlers,
  });
}

async function select(id) {
  state.selected = id;
  const ticket = ++state.ticket;
  graph.cy.elements().unselect();
  graph.cy.getElementById(id).select();
  const known = graph.subjects.get(id);
  state.details.delete(id);
  renderSelected();
  const answer = await guarded(() => api.ask(() => q.detailQuery(id, known?.kind, state.asOf)));
  if (ticket !== state.ticket || !answer?.data?.subject) return;
  state.details.set(id, answer.data);
  renderSelected();
}

function onTap(event) {
  const target = event.target;
  if (target === graph.cy) return;
  if (target.isNode()) {
    const of = target.data("of");
    if (of) {
      expand(of);
      return;
    }
    const id = target.id();
    select(id);
    if (!graph.expansions.has(id)) expand(id);
  } else if (target.isEdge() && target.id().startsWith("rel:")) {
    const link = graph.links.get(target.id().slice(4));
    if (link) renderLink($("panel"), { link, subjects: graph.subjects, handlers });
  }
}

/** Draw the whole network again as it stood on `state.asOf`: same seeds, same expansions. */
async function redraw() {
  const seeds = [...graph.seeds];
  const expanded = [...graph.expansions.keys()];
  const selected = state.selected;
  graph.clear();
  graph.asOf = state.asOf;
  state.details.clear();
  clearPath(false);
  if (!seeds.length) {
    updateStatus();
    renderMessage($("panel"), t("selectHint"));
    return;
  }
  await guarded(async () => {
    for (const id of seeds) {
      const answer = await api.ask(() => q.subjectQuery(id, state.asOf));
      if (answer.data?.subject) {
        graph.seeds.push(id);
        graph.addSubject(answer.data.subject, graph.seeds[0] === id ? null : graph.seeds[0]);
      }
    }
    for (const id of expanded) {
      if (graph.subjects.has(id)) await expand(id, { layout: false });
    }
  });
  graph.layout({ randomize: graph.cy.nodes().length > 2 });
  updateStatus();
  if (selected && graph.subjects.has(selected)) await select(selected);
  else renderMessage($("panel"), t("selectHint"));
}

// -- paths and evidence on the canvas -----------------------------------------------------------
function setPathEnd(end, id) {
  if (end === "from") state.pathFrom = id;
  else state.pathTo = id;
  showPathBar();
  if (state.pathFrom && state.pathTo && state.pathFrom !== state.pathTo) findPaths();
}

function showPathBar() {
  const name = (id) => (id ? graph.subjects.get(id)?.name || id : "—");
  $("path-from").textContent = name(state.pathFrom);
  $("path-to").textContent = name(state.pathTo);
  $("path-bar").hidden = !(state.pathFrom || state.pathTo);
}

async function findPaths() {
  const { pathFrom: from, pathTo: to } = state;
  if (!from || !to) {
    notify(t("pathPick"));
    return;
  }
  if (!api.can("Query.pathsBetween")) {
    renderMessage($("panel"), `${t("pathsTitle")}: ${t("restricted")} (${t("restrictedRole")})`, "restricted");
    return;
  }
  const answer = await guarded(() => api.ask(() => q.pathsQuery(from, to)));
  if (!answer) return;
  if (!answer.data?.pathsBetween) {
    renderMessage($("panel"), `${t("pathsTitle")}: ${t("restricted")} (${t("restrictedRole")})`, "restricted");
    return;
  }
  const paths = answer.data.pathsBetween.edges.map((e) => e.node);
  for (const p of paths) {
    for (let i = 0; i < p.nodes.length; i += 1) graph.addSubject(p.nodes[i], i ? p.nodes[i - 1].id : null);
    for (const hop of p.hops) for (const r of hop.relations) graph.addRelation(r.holder, r.organization, r);
  }
  state.paths = paths.map((p) => p.nodes.map((n) => n.id));
  if (graph.cy.nodes().length <= 150) graph.layout();
  graph.highlight(state.paths);
  renderPaths($("panel"), { from, to, paths, subjects: graph.subjects, handlers });
  updateStatus();
}

function clearPath(rerender = true) {
  state.paths = [];
  state.pathFrom = null;
  state.pathTo = null;
  graph.clearPath();
  showPathBar();
  if (rerender) renderSelected();
}

async function ensureSubjects(ids) {
  for (const id of ids) {
    if (graph.subjects.has(id)) continue;
    const answer = await api.ask(() => q.subjectQuery(id, state.asOf));
    if (answer.data?.subject) graph.addSubject(answer.data.subject, state.selected);
  }
}

async function showFlagPaths(flag) {
  await guarded(async () => {
    const ids = flag.why.paths.flatMap((p) => [p.holder.id, p.source.id]);
    await ensureSubjects(ids);
    for (const p of flag.why.paths) graph.addRelation(p.holder.id, p.source.id, p);
    state.paths = flag.why.paths.map((p) => [p.holder.id, p.source.id]);
    graph.highlight(state.paths);
  });
}

async function showEvidence(indicator) {
  await guarded(async () => {
    await ensureSubjects(indicator.evidence.flatMap((e) => e.subjects.map((s) => s.id)));
    for (const e of indicator.evidence) {
      for (const l of e.links) {
        graph.addRelation(l.holderId, l.organizationId, { role: l.role, from: l.since, to: null, ratio: l.ratio });
      }
    }
    state.paths = indicator.evidence.map((e) => e.subjects.map((s) => s.id));
    graph.highlight(state.paths);
  });
}

// -- export -------------------------------------------------------------------------------------
function stamp() {
  return new Date().toISOString().replace(/[:.]/g, "-").slice(0, 19);
}

function exportPng() {
  const blob = graph.cy.png({ output: "blob", full: true, scale: 2, bg: "#ffffff" });
  download(blob, `creditgraph-${stamp()}.png`);
}

function exportJson() {
  const evidence = {};
  for (const [id, detail] of state.details) {
    evidence[id] = {
      flags: detail.subject.flags,
      listEntries: detail.subject.listEntries.edges.map((e) => e.node),
      records: detail.subject.records.edges.map((e) => e.node),
      riskIndicators: detail.subject.riskIndicators ?? "restricted",
      grade: detail.subject.grade ?? "restricted",
      ownership: detail.ownership ?? null,
    };
  }
  const body = {
    exportedAt: new Date().toISOString(),
    asOf: state.asOf,
    role: api.role(),
    ...graph.toJSON(),
    paths: state.paths,
    evidence,
  };
  download(new Blob([JSON.stringify(body, null, 2)], { type: "application/json" }), `creditgraph-${stamp()}.json`);
}

// -- start --------------------------------------------------------------------------------------
function start() {
  setLang(lang());
  translatePage();
  graph = new Graph($("canvas"));
  graph.cy.on("tap", onTap);
  window.explorer = { graph, state }; // for the browser tests and the curious
  document.body.dataset.busy = "0";

  $("search").addEventListener("input", onSearchInput);
  $("search").addEventListener("keydown", (event) => {
    if (event.key === "Enter") {
      const first = $("results").querySelector("button.result");
      if (first) first.click();
    } else if (event.key === "Escape") closeResults();
  });
  document.addEventListener("click", (event) => {
    if (!$("search-box").contains(event.target)) closeResults();
  });
  $("as-of").addEventListener("change", () => {
    state.asOf = $("as-of").value || null;
    redraw();
  });
  $("as-of-clear").addEventListener("click", () => {
    $("as-of").value = "";
    state.asOf = null;
    redraw();
  });
  $("fit").addEventListener("click", () => graph.fit());
  $("relayout").addEventListener("click", () => graph.layout({ randomize: true }));
  $("clear").addEventListener("click", () => {
    graph.clear();
    clearPath(false);
    state.selected = null;
    state.details.clear();
    renderMessage($("panel"), t("selectHint"));
    updateStatus();
  });
  $("export-png").addEventListener("click", exportPng);
  $("export-json").addEventListener("click", exportJson);
  $("find-paths").addEventListener("click", findPaths);
  $("clear-path").addEventListener("click", () => clearPath());
  $("lang").addEventListener("click", () => {
    setLang(lang() === "zh" ? "en" : "zh");
    translatePage();
    showRole();
    graph.relabel();
    updateStatus();
    if (state.selected) select(state.selected);
  });

  $("sign-in").addEventListener("click", openSignIn);
  $("sign-out").addEventListener("click", async () => {
    api.signOut();
    await afterSessionChange();
  });
  $("sign-in-form").addEventListener("submit", async (event) => {
    event.preventDefault();
    api.signIn($("token-input").value);
    $("sign-in-dialog").close();
    await afterSessionChange();
  });
  $("sign-in-cancel").addEventListener("click", () => $("sign-in-dialog").close());
  api.whenSignedOut(() => {
    showRole();
    notify(lang() === "en" ? "The token was not accepted; continuing as the public." : "令牌无效或已过期，已切换为公众身份。");
  });

  $("purpose").value = api.purpose();
  $("purpose").addEventListener("change", () => {
    api.setPurpose($("purpose").value);
    if (state.selected) select(state.selected);
  });
  $("notice").addEventListener("click", () => notify(""));

  showRole();
  showPathBar();
  updateStatus();
  renderMessage($("panel"), t("selectHint"));
  const wanted = new URLSearchParams(location.search).get("subject");
  if (wanted) addSeed(wanted);
}

start();
