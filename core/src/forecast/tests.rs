//! The forecast's own pieces: the generator, the draws, the quantiles.
use super::chance_text;

#[test]
fn a_chance_is_never_shown_as_certain_or_impossible_when_it_is_not() {
    assert_eq!(chance_text(0.0), "0%");
    assert_eq!(chance_text(0.003), "<1%");
    assert_eq!(chance_text(0.004), "<1%");
    assert_eq!(chance_text(0.021), "2%");
    assert_eq!(chance_text(0.5), "50%");
    assert_eq!(chance_text(0.996), ">99%");
    assert_eq!(chance_text(1.0), "100%");
}
