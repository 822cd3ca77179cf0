/// How the command line reports a failure: the exit code it maps to.
public enum FailureKind: Sendable {
    /// Bad input or a refused command: exit code 1.
    case userError
    /// A check of stored or received data failed: exit code 3.
    case verificationFailed
}

/// An error a person reads: what is wrong, where, and how to fix it, in both languages.
///
/// Every module's error type conforms, so the command line prints one line and never a
/// stack trace.
public protocol UserFacingError: Error {
    var message: BilingualText { get }
    var kind: FailureKind { get }
}

extension UserFacingError {
    public var kind: FailureKind { .userError }
}
