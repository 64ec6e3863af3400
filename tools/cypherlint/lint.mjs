#!/usr/bin/env node
// CreditGraph Cypher lint gate.
//
// Usage: node tools/cypherlint/lint.mjs [--json] [--jobs N] PATH...
//
// PATH is a .cypher file or a folder (searched recursively for *.cypher).
// Every file holds exactly one Cypher statement, preceded by a header of `//`
// lines:
//
//   // Fetch one enterprise and its current legal representatives.
//   // @param uscc STRING  the enterprise's USCC
//   // @param asOf DATE  optional date
//   // @returns uscc, name, legalRepresentatives
//   MATCH (e:Enterprise {uscc: $uscc}) ...
//
// Each statement is checked with lintCypherQuery from
// @neo4j-cypher/language-support (syntax errors, semantic errors, and the
// warnings/deprecation notifications of the Cypher 5 front end), with the
// header's parameters declared in the DbSchema. On top of that this script
// checks the header itself: valid `@param NAME TYPE` lines, no duplicate or
// unused declared parameter, one statement per file, no `CYPHER 25` prefix.
//
// Output: one line per diagnostic, `file:line:col severity message` (1-based
// line and column), or with --json a JSON array of objects. Exit status: 0 when
// there is no diagnostic at all, 1 when there is any (errors AND warnings),
// 2 on a usage problem (bad option, missing path, no .cypher file found, or the
// linter's semantic analysis not working).

import { readFileSync, readdirSync, statSync } from 'node:fs';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import path from 'node:path';
import {
  lintCypherQuery,
  parseParameters,
  parseStatementsStrs,
} from '@neo4j-cypher/language-support';

// We target Neo4j 5, i.e. the Cypher 5 language.
const CYPHER_VERSION = 'CYPHER 5';

// Header types -> a sample value of that type. The linter only needs the
// parameter to be present (a value other than undefined) in
// DbSchema.parameters; a value of the right type keeps it honest should the
// library ever use the values (hover, autocompletion do).
const SAMPLE_VALUES = {
  STRING: 'sample',
  INTEGER: 1,
  FLOAT: 1.5,
  BOOLEAN: true,
  DATE: '2024-01-01',
  DATETIME: '2024-01-01T00:00:00Z',
  LIST: [],
  MAP: {},
  'LIST<MAP>': [{}],
  'LIST<STRING>': ['sample'],
  ANY: 'sample',
};

const SEVERITY = { 1: 'error', 2: 'warning', 3: 'info', 4: 'hint' };

const PARAM_LINE = /^\/\/\s*@param\b(.*)$/;
const PARAM_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

function usage(message) {
  if (message) process.stderr.write(`cypherlint: ${message}\n`);
  process.stderr.write('usage: node tools/cypherlint/lint.mjs [--json] [--jobs N] PATH...\n');
  process.exit(2);
}

function collectFiles(target, out) {
  let st;
  try {
    st = statSync(target);
  } catch {
    usage(`no such file or directory: ${target}`);
  }
  if (st.isDirectory()) {
    const entries = readdirSync(target, { withFileTypes: true }).sort((a, b) =>
      a.name < b.name ? -1 : a.name > b.name ? 1 : 0,
    );
    for (const entry of entries) {
      if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
      const child = path.join(target, entry.name);
      if (entry.isDirectory()) collectFiles(child, out);
      else if (entry.name.endsWith('.cypher')) out.push(child);
    }
  } else {
    out.push(target);
  }
}

/** Offset (0-based) -> {line, col} (both 1-based). */
function positionAt(text, offset) {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text[i] === '\n') {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, col: offset - lineStart + 1 };
}

/**
 * Parse the leading `//` header. Returns the declared params and any header
 * diagnostics. Lines are 1-based.
 */
