// Talc instead of std's dlmalloc: a smaller wasm (BENCHMARKS.md, "Size"). Single-threaded
// wasm only: its cell assumes no other thread can allocate at the same time.
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

fn main() {
    talk_catalog::ui::mount(talk_catalog::catalog::catalog());
}
