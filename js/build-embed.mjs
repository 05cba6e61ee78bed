// Builds pkg/foundations-check.js, the one-file embed: wasm-bindgen's classic-script
// glue, the element class and the WebAssembly module, LZMA-compressed (by xz) and
// inlined as base64. In the browser a second, small WebAssembly module unpacks it
// (examples/unlzma.rs, with the decoder in src/lzma.rs): LZMA is about 11 % smaller
// than Zopfli's gzip, and DecompressionStream reads only gzip and deflate.
// pkg/foundations-check-team.js is the same with the team view, loaded by the first
// when an element asks for it (or used on its own). Also writes pkg/element.js, the ES
// module that registers the element for bundler users.
import { readFileSync, writeFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
// The JavaScript (glue and element class) is minified with terser; the readable
// sources are target/embed*/foundations_check.js and js/element.js.
import { minify } from "terser";
import { execFileSync } from "node:child_process";

const root = new URL("..", import.meta.url);
const read = (p) => readFileSync(new URL(p, root));

// wasm-opt's options from Cargo.toml's wasm-pack profile, as for the npm package.
const WASM_OPT = JSON.parse(read("Cargo.toml").toString().match(/^wasm-opt = (\[.*\])$/m)[1]);

// LZMA with the literal context tuned for WebAssembly (3 bits of the previous byte, no
// position bits), the largest dictionary and the slowest, best match finding.
const lzma = (bytes) =>
  execFileSync("xz", ["--format=lzma", "--lzma1=preset=9e,lc=3,lp=0,pb=0,nice=273,depth=0", "-c"], {
    input: bytes,
    maxBuffer: 1 << 26,
  });

// The decoder module, built by the Makefile (cargo rustc --example unlzma, for size),
// then wasm-opt -O3 without names: about 2.3 KB.
const UNLZMA = "target/wasm32-unknown-unknown/release/examples/unlzma.wasm";
execFileSync(new URL("node_modules/.bin/wasm-opt", root).pathname, [
  new URL(UNLZMA, root).pathname, "-o", new URL("target/unlzma.wasm", root).pathname,
  "-O3", "--strip-debug", "--strip-producers", ...WASM_OPT.filter((o) => o.startsWith("--enable")),
]);
const unlzma = read("target/unlzma.wasm").toString("base64");

// Writes `${dir}/optimized.wasm`, leaving wasm-pack's output as it was (so this script
// can run again), and returns wasm-bindgen's glue to go with it. Besides Cargo.toml's
// options:
// - --converge repeats the passes while the module still shrinks (about 300 bytes).
// - --low-memory-unused lets wasm-opt fold small constants into load and store offsets
//   (about 300 bytes): Rust's stack sits below its data, at 1 MiB, and nothing is kept
//   in the first KiB.
// - Functions are sorted by name: similar code (the instances of one generic, say) sits
//   together, which LZMA packs about 700 bytes smaller.
// - The names of imports and exports become one or two letters. wasm-bindgen's names
//   carry a 16-digit hash each, which no compressor can shrink, written twice (in the
//   module and in the glue): 3.4 KB of the gzipped file. wasm-opt prints the mapping as
//   JSON, and the glue is rewritten with it; each name must be found.
// - The producers and target-features sections go: they only describe the build.
function optimize(dir) {
  const out = execFileSync(new URL("node_modules/.bin/wasm-opt", root).pathname, [
    new URL(`${dir}/foundations_check_bg.wasm`, root).pathname,
    "-o", new URL(`${dir}/optimized.wasm`, root).pathname,
    ...WASM_OPT, "--converge", "--low-memory-unused", "--reorder-functions-by-name",
    "--minify-imports-and-exports-and-modules", "--strip-producers", "--strip-target-features",
  ], { maxBuffer: 1 << 24 });
  const map = composeMaps(out.toString());
  // The composed map must name exactly what the module imports, from one module "a".
  const imported = WebAssembly.Module.imports(new WebAssembly.Module(read(`${dir}/optimized.wasm`)));
  const mapped = new Set(map.imports.map((e) => e[2]));
  if (imported.some((i) => i.module !== "a" || !mapped.has(i.name)) || mapped.size !== imported.length) {
    throw new Error(`${dir}: the map of minified imports does not match the module`);
  }
  let glue = trimGlue(dir, read(`${dir}/foundations_check.js`).toString(), new Set(map.imports.map((e) => e[1])));
  const swap = (pattern, to, what) => {
    const found = glue.match(pattern);
    if (!found || found.length !== 1) throw new Error(`${dir}: ${what} found ${found ? found.length : 0} times in the glue`);
    glue = glue.replace(pattern, to);
  };
  const modules = new Set(map.imports.map(([module]) => module));
  if (modules.size !== 1) throw new Error(`${dir}: imports from ${[...modules].join(", ")}; expected one module`);
  const [module] = modules;
  swap(new RegExp(`"${module.replace(/[./]/g, "\\$&")}":`, "g"), '"a":', `module ${module}`);
  for (const [, from, to] of map.imports) {
    swap(new RegExp(`(?<=[\\s,{])${from}(?=: function)`, "g"), JSON.stringify(to), `import ${from}`);
  }
  // Not every export is called from the glue (some are for debuggers).
  const renamed = new Map(map.exports);
  glue = glue.replace(/\bwasm\.([\w$]+)/g, (all, name) => {
    if (!renamed.has(name)) throw new Error(`${dir}: the glue calls ${all}, which the module does not export`);
    return `wasm.${renamed.get(name)}`;
  });
  return glue;
}
// With --converge, wasm-opt may minify the names more than once and prints one map per
// round: [module, name, new name] for imports, [name, new name] for exports. Returns
// them composed, from the original names to the last.
function composeMaps(printed) {
  const rounds = printed.trim().split(/\n(?=\{)/).map((text) => JSON.parse(text));
  const after = (list, name) => {
    const found = list.find((entry) => entry.at(-2) === name);
    return found ? found.at(-1) : name;
  };
  const map = { imports: rounds[0].imports, exports: rounds[0].exports };
  for (const round of rounds.slice(1)) {
    map.imports = map.imports.map(([module, from, to]) => [module, from, after(round.imports, to)]);
    map.exports = map.exports.map(([from, to]) => [from, after(round.exports, to)]);
  }
  return map;
}

// wasm-bindgen's glue, less what the embed never runs (about 800 bytes gzipped):
// - the imports wasm-opt found unused;
// - the loading code for URLs, fetch responses and initSync: the embed hands its
//   bytes to one small init function instead, which instantiates them.
// It is cut by the glue's own markers, and each must be found.
function trimGlue(dir, glue, used) {
  const cut = (from, to, replacement) => {
    const a = glue.indexOf(from), b = glue.indexOf(to, a);
    if (a < 0 || b < 0) throw new Error(`${dir}: the glue has no ${a < 0 ? from : to}; has wasm-bindgen changed?`);
    glue = glue.slice(0, a) + replacement + glue.slice(b + to.length);
  };
  cut("    let script_src;\n", "    }\n", "");
  cut("    async function __wbg_load(", "return Object.assign(__wbg_init, { initSync }, exports);", `async function __wbg_init(bytes) {
        const { instance, module } = await WebAssembly.instantiate(bytes, __wbg_get_imports());
        return __wbg_finalize_init(instance, module);
    }
    return Object.assign(__wbg_init, exports);`);
  // One import per entry of the imports object, each starting on a line of its own.
  const entry = /^ {12}([\w$]+): function\(.*?(?=^ {12}[\w$]+: function\(|^ {8}\};)/gms;
  glue = glue.replace(entry, (text, name) => (used.has(name) ? text : ""));
  const kept = [...glue.matchAll(entry)].length;
  if (kept !== used.size) throw new Error(`${dir}: ${kept} imports kept in the glue, for ${used.size} in the module`);
  return glue;
}

const element = read("js/element.js").toString();
const version = JSON.parse(read("pkg/package.json")).version;
// The team build announces its exports under this key, for a self-check embed on the
// same page that loaded it.
const TEAM = 'Symbol.for("foundations-check.team")';

// One embed file: the glue and the element inside a function scope, so that two
// builds on one page do not meet.
async function embed(dir, glue, { team }) {
  const wasm = read(`${dir}/optimized.wasm`);
  const packed = lzma(wasm).toString("base64");
  const text = `/*! foundations-check ${version} | MIT | one-file embed${team ? " with the team view" : ""} */
(function () {
"use strict";
${team
    ? `if (typeof customElements === "undefined" || window[${TEAM}]) return;`
    : `if (typeof customElements === "undefined" || customElements.get("foundations-check")) return;
// Where this file was loaded from, to find foundations-check-team.js beside it (a
// module script has no currentScript).
var here = (document.currentScript && document.currentScript.src) ||
  (Array.prototype.slice.call(document.querySelectorAll("script[src*='foundations-check']")).pop() || {}).src ||
  document.baseURI;`}
${glue}
${element}
var WASM = "@WASM@";
// Base64 to bytes: the browser's own decoder where there is one (under a millisecond),
// else a plain loop (Uint8Array.from with a function took 30 ms in Chromium).
function bytes(text) {
  if (Uint8Array.fromBase64) return Uint8Array.fromBase64(text);
  var s = atob(text), b = new Uint8Array(s.length);
  for (var i = 0; i < s.length; i++) b[i] = s.charCodeAt(i);
  return b;
}
var ready = (async function () {
  // The decoder has no imports; its memory grows by room() to hold the packed module
  // and what it unpacks to, and goes when it is done.
  var d = (await WebAssembly.instantiate(bytes("${unlzma}"))).instance.exports;
  var packed = bytes(WASM), size = ${wasm.length};
  var at = d.room(packed.length + size);
  if (!at) throw new Error("not enough memory to start");
  new Uint8Array(d.memory.buffer).set(packed, at);
  var status = d.unpack(at, packed.length, at + packed.length, size);
  if (status) throw new Error("its WebAssembly is damaged (LZMA error " + status + ")");
  await wasm_bindgen(new Uint8Array(d.memory.buffer, at + packed.length, size));
  return wasm_bindgen;
})();
${team
    ? `window[${TEAM}] = ready;
defineFoundationsCheck(ready, null);`
    : `var team = null;
// The team view is in its own file, so that staff pages load only the self-check.
function loadTeam() {
  if (window[${TEAM}]) return window[${TEAM}];
  if (!team) {
    var url = new URL("foundations-check-team.js", here).href;
    team = new Promise(function (resolve, reject) {
      var s = document.createElement("script");
      s.src = url;
      s.onload = function () { window[${TEAM}] ? resolve(window[${TEAM}]) : reject(new Error("The team view could not start: " + url + " is not foundations-check-team.js.")); };
      s.onerror = function () { team = null; reject(new Error("The team view could not be loaded: keep foundations-check-team.js in the same folder as foundations-check.js (looked for " + url + ").")); };
      document.head.appendChild(s);
    });
  }
  return team;
}
defineFoundationsCheck(ready, loadTeam);`}
})();
`;
  const small = await minify(text, { compress: true, mangle: true, format: { comments: /^!/ } });
  return { text: small.code.replace("@WASM@", packed) + "\n", wasm };
}

const selfCheck = await embed("target/embed", optimize("target/embed"), { team: false });
writeFileSync(new URL("pkg/foundations-check.js", root), selfCheck.text);
const withTeam = await embed("target/embed-team", optimize("target/embed-team"), { team: true });
writeFileSync(new URL("pkg/foundations-check-team.js", root), withTeam.text);

const esm = `// Registers <foundations-check> for bundlers: import "foundations-check/element";
import init, * as fc from "./foundations_check.js";
${element}
defineFoundationsCheck(init().then(() => fc), null);
`;
writeFileSync(new URL("pkg/element.js", root), esm);
writeFileSync(new URL("pkg/element.d.ts", root), `// Importing "foundations-check/element" registers <foundations-check>.
import type { Framework, Response, Issue } from "./foundations_check.js";
export interface ImportReport { added: number; duplicates: number; rejected: Issue[] }
export interface FoundationsCheckElement extends HTMLElement {
  /** The loaded framework; set a built-in id, a URL, JSON text or an object. */
  framework: Framework | string | null;
  /** The current response; set an object, JSON text or a share code. */
  response: Response | string | null;
  /** Overrides of the widget's text, by key. */
  strings: Record<string, string>;
  /** Adds self-checks to the team view (mode="team"). */
  importResponses(text: string, options?: { name?: string; previous?: boolean }): ImportReport;
}
declare global {
  interface HTMLElementTagNameMap { "foundations-check": FoundationsCheckElement }
}
`);
for (const [name, e] of [["foundations-check.js", selfCheck], ["foundations-check-team.js", withTeam]]) {
  console.log(`pkg/${name}: ${e.text.length} bytes, ${gzipSync(e.text, { level: 9 }).length} gzipped (wasm ${e.wasm.length} raw)`);
}
