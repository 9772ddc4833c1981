//! Exact arithmetic for effort and capacity: [`Fixed`] holds thousandths in an `i64`, so
//! sums and comparisons are exact and a certificate checks to the last digit. Intermediate
//! capacity sums (ramps, percentages) are carried as an exact [`Ratio`] and rounded once,
//! half away from zero, to a thousandth.

use num_bigint::BigInt;
use num_rational::BigRational;
use num_traits::{Signed, Zero};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;
use std::ops::{Add, AddAssign, Neg, Sub, SubAssign};

/// A decimal with three fraction digits, exact. Serialised as a JSON number.
///
/// ```
/// use haalbaar::Fixed;
///
/// let a: Fixed = "52.5".parse().expect("a number");
/// let b = Fixed::from_millis(100); // 0.1
/// assert_eq!((a + b).to_string(), "52.6");
/// assert_eq!([b, b, b].into_iter().sum::<Fixed>(), Fixed::from_millis(300)); // exact, unlike f64
/// assert!(a - Fixed::from_int(60) < Fixed::ZERO);
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Fixed(i64);

/// Thousandths in one unit.
pub const SCALE: i64 = 1000;

/// The largest whole part a number in a plan may have. With it, a sum over every item, team
/// and iteration of the largest plan (1,000 iterations, a file of at most the size limit) stays
/// far inside 64-bit thousandths, so no sum of the engine saturates.
pub const MAX_WHOLE: i64 = 1_000_000_000;

impl Fixed {
    /// Whether it is zero (by reference, for `skip_serializing_if`).
    ///
    /// ```
    /// use haalbaar::Fixed;
    ///
    /// assert!(Fixed::ZERO.is_zero());
    /// assert!(Fixed::default().is_zero());
    /// assert!(!Fixed::from_millis(1).is_zero());
    /// ```
    pub fn is_zero(&self) -> bool {
        self.0 == 0
    }

    /// 0.
    pub const ZERO: Fixed = Fixed(0);
    /// 1.
    pub const ONE: Fixed = Fixed(SCALE);
    /// 100 (a whole percentage).
    pub const HUNDRED: Fixed = Fixed(100 * SCALE);

