//! The JavaScript API of the npm package. Values cross the boundary as plain JS objects
//! in the JSON shapes of the framework format, through serde-wasm-bindgen
//! ([`super::to_js`], [`super::from_js`]). Every failure becomes a thrown `Error` whose
//! message names the JSON path and the problem.

use super::from_js;
use crate::chart::from::{
    aggregate_from_value, chart_from_aggregate as core_chart_from_aggregate,
    chart_from_score as core_chart_from_score, score_from_value, AggregateChartOptions,
};
use crate::chart::{radar_svg_of_valid, text_alternative as core_text_alternative, RadarChart};
use crate::codec::fast::Fast;
use crate::codec::intake::Format;
use crate::codec::json::Value;
use crate::codec::survey::Mapping;
use crate::codec::{csv, sharecode};
use crate::core::aggregation::{aggregate as core_aggregate, Options};
use crate::core::builtin;
use crate::core::gather::{survey_mapping as core_survey_mapping, ImportOptions, Input};
use crate::core::issue::{describe, Issue};
use crate::core::reader::{parse_json_limited, Reader};
use crate::core::response::Response;
use crate::core::scoring::{score as core_score, ScoreResult};
use crate::core::team::{import_new, size_problem};
use crate::Framework;
use serde::Serialize;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Largest JSON accepted for a set of responses (about 50,000 responses).
const MAX_RESPONSES_JSON: usize = 64 * 1024 * 1024;

#[wasm_bindgen(start)]
pub fn start() {
    // A panic would kill the instance; none should be reachable, but if one is, the
    // console says where.
    console_error_panic_hook::set_once();
}

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &'static str = include_str!("types.d.ts");

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(typescript_type = "Framework | string")]
    pub type FrameworkInput;
    #[wasm_bindgen(typescript_type = "Framework")]
    pub type FrameworkOut;
    #[wasm_bindgen(typescript_type = "unknown")]
    pub type Unknown;
    #[wasm_bindgen(typescript_type = "Response | string")]
    pub type ResponseInput;
    #[wasm_bindgen(typescript_type = "Response")]
    pub type ResponseOut;
    #[wasm_bindgen(typescript_type = "Response[] | string")]
    pub type ResponsesInput;
    #[wasm_bindgen(typescript_type = "Response[]")]
    pub type ResponsesOut;
    #[wasm_bindgen(typescript_type = "ScoreResult")]
    pub type ScoreResultTs;
    #[wasm_bindgen(typescript_type = "AggregateOptions | undefined")]
    pub type AggregateOptionsTs;
    #[wasm_bindgen(typescript_type = "Aggregate")]
    pub type AggregateTs;
    #[wasm_bindgen(typescript_type = "RadarChart")]
    pub type RadarChartTs;
    #[wasm_bindgen(typescript_type = "AggregateChartOptions | undefined")]
    pub type AggregateChartOptionsTs;
    #[wasm_bindgen(typescript_type = "ValidationReport")]
    pub type ValidationReportTs;
    #[wasm_bindgen(typescript_type = "BuiltinInfo[]")]
    pub type BuiltinList;
    #[wasm_bindgen(typescript_type = "TextAlternative")]
    pub type TextAlternativeTs;
    #[wasm_bindgen(typescript_type = "HTMLCanvasElement | OffscreenCanvas")]
    pub type CanvasTs;
    #[wasm_bindgen(typescript_type = "ShareCode")]
    pub type ShareCodeTs;
    #[wasm_bindgen(typescript_type = "CommentOptions | undefined")]
    pub type CommentOptionsTs;
    #[wasm_bindgen(typescript_type = "CommentReport")]
    pub type CommentReportTs;
    #[wasm_bindgen(typescript_type = "SheetReport")]
    pub type SheetReportTs;
    #[wasm_bindgen(typescript_type = "Framework | string | undefined")]
    pub type OptionalFrameworkInput;
    #[wasm_bindgen(typescript_type = "string | Uint8Array | ArrayBuffer")]
    pub type ImportInputTs;
    #[wasm_bindgen(typescript_type = "ImportOptions | undefined")]
    pub type ImportOptionsTs;
    #[wasm_bindgen(typescript_type = "ImportResult")]
    pub type ImportResultTs;
    #[wasm_bindgen(typescript_type = "SurveyMapping")]
    pub type SurveyMappingTs;
}

