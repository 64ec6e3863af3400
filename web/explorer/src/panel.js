// The side panel: everything known about the selected subject, its paths, or one grouped edge.
// Sections the role may not see say "restricted" (with why); they are never an error.

import { can, restrictionOf } from "./api.js";
import { h, clear } from "./dom.js";
import { kindName, listTypeName, period, recordTypeName, relationName, t } from "./i18n.js";
import { endedBy, relationText } from "./graph.js";

function section(name, title, ...body) {
  return h("section", { class: "section", dataset: { section: name } }, h("h3", {}, title), ...body);
}

function restricted(field) {
  return h("p", { class: "restricted" }, `${t("restricted")}: ${t(restrictionOf(field))}`);
}

function none() {
  return h("p", { class: "muted" }, t("none"));
}

function row(label, value) {
  if (value == null || value === "") return null;
  return h("div", { class: "row" }, h("span", { class: "label" }, label), h("span", {}, value));
}

function subjectLink(subject, onSelect) {
  return h(
    "button",
    { class: "link", type: "button", dataset: { subject: subject.id }, onclick: () => onSelect(subject.id) },
    subject.name || subject.id,
  );
}

function percent(x) {
  return `${Math.round(x * 1000) / 10}%`;
}

function identity(subject, detail) {
  const s = detail?.subject || subject;
  const person = s.kind === "NATURAL_PERSON";
  const rows = [
    row(t("kind"), kindName(s.kind)),
    person ? row(t("idMasked"), s.idMasked || "—") : row(t("uscc"), s.uscc || s.id),
    person ? row(t("id"), s.id) : null,
    row(t("region"), s.region),
    row(t("industry"), s.industry),
    row(t("status"), s.status),
    row(t("registeredAt"), s.registeredAt),
  ];
  const blocks = [h("div", { class: "rows" }, rows)];
  if (person && detail) {
    const data = s.personalData;
    let body;
    if (!can("Person.personalData")) body = restricted("Person.personalData");
    else if (!data) body = none();
    else {
      body = h(
        "div",
        { class: "rows personal" },
        row(t("birthDate"), data.birthDate),
        row(t("gender"), data.gender),
        row(t("address"), data.address),
        row(t("phone"), data.phone),
      );
    }
    blocks.push(h("div", { class: "personal-data", dataset: { section: "personal" } }, h("h4", {}, t("personalData")), body));
  }
  return section("identity", t("identity"), blocks);
}

const ROLES_LISTED = 40; // a hub's panel lists the first ones; the canvas shows them all

function roles(id, relations, onSelect, subjects, asOf) {
  if (!relations.length) return section("roles", t("roles"), none());
  const items = relations.slice(0, ROLES_LISTED).map((link) => {
    const other = subjects.get(link.other) || { id: link.other };
    const outgoing = link.holder === id;
    return h(
      "li",
      {},
      h("span", { class: "dir" }, outgoing ? "→ " : "← "),
      subjectLink(other, onSelect),
      h("ul", { class: "relations" }, link.relations.map((r) => h("li", { class: endedBy(r, asOf) ? "ended" : "" }, relationText(r)))),
    );
  });
  const rest = relations.length - ROLES_LISTED;
  return section(
    "roles",
    t("roles"),
    h("ul", { class: "list" }, items),
    rest > 0 ? h("p", { class: "muted" }, t("moreCount", rest.toLocaleString())) : null,
  );
}

function records(detail) {
  const conn = detail.subject.records;
  if (!conn.edges.length) return section("records", t("records"), none());
  return section(
    "records",
    `${t("records")} (${conn.totalCount})`,
    h(
      "ul",
      { class: "list" },
      conn.edges.map(({ node: r }) =>
        h(
          "li",
          {},
          h("strong", {}, `${recordTypeName(r.recordType)} `),
          r.title || "",
          h("div", { class: "muted" }, [r.decisionNo, r.decisionDate, r.status, r.authority?.name].filter(Boolean).join(" · ")),
          r.legalBasis ? h("div", { class: "basis" }, r.legalBasis) : null,
        ),
      ),
    ),
  );
}

