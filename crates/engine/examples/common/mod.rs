//! What the profiling examples share: their arguments.

use cornerstone_engine::Context;

/// The text of the file named by the first argument, the number of
/// analyses (the second, 20 by default), and the context: the name "Priya
/// Raman", and the customer's message in the file named by the third
/// argument, if any.
pub fn args() -> (String, usize, Context) {
    let path = std::env::args().nth(1).expect("a text file");
    let text = std::fs::read_to_string(path).expect("readable UTF-8");
    let reps: usize = std::env::args().nth(2).and_then(|n| n.parse().ok()).unwrap_or(20);
    let message = std::env::args().nth(3).map(|p| std::fs::read_to_string(p).expect("readable UTF-8"));
    let ctx = Context::with_customer_name("Priya Raman");
    let ctx = match message {
        Some(m) => ctx.and_customer_message(m),
        None => ctx,
    };
    (text, reps, ctx)
}
