//! Leaking, to give values built once (at build time, in tests, or when the app starts) the
//! `'static` lifetime the model's types have: they live as long as the program anyway.

pub fn leak<T>(items: Vec<T>) -> &'static [T] {
    Box::leak(items.into_boxed_slice())
}

pub fn leak_str(text: String) -> &'static str {
    Box::leak(text.into_boxed_str())
}

pub fn leak_strs(texts: Vec<String>) -> &'static [&'static str] {
    leak(texts.into_iter().map(leak_str).collect())
}
