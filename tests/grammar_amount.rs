//! Property tests for the money and percentage grammar: no input makes it panic, every amount it
//! reads has bounds around its value, and amounts it writes itself read back.

use claimcheck::grammar::number::{parse_amount, parse_scaled};
use proptest::prelude::*;

/// Text made of pieces the amount grammar reacts to, so that near-misses are common.
fn amountish() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("$".to_string()),
        Just("€".to_string()),
        Just("£".to_string()),
        Just("%".to_string()),
        Just(" per cent".to_string()),
        Just(" percent".to_string()),
        Just(" million".to_string()),
        Just("bn".to_string()),
        Just("m".to_string()),
        Just(" dollars".to_string()),
        Just(" about ".to_string()),
        Just(" more than ".to_string()),
        Just(" nearly ".to_string()),
        Just(" dozens of ".to_string()),
        Just(",".to_string()),
        Just(".".to_string()),
        Just(" ".to_string()),
        "[0-9]{1,6}",
        "\\PC{0,4}",
    ];
    proptest::collection::vec(piece, 0..16).prop_map(|v| v.concat())
}

proptest! {
    #[test]
    fn arbitrary_text_never_panics(text in "\\PC*") {
        let _ = parse_amount(&text);
        let _ = parse_scaled(&text);
    }

    #[test]
    fn amounts_have_bounds_around_their_value(text in amountish()) {
        if let Some(q) = parse_amount(&text) {
            prop_assert!(q.low <= q.value && q.value <= q.high, "{text:?}: {q:?}");
            prop_assert!(matches!(
                q.unit.as_deref(),
                Some("usd" | "eur" | "gbp" | "percent")
            ));
            prop_assert!(q.span.end <= text.len());
        }
    }

    #[test]
    fn written_amounts_read_back(
        whole in 1u32..100_000,
        sign in prop_oneof![Just(("$", "usd")), Just(("€", "eur")), Just(("£", "gbp"))],
        scale in prop_oneof![Just(("m", 1e6)), Just(("bn", 1e9)), Just((" million", 1e6))],
    ) {
        let text = format!("a {}{}{} deal", sign.0, whole, scale.0);
        let q = parse_amount(&text).expect("an amount");
        prop_assert_eq!(q.value, f64::from(whole) * scale.1);
        prop_assert_eq!(q.unit.as_deref(), Some(sign.1));
        let percent = format!("rose {whole} per cent");
        let q = parse_amount(&percent).expect("a share");
        prop_assert_eq!(q.value, f64::from(whole));
        prop_assert_eq!(q.unit.as_deref(), Some("percent"));
    }
}
