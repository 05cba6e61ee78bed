// Writes a synthetic partnership for the team demo: a few hundred self-checks of the
// built-in framework, with differences between sectors and roles of the kind the
// project's source documents describe (frontline staff less sure about governance,
// the voluntary sector feeling less of an equal partner), plus an earlier round.
// These are made-up responses for demonstration, and the page says so.
// Usage: node scripts/synthetic-team.mjs OUT_DIR
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { initSync, builtinFramework } from "../pkg/foundations_check.js";

initSync({ module: readFileSync(new URL("../pkg/foundations_check_bg.wasm", import.meta.url)) });
const out = process.argv[2] ?? "www/assets";
mkdirSync(out, { recursive: true });
const fw = builtinFramework("place-based-partnership");

// A small seeded generator, so the demo is the same every time.
// (mulberry32: 32-bit integer arithmetic throughout, so the sequence does not repeat early)
let seed = 20261122;
const rand = () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const normal = () => Math.sqrt(-2 * Math.log(rand() + 1e-12)) * Math.cos(2 * Math.PI * rand());

const sectors = { "nhs-trust": 0.36, "primary-care": 0.18, "local-authority": 0.26, "voluntary-sector": 0.14, other: 0.06 };
const roles = { "senior-leader": 0.15, manager: 0.35, frontline: 0.5 };
const pick = (weights) => { let r = rand(); for (const [k, w] of Object.entries(weights)) { if ((r -= w) < 0) return k; } return Object.keys(weights)[0]; };

// Mean agreement (1 to 5) per foundation, adjusted by sector and role.
const base = { purpose: 3.6, understanding: 3.1, relationships: 3.5, leadership: 3.2, governance: 2.8, resources: 2.4, communities: 3.0, learning: 3.1 };
const sectorShift = {
  "nhs-trust": { governance: 0.3, communities: -0.2 },
  "primary-care": { relationships: -0.3, resources: -0.4 },
  "local-authority": { understanding: 0.4, communities: 0.3 },
  "voluntary-sector": { communities: -0.9, governance: -0.6, resources: -0.3 },
  other: {},
};
const roleShift = { "senior-leader": { purpose: 0.5, governance: 0.5, leadership: 0.3 }, manager: {}, frontline: { purpose: -0.3, governance: -0.5, learning: -0.3 } };

function respondent(round) {
  const sector = pick(sectors), role = pick(roles);
  const answers = {};
  for (const f of fw.foundations) {
    const mean = base[f.id] + (sectorShift[sector][f.id] ?? 0) + (roleShift[role][f.id] ?? 0) + (round === "earlier" ? -0.3 : 0);
    // Governance is where many frontline staff say "Don't know".
    const dk = f.id === "governance" && role === "frontline" ? 0.3 : 0.04;
    for (const item of f.items) {
      if (rand() < dk) { answers[item.id] = "dontKnow"; continue; }
      let v = Math.round(mean + normal() * 0.9);
      v = Math.min(5, Math.max(1, v));
      answers[item.id] = item.reverse ? 6 - v : v;
    }
  }
  const respondent = rand() < 0.95 ? { sector, role } : { sector };
  const day = round === "earlier" ? "2025-11-" : "2026-11-";
  const submittedAt = `${day}${String(1 + Math.floor(rand() * 20)).padStart(2, "0")}T${String(8 + Math.floor(rand() * 9)).padStart(2, "0")}:${String(Math.floor(rand() * 60)).padStart(2, "0")}:00Z`;
  return { framework: fw.id, version: fw.version, answers, respondent, submittedAt };
}

const now = Array.from({ length: 320 }, () => respondent("now"));
const earlier = Array.from({ length: 240 }, () => respondent("earlier"));
writeFileSync(`${out}/synthetic-team.json`, JSON.stringify({ responses: now }));
writeFileSync(`${out}/synthetic-earlier.json`, JSON.stringify({ responses: earlier }));
console.log(`wrote ${now.length} + ${earlier.length} synthetic responses to ${out}`);
