// A minimal app that imports the package through Vite.
import init, { builtinFramework, score, chartFromScore, drawRadar } from "foundations-check";

await init();
const fw = builtinFramework("place-based-partnership");
const answers = Object.fromEntries(fw.foundations.flatMap((f) => f.items.map((i) => [i.id, 4])));
const result = score(fw, { framework: fw.id, version: fw.version, answers });
document.getElementById("score").textContent = `Overall ${result.overall.percent.toFixed(1)}% (${result.overall.band})`;
drawRadar(document.getElementById("canvas"), chartFromScore(fw, result));
document.body.dataset.done = "yes";
