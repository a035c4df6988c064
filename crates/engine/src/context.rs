//! Layer 0: what the engine knows about the conversation besides the draft.

/// What the engine knows about the conversation besides the draft.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Context {
    /// The customer's name as the agent knows it ("Priya Raman", "王伟").
    pub customer_name: Option<String>,
    /// The customer's message the draft answers, if the agent has it. It is
    /// read for questions, feelings, earlier contact, details already given
    /// and the customer's name; it never leaves the process.
    pub customer_message: Option<String>,
}

impl Context {
    pub fn with_customer_name(name: impl Into<String>) -> Context {
        Context::default().and_customer_name(name)
    }

    /// The same context with this customer name (blank means none).
    pub fn and_customer_name(mut self, name: impl Into<String>) -> Context {
        let name = name.into();
        let trimmed = name.trim();
        self.customer_name = (!trimmed.is_empty()).then(|| trimmed.to_string());
        self
    }

    /// The same context with the customer's message (blank means none).
    pub fn and_customer_message(mut self, message: impl Into<String>) -> Context {
        let message = message.into();
        self.customer_message = (!message.trim().is_empty()).then_some(message);
        self
    }

    /// A context from optional parts, as front ends receive them.
    pub fn new(customer_name: Option<&str>, customer_message: Option<&str>) -> Context {
        let ctx = Context::default();
        let ctx = match customer_name {
            Some(n) => ctx.and_customer_name(n),
            None => ctx,
        };
        match customer_message {
            Some(m) => ctx.and_customer_message(m),
            None => ctx,
        }
    }
}