function parseHeader(lines) {
  const params = new Map(); // name -> {type, line, col}
  const diagnostics = [];
  let i = 0;
  while (i < lines.length && lines[i].trim() === '') i++;
  const headerStart = i;
  while (i < lines.length && lines[i].trimStart().startsWith('//')) {
    const raw = lines[i];
    const indent = raw.length - raw.trimStart().length;
    const m = PARAM_LINE.exec(raw.trim());
    if (m) {
      const fields = m[1].trim().split(/\s+/).filter(Boolean);
      const [name, type] = fields;
      const nameCol = indent + raw.trimStart().indexOf(name ?? '@param') + 1;
      if (!name || !type) {
        diagnostics.push({
          line: i + 1,
          col: indent + 1,
          severity: 'error',
          message: 'malformed header line: expected `// @param NAME TYPE description`',
        });
      } else if (!PARAM_NAME.test(name)) {
        diagnostics.push({
          line: i + 1,
          col: nameCol,
          severity: 'error',
          message: `invalid parameter name \`${name}\` in @param`,
        });
      } else if (!Object.hasOwn(SAMPLE_VALUES, type)) {
        diagnostics.push({
          line: i + 1,
          col: indent + raw.trimStart().indexOf(type, raw.trimStart().indexOf(name) + name.length) + 1,
          severity: 'error',
          message: `unknown type \`${type}\` for parameter $${name}; expected one of ${Object.keys(SAMPLE_VALUES).join(', ')}`,
        });
        // Still declare it so it is not also reported as undefined / unused.
        if (!params.has(name)) params.set(name, { type: 'ANY', line: i + 1, col: nameCol });
      } else if (params.has(name)) {
        diagnostics.push({
          line: i + 1,
          col: nameCol,
          severity: 'error',
          message: `parameter $${name} is declared twice in the header (first on line ${params.get(name).line})`,
        });
      } else {
        params.set(name, { type, line: i + 1, col: nameCol });
      }
    }
    i++;
  }
  const headerEnd = i; // index of the first line after the header
  if (headerEnd === headerStart) {
    diagnostics.push({
      line: headerStart + 1,
      col: 1,
      severity: 'error',
      message: 'missing header: the file must start with `//` comment lines describing the statement (`// @param NAME TYPE description`, `// @returns ...`)',
    });
  }
  // A @param after the header is not seen by the header parsers.
  for (let j = headerEnd; j < lines.length; j++) {
    const t = lines[j].trim();
    if (PARAM_LINE.test(t)) {
      diagnostics.push({
        line: j + 1,
        col: lines[j].indexOf('//') + 1,
        severity: 'error',
        message: '`@param` outside the leading `//` header is ignored; move it into the header',
      });
    }
  }
  return { params, diagnostics, headerEnd };
}

function stripComments(s) {
  return s.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/[^\n]*/g, '');
}

function lintFile(file) {
  const text = readFileSync(file, 'utf8').replace(/\r\n/g, '\n');
  const lines = text.split('\n');
  const header = parseHeader(lines);
  const diagnostics = [...header.diagnostics];

  const parameters = {};
  for (const [name, { type }] of header.params) parameters[name] = SAMPLE_VALUES[type];

  // Deliberately no labels / relationshipTypes / propertyKeys / functions /
  // procedures: with those absent the library skips its "not present in the
  // database" checks instead of flagging everything.
  const dbSchema = { parameters, defaultLanguage: CYPHER_VERSION };
  const { diagnostics: found } = lintCypherQuery(text, dbSchema, {
    consoleCommandsEnabled: false,
  });
  for (const d of found) {
    diagnostics.push({
      line: d.range.start.line + 1,
      col: d.range.start.character + 1,
      endLine: d.range.end.line + 1,
      endCol: d.range.end.character + 1,
      severity: SEVERITY[d.severity] ?? 'error',
      message: d.message,
      ...(d.tags?.length ? { tags: d.tags } : {}),
    });
  }

  // Used parameters (from the parse tree: comments and strings are ignored).
  const used = new Set(parseParameters(text, false));
  const reported = new Set(
    found
      .map((d) => /^Parameter \$`?(.+?)`? is not defined\.$/.exec(d.message)?.[1])
      .filter(Boolean),
  );
  for (const name of used) {
    if (!header.params.has(name) && !reported.has(name)) {
      diagnostics.push({
        line: 1,
        col: 1,
        severity: 'error',
        message: `Parameter $${name} is not defined. Declare it in the header with \`// @param ${name} TYPE description\``,
      });
    }
  }
  for (const [name, decl] of header.params) {
    if (!used.has(name)) {
      diagnostics.push({
        line: decl.line,
        col: decl.col,
        severity: 'error',
        message: `parameter $${name} is declared in the header but not used in the statement`,
      });
    }
  }

  // One statement per file. (lintCypherQuery happily lints several.)
  let cursor = 0;
  let seen = 0;
  for (const stmt of parseStatementsStrs(text)) {
    const at = text.indexOf(stmt, cursor);
    const start = at >= 0 ? at : cursor;
    cursor = start + stmt.length;
    const code = stripComments(stmt).trim();
    if (code === '' || code === ';') continue;
    if (++seen === 2) {
      const pos = positionAt(text, start + (stmt.length - stmt.trimStart().length));
      diagnostics.push({
        line: pos.line,
        col: pos.col,
        severity: 'error',
        message: 'more than one statement in the file: keep exactly one Cypher statement per .cypher file',
      });
    }
  }

  // Neo4j 5 does not understand the Cypher 25 language selector.
  const body = lines.slice(header.headerEnd).join('\n');
  const v = /^\s*CYPHER\s+25\b/i.exec(stripComments(body));
  if (v) {
    diagnostics.push({
      line: header.headerEnd + 1,
      col: 1,
      severity: 'error',
      message: '`CYPHER 25` is not available on Neo4j 5: write Cypher 5',
    });
  }

  diagnostics.sort((a, b) => a.line - b.line || a.col - b.col || (a.message < b.message ? -1 : 1));
  return diagnostics.map((d) => ({ file, ...d }));
}

