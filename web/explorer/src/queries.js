// The GraphQL documents the explorer sends, built for what the session may ask (api.js `can`).
// Every connection is paged with `first`/`after` (MAX_PAGE_SIZE caps `first` at 100).

import { apiLang } from "./i18n.js";
import { can, mayAskHistory } from "./api.js";

/** Edges per connection and click: the cap on one expansion (a hub shows "more"). */
export const PAGE = 25;

function flagsArgs(asOf) {
  return asOf && mayAskHistory() ? "(asOf: $asOf)" : "";
}

/** What a node on the canvas needs to be drawn by state. */
function stateFragment(asOf) {
  const grade = can("Subject.grade") ? `grade${asOf ? "(asOf: $asOf)" : ""} { grade }` : "";
  const risk = can("Subject.riskIndicators") ? "riskIndicators { id score }" : "";
  return `fragment State on Subject {
    id name kind
    flags${flagsArgs(asOf)} { id ruleId flagType }
    inForce: listEntries(first: 1, status: [ACTIVE]) { totalCount }
    ${grade}
    ${risk}
    ... on Person { idMasked }
  }`;
}

const PAGE_FIELDS = `totalCount pageInfo { hasNextPage endCursor }`;

/** `query Name(params) {body}`, declaring `$asOf` only when the body uses it (GraphQL refuses an
 * unused variable), and the variables to match. */
function operation(name, params, body, vars, asOf) {
  const uses = body.includes("$asOf");
  const all = uses ? [...params, "$asOf: Date"] : params;
  const values = { ...vars };
  if (uses) values.asOf = asOf;
  return [`query ${name}(${all.join(", ")}) ${body}`, values];
}

export function searchQuery(text) {
  return [
    `query Search($q: String!) {
      searchSubjects(query: $q, first: 12) {
        totalCount
        edges { node { id name kind ... on Person { idMasked } } }
      }
    }`,
    { q: text },
  ];
}

export function subjectQuery(id, asOf) {
  const body = `{ subject(id: $id) { ...State } }
    ${stateFragment(asOf)}`;
  return operation("One", ["$id: ID!"], body, { id }, asOf);
}

/**
 * One page of a subject's relations: an organisation's holders (`roles`) and what it holds
 * (`heldRoles`), a person's roles. `cursors` says which connections to page and from where.
 */
export function expandQuery(id, asOf, cursors) {
  const withHolders = cursors.holders !== false;
  const withHeld = cursors.held !== false;
  const vars = {
    id,
    first: PAGE,
    holdersAfter: cursors.holders || null,
    heldAfter: cursors.held || null,
    withHolders,
    withHeld,
  };
  const at = asOf ? ", asOf: $asOf" : "";
  const params = [
    "$id: ID!",
    "$first: Int!",
    "$holdersAfter: String",
    "$heldAfter: String",
    "$withHolders: Boolean!",
    "$withHeld: Boolean!",
  ];
  const body = `{
      subject(id: $id) {
        ...State
        ... on Organization {
          holders: roles(first: $first, after: $holdersAfter${at}) @include(if: $withHolders) {
            ${PAGE_FIELDS} edges { role from to ratio node { ...State } }
          }
          held: heldRoles(first: $first, after: $heldAfter${at}) @include(if: $withHeld) {
            ${PAGE_FIELDS} edges { role from to ratio node { ...State } }
          }
        }
        ... on Person {
          personRoles: roles(first: $first, after: $heldAfter${at}) @include(if: $withHeld) {
            ${PAGE_FIELDS} edges { role from to ratio node { ...State } }
          }
        }
      }
    }
    ${stateFragment(asOf)}`;
  return operation("Expand", params, body, vars, asOf);
}

export function detailQuery(id, kind, asOf) {
  const lang = apiLang();
  const at = asOf ? "(asOf: $asOf)" : "";
  const organisation = kind !== "NATURAL_PERSON";
  const personal = can("Person.personalData")
    ? "personalData { idType birthDate gender address phone }"
    : "";
  const grade = can("Subject.grade")
    ? `grade${at} { grade periodStart periodEnd reason(lang: ${lang})
         decidingItems { kind id type itemClass date title } }`
    : "";
  const risk = can("Subject.riskIndicators")
    ? `riskIndicators { id indicatorType score distance rationale(lang: ${lang})
         source { id name } linkKinds
         evidence { kind score share subjects { id name }
                    links { holderId organizationId role since ratio } } }`
    : "";
  const ownership =
    organisation && can("Query.ownership")
      ? `ownership(id: $id${asOf ? ", asOf: $asOf" : ""}) {
           truncated owners { share ultimate owner { id name kind } } }`
      : "";
  const control =
    organisation && can("Query.control")
      ? `control(id: $id${asOf ? ", asOf: $asOf" : ""}) {
           controller { id name kind } steps { holder { id name } } }`
      : "";
  const body = `{
      subject(id: $id) {
        id name kind
        ... on Organization { uscc region industry status registeredAt }
        ... on Person { idMasked ${personal} }
        records(first: 20) { totalCount edges { node {
          id recordType title decisionNo decisionDate status legalBasis authority { name } } } }
        listEntries(first: 20) { totalCount edges { node {
          id listType status decisionNo decisionDate reason legalBasis validFrom validUntil
          authority { name } } } }
        flags${flagsArgs(asOf)} {
          id flagType ruleId status validFrom validUntil legalBasis
          legalBasisText(lang: ${lang})
          why {
            rule { id title zh }
            source { kind id type status decisionNo decisionDate }
            paths { role from to source { id name } holder { id name } text(lang: ${lang}) }
            summary(lang: ${lang})
          }
        }
        ${grade}
        ${risk}
      }
      ${ownership}
      ${control}
    }`;
  return operation("Detail", ["$id: ID!"], body, { id }, asOf);
}

export function pathsQuery(from, to) {
  return [
    `query Paths($from: ID!, $to: ID!) {
      pathsBetween(from: $from, to: $to, maxDepth: 4, first: 5) {
        totalCount
        edges { node { length
          nodes { ...State }
          hops { from { id } to { id } relations { role holder organization from to ratio } }
        } }
      }
    }
    ${stateFragment(null)}`,
    { from, to },
  ];
}
