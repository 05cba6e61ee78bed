// The README's examples for developers, as written there, compiled with tsc --strict
// and the default lib (tsconfig.readme.json).
import init, {
  builtinFramework, score, aggregate, chartFromScore, chartFromAggregate,
  radarSvg, drawRadar, textAlternative, encodeResponse, decodeResponse,
} from "foundations-check";
import type { Response } from "foundations-check";
import "foundations-check/element";

export async function example(): Promise<void> {
  await init();
  const framework = builtinFramework("place-based-partnership");

  // One person's answers: 1 to 5, or "dontKnow"; a missing item is unanswered.
  const response: Response = {
    framework: framework.id,
    version: framework.version,
    answers: { "purpose-1": 4, "purpose-2": 3, "purpose-3": "dontKnow", "governance-1": 2 },
    respondent: { sector: "local-authority", role: "manager" },
    submittedAt: new Date().toISOString(),
  };
  const result = score(framework, response);

  const chart = chartFromScore(framework, result);
  const canvas = document.querySelector("canvas");
  if (canvas) drawRadar(canvas, chart);
  const svg = radarSvg(chart);
  const { summary, columns, rows } = textAlternative(chart);

  const responses: Response[] = [response];
  const lastYear: Response[] = [];
  const team = aggregate(framework, responses, { groupBy: "sector", minGroupSize: 3, previous: lastYear });
  const teamChart = chartFromAggregate(framework, team, { byGroup: false });

  const code = encodeResponse(framework, response);
  const same = decodeResponse(framework, code);
  void [svg, summary, columns, rows, teamChart, same];

  // The element's events carry typed details.
  const el = document.querySelector("foundations-check");
  el?.addEventListener("fc-change", (e) => console.log(Object.keys(e.detail.answers).length));
  el?.addEventListener("fc-complete", (e) => console.log(e.detail.overall.band));
  el?.addEventListener("fc-ready", () => el.importResponses("code", { previous: true }));
}
