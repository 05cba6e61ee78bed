/// <reference lib="esnext.disposable" />
/** A JSON path and what is wrong there. */
export interface Issue { path: string; message: string; }
export interface ValidationReport { ok: boolean; errors: Issue[]; }
export interface BuiltinInfo { id: string; title: string; version: string; }

export interface Scale {
  min: number;
  max: number;
  /** One label per point from min to max. */
  labels: string[];
  /** Turns on a "Don't know" choice. */
  dontKnow?: string;
}
export interface Scoring { method?: "mean" | "sum"; minAnswered?: number; }
export interface BandLevel { id: string; label: string; from: number; description?: string; }
export interface Bands { basis?: "percent" | "scale"; levels: BandLevel[]; }
export interface Consensus { spread: number; maxOutside: number; }
export interface Choice { id: string; label: string; }
export interface RespondentField { id: string; label: string; options: Choice[]; }
export interface Item { id: string; text: string; reverse?: boolean; weight?: number; }
export interface Action { band: string; text: string; }
export interface Foundation {
  id: string;
  name: string;
  shortName?: string;
  description?: string;
  items: Item[];
  actions?: Action[];
}
export interface Framework {
  schema: "foundations-check/framework@1";
  id: string;
  version: string;
  title: string;
  description?: string;
  locale?: string;
  scale: Scale;
  scoring?: Scoring;
  bands: Bands;
  consensus?: Consensus;
  respondentFields?: RespondentField[];
  foundations: Foundation[];
}

export type Answer = number | "dontKnow";
export interface Response {
  framework: string;
  version: string;
  /** Answers by item id; an item that is absent is unanswered. */
  answers: Record<string, Answer>;
  /** Option id by respondent field id. */
  respondent?: Record<string, string>;
  /** When it was submitted: any RFC 3339 date-time (`new Date().toISOString()`), or a
   * spreadsheet's `22/11/2026 09:30` (day first unless the framework's locale is
   * en-US); given back as one UTC instant, `YYYY-MM-DDTHH:MM:SSZ`. */
  submittedAt?: string;
}

export interface FoundationScore {
  id: string;
  status: "scored" | "insufficient";
  percent: number | null;
  value: number | null;
  band: string | null;
  answered: number;
  dontKnow: number;
  total: number;
}
export interface Overall {
  /** The mean of the scored foundations' percents (exact, as the nearest number). */
  percent: number | null;
  value: number | null;
  /** null while `provisional`. */
  band: string | null;
  /** Fewer foundations scored than the framework's `scoring.overallMinShare`. */
  provisional: boolean;
  /** Foundations scored, of `foundations`. */
  scored: number;
  foundations: number;
  answered: number;
  dontKnow: number;
  total: number;
}
export interface ScoreResult {
  overall: Overall;
  foundations: FoundationScore[];
}

export interface AggregateOptions {
  /** A respondent field id to compare groups by. */
  groupBy?: string;
  /** No figure rests on fewer people (default 3): smaller groups are suppressed, and
   * each figure resting on fewer is withheld (see docs/framework-format.md). */
  minGroupSize?: number;
  /** The responses of an earlier round, for `delta` and `change`. */
  previous?: Response[];
  /** Every figure, unsuppressed, for a caller that does its own suppression. */
  raw?: boolean;
}
export interface FoundationStats {
  id: string;
  /** People scored on this foundation (kept when withheld, to say why). */
  n: number;
  /** Why the statistics are withheld: too few people, or to protect a small group. */
  withheld: "fewerThanMinimum" | "complementary" | null;
  mean: number | null;
  median: number | null;
  q1: number | null;
  q3: number | null;
  min: number | null;
  max: number | null;
  sd: number | null;
  dontKnowRate: number | null;
  band: string | null;
  /** Share of respondents more than the consensus spread from the median. */
  outside: number | null;
  split: boolean;
  /** Median now minus median then, in percent points. */
  delta: number | null;
  /** Whether that is a clear change, by the Mann–Whitney rank test at the 5 % level. */
  change: "up" | "down" | "steady" | null;
  /** The test's two-sided p-value. */
  changeP: number | null;
}
export interface Group { field: string; option: string; n: number; suppressed: boolean; foundations: FoundationStats[]; }
export interface Aggregate { respondents: number; minGroupSize: number; foundations: FoundationStats[]; groups: Group[]; }

export interface RadarAxis { id: string; label: string; }
export interface RadarSeries {
  label: string;
  /** 0 to 100 per axis; null for no score. */
  values: (number | null)[];
  /** `#rrggbb` */
  color?: string;
  /** `[low, high]` per axis, drawn as a shaded band. */
  range?: ([number, number] | null)[];
}
export interface RadarBand { label: string; from: number; }
export interface RadarChart {
  axes: RadarAxis[];
  series: RadarSeries[];
  bands?: RadarBand[];
  highlight?: string[];
  highlightLabel?: string;
  width?: number;
  height?: number;
  title?: string;
  ticks?: number[];
  /** Decimal places of values in words (0 to 6, default 0): cut toward zero. */
  places?: number;
}
export interface AggregateChartOptions { byGroup?: boolean; label?: string; title?: string; width?: number; height?: number; }
export interface TextAlternative {
  summary: string;
  columns: string[];
  rows: { axis: string; highlighted: boolean; values: (number | null)[] }[];
}