function entries(detail) {
  const conn = detail.subject.listEntries;
  if (!conn.edges.length) return section("entries", t("listEntries"), none());
  return section(
    "entries",
    `${t("listEntries")} (${conn.totalCount})`,
    h(
      "ul",
      { class: "list" },
      conn.edges.map(({ node: e }) =>
        h(
          "li",
          { class: `entry status-${e.status}` },
          h("strong", {}, `${listTypeName(e.listType)} · ${e.status}`),
          h("div", {}, e.reason || ""),
          h("div", { class: "muted" }, [e.decisionNo, e.decisionDate, e.authority?.name].filter(Boolean).join(" · ")),
          h("div", { class: "muted" }, `${t("validity")}: ${period(e.validFrom, e.validUntil) || "—"}`),
          e.legalBasis ? h("div", { class: "basis" }, e.legalBasis) : null,
        ),
      ),
    ),
  );
}

function flags(detail, handlers) {
  const list = detail.subject.flags;
  if (!list.length) return section("flags", t("flags"), none());
  return section(
    "flags",
    `${t("flags")} (${list.length})`,
    list.map((f) =>
      h(
        "article",
        { class: "flag", dataset: { flag: f.id } },
        h("div", { class: "flag-head" }, h("span", { class: "badge flag-badge" }, `⚑ ${f.ruleId}`), ` ${f.flagType} · ${f.status}`),
        h("div", { class: "rows" },
          row(t("rule"), `${f.why.rule.id} ${f.why.rule.zh}`),
          h("div", { class: "row legal-basis" }, h("span", { class: "label" }, t("legalBasis")), h("span", {}, `${f.legalBasisText} (${f.legalBasis})`)),
          row(t("source"), [listTypeName(f.why.source.type), f.why.source.decisionNo, f.why.source.decisionDate].filter(Boolean).join(" · ")),
          row(t("validity"), period(f.validFrom, f.validUntil)),
        ),
        f.why.paths.length
          ? h(
              "div",
              { class: "flag-paths" },
              h("span", { class: "label" }, t("path")),
              h("ul", {}, f.why.paths.map((p) => h("li", { class: "flag-path" }, p.text))),
              h(
                "button",
                {
                  type: "button",
                  class: "small",
                  onclick: () => handlers.showFlagPaths(f),
                },
                t("showOnCanvas"),
              ),
            )
          : null,
        h("p", { class: "summary" }, f.why.summary),
      ),
    ),
  );
}

function indicators(detail, handlers) {
  if (!can("Subject.riskIndicators")) return section("indicators", t("indicators"), restricted("Subject.riskIndicators"));
  const list = detail.subject.riskIndicators || [];
  if (!list.length) return section("indicators", t("indicators"), none());
  return section(
    "indicators",
    `${t("indicators")} (${list.length})`,
    list.map((r) =>
      h(
        "article",
        { class: "indicator" },
        h("div", {}, h("span", { class: "badge indicator-badge" }, r.indicatorType), ` ${t("score")} ${r.score.toFixed(2)} · `, subjectLink(r.source, handlers.select)),
        h("p", { class: "summary" }, r.rationale),
        h(
          "details",
          {},
          h("summary", {}, `${t("evidence")} (${r.evidence.length})`),
          h(
            "ul",
            {},
            r.evidence.map((e) =>
              h(
                "li",
                {},
                `${e.kind} ${e.score.toFixed(2)}: `,
                e.subjects.map((s) => s.name || s.id).join(" — "),
                h("ul", { class: "relations" }, e.links.map((l) => h("li", {}, evidenceLink(l, e.subjects)))),
              ),
            ),
          ),
          h("button", { type: "button", class: "small", onclick: () => handlers.showEvidence(r) }, t("showOnCanvas")),
        ),
      ),
    ),
  );
}

/** "张伟 —法定代表人 2016-04-01 起→ 北京示范商贸有限公司" */
function evidenceLink(link, subjects) {
  const name = (id) => subjects.find((s) => s.id === id)?.name || id;
  const rel = relationText({ role: link.role, from: link.since, to: null, ratio: link.ratio });
  return `${name(link.holderId)} —${rel}→ ${name(link.organizationId)}`;
}

function grade(detail) {
  if (!can("Subject.grade")) return section("grade", t("grade"), restricted("Subject.grade"));
  const g = detail.subject.grade;
  if (!g) return section("grade", t("grade"), none());
  return section(
    "grade",
    t("grade"),
    h("div", {}, h("span", { class: `badge grade grade-${g.grade}` }, g.grade), ` ${g.periodStart} – ${g.periodEnd}`),
    h("p", { class: "summary" }, g.reason),
    g.decidingItems.length
      ? h("div", {}, h("span", { class: "label" }, t("deciding")), h("ul", {}, g.decidingItems.map((i) => h("li", {}, `${i.itemClass} · ${i.type} · ${i.id}${i.date ? ` · ${i.date}` : ""}`))))
      : null,
  );
}

