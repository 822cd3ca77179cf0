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

    /// Decodes and checks a rules document; every refusal names the file, line and JSON path.
    init(json data: Data, file: String) throws {
        let bytes = [UInt8](data)
        func refuse(_ path: [JSONLineLocator.Component], _ problem: String) -> RulesError {
            RulesError.invalid(
                file: file, line: JSONLineLocator.line(of: path, in: bytes),
                path: path.map { component -> String in
                    switch component {
                    case .key(let key): "/" + key
                    case .index(let index): "/\(index)"
                    }
                }.joined(),
                problem: problem)
        }
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        do {
            self = try decoder.decode(RuleSet.self, from: data)
        } catch let error as DecodingError {
            if let syntax = Self.syntaxError(in: data, file: file) { throw syntax }
            throw Self.describe(error, refuse: refuse)
        }
        // Fields the format does not have are refused, not silently ignored.
        let given = try JSONValue(parsing: String(decoding: data, as: UTF8.self))
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

    /// A JSON syntax error, with its line: Foundation's parser names the byte offset
    /// ("around character 36"), which is turned into a line number here.
    private static func syntaxError(in data: Data, file: String) -> RulesError? {
        do {
            _ = try JSONSerialization.jsonObject(with: data)
            return nil
        } catch {
            let detail = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String ?? "\(error)"
            let offset = detail.firstMatch(of: /character (\d+)/).flatMap { Int($0.1) }
            let line = offset.map { offset in data.prefix(offset).filter { $0 == 0x0A }.count + 1 }
            return .invalid(file: file, line: line, path: "", problem: "not valid JSON (\(detail))")
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
