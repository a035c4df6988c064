//! The one hasher of the engine's tables.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// FNV-1a: short keys, no need for DoS resistance, much faster than SipHash.
#[derive(Default)]
pub(crate) struct Fnv(u64);

impl Hasher for Fnv {
    fn write(&mut self, bytes: &[u8]) {
        self.0 = fnv1a(if self.0 == 0 { FNV_START } else { self.0 }, bytes);
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

/// FNV-1a's starting state.
pub(crate) const FNV_START: u64 = 0xcbf29ce484222325;

/// FNV-1a of `bytes` continued from state `h`, usable while compiling.
pub(crate) const fn fnv1a(mut h: u64, bytes: &[u8]) -> u64 {
    let mut i = 0;
    while i < bytes.len() {
        h ^= bytes[i] as u64;
        h = h.wrapping_mul(0x100000001b3);
        i += 1;
    }
    h
}

pub(crate) type FnvMap<K, V> = HashMap<K, V, BuildHasherDefault<Fnv>>;
