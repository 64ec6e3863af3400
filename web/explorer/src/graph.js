// The canvas: what is drawn (subjects, grouped relations, "more" markers) and how it looks.
//
// The model is kept here beside cytoscape so a redraw (another as-of date, another language) and
// the JSON export read the same facts: every relation between two subjects is one drawn edge
// listing all of them (a legal representative who also holds 60 % is one edge, two lines).

import cytoscape from "cytoscape";
import { period, relationName, t } from "./i18n.js";

const COLORS = {
  organisation: "#2f6f8f",
  person: "#5b7fbf",
  listed: "#c0392b",
  flagged: "#e67e22",
  indicator: "#d4ac0d",
  path: "#f1c40f",
  edge: "#8a99a8",
  ended: "#c3cbd3",
};

const STYLE = [
  {
    selector: "node",
    style: {
      label: "data(label)",
      "font-size": 11,
      "font-family": "Noto Sans CJK SC, WenQuanYi Micro Hei, PingFang SC, Microsoft YaHei, sans-serif",
      "text-valign": "bottom",
      "text-margin-y": 4,
      "text-wrap": "ellipsis",
      "text-max-width": 140,
      "text-background-color": "#ffffff",
      "text-background-opacity": 0.85,
      "text-background-padding": 2,
      color: "#1d2b36",
      width: 30,
      height: 30,
      "background-color": COLORS.person,
      "border-width": 2,
      "border-color": "#ffffff",
    },
  },
  {
    selector: "node.organisation",
    style: { shape: "round-rectangle", width: 40, height: 28, "background-color": COLORS.organisation },
  },
  { selector: "node.person", style: { shape: "ellipse" } },
  { selector: "node.listed", style: { "background-color": COLORS.listed } },
  {
    selector: "node.flagged",
    style: { "border-width": 5, "border-color": COLORS.flagged, "border-style": "double" },
  },
  {
    selector: "node.indicator",
    style: { "outline-width": 3, "outline-color": COLORS.indicator, "outline-offset": 2 },
  },
  { selector: "node.grade-C", style: { "background-blacken": 0.15 } },
  { selector: "node.grade-D", style: { "background-blacken": 0.35 } },
  { selector: "node.seed", style: { "font-weight": "bold", "font-size": 12 } },
  {
    selector: "node.more",
    style: {
      shape: "round-tag",
      width: 26,
      height: 26,
      "background-color": "#7f8c8d",
      "border-width": 2,
      "border-color": "#ffffff",
      "font-size": 12,
      "font-weight": "bold",
      color: "#2c3e50",
      "text-background-color": "#ecf0f1",
      "text-background-opacity": 1,
      "text-background-padding": 3,
      "text-background-shape": "round-rectangle",
      "z-index": 20,
    },
  },
  {
    selector: "node:selected",
    style: { "overlay-color": "#2980b9", "overlay-opacity": 0.2, "overlay-padding": 6 },
  },
  {
    selector: "edge",
    style: {
      width: 1.5,
      "curve-style": "bezier",
      "line-color": COLORS.edge,
      "target-arrow-color": COLORS.edge,
      "target-arrow-shape": "triangle",
      "arrow-scale": 0.8,
      label: "data(label)",
      "font-size": 9,
      "text-wrap": "wrap",
      "text-background-color": "#ffffff",
      "text-background-opacity": 0.85,
      "text-background-padding": 1,
      "min-zoomed-font-size": 7, // unreadably small labels are not drawn (hubs, zoomed out)
      color: "#4a5968",
    },
  },
  { selector: "edge.grouped", style: { width: 3 } },
  {
    selector: "edge.ended",
    style: { "line-style": "dashed", "line-color": COLORS.ended, "target-arrow-color": COLORS.ended },
  },
  {
    selector: "edge.more-link",
    style: { "line-style": "dotted", "target-arrow-shape": "none", label: "" },
  },
  {
    selector: "edge:selected",
    style: { "line-color": "#2980b9", "target-arrow-color": "#2980b9", width: 4 },
  },
  { selector: ".faded", style: { opacity: 0.2 } },
  {
    selector: "node.on-path",
    style: { "overlay-color": COLORS.path, "overlay-opacity": 0.45, "overlay-padding": 8 },
  },
  {
    selector: "edge.on-path",
    style: {
      width: 5,
      "line-color": COLORS.path,
      "target-arrow-color": COLORS.path,
      "z-index": 10,
      color: "#1d2b36",
    },
  },
];

const MAX_FIT_ZOOM = 1.2;

