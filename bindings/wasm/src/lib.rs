//! haalbaar for JavaScript: thin exports over [`haalbaar::api`]. Each returns a plain object
//! with the same fields as the CLI's `--format json` (one JSON Schema, `docs/api.schema.json`,
//! describes both, and the package's TypeScript types are generated from it).
//!
//! No clock and no I/O: the check is bounded by a step budget, so it gives the same answer
//! in every browser. A panic is reported (console and `globalThis.__haalbaarPanic`) rather
//! than lost; the widget then starts a fresh instance.
#![cfg(target_arch = "wasm32")]

use haalbaar::catalogue::{Lang, Localize};
use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &'static str = r#"
import type { CheckReport, Inspection, CalendarResult, CapacityResult, ForecastResult, Explanation, Comparison } from "./types";
export type * from "./types";

/** How a check runs. Every field is optional. */
export interface CheckOptions {
  /** The file name the report uses (default "plan.plan"). */
  file?: string;
  /** Steps of exact search per decision (default 100000); undecided commitments are "unknown". */
  budget?: number;
  /** false: names, calendar and capacity only, no feasibility. */
  solve?: boolean;
  /** Language of every message, reason and repair: "en" (default) or "nl". */
  lang?: "en" | "nl";
  /** Check this scenario of the file (`scenario ID { ... }`) instead of the plan itself. */
  scenario?: string;
}

/** How a forecast runs. */
export interface ForecastOptions {
  file?: string;
  /** Forecast this scenario of the file instead of the plan itself. */
  scenario?: string;
  /** Runs (default 1000, as `haalbaar forecast`; at most 1000000). */
  runs?: number;
  /** Seed (default 20240108, as `haalbaar forecast`): same seed, same answer. */
  seed?: number;
  /** Language of the method and the reasons: "en" (default) or "nl". */
  lang?: "en" | "nl";
}

/** Checks a plan: the report of `haalbaar check --format json`. */
export function check(source: string, options?: CheckOptions): CheckReport;
/** Checks a plan and lays out its program board, from one check. */
export function inspect(source: string, options?: CheckOptions): Inspection;
/** The calendar rows of `haalbaar calendar --format json`, or the file's errors. */
export function calendar(source: string): CalendarResult;
/** The capacity report of `haalbaar capacity --format json`, or the file's errors. */
export function capacity(source: string): CapacityResult;
/** The seeded forecast of `haalbaar forecast --format json`, or the file's errors. */
export function forecast(source: string, options?: ForecastOptions): ForecastResult;
/** The plan and each of its scenarios side by side: `haalbaar compare --format json --all`. */
export function compare(source: string, options?: CheckOptions): Comparison;
/** What `haalbaar explain CODE` says, or null for an unknown code (`lang`: en when not given). */
export function explain(code: string, lang?: "en" | "nl"): Explanation | null;
/** Every diagnostic code with its explanation. */
export function codes(lang?: "en" | "nl"): Explanation[];
"#;

/// Options as JavaScript passes them (all optional).
#[derive(Default)]
struct CheckOptions {
    file: Option<String>,
    budget: Option<f64>,
    solve: Option<bool>,
    lang: Lang,
    scenario: Option<String>,
}

#[derive(Default)]
struct ForecastOptions {
    file: Option<String>,
    scenario: Option<String>,
    runs: Option<f64>,
    seed: Option<f64>,
    lang: Lang,
}

const DEFAULT_FILE: &str = "plan.plan";

/// Reads the options object field by field (no serde here: it would pull float formatting
/// into the module for its error messages, and the size budget is tight).
struct Fields(Option<JsValue>);

