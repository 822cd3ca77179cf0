import Bilingual
import EventStore
import Foundation

extension RuleSet {
    /// The official rule table (DOMAIN.md), shipped as `Resources/default-rules.json`.
    public static let official: RuleSet = {
        do {
            return try RuleSet(json: Data(PackageResources.default_rules_json), file: "default-rules.json")
        } catch {
            fatalError("the built-in rules do not load: \(error)")
        }
    }()

    /// Reads a rules file given with `--rules`.
    public init(contentsOf path: String) throws {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw RulesError.unreadable(file: path, reason: (error as NSError).localizedDescription)
        }
        try self.init(json: data, file: path)
    }

    /// Decodes and checks a rules document; every refusal names the file, the line and column,
    /// the JSON path and the reason.
    init(json data: Data, file: String) throws {
        // A byte-order mark, which Windows editors write, is not part of the JSON text.
        let bytes = [UInt8](data.starts(with: [0xEF, 0xBB, 0xBF]) ? data.dropFirst(3) : data)
        func refuse(at offset: Int?, _ path: [JSONLineLocator.Component], _ problem: BilingualText) -> RulesError {
            let position = offset.map { TextPosition(offset: $0, in: bytes) } ?? JSONLineLocator.position(of: path, in: bytes)
            return RulesError.invalid(
                file: file, line: position.line, column: position.column,
                path: path.map { component -> String in
                    switch component {
                    case .key(let key): "/" + key
                    case .index(let index): "/\(index)"
                    }
                }.joined(),
                problem: problem)
        }
        // The decoders' own problems, in English only, as they have always been.
        func refuse(_ path: [JSONLineLocator.Component], _ problem: String) -> RulesError {
            refuse(at: nil, path, BilingualText(zh: problem, en: problem))
        }
        // Foundation decodes only text that is JSON through and through (see `JSONSyntax`).
        if let problem = JSONSyntax.firstProblem(in: bytes) {
            throw refuse(at: problem.offset, problem.path, problem.message)
        }
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        do {
            self = try decoder.decode(RuleSet.self, from: Data(bytes))
        } catch let error as DecodingError {
            throw Self.describe(error, refuse: refuse)
        }
        // Fields the format does not have are refused, not silently ignored.
        let given = try JSONValue(parsing: String(decoding: bytes, as: UTF8.self))
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        let known = try JSONValue(parsing: String(decoding: encoder.encode(self), as: UTF8.self))
        if let unknown = Self.firstUnknownKey(in: given, known: known, at: []) {
            throw refuse(unknown, "unknown field '\(Self.name(of: unknown.last))'")
        }
        if let (path, problem) = validationProblem() {
            throw refuse(path, problem)
        }
    }

    private static func describe(
        _ error: DecodingError, refuse: ([JSONLineLocator.Component], String) -> RulesError
    ) -> RulesError {
        func components(_ path: [any CodingKey]) -> [JSONLineLocator.Component] {
            path.map { key in key.intValue.map(JSONLineLocator.Component.index) ?? .key(snakeCase(key.stringValue)) }
        }
        switch error {
        case .keyNotFound(let key, let context):
            return refuse(components(context.codingPath), "missing field '\(snakeCase(key.stringValue))'")
        case .typeMismatch(let type, let context):
            return refuse(components(context.codingPath), "expected \(describe(type))")
        case .valueNotFound(let type, let context):
            return refuse(components(context.codingPath), "expected \(describe(type)), found null")
        case .dataCorrupted(let context):
            return refuse(components(context.codingPath), context.debugDescription)
        @unknown default:
            return refuse([], "\(error)")
        }
    }

    private static func describe(_ type: Any.Type) -> String {
        switch type {
        case is Int.Type: "a whole number"
        case is Bool.Type: "true or false"
        case is String.Type: "a string"
        default: "\(type)".lowercased()
        }
    }

    static func snakeCase(_ name: String) -> String {
        name.reduce(into: "") { result, character in
            if character.isUppercase { result += "_" + character.lowercased() } else { result.append(character) }
        }
    }

    private static func name(of component: JSONLineLocator.Component?) -> String {
        if case .key(let key) = component { return key }
        return ""
    }

    private static func firstUnknownKey(in given: JSONValue, known: JSONValue, at path: [JSONLineLocator.Component]) -> [JSONLineLocator.Component]? {
        switch (given, known) {
        case (.object(let givenMembers), .object(let knownMembers)):
            for key in givenMembers.keys.sorted() {
                guard let knownValue = knownMembers[key] else { return path + [.key(key)] }
                if let found = firstUnknownKey(in: givenMembers[key]!, known: knownValue, at: path + [.key(key)]) { return found }
            }
        case (.array(let givenElements), .array(let knownElements)):
            for (index, element) in givenElements.enumerated() where index < knownElements.count {
                if let found = firstUnknownKey(in: element, known: knownElements[index], at: path + [.index(index)]) { return found }
            }
        default:
            break
        }
        return nil
    }
}
