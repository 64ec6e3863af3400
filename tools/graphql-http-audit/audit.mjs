#!/usr/bin/env node
// GraphQL-over-HTTP conformance audit of a running CreditGraph server.
//
// Usage: node tools/graphql-http-audit/audit.mjs URL
//
// URL is the GraphQL endpoint (e.g. http://127.0.0.1:8000/graphql). Runs
// graphql-http's `auditServer` (the audit suite of the GraphQL over HTTP
// spec's reference implementation) against it and prints one JSON object:
//
//   {
//     "url": "...",
//     "version": "<graphql-http version>",
//     "counts": {"MUST": {"ok": n, "failed": n}, "SHOULD": {...}, "MAY": {...}},
//     "results": [{"id", "name", "level", "status", "reason"?, "httpStatus"?, "body"?}]
//   }
//
// `status` is graphql-http's: "ok", or for a failed audit "error" (a MUST),
// "warn" (a SHOULD) or "notice" (a MAY). Exit status: 0 when every MUST
// passes (failed SHOULDs and MAYs are reported, not fatal), 1 when a MUST
// fails, 2 on a usage problem or a fatal error (e.g. the server is down).

import { readFileSync } from 'node:fs';
import { auditServer } from 'graphql-http';

const BODY_PREVIEW = 300; // characters of a failed audit's response body in the report

function usage(message) {
  process.stderr.write(`audit.mjs: ${message}\nusage: node audit.mjs URL\n`);
  process.exit(2);
}

async function preview(response) {
  // The audit may have read the body already; a failed audit's report is still useful without.
  try {
    const text = await response.text();
    return text.length > BODY_PREVIEW ? `${text.slice(0, BODY_PREVIEW)}…` : text;
  } catch {
    return undefined;
  }
}

async function main() {
  const [url, ...rest] = process.argv.slice(2);
  if (!url || rest.length > 0) usage('exactly one URL expected');
  try {
    new URL(url);
  } catch {
    usage(`not a URL: ${url}`);
  }
  const version = JSON.parse(
    readFileSync(new URL('./node_modules/graphql-http/package.json', import.meta.url), 'utf8'),
  ).version;

  const audited = await auditServer({ url });
  const counts = {};
  const results = [];
  for (const result of audited) {
    const level = result.name.split(' ', 1)[0];
    counts[level] ??= { ok: 0, failed: 0 };
    counts[level][result.status === 'ok' ? 'ok' : 'failed'] += 1;
    const entry = { id: result.id, name: result.name, level, status: result.status };
    if (result.status !== 'ok') {
      entry.reason = result.reason;
      entry.httpStatus = result.response?.status;
      if (result.response) entry.body = await preview(result.response);
    }
    results.push(entry);
  }
  process.stdout.write(`${JSON.stringify({ url, version, counts, results }, null, 2)}\n`);
  process.exit(results.some((r) => r.status === 'error') ? 1 : 0);
}

main().catch((error) => {
  process.stderr.write(`audit.mjs: fatal: ${error?.stack ?? error}\n`);
  process.exit(2);
});