impl Fields {
    fn new(value: &Option<JsValue>) -> Result<Fields, JsError> {
        match value.as_ref().filter(|v| !v.is_undefined() && !v.is_null()) {
            None => Ok(Fields(None)),
            Some(v) if v.is_object() => Ok(Fields(Some(v.clone()))),
            Some(_) => Err(JsError::new("bad options: pass an object such as { file: \"plan.plan\" }")),
        }
    }
    fn get(&self, key: &str) -> Option<JsValue> {
        let v = js_sys::Reflect::get(self.0.as_ref()?, &key.into()).ok()?;
        (!v.is_undefined() && !v.is_null()).then_some(v)
    }
    fn string(&self, key: &str) -> Result<Option<String>, JsError> {
        self.get(key)
            .map(|v| v.as_string().ok_or_else(|| JsError::new(&format!("bad options: `{key}` must be a string"))))
            .transpose()
    }
    fn number(&self, key: &str) -> Result<Option<f64>, JsError> {
        self.get(key)
            .map(|v| v.as_f64().ok_or_else(|| JsError::new(&format!("bad options: `{key}` must be a number"))))
            .transpose()
    }
    fn boolean(&self, key: &str) -> Result<Option<bool>, JsError> {
        self.get(key)
            .map(|v| v.as_bool().ok_or_else(|| JsError::new(&format!("bad options: `{key}` must be true or false"))))
            .transpose()
    }
}

fn check_options_of(value: &Option<JsValue>) -> Result<CheckOptions, JsError> {
    let f = Fields::new(value)?;
    Ok(CheckOptions {
        file: f.string("file")?,
        budget: f.number("budget")?,
        solve: f.boolean("solve")?,
        lang: lang(&f)?,
        scenario: f.string("scenario")?,
    })
}

fn forecast_options_of(value: &Option<JsValue>) -> Result<ForecastOptions, JsError> {
    let f = Fields::new(value)?;
    Ok(ForecastOptions {
        file: f.string("file")?,
        scenario: f.string("scenario")?,
        runs: f.number("runs")?,
        seed: f.number("seed")?,
        lang: lang(&f)?,
    })
}

/// A `lang` argument: `en` when not given.
fn lang_arg(name: Option<String>) -> Result<Lang, JsError> {
    match name {
        None => Ok(Lang::En),
        Some(name) => Lang::parse(&name).ok_or_else(|| JsError::new("bad argument: `lang` must be \"en\" or \"nl\"")),
    }
}

/// The `lang` option: `en` when not given.
fn lang(f: &Fields) -> Result<Lang, JsError> {
    match f.string("lang")? {
        None => Ok(Lang::En),
        Some(name) => Lang::parse(&name).ok_or_else(|| JsError::new("bad options: `lang` must be \"en\" or \"nl\"")),
    }
}

/// Hands a result to JavaScript as a plain object: through JSON, so field names and numbers
/// are exactly those of the CLI's JSON output.
fn to_js<T: serde::Serialize>(value: &T) -> Result<JsValue, JsError> {
    let text = serde_json::to_string(value).map_err(|e| JsError::new(&e.to_string()))?;
    js_sys::JSON::parse(&text).map_err(|_| JsError::new("the report is not valid JSON"))
}

#[wasm_bindgen(start)]
fn start() {
    std::panic::set_hook(Box::new(|info| {
        let message = format!("haalbaar panicked: {info}");
        let _ = js_sys::Reflect::set(&js_sys::global(), &"__haalbaarPanic".into(), &message.clone().into());
        web_sys_console_error(&message);
    }));
}

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = console, js_name = error)]
    fn web_sys_console_error(message: &str);
}

/// The engine's version (the crate version).
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}

/// Checks a plan: the report of `haalbaar check --format json`.
#[wasm_bindgen(skip_typescript)]
pub fn check(source: &str, opts: Option<JsValue>) -> Result<JsValue, JsError> {
    let o = check_options_of(&opts)?;
    let options = check_options(&o);
    let mut report = haalbaar::api::check(o.file.as_deref().unwrap_or(DEFAULT_FILE), source, &options);
    report.localize(o.lang);
    to_js(&report)
}

/// Checks a plan and lays out its program board, from one check: `{ report, board }`.
#[wasm_bindgen(skip_typescript)]
pub fn inspect(source: &str, opts: Option<JsValue>) -> Result<JsValue, JsError> {
    let o = check_options_of(&opts)?;
    let options = check_options(&o);
    // The previous inspection's check is reused where the edit allows (`haalbaar::recheck`):
    // the widget inspects the plan at every pause in typing.
    let mut inspection = LAST.with(|last| {
        let mut last = last.borrow_mut();
        let (inspection, checked) =
            haalbaar::api::inspect_again(last.as_ref(), o.file.as_deref().unwrap_or(DEFAULT_FILE), source, &options);
        *last = Some(checked);
        inspection
    });
    inspection.localize(o.lang);
    to_js(&inspection)
}