    /// From thousandths: `Fixed::from_millis(1500)` is 1.5.
    ///
    /// ```
    /// use haalbaar::Fixed;
    ///
    /// assert_eq!(Fixed::from_millis(1500).to_string(), "1.5");
    /// assert_eq!(Fixed::from_millis(2000), Fixed::from_int(2));
    /// ```
    pub const fn from_millis(m: i64) -> Self {
        Fixed(m)
    }
    /// In thousandths.
    ///
    /// ```
    /// use haalbaar::Fixed;
    ///
    /// assert_eq!(Fixed::from_int(3).millis(), 3000);
    /// assert_eq!("0.125".parse::<Fixed>().map(|f| f.millis()), Ok(125));
    /// ```
    pub const fn millis(self) -> i64 {
        self.0
    }
    /// Whole units: `Fixed::from_int(40)` is 40.
    ///
    /// ```
    /// use haalbaar::Fixed;
    ///
    /// assert_eq!(Fixed::from_int(40).to_string(), "40");
    /// assert_eq!(Fixed::from_int(-3).millis(), -3000);
    /// ```
    pub const fn from_int(n: i64) -> Self {
        Fixed(n.saturating_mul(SCALE))
    }
    /// Above zero.
    ///
    /// ```
    /// use haalbaar::Fixed;
    ///
    /// assert!(Fixed::from_millis(1).is_positive());
    /// assert!(!Fixed::ZERO.is_positive());
    /// assert!(!Fixed::from_int(-2).is_positive());
    /// ```
    pub fn is_positive(self) -> bool {
        self.0 > 0
    }
    /// Below zero.
    ///
    /// ```
    /// use haalbaar::Fixed;
    ///
    /// assert!(Fixed::from_int(-2).is_negative());
    /// assert!(!Fixed::ZERO.is_negative());
    /// assert!((Fixed::ONE - Fixed::from_int(2)).is_negative());
    /// ```
    pub fn is_negative(self) -> bool {
        self.0 < 0
    }
    /// Whole part, rounded towards zero.
    ///
    /// ```
    /// use haalbaar::Fixed;
    ///
    /// assert_eq!(Fixed::from_millis(2750).trunc(), 2);
    /// assert_eq!(Fixed::from_millis(-2750).trunc(), -2);
    /// ```
    pub fn trunc(self) -> i64 {
        self.0 / SCALE
    }
    /// Whole (no thousandths).
    ///
    /// ```
    /// use haalbaar::Fixed;
    ///
    /// assert!(Fixed::from_int(7).is_integer());
    /// assert!(!Fixed::from_millis(7250).is_integer());
    /// ```
    pub fn is_integer(self) -> bool {
        self.0 % SCALE == 0
    }
    /// The smaller of the two.
    ///
    /// ```
    /// use haalbaar::Fixed;
    ///
    /// let (a, b) = (Fixed::from_int(3), Fixed::from_millis(2500));
    /// assert_eq!(a.min(b), b);
    /// assert_eq!(b.min(a), b);
    /// ```
    pub fn min(self, o: Fixed) -> Fixed {
        Fixed(self.0.min(o.0))
    }
    /// The larger of the two.
    ///
    /// ```
    /// use haalbaar::Fixed;
    ///
    /// let (a, b) = (Fixed::from_int(3), Fixed::from_millis(2500));
    /// assert_eq!(a.max(b), a);
    /// assert_eq!(b.max(a), a);
    /// ```
    pub fn max(self, o: Fixed) -> Fixed {
        Fixed(self.0.max(o.0))
    }
    /// Exact value as a ratio.
    ///
    /// ```
    /// use haalbaar::Fixed;
    ///
    /// let r = Fixed::from_millis(1500).ratio(); // 3/2
    /// assert_eq!(r.to_fixed(), Fixed::from_millis(1500));
    /// assert!(Fixed::from_int(-2).ratio().is_negative());
    /// assert!(Fixed::ZERO.ratio().is_zero());
    /// ```
    pub fn ratio(self) -> Ratio {
        Ratio::new(i128::from(self.0), i128::from(SCALE))
    }
    /// `self × num / den`, rounded half away from zero; `None` on overflow or `den == 0`.
    ///
    /// ```
    /// use haalbaar::Fixed;
    ///
    /// assert_eq!(Fixed::from_int(10).mul_div(1, 3), Some(Fixed::from_millis(3333)));
    /// assert_eq!(Fixed::from_int(2).mul_div(1, 3), Some(Fixed::from_millis(667))); // rounded up
    /// assert_eq!(Fixed::from_int(10).mul_div(1, 0), None);
    /// ```
    pub fn mul_div(self, num: i64, den: i64) -> Option<Fixed> {
        if den == 0 {
            return None;
        }
        Ratio::new(i128::from(self.0) * i128::from(num), i128::from(den)).round_int().map(Fixed)
    }
    /// A percentage taken as a fraction: `70%` of `self`.
    ///
    /// ```
    /// use haalbaar::Fixed;
    ///
    /// // 4 people × 10 days at 75% focus.
    /// assert_eq!(Fixed::from_int(40).percent_of(Fixed::from_int(75)), Fixed::from_int(30));
    /// assert_eq!(Fixed::from_int(40).percent_of(Fixed::HUNDRED), Fixed::from_int(40));
    /// ```
    pub fn percent_of(self, pct: Fixed) -> Fixed {
        self.mul_div(pct.0, 100 * SCALE).unwrap_or(self)
    }

