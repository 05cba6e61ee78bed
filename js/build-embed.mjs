// Builds pkg/foundations-check.js, the one-file embed: wasm-bindgen's own classic-script
// glue (target no-modules, as wasm-pack wrote it), the element class, and the
// WebAssembly module (as wasm-pack and wasm-opt left it) gzip-compressed by Zopfli and
// inlined as base64. The browser inflates it with its own DecompressionStream("gzip").
// pkg/foundations-check-team.js is the same with the team view, loaded by the first
// when an element asks for it (or used on its own). Also writes pkg/element.js, the ES
// module that registers the element for bundler users.
// The whole text is minified with terser; the readable sources are
// target/embed*/foundations_check.js and js/element.js.
import { readFileSync, writeFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { minify } from "terser";
import { gzip as zopfli } from "@gfx/zopfli";

const root = new URL("..", import.meta.url);
const read = (p) => readFileSync(new URL(p, root));

// Zopfli's gzip: a standard gzip stream, about 4 % smaller than zlib's best.
const pack = (bytes) =>
  new Promise((resolve, reject) =>
    zopfli(bytes, { numiterations: 15 }, (err, out) => (err ? reject(err) : resolve(Buffer.from(out)))),
  );

const element = read("js/element.js").toString();
const version = JSON.parse(read("pkg/package.json")).version;
// The team build announces its exports under this key, for a self-check embed on the
// same page that loaded it.
const TEAM = 'Symbol.for("foundations-check.team")';

// One embed file: the glue and the element inside a function scope, so that two
// builds on one page do not meet.
async function embed(dir, { team }) {
  const glue = read(`${dir}/foundations_check.js`).toString();
  const wasm = read(`${dir}/foundations_check_bg.wasm`);
  const packed = (await pack(wasm)).toString("base64");
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
  if (typeof DecompressionStream === "undefined") throw new Error("this browser is too old to run it (it has no DecompressionStream); please use a current browser");
  var gz = new Blob([bytes(WASM)]).stream().pipeThrough(new DecompressionStream("gzip"));
  var module;
  try {
    module = await new Response(gz).arrayBuffer();
  } catch (e) {
    throw new Error("its WebAssembly is damaged (" + (e && e.message ? e.message : e) + ")");
  }
  await wasm_bindgen({ module_or_path: module });
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

const selfCheck = await embed("target/embed", { team: false });
writeFileSync(new URL("pkg/foundations-check.js", root), selfCheck.text);
const withTeam = await embed("target/embed-team", { team: true });
writeFileSync(new URL("pkg/foundations-check-team.js", root), withTeam.text);

const esm = `// Registers <foundations-check> for bundlers: import "foundations-check/element";
import init, * as fc from "./foundations_check.js";
${element}
defineFoundationsCheck(init().then(() => fc), null);
`;
writeFileSync(new URL("pkg/element.js", root), esm);
writeFileSync(new URL("pkg/element.d.ts", root), `// Importing "foundations-check/element" registers <foundations-check>.
import type { Framework, Response, Issue, ScoreResult } from "./foundations_check.js";
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
  /** The element's events, which bubble out of it. */
  interface HTMLElementEventMap {
    /** The framework is loaded (and saved answers read). */
    "fc-ready": CustomEvent<null>;
    /** An answer was given: the response. */
    "fc-change": CustomEvent<Response>;
    /** The person asked for results: the score, as score() gives it. */
    "fc-complete": CustomEvent<ScoreResult>;
  }
}
`);
for (const [name, e] of [["foundations-check.js", selfCheck], ["foundations-check-team.js", withTeam]]) {
  console.log(`pkg/${name}: ${e.text.length} bytes, ${gzipSync(e.text, { level: 9 }).length} gzipped (wasm ${e.wasm.length} raw)`);
}
