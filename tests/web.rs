//! The JavaScript API in headless Chromium (wasm-bindgen-test): every export, hostile
//! input, and drawing on a canvas inside a shadow root at device pixel ratio 2.
#![cfg(target_arch = "wasm32")]

use foundations_check::web::api::*;
use js_sys::{Array, Object, Reflect, JSON};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn js(text: &str) -> JsValue {
    JSON::parse(text).expect("test JSON")
}

fn get(v: &JsValue, key: &str) -> JsValue {
    Reflect::get(v, &key.into()).unwrap()
}

fn fw() -> FrameworkInput {
    JsValue::from(builtin_framework("place-based-partnership").unwrap()).unchecked_into()
}

fn answers_json(v: i32) -> String {
    let fw: JsValue = fw().into();
    let mut parts = Vec::new();
    let fs: Array = get(&fw, "foundations").unchecked_into();
    for f in fs.iter() {
        let items: Array = get(&f, "items").unchecked_into();
        for i in items.iter() {
            parts.push(format!("\"{}\": {v}", get(&i, "id").as_string().unwrap()));
        }
    }
    format!("{{{}}}", parts.join(","))
}

fn response(v: i32, sector: &str) -> JsValue {
    js(&format!(
        r#"{{"framework": "place-based-partnership", "version": "1.0.0", "answers": {}, "respondent": {{"sector": "{sector}"}}}}"#,
        answers_json(v)
    ))
}

/// A three-axis chart, 300 by 240.
fn small_chart() -> JsValue {
    js(
        r#"{"axes": [{"id": "a", "label": "Alpha"}, {"id": "b", "label": "Beta"}, {"id": "c", "label": "Gamma"}],
           "series": [{"label": "x", "values": [80, 40, 60]}], "width": 300, "height": 240}"#,
    )
}

/// The number of pixels that are neither white nor transparent.
fn painted(rgba: &[u8]) -> usize {
    rgba.chunks(4)
        .filter(|p| p[3] > 0 && (p[0] < 240 || p[1] < 240 || p[2] < 240))
        .count()
}

fn message(e: wasm_bindgen::JsError) -> String {
    let v: JsValue = e.into();
    let err: js_sys::Error = v.dyn_into().expect("a JS Error");
    err.message().into()
}