    /// Reads a decimal as written in a plan (`12`, `12.5`, `-3`). Errors say what is wrong.
    ///
    /// ```
    /// use haalbaar::{Fixed, FixedError};
    ///
    /// assert_eq!(Fixed::parse("12.5"), Ok(Fixed::from_millis(12_500)));
    /// assert_eq!(Fixed::parse("-3"), Ok(Fixed::from_int(-3)));
    /// assert_eq!(Fixed::parse("7.250").map(|f| f.to_string()), Ok("7.25".to_string()));
    /// assert_eq!(Fixed::parse("12,5"), Err(FixedError::NotANumber));
    /// ```
    pub fn parse(text: &str) -> Result<Fixed, FixedError> {
        let (neg, body) = match text.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, text),
        };
        let (int, frac) = body.split_once('.').unwrap_or((body, ""));
        if int.is_empty() || !int.bytes().all(|b| b.is_ascii_digit()) || !frac.bytes().all(|b| b.is_ascii_digit()) {
            return Err(FixedError::NotANumber);
        }
        if frac.trim_end_matches('0').len() > 3 {
            return Err(FixedError::TooPrecise);
        }
        let int: i64 = int.parse().map_err(|_| FixedError::TooLarge)?;
        if int > MAX_WHOLE {
            return Err(FixedError::TooLarge);
        }
        let mut f: i64 = 0;
        for (i, b) in frac.bytes().take(3).enumerate() {
            f += i64::from(b - b'0') * 10_i64.pow(2 - i as u32);
        }
        let v = int * SCALE + f;
        Ok(Fixed(if neg { -v } else { v }))
    }
}

/// Why a written number cannot be used.
///
/// ```
/// use haalbaar::{Fixed, FixedError};
///
/// assert_eq!(Fixed::parse("twelve"), Err(FixedError::NotANumber));
/// assert_eq!(Fixed::parse("1.2345"), Err(FixedError::TooPrecise));
/// assert_eq!(Fixed::parse("2000000000"), Err(FixedError::TooLarge));
/// assert_eq!(FixedError::TooPrecise.to_string(), "more than three decimals");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum FixedError {
    /// Not a decimal number (`12`, `12.5`, `-3`).
    #[error("not a number")]
    NotANumber,
    /// More than three decimals.
    #[error("more than three decimals")]
    TooPrecise,
    /// Past what 64-bit thousandths hold.
    #[error("too large")]
    TooLarge,
}

/// Whole units: `Fixed::from(40)` is 40. Beyond what 64-bit thousandths hold it saturates,
/// which a check reports as a figure past the language's limit (E0112), never wraps.
///
/// ```
/// use haalbaar::Fixed;
/// assert_eq!(Fixed::from(40).millis(), 40_000);
/// assert_eq!(Fixed::from(-3).to_string(), "-3");
/// ```
impl From<i64> for Fixed {
    fn from(whole: i64) -> Self {
        Fixed(whole.saturating_mul(SCALE))
    }
}

/// A figure as a plan writes it: `"52.5".parse::<Fixed>()` (at most three decimals, a whole
/// part up to `MAX_WHOLE`).
///
/// ```
/// use haalbaar::{Fixed, FixedError};
/// assert_eq!("52.5".parse::<Fixed>().map(|f| f.millis()), Ok(52_500));
/// assert_eq!("1.2345".parse::<Fixed>(), Err(FixedError::TooPrecise));
/// ```
impl std::str::FromStr for Fixed {
    type Err = FixedError;
    fn from_str(text: &str) -> Result<Fixed, FixedError> {
        Fixed::parse(text)
    }
}

impl fmt::Display for Fixed {
    /// `75`, `52.5`, `41.067`: no trailing zeros.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sign = if self.0 < 0 { "-" } else { "" };
        let a = self.0.unsigned_abs();
        let int = a / SCALE as u64;
        let frac = a % SCALE as u64;
        // Through `pad`, so a width and fill (`{:>8}`) apply.
        if frac == 0 {
            f.pad(&format!("{sign}{int}"))
        } else {
            let s = format!("{frac:03}");
            f.pad(&format!("{sign}{int}.{}", s.trim_end_matches('0')))
        }
    }
}

#[cfg(feature = "schema")]
impl schemars::JsonSchema for Fixed {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Fixed".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "number",
            "description": "An exact decimal with at most three fraction digits, in the plan's unit"
        })
    }
}