fn js_err(i: Issue) -> JsError {
    JsError::new(&i.to_string())
}

fn js_errs(is: Vec<Issue>) -> JsError {
    JsError::new(&describe(&is))
}

fn to_js<T: Serialize + ?Sized>(v: &T) -> Result<JsValue, JsError> {
    super::to_js(v).map_err(js_err)
}

fn framework(v: &JsValue) -> Result<Framework, JsError> {
    let value =
        from_js(v, "a framework", crate::core::reader::MAX_DOCUMENT_BYTES).map_err(js_err)?;
    Framework::from_value(&value).map_err(js_errs)
}

#[wasm_bindgen(module = "/src/web/plain-json.js")]
extern "C" {
    /// The JSON text of a list of plain JSON data, or undefined (see the file).
    #[wasm_bindgen(catch, js_name = plainJson)]
    fn plain_json(list: &JsValue) -> Result<JsValue, JsValue>;
}

/// A list of responses (an array, or its JSON text): read straight into responses
/// when it is plainly valid (`codec::fast`), which is most of the time; otherwise read
/// again by the validating reader, whose messages name each problem's path. An array
/// of plain data is read from its JSON text (`plain-json.js`), a thousand times fewer
/// crossings between JavaScript and WebAssembly than value by value.
fn responses(fw: &Framework, v: &JsValue, path: &str) -> Result<Vec<Response>, JsError> {
    let fast = Fast::new(fw, MAX_RESPONSES_JSON);
    let value = match v.as_string() {
        Some(text) => {
            if let Some(rs) = fast.list_from_str(&text) {
                return Ok(rs);
            }
            parse_json_limited(&text, MAX_RESPONSES_JSON).map_err(js_err)?
        }
        None => {
            // A cycle or a BigInt makes JSON.stringify throw: read value by value.
            let text = plain_json(v).ok().and_then(|t| t.as_string());
            if let Some(rs) = text.and_then(|t| fast.list_from_plain_json(&t)) {
                return Ok(rs);
            }
            from_js(v, "a list of responses", MAX_RESPONSES_JSON).map_err(js_err)?
        }
    };
    responses_of(fw, &value, path)
}

/// The responses in a list, or the first 20 problems with their paths.
fn responses_of(fw: &Framework, value: &Value, path: &str) -> Result<Vec<Response>, JsError> {
    let list = value.as_array().ok_or_else(|| {
        JsError::new(&format!(
            "{path}: expected a list of responses, found {}",
            crate::core::reader::type_name(value)
        ))
    })?;
    let mut out = Vec::with_capacity(list.len());
    let mut issues = Vec::new();
    for (i, r) in list.iter().enumerate() {
        match Response::from_value(fw, r, &format!("{path}[{i}]")) {
            Ok(r) => out.push(r),
            Err(mut e) => issues.append(&mut e),
        }
        if issues.len() >= 20 {
            break;
        }
    }
    if issues.is_empty() {
        Ok(out)
    } else {
        Err(js_errs(issues))
    }
}

/// Id, title and version of each built-in framework.
#[wasm_bindgen(js_name = builtinFrameworks)]
pub fn builtin_frameworks() -> Result<BuiltinList, JsError> {
    Ok(to_js(&builtin::builtins())?.unchecked_into())
}

/// A built-in framework by id.
#[wasm_bindgen(js_name = builtinFramework)]
pub fn builtin_framework(id: &str) -> Result<FrameworkOut, JsError> {
    Ok(to_js(&builtin::builtin(id).map_err(js_err)?)?.unchecked_into())
}

#[derive(Serialize)]
struct Report {
    ok: bool,
    errors: Vec<Issue>,
}

/// Checks a framework (an object or JSON text) and reports every problem. Never throws
/// for a bad framework.
#[wasm_bindgen(js_name = validateFramework)]
pub fn validate_framework(value: &FrameworkInput) -> Result<ValidationReportTs, JsError> {
    let errors = match from_js(
        value,
        "a framework",
        crate::core::reader::MAX_DOCUMENT_BYTES,
    ) {
        Err(e) => vec![e],
        Ok(v) => Framework::from_value(&v).err().unwrap_or_default(),
    };
    Ok(to_js(&Report {
        ok: errors.is_empty(),
        errors,
    })?
    .unchecked_into())
}

