//! Prints a deterministic synthetic talk catalog (`talk_catalog_core::synthetic`).
//!
//! ```text
//! cargo run --release --example synthetic_catalog -- N [SEED] > talks-N.toml
//! CATALOG_DATA=talks-N.toml trunk build --release
//! ```

use talk_catalog_core::synthetic;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let usage = "usage: cargo run --release --example synthetic_catalog -- N [SEED] > talks-N.toml";
    let parsed = match args.as_slice() {
        [n] => n.parse().ok().map(|n| (n, 1)),
        [n, seed] => n.parse().ok().zip(seed.parse().ok()),
        _ => None,
    };
    match parsed {
        Some((n, seed)) if n > 0 => {
            use std::io::Write;
            let mut stdout = std::io::stdout().lock();
            if let Err(error) = stdout.write_all(synthetic::generate(n, seed).as_bytes()).and_then(|()| stdout.flush())
            {
                eprintln!("synthetic_catalog: cannot write the catalog: {error}");
                std::process::exit(1);
            }
        }
        _ => {
            eprintln!("{usage}\n  N: number of talks (at least 1); SEED: any u64 (default 1)");
            std::process::exit(2);
        }
    }
}