impl Serialize for Fixed {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        if self.is_integer() {
            s.serialize_i64(self.trunc())
        } else {
            // Exact: the shortest decimal of a thousandth round-trips through f64.
            s.serialize_f64(self.0 as f64 / SCALE as f64)
        }
    }
}

impl<'de> Deserialize<'de> for Fixed {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let v = f64::deserialize(d)?;
        if !v.is_finite() || v.abs() > 1e15 {
            return Err(serde::de::Error::custom("number out of range"));
        }
        Ok(Fixed((v * SCALE as f64).round() as i64))
    }
}

impl Add for Fixed {
    type Output = Fixed;
    fn add(self, o: Fixed) -> Fixed {
        Fixed(self.0.saturating_add(o.0))
    }
}
impl Sub for Fixed {
    type Output = Fixed;
    fn sub(self, o: Fixed) -> Fixed {
        Fixed(self.0.saturating_sub(o.0))
    }
}
impl AddAssign for Fixed {
    fn add_assign(&mut self, o: Fixed) {
        *self = *self + o;
    }
}
impl SubAssign for Fixed {
    fn sub_assign(&mut self, o: Fixed) {
        *self = *self - o;
    }
}
impl Neg for Fixed {
    type Output = Fixed;
    fn neg(self) -> Fixed {
        Fixed(-self.0)
    }
}
impl std::iter::Sum for Fixed {
    fn sum<I: Iterator<Item = Fixed>>(iter: I) -> Fixed {
        iter.fold(Fixed::ZERO, Add::add)
    }
}

/// An exact fraction, kept reduced. Used while summing capacity over days. Small values (all
/// of ordinary capacity arithmetic) are a pair of `i128`; a result that would not fit moves to
/// a big integer fraction, so a sum is never saturated or wrapped, however many ramps with
/// coprime lengths it adds up.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ratio(Repr);

#[derive(Debug, Clone, PartialEq, Eq)]
enum Repr {
    Small { num: i128, den: i128 },
    Big(Box<BigRational>),
}

/// The value as 64 bits, when it is (and is not the one value without a 64-bit negation).
fn small(v: i128) -> Option<i64> {
    i64::try_from(v).ok().filter(|&x| x != i64::MIN)
}

/// Greatest common divisor, at least 1.
fn gcd64(mut x: u64, mut y: u64) -> u64 {
    while y != 0 {
        (x, y) = (y, x % y);
    }
    x.max(1)
}

/// Greatest common divisor, at least 1 (`None` only for `i128::MIN`'s magnitude).
fn gcd(a: i128, b: i128) -> Option<i128> {
    let (mut a, mut b) = (a.unsigned_abs(), b.unsigned_abs());
    // Capacity arithmetic stays well inside 64 bits: a 64-bit remainder is many times
    // cheaper than a 128-bit one, with the same result.
    if let (Ok(x), Ok(y)) = (u64::try_from(a), u64::try_from(b)) {
        return Some(i128::from(gcd64(x, y)));
    }
    while b != 0 {
        (a, b) = (b, a % b);
    }
    i128::try_from(a.max(1)).ok()
}

impl Ratio {
    /// 0.
    pub const ZERO: Ratio = Ratio(Repr::Small { num: 0, den: 1 });

    /// `num / den`, reduced; zero when `den` is zero.
    pub fn new(num: i128, den: i128) -> Ratio {
        Ratio::small_checked(num, den).unwrap_or_else(|| Ratio::from_big(BigRational::new(num.into(), den.into())))
    }

    /// `num / den` reduced in 128 bits, when that can be done exactly.
    fn small_checked(num: i128, den: i128) -> Option<Ratio> {
        if den == 0 {
            return Some(Ratio::ZERO);
        }
        // Within 64 bits (all of capacity arithmetic), 64-bit division: the same result, many
        // times cheaper than 128-bit.
        if let (Some(n), Some(d)) = (small(num), small(den)) {
            let g = gcd64(n.unsigned_abs(), d.unsigned_abs()) as i64;
            let s = if d < 0 { -1 } else { 1 };
            return Some(Ratio(Repr::Small { num: i128::from(s * (n / g)), den: i128::from(s * (d / g)) }));
        }
        if num == i128::MIN || den == i128::MIN {
            return None;
        }
        let g = gcd(num, den)?;
        let s = if den < 0 { -1 } else { 1 };
        Some(Ratio(Repr::Small { num: s * num / g, den: s * den / g }))
    }

