//! The exports, called as JavaScript calls them (wasm-bindgen-test, under Node):
//! `cargo test --target wasm32-unknown-unknown -p haalbaar-wasm` (see `test.sh`).
#![cfg(target_arch = "wasm32")]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use wasm_bindgen::JsValue;
use wasm_bindgen_test::wasm_bindgen_test;

const REFERENCE: &str = include_str!("../../../examples/gdi-2024.plan");
const CHAIN: &str = include_str!("../../../examples/infeasible-chain.plan");

fn get(value: &JsValue, path: &[&str]) -> JsValue {
    path.iter().fold(value.clone(), |v, key| js_sys::Reflect::get(&v, &(*key).into()).unwrap())
}

fn json(value: &JsValue) -> serde_json::Value {
    serde_json::from_str(&String::from(js_sys::JSON::stringify(value).unwrap())).unwrap()
}

#[wasm_bindgen_test]
fn check_returns_the_cli_report_as_an_object() {
    let options = js_sys::JSON::parse(r#"{"file": "examples/gdi-2024.plan"}"#).unwrap();
    let report = haalbaar_wasm::check(REFERENCE, Some(options)).unwrap();
    assert_eq!(get(&report, &["verdict"]).as_string().unwrap(), "feasible");
    let expected = haalbaar::api::check("examples/gdi-2024.plan", REFERENCE, &haalbaar::Options::default());
    assert_eq!(json(&report), serde_json::to_value(&expected).unwrap());
}

#[wasm_bindgen_test]
fn inspect_gives_the_same_report_and_a_board() {
    let inspected = haalbaar_wasm::inspect(CHAIN, None).unwrap();
    let report = haalbaar_wasm::check(CHAIN, None).unwrap();
    assert_eq!(json(&get(&inspected, &["report"])), json(&report));
    let board = json(&get(&inspected, &["board"]));
    assert_eq!(board["verdict"], "infeasible");
    assert!(board["items"].as_array().unwrap().iter().any(|i| i["missed"] == true));
}

#[wasm_bindgen_test]
fn options_are_optional_and_checked() {
    assert!(haalbaar_wasm::check(REFERENCE, Some(JsValue::UNDEFINED)).is_ok());
    assert!(haalbaar_wasm::check(REFERENCE, Some(JsValue::NULL)).is_ok());
    let bad = js_sys::JSON::parse(r#"{"budget": "lots"}"#).unwrap();
    assert!(haalbaar_wasm::check(REFERENCE, Some(bad)).is_err());
    // Without solving, no feasibility is reported.
    let quick = js_sys::JSON::parse(r#"{"solve": false}"#).unwrap();
    let report = json(&haalbaar_wasm::check(REFERENCE, Some(quick)).unwrap());
    assert!(report.get("commitments").is_none());
}

#[wasm_bindgen_test]
fn broken_input_gives_diagnostics_not_a_throw() {
    let report = json(&haalbaar_wasm::check("plan {\n  start 2024-13-01\n}\nteam {{{\n\u{0}", None).unwrap());
    assert_eq!(report["verdict"], "invalid");
    assert!(report["summary"]["errors"].as_u64().unwrap() >= 2);
    let cal = json(&haalbaar_wasm::calendar("nonsense").unwrap());
    assert!(cal["calendar"].is_null());
    assert!(!cal["diagnostics"].as_array().unwrap().is_empty());
}

#[wasm_bindgen_test]
fn calendar_capacity_forecast_explain_and_version() {
    let cal = json(&haalbaar_wasm::calendar(REFERENCE).unwrap());
    assert_eq!(cal["calendar"][0]["iteration"], "PI1.1");
    let cap = json(&haalbaar_wasm::capacity(REFERENCE).unwrap());
    assert_eq!(cap["capacity"]["teams"][0]["team"], "toegang");
    let options = js_sys::JSON::parse(r#"{"runs": 40, "seed": 3}"#).unwrap();
    let a = json(&haalbaar_wasm::forecast(CHAIN, Some(options.clone())).unwrap());
    let b = json(&haalbaar_wasm::forecast(CHAIN, Some(options)).unwrap());
    assert_eq!(a["forecast"]["runs"], 40);
    assert_eq!(a, b);
    // Runs are a whole number from 1 to 1,000,000, as in the command.
    for bad in [r#"{"runs": 0}"#, r#"{"runs": 1000001}"#, r#"{"runs": 2.5}"#, r#"{"runs": -1}"#] {
        let options = js_sys::JSON::parse(bad).unwrap();
        assert!(haalbaar_wasm::forecast(CHAIN, Some(options)).is_err(), "{bad}");
    }
    assert_eq!(json(&haalbaar_wasm::explain("W0507", None).unwrap())["code"], "W0507");
    assert!(haalbaar_wasm::explain("X1", None).unwrap().is_null());
    let nl = json(&haalbaar_wasm::explain("W0507", Some("nl".into())).unwrap());
    assert!(nl["explanation"].as_str().unwrap().starts_with("Wat: "), "{nl}");
    assert_eq!(haalbaar_wasm::version(), env!("CARGO_PKG_VERSION"));
}

#[wasm_bindgen_test]
fn a_scenario_is_checked_forecast_and_compared_as_the_cli_does() {
    let options =
        js_sys::JSON::parse(r#"{"file": "examples/gdi-2024.plan", "scenario": "eherkenning-groot"}"#).unwrap();
    let report = haalbaar_wasm::check(REFERENCE, Some(options.clone())).unwrap();
    let expected = haalbaar::api::check(
        "examples/gdi-2024.plan",
        REFERENCE,
        &haalbaar::Options::default().scenario("eherkenning-groot"),
    );
    assert_eq!(json(&report), serde_json::to_value(&expected).unwrap());
    assert_eq!(json(&report)["files"][0]["scenario"], "eherkenning-groot");
    let compared = haalbaar_wasm::compare(REFERENCE, Some(options)).unwrap();
    let expected = haalbaar::api::compare("examples/gdi-2024.plan", REFERENCE, &haalbaar::Options::default());
    assert_eq!(json(&compared), serde_json::to_value(&expected).unwrap());
    assert_eq!(json(&compared)["columns"].as_array().unwrap().len(), 4);
    let runs = js_sys::JSON::parse(r#"{"runs": 20, "scenario": "eherkenning-groot"}"#).unwrap();
    let forecast = json(&haalbaar_wasm::forecast(REFERENCE, Some(runs)).unwrap());
    let eherkenning =
        forecast["forecast"]["commitments"].as_array().unwrap().iter().find(|c| c["item"] == "eherkenning").unwrap();
    assert_eq!(eherkenning["probability"], 0.0);
}
