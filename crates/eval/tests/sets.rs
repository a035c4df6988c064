//! The sarcasm-only set's tuning half (`crates/eval/sets`): the readings
//! written from it keep finding what they found, and no sincere draft of
//! it is flagged. (The held-out half is measured, never asserted.)

use cornerstone_eval::*;

#[test]
fn the_sarcasm_sets_tuning_half_stays_found_without_false_alarms() {
    let set = load_sarcasm_set().expect("the set parses");
    assert_eq!(set.len(), 120);
    for d in &set {
        assert!(!d.sarcastic || d.draft.contains(&d.trigger), "{}: the trigger is in the draft", d.id);
    }
    let [n, found, on, sincere, false_alarms] = sarcasm_set_figures(&set, Split::Tune);
    assert_eq!((n, sincere), (30, 30));
    assert!(found >= 25 && on >= 24, "tuning half: {found} of 30 flagged, {on} on the writer's words");
    assert_eq!(false_alarms, 0, "a sincere draft of the tuning half is flagged");
}
