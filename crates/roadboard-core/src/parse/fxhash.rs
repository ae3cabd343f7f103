//! Fast hash maps for the reader's short string and integer keys: the Fx hash (rustc's).

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

/// The Fx hash (rustc's): fast for the short string keys of ids and titles. Not keyed,
/// which is fine for one user's own document.
#[derive(Default, Clone, Copy)]
pub(crate) struct FxHasher {
    hash: u64,
}

const FX_SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl FxHasher {
    #[inline]
    fn add(&mut self, word: u64) {
        self.hash = (self.hash.rotate_left(5) ^ word).wrapping_mul(FX_SEED);
    }
}

impl Hasher for FxHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            // always 8 bytes; a plain load, no call to a slice copy
            let w: [u8; 8] = c.try_into().unwrap_or([0; 8]);
            self.add(u64::from_le_bytes(w));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            // the little-endian word of `rest` padded with zeros
            let mut w = 0u64;
            let mut shift = 0;
            for &b in rest {
                w |= u64::from(b) << shift;
                shift += 8;
            }
            self.add(w ^ ((rest.len() as u64) << 56));
        }
    }

    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }

    #[inline]
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }

    #[inline]
    fn finish(&self) -> u64 {
        self.hash
    }
}

/// A `HashMap` with [`FxHasher`].
pub(crate) type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<FxHasher>>;

/// A `HashSet` with [`FxHasher`].
pub(crate) type FastSet<K> = HashSet<K, BuildHasherDefault<FxHasher>>;

#[cfg(test)]
mod tests {
    use super::*;

    /// The hash of `bytes` as it was first written (copying into a zeroed word): map
    /// orders, and so outputs, depend on it staying the same.
    fn reference(bytes: &[u8]) -> u64 {
        let mut h = FxHasher::default();
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut w = [0u8; 8];
            w.copy_from_slice(c);
            h.add(u64::from_le_bytes(w));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut w = [0u8; 8];
            for (d, s) in w.iter_mut().zip(rest) {
                *d = *s;
            }
            h.add(u64::from_le_bytes(w) ^ ((rest.len() as u64) << 56));
        }
        h.finish()
    }

    #[test]
    fn hash_is_unchanged() {
        let text = "The quick brown fox — jumps over the lazy dog 0123456789 ✅";
        for end in 0..=text.len() {
            let bytes = text.as_bytes().get(..end).unwrap_or_default();
            let mut h = FxHasher::default();
            h.write(bytes);
            assert_eq!(h.finish(), reference(bytes), "{end}");
        }
    }
}