/// The framework and one response read against it, every problem with its path.
fn one_response(
    framework_value: &FrameworkInput,
    response: &ResponseInput,
) -> Result<(Framework, Response), JsError> {
    let fw = framework(framework_value)?;
    let v = from_js(
        response,
        "a response",
        crate::core::reader::MAX_DOCUMENT_BYTES,
    )
    .map_err(js_err)?;
    let r = Response::from_value(&fw, &v, "").map_err(js_errs)?;
    Ok((fw, r))
}

/// Scores one response against a framework.
#[wasm_bindgen]
pub fn score(
    framework_value: &FrameworkInput,
    response: &ResponseInput,
) -> Result<ScoreResultTs, JsError> {
    let (fw, r) = one_response(framework_value, response)?;
    Ok(to_js(&core_score(&fw, &r))?.unchecked_into())
}

/// Aggregates many responses: `options.groupBy`, `options.minGroupSize` (default 3: no
/// figure rests on fewer people; see `core::aggregation`), `options.previous` (an
/// earlier round, for change), `options.raw` (every figure, unsuppressed). The
/// responses are an array or its JSON text; for large sets, JSON text as it came (from
/// a file or a fetch) is the fastest: no JavaScript objects are made (README, "Large
/// sets of responses").
#[wasm_bindgen]
pub fn aggregate(
    framework_value: &FrameworkInput,
    list: &ResponsesInput,
    options: &AggregateOptionsTs,
) -> Result<AggregateTs, JsError> {
    let fw = framework(framework_value)?;
    let rs = responses(&fw, list, "responses")?;
    let opts = if options.is_undefined() || options.is_null() {
        Value::Object(Default::default())
    } else {
        from_js(options, "options", crate::core::reader::MAX_DOCUMENT_BYTES).map_err(js_err)?
    };
    let mut r = Reader::default();
    let m = r.object(
        &opts,
        "options",
        &["groupBy", "minGroupSize", "previous", "raw"],
    );
    let (group_by, min_group_size) = match m {
        Some(m) => (
            r.opt_text(m, "options", "groupBy", 64),
            m.get("minGroupSize")
                .filter(|v| !v.is_null())
                .and_then(|v| {
                    let n = r.int_value(v, "options.minGroupSize")?;
                    if !(1..=1000).contains(&n) {
                        r.err("options.minGroupSize", "must be between 1 and 1000");
                    }
                    Some(n.clamp(1, 1000) as usize)
                }),
        ),
        None => (None, None),
    };
    let raw = m.is_some_and(|m| r.opt_bool(m, "options", "raw"));
    if !r.issues.is_empty() {
        return Err(js_errs(r.issues));
    }
    let previous = match opts.get("previous") {
        Some(p) if !p.is_null() => Some(responses_of(&fw, p, "options.previous")?),
        _ => None,
    };
    let agg = core_aggregate(
        &fw,
        &rs,
        &Options {
            group_by,
            min_group_size,
            previous: previous.as_deref(),
            raw,
        },
    )
    .map_err(js_err)?;
    Ok(to_js(&agg)?.unchecked_into())
}

fn chart(v: &JsValue) -> Result<RadarChart, JsError> {
    let value = from_js(v, "a chart", crate::core::reader::MAX_DOCUMENT_BYTES).map_err(js_err)?;
    RadarChart::from_value(&value).map_err(js_errs)
}

/// Draws a radar chart as an SVG string.
#[wasm_bindgen(js_name = radarSvg)]
pub fn radar_svg(chart_value: &RadarChartTs) -> Result<String, JsError> {
    // `chart` reads the chart with `RadarChart::from_value`, which checks it.
    radar_svg_of_valid(&chart(chart_value)?).map_err(js_err)
}

