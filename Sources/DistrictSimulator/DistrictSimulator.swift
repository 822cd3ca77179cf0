// Placeholder: replaced by the simulator work.
