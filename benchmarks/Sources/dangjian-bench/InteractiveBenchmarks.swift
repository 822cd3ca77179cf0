import Foundation

/// Whole-process wall times of the commands operators and secretaries type, p50 by hyperfine.
struct InteractiveBenchmarks {
    var short: District
    var long: District
    var options: Options

    func run() throws -> [Result] {
        var results: [Result] = []

        note("warnings on the \(short.label) and \(long.label) districts…")
        func warnings(_ district: District) throws -> (seconds: Double, count: Int) {
            let command = [options.dangjian, "warnings", "--format", "json", "--as-of", district.asOf, "--store", district.path]
            // How many warnings there are: the JSON's size, and so part of the time, follows it.
            let json = try Measure.output(command[0], Array(command.dropFirst())).stdout
            let count = (try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [Any])?.count ?? 0
            return (try Measure.median(runs: options.queryRuns, command), count)
        }
        let (shortWarnings, shortCount) = try warnings(short)
        let (longWarnings, longCount) = try warnings(long)
        let growth = longWarnings / shortWarnings
        results.append(Result(
            name: "`warnings --format json --as-of \(long.asOf)` for the district, \(long.label) store (process, p50 of \(options.queryRuns))",
            figure: "\(format(longWarnings * 1000)) ms (\(format(Double(longCount))) warnings; \(short.label) store: \(format(Double(shortCount))))",
            goal: "< 300 ms", met: longWarnings < 0.3))
        results.append(Result(
            name: "warnings: \(long.label) vs \(short.label) history (\(format(Double(long.events))) vs \(format(Double(short.events))) events)",
            figure: "\(long.label) \(format(longWarnings * 1000)) ms", baseline: "\(short.label) \(format(shortWarnings * 1000)) ms",
            ratio: format(growth, 2), goal: "≤ 1.3", met: growth <= 1.3))

        note("compliance report…")
        for district in [short, long] {
            let seconds = try Measure.median(runs: options.queryRuns, [
                options.dangjian, "report", "compliance", "--period", district.quarter, "--store", district.path,
            ])
            results.append(Result(
                name: "`report compliance --period \(district.quarter)` for the district, \(district.label) store (process, p50 of \(options.queryRuns))",
                figure: "\(format(seconds * 1000)) ms", goal: "< 200 ms", met: seconds < 0.2))
        }

        note("meeting log…")
        let scratch = try long.copy(to: options.work + "/meeting-log.sqlite")
        defer { removeStore(scratch) }
        let branch = "gd-guanshang-c01-b01"
        let roll = try Measure.output(options.dangjian, ["member", "list", "--branch", branch, "--format", "json", "--store", scratch]).stdout
        let members = try JSONSerialization.jsonObject(with: Data(roll.utf8)) as? [[String: Any]] ?? []
        guard let secretary = members.first(where: { $0["role"] as? String == "secretary" })?["id"] as? String else {
            throw BenchError("no secretary in \(branch)'s roll")
        }
        let meetingLog = try Measure.median(runs: options.runs, [
            options.dangjian, "meeting", "log", "--branch", branch, "--type", "theme-day", "--date", long.asOf,
            "--topic", "基准测试", "--attendees", secretary, "--store", scratch,
        ], environment: ["DANGJIAN_TODAY": long.asOf])
        results.append(Result(
            name: "one `meeting log` on the \(long.label) district store (process, p50 of \(options.runs))",
            figure: "\(format(meetingLog * 1000)) ms", goal: "p50 < 30 ms", met: meetingLog < 0.03))
        return results
    }
}