/// Draws a radar chart on a canvas, sharp at the screen's device pixel ratio (or the
/// `pixelRatio` given).
#[wasm_bindgen(js_name = drawRadar)]
pub fn draw_radar(
    canvas: &CanvasTs,
    chart_value: &RadarChartTs,
    pixel_ratio: Option<f64>,
) -> Result<(), JsError> {
    let c = chart(chart_value)?;
    let ratio =
        pixel_ratio.unwrap_or_else(|| web_sys::window().map_or(1.0, |w| w.device_pixel_ratio()));
    if let Some(el) = canvas.dyn_ref::<web_sys::HtmlCanvasElement>() {
        return super::canvas::draw_on_canvas(el, &c, ratio, true, &Default::default())
            .map_err(js_err);
    }
    // OffscreenCanvas is missing from some older browsers: look for it, never assume it.
    let offscreen = js_sys::Reflect::get(&js_sys::global(), &"OffscreenCanvas".into())
        .ok()
        .filter(|c| c.is_function());
    match offscreen {
        Some(ctor)
            if js_sys::Reflect::get(&ctor, &"prototype".into())
                .ok()
                .and_then(|p| p.dyn_into::<js_sys::Object>().ok())
                .is_some_and(|p| p.is_prototype_of(canvas)) =>
        {
            super::canvas::draw_on_offscreen(canvas.unchecked_ref(), &c, pixel_ratio.unwrap_or(1.0))
                .map_err(js_err)
        }
        _ => Err(JsError::new(
            "canvas: expected an HTMLCanvasElement or an OffscreenCanvas",
        )),
    }
}

/// The chart in words: a summary sentence and the data as rows.
#[wasm_bindgen(js_name = textAlternative)]
pub fn text_alternative(chart_value: &RadarChartTs) -> Result<TextAlternativeTs, JsError> {
    Ok(to_js(&core_text_alternative(&chart(chart_value)?))?.unchecked_into())
}

fn score_result(v: &JsValue) -> Result<ScoreResult, JsError> {
    let value =
        from_js(v, "a score result", crate::core::reader::MAX_DOCUMENT_BYTES).map_err(js_err)?;
    score_from_value(&value).map_err(js_err)
}

/// Chart input for one person's result.
#[wasm_bindgen(js_name = chartFromScore)]
pub fn chart_from_score(
    framework_value: &FrameworkInput,
    result: &ScoreResultTs,
) -> Result<RadarChartTs, JsError> {
    let fw = framework(framework_value)?;
    let r = score_result(result)?;
    Ok(to_js(&core_chart_from_score(&fw, &r, None).map_err(js_err)?)?.unchecked_into())
}

/// Chart input for a team: the median with its interquartile range and split
/// foundations marked, or (`options.byGroup`) one series per group.
#[wasm_bindgen(js_name = chartFromAggregate)]
pub fn chart_from_aggregate(
    framework_value: &FrameworkInput,
    agg: &AggregateTs,
    options: &AggregateChartOptionsTs,
) -> Result<RadarChartTs, JsError> {
    let fw = framework(framework_value)?;
    let value = from_js(agg, "an aggregate", MAX_RESPONSES_JSON).map_err(js_err)?;
    let a = aggregate_from_value(&value).map_err(js_err)?;
    let opts = if options.is_undefined() || options.is_null() {
        AggregateChartOptions::default()
    } else {
        let v =
            from_js(options, "options", crate::core::reader::MAX_DOCUMENT_BYTES).map_err(js_err)?;
        AggregateChartOptions::from_value(&v).map_err(js_errs)?
    };
    Ok(to_js(&core_chart_from_aggregate(&fw, &a, &opts).map_err(js_err)?)?.unchecked_into())
}

/// A short, URL-safe share code for a response.
#[wasm_bindgen(js_name = encodeResponse)]
pub fn encode_response(
    framework_value: &FrameworkInput,
    response: &ResponseInput,
) -> Result<String, JsError> {
    let (fw, r) = one_response(framework_value, response)?;
    Ok(sharecode::encode(&fw, &r))
}

/// The response in a share code (or a share link) made for this framework.
#[wasm_bindgen(js_name = decodeResponse)]
pub fn decode_response(
    framework_value: &FrameworkInput,
    code: &str,
) -> Result<ResponseOut, JsError> {
    let fw = framework(framework_value)?;
    let r = sharecode::decode(&fw, code).map_err(js_err)?;
    Ok(to_js(&r)?.unchecked_into())
}

