// Placeholder: replaced by the archive work.
