// Compiled with tsc --strict against the package's declarations: the types must be
// accurate enough for real use, with no `any`.
import init, { score, aggregate, radarSvg, chartFromScore, builtinFramework, validateFramework, decodeResponse, shareCode, comments, frameworkFromSheet, frameworkTemplate, importResponses, surveyMapping } from "foundations-check";
import type { Framework, Response, ScoreResult, Aggregate, RadarChart, ValidationReport, ShareCode, CommentReport, SheetReport, SheetIssue, ScaleLabel, ImportResult, SurveyMapping } from "foundations-check";
import "foundations-check/element";
import type { ImportReport } from "foundations-check/element";

export function element(): ImportReport {
  const el = document.createElement("foundations-check");
  el.setAttribute("mode", "team");
  el.strings = { teamAddButton: "Add" };
  return el.importResponses("code", { name: "pasted" });
}

export async function run(canvasSvg: (svg: string) => void): Promise<number | null> {
  await init();
  const fw: Framework = builtinFramework("place-based-partnership");
  const report: ValidationReport = validateFramework(fw);
  if (!report.ok) throw new Error(report.errors.map((e) => `${e.path}: ${e.message}`).join("\n"));
  const r: Response = { framework: fw.id, version: fw.version, answers: { "purpose-1": 4, "purpose-2": "dontKnow" } };
  const s: ScoreResult = score(fw, r);
  const status: "scored" | "insufficient" = s.foundations[0].status;
  const agg: Aggregate = aggregate(fw, [r], { groupBy: "sector", minGroupSize: 3, previous: [r] });
  const chart: RadarChart = chartFromScore(fw, s);
  canvasSvg(radarSvg(chart));
  const back: Response = decodeResponse(fw, "code");
  const got: ImportResult = importResponses(fw, new Uint8Array([1, 2]), { name: "inbox.mbox", format: "email", loaded: [r] });
  const unread: string[] = got.report.unread;
  const mapping: SurveyMapping = surveyMapping(fw, "Timestamp,Email address", { name: "form.csv" });
  const answer: number | "dontKnow" | "blank" | null = mapping.labels[0].answer;
  const again: ImportResult = importResponses(fw, "Timestamp", { mapping });
  void unread; void answer; void again; void got.sentences;
  void back; void status; void agg;
  return s.overall.percent;
}

export function format(fw: Framework, r: Response): string[] {
  const share: ShareCode = shareCode(fw, r);
  const left: boolean = share.comments === "leftOut";
  const report: CommentReport = comments(fw, [r], { groupBy: "sector", minGroupSize: 3, hidden: [] });
  const texts: string[] = report.foundations.flatMap((f) => f.comments.map((c) => (c.hidden ? "" : c.text)));
  const sheet: SheetReport = frameworkFromSheet(frameworkTemplate(fw));
  const where: string[] = sheet.errors.map((e: SheetIssue) => `${e.sheet} ${e.row ?? ""} ${e.column ?? ""}: ${e.message}`);
  const label: string | ScaleLabel = fw.scale.labels[0];
  const first: string = typeof label === "string" ? label : `${label.label}: ${label.description ?? ""}`;
  const prompt: string | undefined = fw.foundations[0].comment?.prompt;
  return [share.code, String(left), first, prompt ?? "", ...texts, ...where];
}