/// Responses as CSV text (UTF-8 with BOM, every field quoted, formulas neutralised).
#[wasm_bindgen(js_name = responsesToCsv)]
pub fn responses_to_csv(
    framework_value: &FrameworkInput,
    list: &ResponsesInput,
) -> Result<String, JsError> {
    let fw = framework(framework_value)?;
    Ok(csv::to_csv(&fw, &responses(&fw, list, "responses")?))
}

/// Responses from CSV text in any dialect a spreadsheet writes (comma, semicolon or
/// tab; a `sep=` line; rows of separators only are passed over); throws naming every
/// rejected line, or saying that the dialect cannot be decided.
#[wasm_bindgen(js_name = responsesFromCsv)]
pub fn responses_from_csv(
    framework_value: &FrameworkInput,
    text: &str,
) -> Result<ResponsesOut, JsError> {
    let fw = framework(framework_value)?;
    let got = crate::codec::table::from_csv_any(&fw, text).map_err(js_err)?;
    if !got.rejected.is_empty() {
        return Err(js_errs(got.rejected));
    }
    Ok(to_js(&got.responses)?.unchecked_into())
}

/// A share code for a response, and whether its comments are in it (`"included"`),
/// left out because the code would be too long for a link (`"leftOut"`: the page should
/// say so), or there are none (`"none"`).
#[wasm_bindgen(js_name = shareCode)]
pub fn share_code(
    framework_value: &FrameworkInput,
    response: &ResponseInput,
) -> Result<ShareCodeTs, JsError> {
    let (fw, r) = one_response(framework_value, response)?;
    Ok(to_js(&sharecode::share(&fw, &r))?.unchecked_into())
}

/// The options of `comments` and `commentsToCsv`, read and checked.
fn comment_options(
    options: &CommentOptionsTs,
) -> Result<(Option<String>, Option<usize>, Vec<String>), JsError> {
    if options.is_undefined() || options.is_null() {
        return Ok((None, None, Vec::new()));
    }
    let opts =
        from_js(options, "options", crate::core::reader::MAX_DOCUMENT_BYTES).map_err(js_err)?;
    let mut r = Reader::default();
    let Some(m) = r.object(&opts, "options", &["groupBy", "minGroupSize", "hidden"]) else {
        return Err(js_errs(r.issues));
    };
    let group_by = r.opt_text(m, "options", "groupBy", 64);
    let min = match m.get("minGroupSize").filter(|v| !v.is_null()) {
        None => None,
        Some(v) => {
            let n = r.int_value(v, "options.minGroupSize");
            if n.is_some_and(|n| !(1..=1000).contains(&n)) {
                r.err("options.minGroupSize", "must be between 1 and 1000");
            }
            n.map(|n| n.clamp(1, 1000) as usize)
        }
    };
    let hidden = r
        .list(m, "options", "hidden", 100_000, false)
        .iter()
        .enumerate()
        .map(|(i, v)| r.text_value(v, &format!("options.hidden[{i}]"), 64))
        .collect();
    if !r.issues.is_empty() {
        return Err(js_errs(r.issues));
    }
    Ok((group_by, min, hidden))
}

fn comment_report(
    framework_value: &FrameworkInput,
    list: &ResponsesInput,
    options: &CommentOptionsTs,
) -> Result<(Framework, crate::core::comments::CommentReport), JsError> {
    let fw = framework(framework_value)?;
    let rs = responses(&fw, list, "responses")?;
    let (group_by, min_group_size, hidden) = comment_options(options)?;
    let report = crate::core::comments::comments(
        &fw,
        &rs,
        &crate::core::comments::CommentOptions {
            group_by,
            min_group_size,
            hidden: &hidden,
        },
    )
    .map_err(js_err)?;
    Ok((fw, report))
}

/// The comments of a team per foundation, for everyone and per published group
/// (`options.groupBy`), with no respondent fields beside them, sorted by text; a
/// listing resting on fewer than `options.minGroupSize` people (default 3) is withheld.
/// `options.hidden` lists the ids of comments hidden from the report (they stay
/// listed, marked `hidden`).
#[wasm_bindgen]
pub fn comments(
    framework_value: &FrameworkInput,
    list: &ResponsesInput,
    options: &CommentOptionsTs,
) -> Result<CommentReportTs, JsError> {
    let (_, report) = comment_report(framework_value, list, options)?;
    Ok(to_js(&report)?.unchecked_into())
}

