#![allow(dead_code)]
use foundations_check::{Framework, Response};
use serde_json::{json, Value};

/// A small framework: scale 1 to 5 with "Don't know", two foundations.
/// f1: a (weight 1), b (weight 3, reverse), c, d. f2: e, f.
pub fn small_json() -> Value {
    json!({
        "schema": "foundations-check/framework@1",
        "id": "test",
        "version": "1",
        "title": "Test",
        "scale": {"min": 1, "max": 5, "labels": ["1","2","3","4","5"], "dontKnow": "Don't know"},
        "bands": {"basis": "percent", "levels": [
            {"id": "low", "label": "Low", "from": 0},
            {"id": "mid", "label": "Mid", "from": 50},
            {"id": "high", "label": "High", "from": 75}
        ]},
        "consensus": {"spread": 1, "maxOutside": 0.3},
        "respondentFields": [
            {"id": "sector", "label": "Sector", "options": [
                {"id": "nhs", "label": "NHS"}, {"id": "council", "label": "Council"}, {"id": "vcs", "label": "VCS"}
            ]}
        ],
        "foundations": [
            {"id": "f1", "name": "One", "items": [
                {"id": "a", "text": "A"},
                {"id": "b", "text": "B", "reverse": true, "weight": 3},
                {"id": "c", "text": "C"},
                {"id": "d", "text": "D"}
            ], "actions": [{"band": "low", "text": "Do something"}]},
            {"id": "f2", "name": "Two", "items": [
                {"id": "e", "text": "E"},
                {"id": "f", "text": "F"}
            ]}
        ]
    })
}

pub fn small() -> Framework {
    Framework::from_value(&small_json().into()).expect("the test framework is valid")
}

pub fn framework_with(
    edit: impl FnOnce(&mut Value),
) -> Result<Framework, Vec<foundations_check::Issue>> {
    let mut v = small_json();
    edit(&mut v);
    Framework::from_value(&v.into())
}

pub fn response(fw: &Framework, answers: Value, respondent: Value) -> Response {
    let v = json!({
        "framework": fw.id, "version": fw.version,
        "answers": answers, "respondent": respondent
    });
    Response::from_value(fw, &v.into(), "").expect("the test response is valid")
}

/// A number the tests compare with a float: a float, or an exact score.
pub trait Number {
    fn float(self) -> f64;
}
impl Number for f64 {
    fn float(self) -> f64 {
        self
    }
}
impl Number for foundations_check::core::exact::Exact {
    fn float(self) -> f64 {
        self.get()
    }
}

pub fn close(a: impl Number, b: f64) -> bool {
    (a.float() - b).abs() < 1e-9
}
