use std::time::Instant;
fn main() {
    let board = twotrack::generate::board(10_000, 1);
    let text = twotrack::store::format::to_text(&board).unwrap();
    for _ in 0..4 {
        let t = Instant::now();
        let r = twotrack::store::format::read(std::path::Path::new("x"), text.clone().into_bytes()).unwrap();
        println!("read {:?} {}", t.elapsed(), r.1.text().len());
    }
}