/// The comments as CSV (group, foundation, comment; hidden ones left out; UTF-8 with
/// BOM, every field quoted, formulas neutralised).
#[wasm_bindgen(js_name = commentsToCsv)]
pub fn comments_to_csv(
    framework_value: &FrameworkInput,
    list: &ResponsesInput,
    options: &CommentOptionsTs,
) -> Result<String, JsError> {
    let (fw, report) = comment_report(framework_value, list, options)?;
    Ok(crate::core::comments::comments_csv(&fw, &report))
}

#[derive(Serialize)]
struct SheetReport {
    ok: bool,
    framework: Option<Framework>,
    errors: Vec<crate::codec::sheet::SheetIssue>,
}

/// Converts spreadsheet text (the CSV template, with commas, semicolons or tabs) to a
/// framework. Never throws for a bad sheet: `{ ok, framework, errors }`, each error
/// named by sheet, row and column.
#[wasm_bindgen(js_name = frameworkFromSheet)]
pub fn framework_from_sheet(text: &str) -> Result<SheetReportTs, JsError> {
    let report = match crate::codec::sheet::framework_from_sheet(text) {
        Ok(fw) => SheetReport {
            ok: true,
            framework: Some(fw),
            errors: Vec::new(),
        },
        Err(errors) => SheetReport {
            ok: false,
            framework: None,
            errors,
        },
    };
    Ok(to_js(&report)?.unchecked_into())
}

/// A framework as the spreadsheet template (CSV text) that `frameworkFromSheet` reads
/// back; the built-in framework when none is given.
#[wasm_bindgen(js_name = frameworkTemplate)]
pub fn framework_template(framework_value: &OptionalFrameworkInput) -> Result<String, JsError> {
    let fw = if framework_value.is_undefined() || framework_value.is_null() {
        builtin::builtin(builtin::DEFAULT_ID).map_err(js_err)?
    } else {
        framework(framework_value)?
    };
    Ok(crate::codec::sheet::template_csv(&fw))
}

/// A framework as the spreadsheet template in an XLSX file (the built-in framework when
/// none is given). Saved as CSV from the spreadsheet, it reads back with
/// `frameworkFromSheet`.
#[wasm_bindgen(js_name = frameworkTemplateXlsx)]
pub fn framework_template_xlsx(
    framework_value: &OptionalFrameworkInput,
) -> Result<Vec<u8>, JsError> {
    let fw = if framework_value.is_undefined() || framework_value.is_null() {
        builtin::builtin(builtin::DEFAULT_ID).map_err(js_err)?
    } else {
        framework(framework_value)?
    };
    Ok(crate::codec::sheet::template_xlsx(&fw))
}

/// A framework from the text of an in-page `<script type="application/json">` element;
/// throws naming what is wrong (an empty element, JavaScript, a JSON error's line
/// counted from the opening tag, or the validator's problems by path).
#[wasm_bindgen(js_name = frameworkFromScript)]
pub fn framework_from_script(text: &str) -> Result<FrameworkOut, JsError> {
    let fw = Framework::from_script(text).map_err(js_errs)?;
    Ok(to_js(&fw)?.unchecked_into())
}

