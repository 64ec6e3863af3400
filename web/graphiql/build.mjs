// Bundle GraphiQL into api/static/graphiql (committed, so serving needs no Node), or into
// `--out DIR` (tests/test_graphiql.py builds into a temp dir and compares with the committed copy).
// One script, one stylesheet, one page: the page's CSP allows only 'self' (api/graphiql.py).
import { build } from "esbuild";
import { copyFile, mkdir, rm } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const flag = process.argv.indexOf("--out");
const out = flag > 0 ? process.argv[flag + 1] : join(here, "..", "..", "api", "static", "graphiql");

await rm(out, { recursive: true, force: true });
await mkdir(out, { recursive: true });
await build({
  entryPoints: { graphiql: join(here, "src", "main.jsx"), style: join(here, "src", "style.css") },
  bundle: true,
  minify: true,
  format: "iife",
  target: ["chrome110", "firefox110", "safari16"],
  outdir: out,
  jsx: "automatic",
  define: { "process.env.NODE_ENV": '"production"' },
  loader: { ".woff": "dataurl", ".woff2": "dataurl", ".svg": "dataurl" },
  legalComments: "eof", // GraphiQL's, React's and CodeMirror's MIT notices stay in the bundle
  logLevel: "warning",
});
await copyFile(join(here, "src", "index.html"), join(out, "index.html"));
console.log(`GraphiQL built into ${out}`);
