//! Frameworks from spreadsheets: any text is read without panicking, and a framework
//! that reads writes out as a template that converts back to it; nearly valid
//! templates (the test frameworks' own, edited) are tried too.
#![no_main]
mod common;

use common::{edit, framework};
use foundations_check::codec::sheet::{framework_from_sheet, template_csv};
use foundations_check::Framework;
use libfuzzer_sys::arbitrary::{Result, Unstructured};
use libfuzzer_sys::fuzz_target;

fn check(fw: &Framework) {
    let text = template_csv(fw);
    let back = framework_from_sheet(&text).expect("a framework's template converts back");
    assert_eq!(&back, fw, "the template reads as another framework");
}

fn run(data: &[u8]) -> Result<()> {
    let mut u = Unstructured::new(data);
    let text = if u.ratio(1, 2)? {
        String::from_utf8_lossy(u.take_rest()).into_owned()
    } else {
        let fw = framework(&mut u)?;
        check(fw);
        edit(&mut u, &template_csv(fw))?
    };
    match framework_from_sheet(&text) {
        Ok(fw) => check(&fw),
        Err(issues) => assert!(!issues.is_empty()),
    }
    Ok(())
}

fuzz_target!(|data: &[u8]| {
    let _ = run(data);
});