/// The options of `importResponses` and `surveyMapping`, read: the source's name, the
/// input, the options, and the responses already loaded.
fn import_args(
    fw: &Framework,
    input: &JsValue,
    options: &JsValue,
) -> Result<(String, Input, ImportOptions, Vec<Response>), JsError> {
    let opts = if options.is_undefined() || options.is_null() {
        Value::Object(Default::default())
    } else {
        from_js(options, "options", MAX_RESPONSES_JSON).map_err(js_err)?
    };
    let mut r = Reader::default();
    let m = r.object(&opts, "options", &["format", "name", "mapping", "loaded"]);
    let mut o = ImportOptions::default();
    let mut name = None;
    if let Some(m) = m {
        if let Some(f) = r.opt_text(m, "options", "format", 20) {
            match Format::parse(&f) {
                Some(f) => o.format = Some(f),
                None => r.err(
                    "options.format",
                    "expected one of: text, json, csv, email, xlsx",
                ),
            }
        }
        name = r.opt_text(m, "options", "name", 500);
        if let Some(v) = m.get("mapping").filter(|v| !v.is_null()) {
            match Mapping::from_value(v) {
                Ok(mapping) => o.mapping = Some(mapping),
                Err(mut e) => r.issues.append(&mut e),
            }
        }
    }
    if !r.issues.is_empty() {
        return Err(js_errs(r.issues));
    }
    let loaded = match opts.get("loaded") {
        Some(l) if !l.is_null() => responses_of(fw, l, "options.loaded")?,
        _ => Vec::new(),
    };
    let source = name.unwrap_or_else(|| {
        if input.is_string() {
            "pasted text"
        } else {
            "the file"
        }
        .to_string()
    });
    // The length is checked before anything is copied, so that a file too large is
    // refused without taking its size in memory twice.
    let len = if let Some(t) = input.as_string() {
        Some(t.len())
    } else if let Some(a) = input.dyn_ref::<js_sys::Uint8Array>() {
        Some(a.length() as usize)
    } else {
        input
            .dyn_ref::<js_sys::ArrayBuffer>()
            .map(|b| b.byte_length() as usize)
    };
    let input = match len {
        None => {
            return Err(JsError::new(
                "input: expected text, a Uint8Array or an ArrayBuffer",
            ))
        }
        Some(n) if size_problem(n).is_some() => Input::Bytes(Vec::new()),
        Some(_) => match input.as_string() {
            Some(t) => Input::Text(t),
            None => Input::Bytes(js_sys::Uint8Array::new(input).to_vec()),
        },
    };
    if let Some(problem) = len.and_then(size_problem) {
        return Err(JsError::new(&format!("{source}: {problem}")));
    }
    Ok((source, input, o, loaded))
}

#[derive(Serialize)]
struct ImportResult {
    responses: Vec<Response>,
    report: crate::core::team::ImportReport,
    sentences: Vec<String>,
}

/// Reads responses from what a facilitator has: `input` is text (pasted share codes and
/// links, JSON, CSV) or a file's bytes (a Uint8Array or ArrayBuffer: CSV in any
/// dialect and encoding, a saved e-mail or mailbox, an .xlsx workbook, a survey
/// tool's export). `options.format` names the format when the caller knows it;
/// `options.name` names the input in messages (a file's name helps tell its format);
/// `options.mapping` is a survey export's confirmed mapping (without it, a survey
/// export gives `report.mapping` to confirm and no responses); `options.loaded` are
/// the responses already held, counted as duplicates and not returned again.
/// Returns `{ responses, report, sentences }`; throws only for bad arguments (or an
/// input over 20 MB): what cannot be read is in `report.rejected`.
#[wasm_bindgen(js_name = importResponses)]
pub fn import_responses(
    framework_value: &FrameworkInput,
    input: &ImportInputTs,
    options: &ImportOptionsTs,
) -> Result<ImportResultTs, JsError> {
    let fw = framework(framework_value)?;
    let (source, input, options, loaded) = import_args(&fw, input, options)?;
    let (responses, report) = import_new(&fw, &loaded, &source, input, options);
    let sentences = report.sentences();
    Ok(to_js(&ImportResult {
        responses,
        report,
        sentences,
    })?
    .unchecked_into())
}

/// The mapping of a survey tool's export (as `importResponses` would give in
/// `report.mapping`), or, with `options.mapping` (a mapping changed by the
/// facilitator), that mapping with its labels and options worked out again for its
/// columns as they now are. Throws when the input is not a survey export or the
/// mapping does not fit it.
#[wasm_bindgen(js_name = surveyMapping)]
pub fn survey_mapping(
    framework_value: &FrameworkInput,
    input: &ImportInputTs,
    options: &ImportOptionsTs,
) -> Result<SurveyMappingTs, JsError> {
    let fw = framework(framework_value)?;
    let (source, input, options, _) = import_args(&fw, input, options)?;
    let m = core_survey_mapping(&fw, &source, input, &options).map_err(js_errs)?;
    Ok(to_js(&m)?.unchecked_into())
}
