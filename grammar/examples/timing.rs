fn main() {
    let path = std::env::args().nth(1).unwrap_or_default();
    let src = std::fs::read_to_string(path).unwrap_or_default();
    for detail in [false, true, false] {
        let t = std::time::Instant::now();
        // A broken line switches detail on; measure a clean parse either way.
        if detail {
            let _ = haalbaar_grammar::parse("team a {\n  peple 3\n}\n");
        }
        let f = haalbaar_grammar::parse(&src);
        println!("detail-after-probe={detail} blocks={} {:?}", f.blocks.len(), t.elapsed());
    }
}