#[wasm_bindgen_test]
fn builtins_and_validation() {
    let list: JsValue = builtin_frameworks().unwrap().into();
    let first = Array::from(&list).get(0);
    assert_eq!(
        get(&first, "id").as_string().unwrap(),
        "place-based-partnership"
    );
    assert_eq!(get(&first, "version").as_string().unwrap(), "1.0.0");
    assert!(message(builtin_framework("nope").map(|_| ()).unwrap_err())
        .contains("not a built-in framework"));

    let ok: JsValue = validate_framework(&fw()).unwrap().into();
    assert_eq!(get(&ok, "ok"), JsValue::TRUE);
    // A bad framework is reported, never thrown, with every problem.
    let bad: JsValue =
        validate_framework(&js(r#"{"schema": 1, "foundations": []}"#).unchecked_into())
            .unwrap()
            .into();
    assert_eq!(get(&bad, "ok"), JsValue::FALSE);
    let errors = Array::from(&get(&bad, "errors"));
    assert!(errors.length() >= 4);
    assert_eq!(get(&errors.get(0), "path").as_string().unwrap(), "schema");
    // JSON text is accepted, and malformed text is reported.
    let text: JsValue = validate_framework(&JsValue::from_str("{oops").unchecked_into())
        .unwrap()
        .into();
    let e0 = Array::from(&get(&text, "errors")).get(0);
    assert!(get(&e0, "message")
        .as_string()
        .unwrap()
        .contains("not valid JSON"));
}

#[wasm_bindgen_test]
fn score_encode_decode_csv() {
    let r = response(4, "nhs-trust");
    let s: JsValue = score(&fw(), r.unchecked_ref()).unwrap().into();
    let overall = get(&s, "overall");
    // Seven foundations at 75 %; relationships has a reverse item (4 -> 2): 58.33 %.
    let want = (7.0 * 75.0 + 175.0 / 3.0) / 8.0;
    assert!((get(&overall, "percent").as_f64().unwrap() - want).abs() < 1e-9);
    assert_eq!(get(&overall, "band").as_string().unwrap(), "maturing");
    let code = encode_response(&fw(), r.unchecked_ref()).unwrap();
    assert!(code.len() < 40);
    let back: JsValue = decode_response(&fw(), &code).unwrap().into();
    assert_eq!(get(&get(&back, "answers"), "purpose-1").as_f64(), Some(4.0));
    assert!(
        message(decode_response(&fw(), "AAAA").map(|_| ()).unwrap_err()).contains("share code")
    );

    let list = Array::of2(&r, &response(2, "local-authority"));
    let csv = responses_to_csv(&fw(), list.unchecked_ref()).unwrap();
    assert!(csv.starts_with('\u{feff}'));
    let back: JsValue = responses_from_csv(&fw(), &csv).unwrap().into();
    assert_eq!(Array::from(&back).length(), 2);
    let e = message(
        responses_from_csv(&fw(), "framework,version,zz\n")
            .map(|_| ())
            .unwrap_err(),
    );
    assert!(e.contains("line 1, column 3"), "{e}");
}

#[wasm_bindgen_test]
fn aggregate_and_charts() {
    let list = Array::new();
    for (v, s) in [
        (4, "nhs-trust"),
        (5, "nhs-trust"),
        (4, "nhs-trust"),
        (2, "local-authority"),
        (1, "voluntary-sector"),
    ] {
        list.push(&response(v, s));
    }
    // The earlier round: five people, purpose at 50, 50, 50, 25 and 75 % (median 50).
    let previous = Array::new();
    for (v, s) in [
        (3, "nhs-trust"),
        (3, "local-authority"),
        (3, "voluntary-sector"),
        (2, "nhs-trust"),
        (4, "local-authority"),
    ] {
        previous.push(&response(v, s));
    }
    let opts = Object::new();
    Reflect::set(&opts, &"groupBy".into(), &"sector".into()).unwrap();
    Reflect::set(&opts, &"previous".into(), &previous).unwrap();
    let agg: JsValue = aggregate(&fw(), list.unchecked_ref(), opts.unchecked_ref())
        .unwrap()
        .into();
    assert_eq!(get(&agg, "respondents").as_f64(), Some(5.0));
    let f0 = Array::from(&get(&agg, "foundations")).get(0);
    assert_eq!(get(&f0, "median").as_f64(), Some(75.0));
    assert_eq!(get(&f0, "delta").as_f64(), Some(25.0));
    // An earlier round of one person: the change would rest on one, so it is withheld.
    Reflect::set(
        &opts,
        &"previous".into(),
        &Array::of1(&response(3, "nhs-trust")),
    )
    .unwrap();
    let one: JsValue = aggregate(&fw(), list.unchecked_ref(), opts.unchecked_ref())
        .unwrap()
        .into();
    let f0 = Array::from(&get(&one, "foundations")).get(0);
    assert_eq!(get(&f0, "median").as_f64(), Some(75.0));
    assert!(get(&f0, "delta").is_null() || get(&f0, "delta").is_undefined());
    let groups = Array::from(&get(&agg, "groups"));
    let g_la = groups
        .iter()
        .find(|g| get(g, "option").as_string().unwrap() == "local-authority")
        .unwrap();
    assert_eq!(get(&g_la, "suppressed"), JsValue::TRUE);
    assert_eq!(Array::from(&get(&g_la, "foundations")).length(), 0);

    let chart: JsValue = chart_from_aggregate(
        &fw(),
        agg.unchecked_ref(),
        &JsValue::UNDEFINED.unchecked_into(),
    )
    .unwrap()
    .into();
    assert_eq!(Array::from(&get(&chart, "axes")).length(), 8);
    let svg = radar_svg(chart.unchecked_ref()).unwrap();
    assert!(svg.starts_with("<svg"));
    let alt: JsValue = text_alternative(chart.unchecked_ref()).unwrap().into();
    assert!(get(&alt, "summary")
        .as_string()
        .unwrap()
        .starts_with("Radar chart: Foundations for place-based partnership. Highest"));

    let s: JsValue = score(&fw(), response(3, "nhs-trust").unchecked_ref())
        .unwrap()
        .into();
    let chart: JsValue = chart_from_score(&fw(), s.unchecked_ref()).unwrap().into();
    assert_eq!(Array::from(&get(&chart, "bands")).length(), 4);
    let bad = message(
        aggregate(
            &fw(),
            list.unchecked_ref(),
            &js(r#"{"groupBy": "team"}"#).unchecked_into(),
        )
        .map(|_| ())
        .unwrap_err(),
    );
    assert!(bad.contains("options.groupBy"), "{bad}");
}

#[wasm_bindgen_test]
fn hostile_inputs_throw_clear_errors() {
    // Wrong types.
    let e = message(
        score(
            &JsValue::from(5).unchecked_into(),
            &JsValue::NULL.unchecked_into(),
        )
        .map(|_| ())
        .unwrap_err(),
    );
    assert!(e.contains("expected an object"), "{e}");
    let e = message(
        score(&fw(), &JsValue::UNDEFINED.unchecked_into())
            .map(|_| ())
            .unwrap_err(),
    );
    assert!(e.contains("undefined"), "{e}");
    // NaN and Infinity are not numbers: named where they are.
    let r = response(4, "nhs-trust");
    Reflect::set(
        &get(&r, "answers"),
        &"purpose-1".into(),
        &JsValue::from(f64::NAN),
    )
    .unwrap();
    let e = message(score(&fw(), r.unchecked_ref()).map(|_| ()).unwrap_err());
    assert_eq!(e, "answers.purpose-1: NaN is not a number");
    Reflect::set(
        &get(&r, "answers"),
        &"purpose-1".into(),
        &JsValue::from(f64::INFINITY),
    )
    .unwrap();
    let e = message(score(&fw(), r.unchecked_ref()).map(|_| ()).unwrap_err());
    assert_eq!(e, "answers.purpose-1: Infinity is not a number");
    // A BigInt is the whole number it holds when a number holds it exactly, and
    // refused beyond that.
    Reflect::set(
        &get(&r, "answers"),
        &"purpose-1".into(),
        &js_sys::BigInt::from(4u32).into(),
    )
    .unwrap();
    let s: JsValue = score(&fw(), r.unchecked_ref()).unwrap().into();
    let f0 = Array::from(&get(&s, "foundations")).get(0);
    assert_eq!(get(&f0, "answered").as_f64(), Some(3.0));
    Reflect::set(
        &get(&r, "answers"),
        &"purpose-1".into(),
        &js_sys::BigInt::from(1u64 << 60).into(),
    )
    .unwrap();
    let e = message(score(&fw(), r.unchecked_ref()).map(|_| ()).unwrap_err());
    assert!(
        e.starts_with("answers.purpose-1: 1152921504606846976 is beyond the whole numbers"),
        "{e}"
    );
    // Deep nesting.
    let mut deep = JsValue::from(1);
    for _ in 0..10_000 {
        deep = Array::of1(&deep).into();
    }
    let e = message(score(&fw(), deep.unchecked_ref()).map(|_| ()).unwrap_err());
    assert!(e.contains("is nested more than 128 levels deep"), "{e}");
    // A cycle.
    let cyc = Object::new();
    Reflect::set(&cyc, &"self".into(), &cyc).unwrap();
    let e = message(score(&fw(), cyc.unchecked_ref()).map(|_| ()).unwrap_err());
    assert!(e.starts_with("self.self.self."), "{e}");
    assert!(
        e.ends_with("is nested more than 128 levels deep (does an object contain itself?)"),
        "{e}"
    );
    // A symbol or a function is no JSON value.
    let f = js_sys::Function::new_no_args("return 1");
    let r = response(4, "nhs-trust");
    Reflect::set(&get(&r, "answers"), &"purpose-2".into(), &f).unwrap();
    let e = message(score(&fw(), r.unchecked_ref()).map(|_| ()).unwrap_err());
    assert!(e.starts_with("answers.purpose-2: "), "{e}");
    // Prototype-polluting keys are just unknown keys.
    let p = js(
        r#"{"framework": "place-based-partnership", "version": "1.0.0", "answers": {"__proto__": 3}, "__proto__": {"polluted": true}}"#,
    );
    let e = message(score(&fw(), p.unchecked_ref()).map(|_| ()).unwrap_err());
    assert!(e.contains("__proto__"), "{e}");
    assert!(get(&Object::new(), "polluted").is_undefined());
    // Binary and non-UTF-8 text.
    let e = message(
        decode_response(&fw(), "\u{0}\u{fffd}\u{1}")
            .map(|_| ())
            .unwrap_err(),
    );
    assert!(e.contains("share code"), "{e}");
    let e = message(
        responses_from_csv(&fw(), "\u{0}PK\u{3}\u{4}")
            .map(|_| ())
            .unwrap_err(),
    );
    assert!(e.contains("binary"), "{e}");
    // A huge array.
    let huge = Array::new_with_length(200_000);
    let e = message(
        aggregate(
            &fw(),
            huge.unchecked_ref(),
            &JsValue::UNDEFINED.unchecked_into(),
        )
        .map(|_| ())
        .unwrap_err(),
    );
    assert!(e.contains("responses[0]"), "{e}");
    // Charts with bad values.
    let e = message(radar_svg(&js(r#"{"axes": [{"id": "a", "label": "A"}], "series": [{"label": "x", "values": [1e308]}]}"#).unchecked_into()).unwrap_err());
    assert!(e.contains("series[0].values[0]"), "{e}");
    // The instance still works after all of that.
    assert!(score(&fw(), response(3, "nhs-trust").unchecked_ref()).is_ok());
}

#[wasm_bindgen_test]
fn draws_on_a_canvas_in_a_shadow_root_at_dpr_2() {
    let doc = web_sys::window().unwrap().document().unwrap();
    let before = doc.body().unwrap().child_element_count();
    let host = doc.create_element("div").unwrap();
    doc.body().unwrap().append_child(&host).unwrap();
    let root = host
        .attach_shadow(&web_sys::ShadowRootInit::new(web_sys::ShadowRootMode::Open))
        .unwrap();
    let canvas: web_sys::HtmlCanvasElement =
        doc.create_element("canvas").unwrap().dyn_into().unwrap();
    root.append_child(&canvas).unwrap();
    let chart = small_chart();
    draw_radar(canvas.unchecked_ref(), chart.unchecked_ref(), Some(2.0)).unwrap();
    assert_eq!((canvas.width(), canvas.height()), (600, 480));
    let ctx: web_sys::CanvasRenderingContext2d = canvas
        .get_context("2d")
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    let data = ctx.get_image_data(0.0, 0.0, 600.0, 480.0).unwrap().data();
    let painted = painted(&data);
    assert!(painted > 5_000, "only {painted} pixels painted");
    // The series colour (#005eb8) is on the canvas.
    assert!(data
        .chunks(4)
        .any(|p| p[0] < 20 && (80..110).contains(&p[1]) && p[2] > 160));
    // Nothing was added to the page outside the shadow root.
    assert_eq!(doc.body().unwrap().child_element_count(), before + 1);
}

#[wasm_bindgen_test]
fn draws_on_an_offscreen_canvas() {
    let canvas = web_sys::OffscreenCanvas::new(10, 10).unwrap();
    let chart = small_chart();
    draw_radar(canvas.unchecked_ref(), chart.unchecked_ref(), Some(2.0)).unwrap();
    assert_eq!((canvas.width(), canvas.height()), (600, 480));
    let ctx: web_sys::OffscreenCanvasRenderingContext2d = canvas
        .get_context("2d")
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    let data = ctx.get_image_data(0.0, 0.0, 600.0, 480.0).unwrap().data();
    let painted = painted(&data);
    assert!(painted > 5_000, "only {painted} pixels painted");
    // Anything else is refused with a message.
    let e = message(
        draw_radar(
            &JsValue::from(3).unchecked_into(),
            chart.unchecked_ref(),
            None,
        )
        .unwrap_err(),
    );
    assert!(e.contains("HTMLCanvasElement or an OffscreenCanvas"), "{e}");
}

/// `score()` and the widget's `fc-complete` event give the object serde-wasm-bindgen
/// writes; it must be what `JSON.parse` makes of serde_json's text for the same result
/// (keys, order, null for a missing value, numbers).
#[wasm_bindgen_test]
fn scores_cross_as_serde_writes_them() {
    let fw = foundations_check::core::builtin::builtin("place-based-partnership").unwrap();
    // Some answered, some "Don't know", one foundation left out: scored, insufficient
    // and missing values all appear.
    let r = foundations_check::Response::from_json(
        &fw,
        r#"{"framework": "place-based-partnership", "version": "1.0.0", "respondent": {},
            "answers": {"purpose-1": 5, "purpose-2": 2, "purpose-3": "dontKnow",
                        "understanding-1": "dontKnow", "understanding-2": "dontKnow", "understanding-3": 4,
                        "relationships-1": 3}}"#,
    )
    .unwrap();
    let s = foundations_check::core::scoring::score(&fw, &r);
    assert!(s.foundations.iter().any(|f| f.percent.is_none()));
    let ours = JSON::stringify(&foundations_check::web::to_js(&s).unwrap()).unwrap();
    let theirs = JSON::stringify(&js(&serde_json::to_string(&s).unwrap())).unwrap();
    assert_eq!(String::from(ours), String::from(theirs));
}
