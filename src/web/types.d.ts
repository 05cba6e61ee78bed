/// <reference lib="esnext.disposable" />
/** A JSON path and what is wrong there. */
export interface Issue { path: string; message: string; }
export interface ValidationReport { ok: boolean; errors: Issue[]; }
export interface BuiltinInfo { id: string; title: string; version: string; }

/** A point's label with a longer description shown with the choice (a maturity
 * level's full sentence). */
export interface ScaleLabel { label: string; description?: string; }
export interface Scale {
  min: number;
  max: number;
  /** One label per point from min to max: text, or `{ label, description }`. */
  labels: (string | ScaleLabel)[];
  /** Turns on a "Don't know" choice. */
  dontKnow?: string;
}
export interface Scoring { method?: "mean" | "sum"; minAnswered?: number; overallMinShare?: number; }
export interface BandLevel { id: string; label: string; from: number; description?: string; }
export interface Bands { basis?: "percent" | "scale"; levels: BandLevel[]; }
/** Give `spread` (in points of each foundation's own scale) or `spreadShare` (a share,
 * 0 to 1, of each foundation's scale range), not both. */
export interface Consensus { spread?: number; spreadShare?: number; maxOutside: number; }
export interface Choice { id: string; label: string; }
export interface RespondentField { id: string; label: string; options: Choice[]; }
export interface Item {
  id: string;
  text: string;
  reverse?: boolean;
  weight?: number;
  /** The statement's own scale (default: its foundation's). */
  scale?: Scale;
}
export interface Action { band: string; text: string; }
/** A foundation's optional free-text question. Comments are plain text: never HTML. */
export interface CommentQuestion {
  prompt: string;
  /** In characters, 1 to 5000 (default 1000). */
  maxLength?: number;
}
export interface Foundation {
  id: string;
  name: string;
  shortName?: string;
  description?: string;
  /** The foundation's own scale, for its statements that have none (default: the
   * framework's). Each answer is placed on 0 to 100 of its own scale before weighting. */
  scale?: Scale;
  items: Item[];
  comment?: CommentQuestion;
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
/**
 * One person's response. A function taking many (`Response[] | string`) reads an array
 * of plain objects or, fastest for large sets, the JSON text of the array as it came
 * from a file or a fetch (for 10,000 responses, `aggregate` of the text takes about
 * as long as plain JavaScript statistics given the same text (0.96-1.06 times); of an array,
 * about 2.1 times as long as plain JavaScript given the objects: README, "Large sets
 * of responses").
 */
export interface Response {
  framework: string;
  version: string;
  /** Answers by item id; an item that is absent is unanswered. */
  answers: Record<string, Answer>;
  /** Option id by respondent field id. */
  respondent?: Record<string, string>;
  /** Comments by foundation id, for foundations that ask for one (plain text). */
  comments?: Record<string, string>;
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

/** A share code, and whether the response's comments are in it: `leftOut` when the
 * code would be longer than 1,800 characters with them (say so to the person). */
export interface ShareCode { code: string; comments: "none" | "included" | "leftOut"; }

export interface CommentOptions {
  /** A respondent field id to list comments by group. */
  groupBy?: string;
  /** No listing rests on fewer people (default 3). */
  minGroupSize?: number;
  /** Ids of comments hidden from the report. */
  hidden?: string[];
}
export interface Comment {
  /** Stable across reloads: hide a comment by it. */
  id: string;
  /** Plain text: show it as text, never as HTML. */
  text: string;
  hidden: boolean;
}
export interface FoundationComments { id: string; comments: Comment[]; }
export interface CommentGroup {
  field: string;
  option: string;
  n: number;
  withheld: "fewerThanMinimum" | "complementary" | null;
  foundations: FoundationComments[];
}
export interface CommentReport {
  respondents: number;
  minGroupSize: number;
  withheld: "fewerThanMinimum" | "complementary" | null;
  foundations: FoundationComments[];
  groups: CommentGroup[];
}

/** A problem with a spreadsheet, where a person finds it on screen. */
export interface SheetIssue {
  /** "" for the file as a whole. */
  sheet: string;
  /** Numbered from 1, as the spreadsheet shows it. */
  row: number | null;
  /** The column's letter: "A", "B", … */
  column: string | null;
  /** The column's heading. */
  heading: string | null;
  message: string;
}
export interface SheetReport { ok: boolean; framework: Framework | null; errors: SheetIssue[]; }
/** What an input is: share codes and links in text, JSON, CSV (any dialect), a saved
 * e-mail or mailbox, an .xlsx workbook. */
export type ImportFormat = "text" | "json" | "csv" | "email" | "xlsx";
export interface ImportOptions {
  /** The format, when the caller knows it; otherwise worked out from the bytes, the
   * name's extension and the text. */
  format?: ImportFormat;
  /** The input's name in messages ("inbox.mbox"); "pasted text" for text, "the file"
   * for bytes, when not given. */
  name?: string;
  /** A survey export's mapping as the facilitator confirmed it. */
  mapping?: SurveyMapping;
  /** The responses already held: counted as duplicates, never returned again. */
  loaded?: Response[];
}
/** What a survey export's column is taken for: a statement's answers (`item`), a
 * respondent question's (`field`), the submission time, names or e-mail addresses
 * (never read), one of the tool's own columns (not read), or nothing. */
export type SurveyColumnKind = "item" | "field" | "submittedAt" | "personal" | "ignored" | "unmatched";
export type SurveyMatch = "exact" | "normalised" | "grid" | "number" | "known" | "content" | "confirmed";
export interface SurveyColumn {
  /** Its place, from 1 (column A). */
  column: number;
  header: string;
  kind: SurveyColumnKind;
  item?: string;
  field?: string;
  match?: SurveyMatch;
  /** How many of its cells are filled. */
  filled: number;
  note?: string;
}
export interface SurveyLabel {
  /** The cell's text, trimmed. */
  label: string;
  /** A point of the scale, "Don't know", unanswered ("blank"), or null: not mapped (a
   * row that chose it is not added). */
  answer: number | "dontKnow" | "blank" | null;
  match?: SurveyMatch;
  count: number;
}
export interface SurveyOption {
  field: string;
  label: string;
  /** The option's id, or null: not mapped. */
  option: string | null;
  match?: SurveyMatch;
  count: number;
}
/** How a survey tool's export maps to the framework, to show and confirm before
 * anything is added. No cell of a name or e-mail column is ever in it. */
export interface SurveyMapping {
  tool: "microsoftForms" | "googleForms" | "other";
  /** The header's row (line of a CSV file, row of a sheet), from 1. */
  headerRow: number;
  /** Rows of answers below it. */
  rows: number;
  columns: SurveyColumn[];
  labels: SurveyLabel[];
  options: SurveyOption[];
  /** Statements (item ids) no column answers. */
  unmatchedStatements: string[];
  /** Every label and option mapped, and at least one statement answered. */
  ready: boolean;
}
export interface ImportReport {
  source: string;
  format: ImportFormat | null;
  /** How it was read, when there is more to say ("CSV separated by semicolons,
   * Windows-1252", "sheet \"Form1\"", "4 messages"). */
  readAs: string | null;
  added: number;
  /** Already held (by the identity rule), so not added. */
  duplicates: number;
  untimedDuplicates: number;
  /** Each line, row, cell or file that could not be read: where and why. */
  rejected: Issue[];
  /** Lines of text with nothing like a share code (greetings, signatures). */
  noCodeLines: number;
  /** Links rewritten by a mail filter that hides where they lead. */
  hiddenLinks: number;
  /** The lines that held something like a share code but gave no response, as they
   * were: keep them for correcting. */
  unread: string[];
  /** A survey export's mapping to confirm; nothing was added. */
  mapping?: SurveyMapping;
}
export interface ImportResult {
  /** The responses read that were not already loaded. */
  responses: Response[];
  report: ImportReport;
  /** The report in English sentences ("Added 3 self-checks from inbox.mbox; 1 was
   * already there."). */
  sentences: string[];
}
