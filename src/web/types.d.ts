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
  /** UTC time, as `Date.prototype.toISOString` writes it. */
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
export interface ScoreResult {
  overall: { percent: number | null; value: number | null; band: string | null; answered: number; dontKnow: number; total: number };
  foundations: FoundationScore[];
}

export interface AggregateOptions {
  /** A respondent field id to compare groups by. */
  groupBy?: string;
  /** Groups smaller than this are suppressed (default 3). */
  minGroupSize?: number;
  /** The responses of an earlier round, for `delta`. */
  previous?: Response[];
}
export interface FoundationStats {
  id: string;
  n: number;
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
  delta: number | null;
}
export interface Group { field: string; option: string; n: number; suppressed: boolean; foundations: FoundationStats[]; }
export interface Aggregate { respondents: number; foundations: FoundationStats[]; groups: Group[]; }

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
}
export interface AggregateChartOptions { byGroup?: boolean; label?: string; title?: string; width?: number; height?: number; }
export interface TextAlternative {
  summary: string;
  columns: string[];
  rows: { axis: string; highlighted: boolean; values: (number | null)[] }[];
}
