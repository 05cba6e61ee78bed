// Prints the embeds' sizes, raw and gzipped (gzip -9). The self-check embed, which
// every staff page loads, has a budget of 100,000 bytes gzipped; with --check, exits
// non-zero past it. The team embed is loaded only by a page with mode="team".
import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";

const BUDGET = 100000;
const size = (name) => {
  const raw = readFileSync(new URL(`../pkg/${name}`, import.meta.url));
  return { raw: raw.length, gz: gzipSync(raw, { level: 9 }).length };
};
const main = size("foundations-check.js");
const team = size("foundations-check-team.js");
console.log(`pkg/foundations-check.js: ${main.raw} bytes raw, ${main.gz} bytes gzipped (budget ${BUDGET}, ${main.gz <= BUDGET ? `${BUDGET - main.gz} to spare` : `${main.gz - BUDGET} over`})`);
console.log(`pkg/foundations-check-team.js (loaded for mode="team"): ${team.raw} bytes raw, ${team.gz} bytes gzipped`);
if (process.argv.includes("--check") && main.gz > BUDGET) process.exit(1);