function today() {
  return new Date().toISOString().slice(0, 10);
}

/** Has the relation ended by `day` (the as-of date, else today)? */
export function endedBy(rel, day) {
  return Boolean(rel.to && rel.to < (day || today()));
}

function percent(ratio) {
  return `${Math.round(ratio * 1000) / 10}%`;
}

/** One relation in words: "法定代表人 60% 2019-03-01 起". */
export function relationText(rel) {
  const parts = [relationName(rel.role)];
  if (rel.ratio != null) parts.push(percent(rel.ratio));
  const when = period(rel.from, rel.to);
  if (when) parts.push(when);
  return parts.join(" ");
}

export class Graph {
  constructor(container) {
    /** id → subject facts (name, kind, flags, listed, grade, indicators). */
    this.subjects = new Map();
    /** "holder|organization" → {holder, organization, relations: Map} */
    this.links = new Map();
    /** id → {holders, held} paging state of an expanded subject. */
    this.expansions = new Map();
    this.seeds = [];
    /** The as-of date drawn (null: today); relations ended before it are drawn dashed. */
    this.asOf = null;
    this.cy = cytoscape({
      container,
      style: STYLE,
      minZoom: 0.05,
      maxZoom: 4,
      boxSelectionEnabled: false,
    });
  }

  clear() {
    this.subjects.clear();
    this.links.clear();
    this.expansions.clear();
    this.seeds = [];
    this.cy.elements().remove();
  }

  /** Add or refresh a subject from a `State` fragment; returns its cytoscape node. */
  addSubject(s, near) {
    const known = this.subjects.get(s.id) || {};
    const facts = {
      ...known,
      id: s.id,
      name: s.name ?? known.name ?? s.id,
      kind: s.kind ?? known.kind,
      idMasked: s.idMasked ?? known.idMasked,
      flags: s.flags ?? known.flags ?? [],
      listed: s.inForce ? s.inForce.totalCount > 0 : Boolean(known.listed),
      grade: s.grade ? s.grade.grade : known.grade,
      indicators: s.riskIndicators ? s.riskIndicators.length : (known.indicators ?? 0),
    };
    this.subjects.set(s.id, facts);
    let node = this.cy.getElementById(s.id);
    if (node.empty()) {
      const position = near ? this.placeNear(near) : { x: 0, y: 0 };
      node = this.cy.add({ group: "nodes", data: { id: s.id }, position });
    }
    this.styleNode(node, facts);
    return node;
  }

  styleNode(node, facts) {
    const person = facts.kind === "NATURAL_PERSON";
    const marks = [];
    if (facts.flags.length) marks.push("⚑");
    if (facts.grade && facts.grade !== "A") marks.push(facts.grade);
    const label = marks.length ? `${facts.name} [${marks.join(" ")}]` : facts.name;
    node.data({ label, name: facts.name, kind: facts.kind });
    node.classes([
      person ? "person" : "organisation",
      facts.listed ? "listed" : "",
      facts.flags.length ? "flagged" : "",
      facts.indicators ? "indicator" : "",
      facts.grade ? `grade-${facts.grade}` : "",
      this.seeds.includes(facts.id) ? "seed" : "",
    ].filter(Boolean));
  }

  /** A free spot on a ring around `id`'s node. */
  placeNear(id) {
    const centre = this.cy.getElementById(id);
    const origin = centre.nonempty() ? centre.position() : { x: 0, y: 0 };
    const count = this.cy.nodes().length;
    const angle = count * 2.39996; // golden angle: successive nodes spread round the ring
    const radius = 140 + 6 * Math.sqrt(count);
    return { x: origin.x + radius * Math.cos(angle), y: origin.y + radius * Math.sin(angle) };
  }

  /** Add one stored relation (holder → organization); parallel ones join the same edge. */
  addRelation(holder, organization, rel) {
    const key = `${holder}|${organization}`;
    let link = this.links.get(key);
    if (!link) {
      link = { holder, organization, relations: new Map() };
      this.links.set(key, link);
    }
    const relKey = `${rel.role}|${rel.from || ""}`;
    link.relations.set(relKey, {
      role: rel.role,
      from: rel.from ?? null,
      to: rel.to ?? null,
      ratio: rel.ratio ?? null,
    });
    this.drawLink(key, link);
  }