thread_local! {
    /// The last inspection's check, for the next one to reuse.
    static LAST: std::cell::RefCell<Option<haalbaar::Checked>> = const { std::cell::RefCell::new(None) };
}

fn check_options(o: &CheckOptions) -> haalbaar::Options {
    let default = haalbaar::Options::default();
    let budget = o.budget.filter(|b| b.is_finite() && *b >= 0.0).map_or(default.budget, |b| b as u64);
    let solve = o.solve.unwrap_or(default.solve);
    let options = default.budget(budget).solve(solve);
    match &o.scenario {
        Some(id) => options.scenario(id.clone()),
        None => options,
    }
}

/// The plan and each of its scenarios side by side (`haalbaar compare --format json --all`).
#[wasm_bindgen(skip_typescript)]
pub fn compare(source: &str, opts: Option<JsValue>) -> Result<JsValue, JsError> {
    let o = check_options_of(&opts)?;
    // Every scenario is compared: the option's own scenario is not one to check alone.
    let mut options = check_options(&o);
    options.scenario = None;
    let mut c = haalbaar::api::compare(o.file.as_deref().unwrap_or(DEFAULT_FILE), source, &options);
    c.localize(o.lang);
    to_js(&c)
}

/// The calendar: `{ calendar, diagnostics }` (`calendar` is the rows of `haalbaar calendar --format json`).
#[wasm_bindgen(skip_typescript)]
pub fn calendar(source: &str) -> Result<JsValue, JsError> {
    to_js(&haalbaar::api::calendar(DEFAULT_FILE, source))
}

/// Capacity per team: `{ capacity, diagnostics }` (`capacity` as `haalbaar capacity --format json`).
#[wasm_bindgen(skip_typescript)]
pub fn capacity(source: &str) -> Result<JsValue, JsError> {
    to_js(&haalbaar::api::capacity(DEFAULT_FILE, source))
}

/// The seeded forecast: `{ forecast, diagnostics }`.
#[wasm_bindgen(skip_typescript)]
pub fn forecast(source: &str, opts: Option<JsValue>) -> Result<JsValue, JsError> {
    let o = forecast_options_of(&opts)?;
    let max = haalbaar::forecast::MAX_RUNS;
    let runs = match o.runs {
        None => haalbaar::forecast::DEFAULT_RUNS,
        Some(r) if r.fract() == 0.0 && (1.0..=f64::from(max)).contains(&r) => r as u32,
        Some(_) => return Err(JsError::new("bad options: `runs` must be a whole number from 1 to 1,000,000")),
    };
    let seed = o.seed.filter(|s| s.is_finite() && *s >= 0.0).map_or(haalbaar::forecast::DEFAULT_SEED, |s| s as u64);
    let options = haalbaar::forecast::ForecastOptions::new(runs, seed);
    let check = match &o.scenario {
        Some(id) => haalbaar::Options::default().scenario(id.clone()),
        None => haalbaar::Options::default(),
    };
    let mut result = haalbaar::api::forecast_with(o.file.as_deref().unwrap_or(DEFAULT_FILE), source, &check, options);
    result.localize(o.lang);
    to_js(&result)
}

/// The long explanation of a code (`haalbaar explain CODE`), or `null`.
#[wasm_bindgen(skip_typescript)]
pub fn explain(code: &str, lang: Option<String>) -> Result<JsValue, JsError> {
    let lang = lang_arg(lang)?;
    to_js(&haalbaar::api::explain(code).map(|mut e| {
        e.localize(lang);
        e
    }))
}

/// Every diagnostic code with its explanation.
#[wasm_bindgen(skip_typescript)]
pub fn codes(lang: Option<String>) -> Result<JsValue, JsError> {
    let mut codes = haalbaar::api::codes();
    codes.localize(lang_arg(lang)?);
    to_js(&codes)
}
