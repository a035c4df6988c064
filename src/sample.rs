//! The example draft behind "Try an example": one of each common slip.

pub const CUSTOMER_NAME: &str = "Priya Raman";

pub const DRAFT: &str = "Hi Pryia,

We apologize for any inconvenience. As I already explained, the refund takes 5-7 business days and there is nothing I can do to speed it up.

You need to send us the receipt ASAP!!

Thanks,
Alex";
