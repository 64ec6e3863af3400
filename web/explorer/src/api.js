// Talking to /graphql, and only to it: the bearer token and the stated purpose, what the role may
// ask for, and what to do when the server refuses part of a question.
//
// The token and the purpose live in sessionStorage (gone with the tab). The role is read from the
// token's own `role` claim to decide which fields to ask for (mirroring api/permissions.py); the
// server still decides. A field the server refuses (FORBIDDEN with `extensions.field`) is left
// out of the next questions and shown as "restricted": never an error page.

const ENDPOINT = "/graphql";
const TOKEN_KEY = "cg.token";
const PURPOSE_KEY = "cg.purpose";

const SUPERVISION = new Set(["investigator", "officer", "analyst", "admin"]);
const PERSONAL_DATA = new Set(["investigator", "officer"]);

/** Fields refused by the server this session (e.g. "Subject.grade"). */
const denied = new Set();

export class ApiError extends Error {
  constructor(message, code) {
    super(message);
    this.code = code;
  }
}

export function token() {
  return sessionStorage.getItem(TOKEN_KEY) || "";
}

export function purpose() {
  return sessionStorage.getItem(PURPOSE_KEY) || "";
}

export function setPurpose(value) {
  const text = value.trim();
  if (text) sessionStorage.setItem(PURPOSE_KEY, text);
  else sessionStorage.removeItem(PURPOSE_KEY);
}

export function signIn(value) {
  const text = value.trim().replace(/^bearer\s+/i, "");
  if (text) sessionStorage.setItem(TOKEN_KEY, text);
  denied.clear();
}

export function signOut() {
  sessionStorage.removeItem(TOKEN_KEY);
  denied.clear();
}

/** The role the token claims ("public" without a token; "unknown" for a token without one). */
export function role() {
  const value = token();
  if (!value) return "public";
  try {
    const payload = value.split(".")[1].replace(/-/g, "+").replace(/_/g, "/");
    const json = new TextDecoder().decode(Uint8Array.from(atob(payload), (c) => c.charCodeAt(0)));
    const claims = JSON.parse(json);
    return typeof claims.role === "string" ? claims.role : "unknown";
  } catch {
    return "unknown";
  }
}

/** May this session ask for `field` ("Type.field", as api/permissions.py names it)? */
export function can(field) {
  if (denied.has(field)) return false;
  const r = role();
  switch (field) {
    case "Person.personalData":
      return PERSONAL_DATA.has(r) && purpose() !== "";
    case "Subject.grade":
    case "Subject.riskIndicators":
    case "Query.ownership":
    case "Query.control":
    case "Query.pathsBetween":
      return SUPERVISION.has(r) || r === "unknown";
    default:
      return true;
  }
}

/** Why `field` is not shown: the role, or the missing purpose. */
export function restrictionOf(field) {
  if (field === "Person.personalData" && PERSONAL_DATA.has(role()) && !purpose()) {
    return "restrictedPurpose";
  }
  return "restrictedRole";
}

/** Past dates are history, which published-only roles may not ask flags for. */
export function mayAskHistory() {
  return SUPERVISION.has(role());
}

async function post(query, variables) {
  const headers = { "Content-Type": "application/json", Accept: "application/json" };
  const bearer = token();
  if (bearer) headers.Authorization = `Bearer ${bearer}`;
  const stated = purpose();
  // Header values are Latin-1 only; the server percent-decodes X-Purpose (api/auth.py).
  if (stated) headers["X-Purpose"] = encodeURIComponent(stated);
  const response = await fetch(ENDPOINT, {
    method: "POST",
    headers,
    body: JSON.stringify({ query, variables }),
    credentials: "omit",
  });
  let body;
  try {
    body = await response.json();
  } catch {
    throw new ApiError(`HTTP ${response.status}`, "HTTP");
  }
  return body;
}

/** Listeners told when the server rejects the token (it is dropped: the page goes on as public). */
const onSignedOut = [];
export function whenSignedOut(listener) {
  onSignedOut.push(listener);
}

/**
 * Ask `build()` (a function returning [query, variables], reading `can` as it builds) and return
 * `data`. Refused fields are dropped and the question asked again; other errors are thrown.
 */
export async function ask(build) {
  for (let attempt = 0; attempt < 4; attempt += 1) {
    const [query, variables] = build();
    const body = await post(query, variables);
    const errors = body.errors || [];
    const refused = errors.filter((e) => e.extensions?.code === "FORBIDDEN" && e.extensions?.field);
    const fresh = refused.filter((e) => !denied.has(e.extensions.field));
    if (fresh.length) {
      for (const e of fresh) denied.add(e.extensions.field);
      continue;
    }
    if (errors.some((e) => e.extensions?.code === "UNAUTHENTICATED") && token()) {
      signOut();
      for (const listener of onSignedOut) listener();
      continue;
    }
    if (body.data == null && errors.length) {
      throw new ApiError(errors[0].message, errors[0].extensions?.code);
    }
    return { data: body.data, errors };
  }
  throw new ApiError("refused", "FORBIDDEN");
}
