//! `SortedSet`: a set kept as a sorted `Vec`, for the view state's small sets (selected facet
//! values, expanded and starred talks). It iterates in order like a `BTreeSet`, but compiles
//! to far less wasm (a B-tree's code cost about 24 KB before compression).

/// A set of `T` in ascending order, without duplicates.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SortedSet<T>(Vec<T>);

impl<T> Default for SortedSet<T> {
    fn default() -> Self {
        SortedSet(Vec::new())
    }
}

impl<T: Ord + Copy> SortedSet<T> {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn contains(&self, item: &T) -> bool {
        self.0.binary_search(item).is_ok()
    }

    /// Adds `item`; false if it was already there.
    pub fn insert(&mut self, item: T) -> bool {
        match self.0.binary_search(&item) {
            Ok(_) => false,
            Err(at) => {
                self.0.insert(at, item);
                true
            }
        }
    }

    /// Removes `item`; false if it wasn't there.
    pub fn remove(&mut self, item: &T) -> bool {
        match self.0.binary_search(item) {
            Ok(at) => {
                self.0.remove(at);
                true
            }
            Err(_) => false,
        }
    }

    pub fn iter(&self) -> std::slice::Iter<'_, T> {
        self.0.iter()
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Keeps only the items `keep` accepts.
    pub fn retain(&mut self, keep: impl FnMut(&T) -> bool) {
        self.0.retain(keep);
    }

    pub fn clear(&mut self) {
        self.0.clear();
    }
}

impl<T: Ord + Copy> FromIterator<T> for SortedSet<T> {
    fn from_iter<I: IntoIterator<Item = T>>(items: I) -> Self {
        // One insertion at a time, not a sort: the sets are small and usually come ascending
        // (from the URL or storage, each an append), and each sort would be another copy of
        // the sort code in the wasm.
        let mut set = SortedSet::new();
        set.extend(items);
        set
    }
}

impl<T: Ord + Copy> Extend<T> for SortedSet<T> {
    fn extend<I: IntoIterator<Item = T>>(&mut self, items: I) {
        items.into_iter().for_each(|item| {
            self.insert(item);
        });
    }
}

impl<T: Ord + Copy, const N: usize> From<[T; N]> for SortedSet<T> {
    fn from(items: [T; N]) -> Self {
        items.into_iter().collect()
    }
}

impl<'a, T> IntoIterator for &'a SortedSet<T> {
    type Item = &'a T;
    type IntoIter = std::slice::Iter<'a, T>;

    fn into_iter(self) -> Self::IntoIter {
        self.0.iter()
    }
}

#[cfg(test)]
mod tests {
    use super::SortedSet;
    use std::collections::BTreeSet;

    /// The same operations on a `SortedSet` and a `BTreeSet` give the same answers and contents.
    #[test]
    fn behaves_like_a_btree_set() {
        let operations: &[(char, u16)] =
            &[('+', 5), ('+', 1), ('+', 5), ('+', 9), ('-', 4), ('-', 1), ('+', 0), ('+', 3), ('-', 9), ('+', 1)];
        let (mut ours, mut reference) = (SortedSet::new(), BTreeSet::new());
        for &(operation, item) in operations {
            let (got, want) = match operation {
                '+' => (ours.insert(item), reference.insert(item)),
                _ => (ours.remove(&item), reference.remove(&item)),
            };
            assert_eq!(got, want, "{operation}{item}");
            assert_eq!(ours.iter().copied().collect::<Vec<_>>(), reference.iter().copied().collect::<Vec<_>>());
            assert_eq!((ours.len(), ours.contains(&item)), (reference.len(), reference.contains(&item)));
        }
        let collected: SortedSet<u16> = [3, 1, 3, 2].into();
        assert_eq!(collected.iter().copied().collect::<Vec<_>>(), [1, 2, 3]);
    }
}
