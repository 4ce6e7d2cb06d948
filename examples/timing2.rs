use std::hash::{DefaultHasher, Hash, Hasher};
use std::time::Instant;
fn main() {
    let board = twotrack::generate::board(10_000, 1);
    for _ in 0..3 {
        let t = Instant::now();
        let mut x = 0u64;
        for item in board.items() {
            let mut h = DefaultHasher::new();
            item.hash(&mut h);
            x ^= h.finish();
        }
        println!("hash {:?} {x}", t.elapsed());
        let t = Instant::now();
        let mut s = String::new();
        for item in board.items() {
            twotrack::store::item_text::write_item(&mut s, item);
        }
        println!("write {:?} {}", t.elapsed(), s.len());
        let t = Instant::now();
        let mut n = 0;
        for item in board.items() {
            n += item.created.to_rfc3339_opts(chrono::SecondsFormat::AutoSi, true).len();
        }
        println!("timestamps {:?} {n}", t.elapsed());
    }
}
