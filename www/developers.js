// The developer API demo: score an example response and draw it two ways.
import init, { builtinFramework, score, chartFromScore, drawRadar, radarSvg, textAlternative, encodeResponse } from "./assets/pkg/foundations_check.js";

await init();
const framework = builtinFramework("place-based-partnership");
// An example response, written out here: a council manager's answers.
const response = {
  framework: framework.id,
  version: framework.version,
  answers: {
    "purpose-1": 4, "purpose-2": 3, "purpose-3": 3,
    "understanding-1": 2, "understanding-2": 4, "understanding-3": 3,
    "relationships-1": 4, "relationships-2": 2, "relationships-3": 5,
    "leadership-1": 3, "leadership-2": 2, "leadership-3": 4,
    "governance-1": 2, "governance-2": "dontKnow", "governance-3": 2,
    "resources-1": 2, "resources-2": 1, "resources-3": 2,
    "communities-1": 3, "communities-2": 4, "communities-3": 4,
    "learning-1": 4, "learning-2": 3, "learning-3": 2,
  },
  respondent: { sector: "local-authority", role: "manager" },
};
const result = score(framework, response);
document.getElementById("score").textContent = JSON.stringify(
  { overall: result.overall, shareCode: encodeResponse(framework, response) }, null, 2);
const chart = chartFromScore(framework, result);
drawRadar(document.getElementById("chart-canvas"), chart);
document.getElementById("chart-summary").textContent = textAlternative(chart).summary;
// radarSvg escapes every label; the SVG is parsed as an image document, not HTML.
const svg = new DOMParser().parseFromString(radarSvg(chart), "image/svg+xml").documentElement;
document.getElementById("chart-svg").replaceChildren(document.importNode(svg, true));
document.getElementById("code").textContent = await (await fetch("developers.js")).text();