    /// A big fraction, back to 128 bits when it fits (so later sums take the fast path).
    fn from_big(b: BigRational) -> Ratio {
        if b.denom().is_zero() {
            return Ratio::ZERO;
        }
        match (i128::try_from(b.numer()), i128::try_from(b.denom())) {
            (Ok(n), Ok(d)) if n != i128::MIN && d != i128::MIN => Ratio(Repr::Small { num: n, den: d }),
            _ => Ratio(Repr::Big(Box::new(b))),
        }
    }

    fn big(&self) -> BigRational {
        match &self.0 {
            Repr::Small { num, den } => BigRational::new_raw(BigInt::from(*num), BigInt::from(*den)),
            Repr::Big(b) => (**b).clone(),
        }
    }

    /// A whole number.
    pub fn int(n: i64) -> Ratio {
        Ratio::new(i128::from(n), 1)
    }

    /// The sum.
    pub fn plus(&self, o: &Ratio) -> Ratio {
        if let (Repr::Small { num: a, den: b }, Repr::Small { num: c, den: d }) = (&self.0, &o.0) {
            let exact = gcd(*b, *d).and_then(|g| {
                let den = (b / g).checked_mul(*d)?;
                let num = a.checked_mul(den / b)?.checked_add(c.checked_mul(den / d)?)?;
                Ratio::small_checked(num, den)
            });
            if let Some(r) = exact {
                return r;
            }
        }
        Ratio::from_big(self.big() + o.big())
    }

    /// The difference.
    pub fn minus(&self, o: &Ratio) -> Ratio {
        self.plus(&o.neg())
    }

    /// The negation.
    pub fn neg(&self) -> Ratio {
        match &self.0 {
            Repr::Small { num, den } if *num != i128::MIN => Ratio(Repr::Small { num: -num, den: *den }),
            _ => Ratio::from_big(-self.big()),
        }
    }

    /// The product.
    pub fn times(&self, o: &Ratio) -> Ratio {
        if let (Repr::Small { num: a, den: b }, Repr::Small { num: c, den: d }) = (&self.0, &o.0) {
            if let (Some(a), Some(b), Some(c), Some(d)) = (small(*a), small(*b), small(*c), small(*d)) {
                // Cross-reduced in 64 bits; each product of two 64-bit values fits 128 exactly.
                let g1 = gcd64(a.unsigned_abs(), d.unsigned_abs()) as i64;
                let g2 = gcd64(c.unsigned_abs(), b.unsigned_abs()) as i64;
                return Ratio::new(i128::from(a / g1) * i128::from(c / g2), i128::from(b / g2) * i128::from(d / g1));
            }
            let exact = gcd(*a, *d).zip(gcd(*c, *b)).and_then(|(g1, g2)| {
                Ratio::small_checked((a / g1).checked_mul(c / g2)?, (b / g2).checked_mul(d / g1)?)
            });
            if let Some(r) = exact {
                return r;
            }
        }
        Ratio::from_big(self.big() * o.big())
    }

    /// The quotient (zero when dividing by zero).
    pub fn over(&self, o: &Ratio) -> Ratio {
        match &o.0 {
            _ if o.is_zero() => Ratio::ZERO,
            Repr::Small { num, den } => self.times(&Ratio::new(*den, *num)),
            Repr::Big(b) => Ratio::from_big(self.big() / (**b).clone()),
        }
    }

    /// Exactly zero.
    pub fn is_zero(&self) -> bool {
        match &self.0 {
            Repr::Small { num, .. } => *num == 0,
            Repr::Big(b) => b.is_zero(),
        }
    }

