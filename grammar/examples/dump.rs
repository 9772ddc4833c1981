fn main() {
    let path = std::env::args().nth(1).unwrap_or_default();
    let src = std::fs::read_to_string(path).unwrap_or_default();
    let f = haalbaar_grammar::parse(&src);
    for b in &f.blocks {
        println!("{:?} {:?} {} stmts", b.kind, b.id.as_ref().map(|i| &i.value), b.statements.len());
    }
    for e in &f.errors {
        println!("ERR {:?} {:?} {:?} {} | {:?}", e.kind, e.span, &src[e.span.start..e.span.end], e.message, e.help);
    }
}