  drawLink(key, link) {
    const id = `rel:${key}`;
    let edge = this.cy.getElementById(id);
    if (edge.empty()) {
      edge = this.cy.add({
        group: "edges",
        data: { id, source: link.holder, target: link.organization },
      });
    }
    const relations = [...link.relations.values()];
    const ended = relations.every((r) => endedBy(r, this.asOf));
    edge.data("label", relations.map(relationText).join("\n"));
    edge.data("count", relations.length);
    edge.classes([relations.length > 1 ? "grouped" : "", ended ? "ended" : ""].filter(Boolean));
  }

  /** Redraw every label (after a language change). */
  relabel() {
    for (const [key, link] of this.links) this.drawLink(key, link);
    for (const facts of this.subjects.values()) {
      const node = this.cy.getElementById(facts.id);
      if (node.nonempty()) this.styleNode(node, facts);
    }
    for (const [id, exp] of this.expansions) this.drawMore(id, exp);
  }

  /** Relations of one subject, as drawn: [{other, holder, organization, relations}] */
  relationsOf(id) {
    const found = [];
    for (const link of this.links.values()) {
      if (link.holder === id || link.organization === id) {
        const other = link.holder === id ? link.organization : link.holder;
        found.push({ ...link, other, relations: [...link.relations.values()] });
      }
    }
    return found;
  }

  /** The "more" marker of an expanded subject with pages left: how many are not shown yet. */
  remaining(exp) {
    let left = 0;
    for (const part of [exp.holders, exp.held]) {
      if (part && part.hasNext) left += Math.max(part.total - part.loaded, 1);
    }
    return left;
  }

  drawMore(id, exp) {
    const moreId = `more:${id}`;
    const left = this.remaining(exp);
    const existing = this.cy.getElementById(moreId);
    if (!left) {
      existing.remove();
      return;
    }
    if (existing.empty()) {
      this.cy.add([
        {
          group: "nodes",
          data: { id: moreId, of: id },
          classes: "more",
          position: this.placeNear(id),
        },
        {
          group: "edges",
          data: { id: `morelink:${id}`, source: id, target: moreId },
          classes: "more-link",
        },
      ]);
    }
    this.cy.getElementById(moreId).data("label", t("moreCount", left.toLocaleString()));
  }

  layout(options = {}) {
    const nodes = this.cy.nodes().length;
    const layout = this.cy.layout({
      name: "cose",
      animate: false,
      randomize: false,
      fit: true,
      padding: 40,
      nodeDimensionsIncludeLabels: true,
      nodeRepulsion: () => 400000,
      idealEdgeLength: () => 150,
      edgeElasticity: () => 100,
      gravity: 40,
      numIter: nodes > 300 ? 300 : 1000,
      ...options,
    });
    layout.run();
    this.limitZoom();
  }

  /** A few nodes fitted would be drawn huge: keep the zoom readable. */
  limitZoom() {
    if (this.cy.zoom() > MAX_FIT_ZOOM) {
      this.cy.zoom(MAX_FIT_ZOOM);
      this.cy.center();
    }
  }

  fit() {
    this.cy.fit(undefined, 40);
    this.limitZoom();
  }

  clearPath() {
    this.cy.elements().removeClass("faded on-path");
  }

  /** Highlight subjects `ids` and the edges joining consecutive ones in each of `paths`. */
  highlight(paths) {
    this.clearPath();
    const on = this.cy.collection();
    for (const ids of paths) {
      for (let i = 0; i < ids.length; i += 1) {
        on.merge(this.cy.getElementById(ids[i]));
        if (i > 0) {
          on.merge(this.cy.getElementById(`rel:${ids[i - 1]}|${ids[i]}`));
          on.merge(this.cy.getElementById(`rel:${ids[i]}|${ids[i - 1]}`));
        }
      }
    }
    this.cy.elements().not(on).addClass("faded");
    on.addClass("on-path");
  }

  /** Nodes, grouped edges and what is known of each subject, for the case file. */
  toJSON() {
    return {
      nodes: [...this.subjects.values()].map((s) => {
        const node = this.cy.getElementById(s.id);
        return {
          id: s.id,
          name: s.name,
          kind: s.kind,
          idMasked: s.idMasked ?? null,
          listed: s.listed,
          flagRules: s.flags.map((f) => f.ruleId),
          grade: s.grade ?? null,
          riskIndicators: s.indicators,
          position: node.nonempty() ? node.position() : null,
          onPath: node.nonempty() && node.hasClass("on-path"),
        };
      }),
      edges: [...this.links.values()].map((l) => ({
        holder: l.holder,
        organization: l.organization,
        relations: [...l.relations.values()],
      })),
    };
  }
}
