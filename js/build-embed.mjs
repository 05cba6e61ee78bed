// Builds pkg/foundations-check.js, the one-file embed: wasm-bindgen's classic-script
// glue, the element class and the WebAssembly module, gzip-compressed and inlined as
// base64, unpacked in the browser with DecompressionStream. Also writes
// pkg/element.js, the ES module that registers the element for bundler users.
import { readFileSync, writeFileSync } from "node:fs";
import { gzipSync } from "node:zlib";

const root = new URL("..", import.meta.url);
const read = (p) => readFileSync(new URL(p, root));
const glue = read("target/embed/foundations_check.js").toString();
const element = read("js/element.js").toString();
const wasm = read("target/embed/foundations_check_bg.wasm");
const packed = gzipSync(wasm, { level: 9 }).toString("base64");

const embed = `/*! foundations-check ${JSON.parse(read("pkg/package.json")).version} | MIT | one-file embed */
(function () {
"use strict";
if (typeof customElements === "undefined" || customElements.get("foundations-check")) return;
${glue}
${element}
var WASM = "${packed}";
var ready = (async function () {
  var bytes = Uint8Array.from(atob(WASM), function (c) { return c.charCodeAt(0); });
  var stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"));
  await wasm_bindgen({ module_or_path: await new Response(stream).arrayBuffer() });
  return wasm_bindgen;
})();
defineFoundationsCheck(ready);
})();
`;
writeFileSync(new URL("pkg/foundations-check.js", root), embed);

const esm = `// Registers <foundations-check> for bundlers: import "foundations-check/element";
import init, * as fc from "./foundations_check.js";
${element}
defineFoundationsCheck(init().then(() => fc));
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
console.log(`pkg/foundations-check.js: ${embed.length} bytes, ${gzipSync(embed, { level: 9 }).length} gzipped (wasm ${wasm.length} raw)`);
