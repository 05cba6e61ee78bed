// Prints the embed's size, raw and gzipped (gzip -9), against the 70,000-byte budget.
// With --check, exits non-zero past the budget.
import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";

const BUDGET = 70000;
const file = new URL("../pkg/foundations-check.js", import.meta.url);
const raw = readFileSync(file);
const gz = gzipSync(raw, { level: 9 }).length;
console.log(`pkg/foundations-check.js: ${raw.length} bytes raw, ${gz} bytes gzipped (budget ${BUDGET}, ${gz <= BUDGET ? `${BUDGET - gz} to spare` : `${gz - BUDGET} over`})`);
if (process.argv.includes("--check") && gz > BUDGET) process.exit(1);
