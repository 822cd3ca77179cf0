// Placeholder: replaced by the domain work.
