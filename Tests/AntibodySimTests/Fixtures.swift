import AntibodyMath
import Foundation

/// Loads the JSON fixtures written by `Fixtures/generate.py` (committed beside it).
enum Fixtures {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
        "Fixtures")

    static func load(_ name: String) throws -> [String: Any] {
        let data = try Data(contentsOf: directory.appendingPathComponent(name))
        return try JSONSerialization.jsonObject(with: data) as! [String: Any]
    }
}

extension Dictionary where Key == String, Value == Any {
    func u256(_ key: String) -> UInt256 {
        guard let text = self[key] as? String, let value = UInt256(decimal: text) else {
            fatalError("fixture field \(key) is not a decimal uint256: \(String(describing: self[key]))")
        }
        return value
    }

    func int(_ key: String) -> Int { (self[key] as! NSNumber).intValue }
    func uint64(_ key: String) -> UInt64 { (self[key] as! NSNumber).uint64Value }
    func dict(_ key: String) -> [String: Any] { self[key] as! [String: Any] }
}