function ownership(detail, handlers) {
  if (detail.subject.kind === "NATURAL_PERSON") return null;
  if (!can("Query.ownership")) return section("ownership", t("ownership"), restricted("Query.ownership"));
  const owners = detail.ownership?.owners || [];
  const controller = detail.control?.controller;
  return section(
    "ownership",
    t("ownership"),
    controller ? h("div", { class: "row" }, h("span", { class: "label" }, t("controller")), subjectLink(controller, handlers.select)) : null,
    owners.length
      ? h(
          "ul",
          { class: "list owners" },
          owners.map((o) =>
            h("li", {}, subjectLink(o.owner, handlers.select), ` ${percent(o.share)}`, o.ultimate ? h("span", { class: "badge" }, t("ultimate")) : null),
          ),
        )
      : none(),
  );
}

/** The selected subject. `detail` is null while it loads. */
export function renderSubject(panel, { subject, detail, relations, subjects, expansion, asOf, handlers }) {
  clear(panel);
  const head = h(
    "header",
    { class: "panel-head" },
    h("h2", { id: "panel-title" }, subject.name || subject.id),
    h(
      "div",
      { class: "actions" },
      expansion?.more === false
        ? null
        : h("button", { type: "button", id: "expand", onclick: () => handlers.expand(subject.id) }, expansion ? t("loadMore") : t("expand")),
      h("button", { type: "button", onclick: () => handlers.pathFrom(subject.id) }, t("pathFrom")),
      h("button", { type: "button", onclick: () => handlers.pathTo(subject.id) }, t("pathTo")),
    ),
    expansion ? h("p", { class: "muted", id: "expansion-count" }, expansion.text) : null,
  );
  panel.append(head, identity(subject, detail), roles(subject.id, relations, handlers.select, subjects, asOf));
  if (!detail) {
    panel.append(h("p", { class: "muted" }, t("loading")));
    return;
  }
  panel.append(
    flags(detail, handlers),
    entries(detail),
    records(detail),
    grade(detail),
    indicators(detail, handlers),
  );
  const owned = ownership(detail, handlers);
  if (owned) panel.append(owned);
}

export function renderMessage(panel, text, kind = "muted") {
  clear(panel);
  panel.append(h("p", { class: kind }, text));
}

/** Paths between two subjects, hop by hop with every relation and its dates. */
export function renderPaths(panel, { from, to, paths, subjects, handlers }) {
  clear(panel);
  const name = (id) => subjects.get(id)?.name || id;
  panel.append(
    h("header", { class: "panel-head" }, h("h2", { id: "panel-title" }, `${t("pathsTitle")}: ${name(from)} → ${name(to)}`),
      h("div", { class: "actions" }, h("button", { type: "button", onclick: handlers.clearPath }, t("clearPath")))),
  );
  if (!paths.length) {
    panel.append(h("p", { class: "muted", id: "no-path" }, t("pathNone")));
    return;
  }
  panel.append(
    h(
      "ol",
      { class: "paths", dataset: { section: "paths" } },
      paths.map((p) =>
        h(
          "li",
          { class: "path" },
          p.hops.map((hop) =>
            h(
              "div",
              { class: "hop" },
              subjectLink({ id: hop.from.id, name: name(hop.from.id) }, handlers.select),
              " — ",
              hop.relations.map((r) => relationText(r)).join("；"),
              " — ",
              subjectLink({ id: hop.to.id, name: name(hop.to.id) }, handlers.select),
            ),
          ),
        ),
      ),
    ),
  );
}

/** One grouped edge: every relation between the two subjects. */
export function renderLink(panel, { link, subjects, handlers }) {
  clear(panel);
  const holder = subjects.get(link.holder) || { id: link.holder };
  const org = subjects.get(link.organization) || { id: link.organization };
  panel.append(
    h("header", { class: "panel-head" }, h("h2", { id: "panel-title" }, `${holder.name} → ${org.name}`)),
    section(
      "relations",
      t("roles"),
      h("ul", { class: "list" }, [...link.relations.values()].map((r) => h("li", {}, relationText(r)))),
      h("div", { class: "actions" }, subjectLink(holder, handlers.select), " ", subjectLink(org, handlers.select)),
    ),
  );
}
