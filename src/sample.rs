//! The example draft behind "Try an example": one of each common slip.

pub const CUSTOMER_NAME: &str = "Priya Raman";

/// The customer's message the example draft answers.
pub const MESSAGE: &str = "Hello,

This is the second time I'm writing about my refund for order #A-55321. I returned the blender three weeks ago. When will the money be back in my account? I'm really frustrated.

Thanks,
Priya";

pub const DRAFT: &str = "Hi Pryia,

We apologize for any inconvenience. As I already explained, the refund takes 5-7 business days and there is nothing I can do to speed it up.

You need to send us the receipt ASAP!!

Thanks,
Alex";
