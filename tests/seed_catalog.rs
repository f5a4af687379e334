//! Properties of the seed catalog as compiled into the app (`data/talks.toml`).
#![cfg(not(target_arch = "wasm32"))]

use talk_catalog::catalog::catalog;

fn index(id: &str) -> usize {
    catalog().talk_index(id).unwrap_or_else(|| panic!("no talk {id}"))
}

fn related(id: &str) -> Vec<&'static str> {
    catalog().talks[index(id)].related.iter().map(|&other| catalog().talks[usize::from(other)].id).collect()
}

#[test]
fn related_talks_are_three_others_with_something_in_common() {
    let catalog = catalog();
    for (talk, each) in catalog.talks.iter().enumerate() {
        assert_eq!(each.related.len(), 3, "{}", each.id);
        assert!(each.related.iter().all(|&other| usize::from(other) != talk), "{} lists itself", each.id);
    }
    // The two tutorial parts are each other's closest talk.
    assert_eq!(related("beirami-alignment-methods")[0], "beirami-safety-vulnerabilities");
    assert_eq!(related("beirami-safety-vulnerabilities")[0], "beirami-alignment-methods");
    // The Hessian talks find each other.
    assert!(related("udell-hessian").contains(&"mokhtari-nonconvex"), "{:?}", related("udell-hessian"));
}

#[test]
fn same_speaker_talks_link_the_tutorial_parts_only() {
    let catalog = catalog();
    let part_two = index("beirami-alignment-methods");
    assert_eq!(catalog.same_speaker_talks(part_two), [index("beirami-safety-vulnerabilities")]);
    assert!(catalog.same_speaker_talks(index("udell-hessian")).is_empty());
}

#[test]
fn series_parts_are_in_part_order() {
    let catalog = catalog();
    let part = catalog.talks[index("beirami-alignment-methods")].series.expect("a series part");
    let parts = catalog.series_parts(part.series);
    assert_eq!(parts, [(1, index("beirami-safety-vulnerabilities")), (2, index("beirami-alignment-methods"))]);
}