    /// Below zero.
    pub fn is_negative(&self) -> bool {
        match &self.0 {
            Repr::Small { num, .. } => *num < 0,
            Repr::Big(b) => b.is_negative(),
        }
    }

    /// The largest whole number not above the value, clamped to `lo..=hi`.
    pub fn floor_clamped(&self, lo: i64, hi: i64) -> i64 {
        let clamp = |f: &BigInt| -> i64 {
            if *f < BigInt::from(lo) {
                lo
            } else if *f > BigInt::from(hi) {
                hi
            } else {
                i64::try_from(f).unwrap_or(lo)
            }
        };
        match &self.0 {
            // Kept with a positive denominator, so Euclidean division is the floor.
            Repr::Small { num, den } => num.div_euclid(*den).clamp(i128::from(lo), i128::from(hi)) as i64,
            Repr::Big(b) => clamp(&b.floor().to_integer()),
        }
    }

    /// The smallest whole number not below the value, clamped to `lo..=hi`.
    pub fn ceil_clamped(&self, lo: i64, hi: i64) -> i64 {
        -self.neg().floor_clamped(-hi, -lo)
    }

    /// Rounded half away from zero to a whole number.
    fn round_int(&self) -> Option<i64> {
        self.over(&Ratio::int(SCALE)).round_millis_raw()
    }

    fn round_millis_raw(&self) -> Option<i64> {
        if let Repr::Small { num, den } = &self.0
            && let Some(scaled) = num.checked_mul(i128::from(SCALE))
        {
            let q = scaled / den;
            let r = scaled % den;
            let q = if r.abs() >= *den - r.abs() { q + scaled.signum() } else { q };
            return i64::try_from(q).ok();
        }
        // `round` of num-rational rounds half away from zero, as the small path does.
        let scaled = self.big() * BigRational::from_integer(BigInt::from(SCALE));
        i64::try_from(&scaled.round().to_integer()).ok()
    }

    /// Rounded half away from zero to a thousandth; `None` when that is beyond `i64`
    /// thousandths (the plan's limits keep every capacity far inside that).
    pub fn checked_fixed(&self) -> Option<Fixed> {
        self.round_millis_raw().map(Fixed)
    }

    /// Rounded half away from zero to a thousandth (saturating; see [`Ratio::checked_fixed`]).
    pub fn to_fixed(&self) -> Fixed {
        self.checked_fixed().unwrap_or(if self.is_negative() { Fixed(i64::MIN) } else { Fixed(i64::MAX) })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_prints_exactly() {
        for (text, shown) in [("12", "12"), ("12.5", "12.5"), ("0.125", "0.125"), ("-3", "-3"), ("7.250", "7.25")] {
            assert_eq!(Fixed::parse(text).map(|f| f.to_string()), Ok(shown.to_string()));
        }
        assert_eq!(Fixed::parse("1.2345"), Err(FixedError::TooPrecise));
        assert_eq!(Fixed::parse("99999999999999999999"), Err(FixedError::TooLarge));
    }

    #[test]
    fn mul_div_and_percentages() {
        let f = |s: &str| Fixed::parse(s).unwrap_or_default();
        assert_eq!(f("16").mul_div(1000, 120_000), Some(f("0.133")));
        assert_eq!(f("67.2").percent_of(f("85")), f("57.12"));
        assert_eq!(f("10").mul_div(1, 3), Some(f("3.333")));
        assert_eq!(f("1").mul_div(1, 0), None);
    }

    #[test]
    fn ratio_rounds_half_away_from_zero() {
        assert_eq!(Ratio::new(1, 3).to_fixed(), Fixed::from_millis(333));
        assert_eq!(Ratio::new(2, 3).to_fixed(), Fixed::from_millis(667));
        assert_eq!(Ratio::new(1, 2000).to_fixed(), Fixed::from_millis(1));
        assert_eq!(Ratio::new(-1, 2000).to_fixed(), Fixed::from_millis(-1));
        assert_eq!(Ratio::new(1, 7).plus(&Ratio::new(6, 7)).to_fixed(), Fixed::ONE);
    }
}
