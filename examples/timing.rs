use std::time::Instant;
fn main() {
    let board = twotrack::generate::board(10_000, 1);
    let t = Instant::now();
    let text =
        ron::ser::to_string_pretty(&board, ron::ser::PrettyConfig::new().indentor("    ").depth_limit(3))
            .unwrap();
    println!("serialize {:?} size {}", t.elapsed(), text.len());
    let t = Instant::now();
    let b: twotrack::domain::Board = ron::from_str(&text).unwrap();
    println!("parse {:?}", t.elapsed());
    let t = Instant::now();
    let _ = b == board;
    println!("compare {:?}", t.elapsed());
    let t = Instant::now();
    let c = board.clone();
    println!("clone {:?} {}", t.elapsed(), c.items().len());
    let t = Instant::now();
    let j = serde_json::to_string(&board).unwrap();
    println!("json ser {:?} {}", t.elapsed(), j.len());
    let t = Instant::now();
    let _b: twotrack::domain::Board = serde_json::from_str(&j).unwrap();
    println!("json parse {:?}", t.elapsed());
}