/**
 * lintCypherQuery swallows any exception of its semantic analysis (a ~5 MB
 * transpiled Java front end) and then silently reports nothing but syntax
 * errors. Make sure it really works on this Node before trusting a clean run.
 */
function selfCheck() {
  const probe = 'MATCH (n) CALL { WITH n RETURN n.x AS y } RETURN y';
  const { diagnostics } = lintCypherQuery(probe, { defaultLanguage: CYPHER_VERSION }, {
    consoleCommandsEnabled: false,
  });
  if (!diagnostics.some((d) => /deprecated/i.test(d.message))) {
    throw new Error(
      'the semantic analysis of @neo4j-cypher/language-support reported no deprecation ' +
        `for a known-deprecated probe on Node ${process.version}; refusing to lint`,
    );
  }
}

function parseJobs(value) {
  const n = Number.parseInt(value, 10);
  if (!Number.isInteger(n) || n < 1 || String(n) !== String(value).trim()) {
    usage(`--jobs expects a positive integer, got ${value}`);
  }
  return n;
}

/** Lint `files` (absolute order kept via their index) on this thread. */
function lintShare(share) {
  selfCheck();
  return share.map(({ index, file }) => ({ index, diagnostics: lintFile(file) }));
}

/** Round-robin the files over `jobs` threads: this one plus jobs - 1 workers. */
async function lintAll(files, jobs) {
  const shares = Array.from({ length: jobs }, () => []);
  files.forEach((file, index) => shares[index % jobs].push({ index, file }));
  const workers = shares.slice(1).map(
    (share) =>
      new Promise((resolve, reject) => {
        const worker = new Worker(new URL(import.meta.url), { workerData: { share } });
        worker.once('message', resolve);
        worker.once('error', reject);
        worker.once('exit', (code) => {
          if (code !== 0) reject(new Error(`lint worker exited with code ${code}`));
        });
      }),
  );
  const mine = lintShare(shares[0]);
  const results = mine.concat(...(await Promise.all(workers)));
  results.sort((a, b) => a.index - b.index);
  return results.flatMap((r) => r.diagnostics);
}

async function main(argv) {
  let json = false;
  let jobs;
  const targets = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--json') json = true;
    else if (arg === '-h' || arg === '--help') usage();
    else if (arg === '--jobs' || arg === '-j') jobs = parseJobs(argv[++i]);
    else if (arg.startsWith('--jobs=')) jobs = parseJobs(arg.slice('--jobs='.length));
    else if (arg.startsWith('-') && arg !== '-') usage(`unknown option ${arg}`);
    else targets.push(arg);
  }
  if (targets.length === 0) usage('no PATH given');

  const files = [];
  for (const t of targets) collectFiles(t, files);
  if (files.length === 0) usage(`no .cypher files found under ${targets.join(' ')}`);

  // One thread by default. The semantic analysis costs ~0.05-0.5 s per statement and each extra
  // thread pays ~2-3 s of CPU to load and warm it up; on a 2-core machine a second thread gained
  // ~10% when idle and lost badly when the machine was busy. `--jobs N` opts in.
  if (jobs === undefined) jobs = 1;
  jobs = Math.min(jobs, files.length);

  const all = await lintAll(files, jobs);

  if (json) {
    process.stdout.write(JSON.stringify(all, null, 2) + '\n');
  } else {
    for (const d of all) {
      const message = d.message.replace(/\s*\n\s*/g, ' ');
      process.stdout.write(`${d.file}:${d.line}:${d.col} ${d.severity} ${message}\n`);
    }
  }
  if (all.length > 0) {
    const errors = all.filter((d) => d.severity === 'error').length;
    process.stderr.write(
      `cypherlint: ${all.length} problem(s) (${errors} error(s), ${all.length - errors} warning(s)) in ${files.length} file(s)\n`,
    );
    process.exitCode = 1;
  } else {
    process.exitCode = 0;
  }
}

if (isMainThread) {
  // `lint.mjs ... | head` closes the pipe early: stop quietly, keeping the exit status.
  process.stdout.on('error', (err) => {
    if (err.code === 'EPIPE') process.exit(process.exitCode ?? 1);
    throw err;
  });
  main(process.argv.slice(2)).catch((err) => {
    process.stderr.write(`cypherlint: ${err?.message ?? err}\n`);
    process.exit(2);
  });
} else {
  parentPort.postMessage(lintShare(workerData.share));
}
