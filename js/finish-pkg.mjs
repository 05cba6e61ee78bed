// Completes pkg/package.json after wasm-pack: the npm name, entry points, types and
// files of the published package `foundations-check`.
import { readFileSync, writeFileSync, copyFileSync } from "node:fs";

const root = new URL("..", import.meta.url);
const pkgDir = new URL("pkg/", root);
const cargo = readFileSync(new URL("Cargo.toml", root), "utf8");
const field = (name) => cargo.match(new RegExp(`^${name} = "(.*)"`, "m"))[1];

const pkg = {
  name: "foundations-check",
  version: field("version"),
  description: field("description"),
  license: field("license"),
  repository: { type: "git", url: field("repository") },
  type: "module",
  main: "./foundations_check.js",
  module: "./foundations_check.js",
  types: "./foundations_check.d.ts",
  exports: {
    ".": { types: "./foundations_check.d.ts", default: "./foundations_check.js" },
    "./foundations_check_bg.wasm": "./foundations_check_bg.wasm",
    "./element": { types: "./element.d.ts", default: "./element.js" },
    "./embed": "./foundations-check.js",
    "./embed-team": "./foundations-check-team.js",
  },
  files: ["foundations_check.js", "foundations_check.d.ts", "foundations_check_bg.wasm", "foundations_check_bg.wasm.d.ts", "snippets/", "element.js", "element.d.ts", "foundations-check.js", "foundations-check-team.js", "README.md", "LICENSE"],
  // Importing these registers the <foundations-check> element.
  sideEffects: ["./element.js", "./foundations-check.js", "./foundations-check-team.js"],
  keywords: ["nhs", "integrated-care", "place-based-partnership", "self-assessment", "radar-chart", "wasm"],
};
writeFileSync(new URL("package.json", pkgDir), JSON.stringify(pkg, null, 2) + "\n");
// The package README is the README's section for developers.
const readme = readFileSync(new URL("README.md", root), "utf8");
const section = readme.split("<!-- developers -->")[1];
if (!section) throw new Error("README.md has no <!-- developers --> section");
writeFileSync(new URL("README.md", pkgDir), "# foundations-check\n" + section.trim() + "\n");
copyFileSync(new URL("LICENSE", root), new URL("LICENSE", pkgDir));
