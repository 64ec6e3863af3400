// Bundle the explorer into api/static/explorer (committed, so serving needs no Node), or into
// `--out DIR` (tests/test_explorer.py builds into a temp dir and compares with the committed copy).
// One script, one stylesheet, one page: the page's CSP allows only 'self' (api/middleware.py).
import { build } from "esbuild";
import { copyFile, mkdir, rm } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const flag = process.argv.indexOf("--out");
const out = flag > 0 ? process.argv[flag + 1] : join(here, "..", "..", "api", "static", "explorer");

await rm(out, { recursive: true, force: true });
await mkdir(out, { recursive: true });
await build({
  entryPoints: [join(here, "src", "main.js")],
  bundle: true,
  minify: true,
  format: "iife",
  target: ["chrome110", "firefox110", "safari16"],
  outfile: join(out, "explorer.js"),
  legalComments: "eof", // cytoscape's MIT notice stays in the bundle
  logLevel: "warning",
});
await copyFile(join(here, "src", "index.html"), join(out, "index.html"));
await copyFile(join(here, "src", "explorer.css"), join(out, "explorer.css"));
console.log(`explorer built into ${out}`);
