/// Told how far long work on an archive has come — `done` of `total`, events or bytes of the
/// file as each function says — whenever there is news, on the calling thread. The command
/// line shows it on a terminal.
public typealias ArchiveProgress = (_ done: Int64, _ total: Int64) -> Void
