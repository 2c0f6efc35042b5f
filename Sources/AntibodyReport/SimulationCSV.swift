import Foundation

/// The scenario table as CSV (RFC 4180: fields with commas, quotes or newlines are quoted), one
/// row per scenario; empty cells where a time was never reached.
public enum SimulationCSV {
    /// The header row.
    public static let header =
        "name,kind,lossOffUSD,lossOnUSD,preventedPercent,detectSeconds,containSeconds,"
        + "falseAlarms,falsePauses,pauseHours,pauseCostUSD,liquidationsBlocked,seed"

    /// The CSV text for `report`, header first, lines ending in `\n`.
    public static func render(_ report: SimulationReport) -> String {
        var out = header + "\n"
        for s in report.scenarios {
            let cells: [String] = [
                quote(s.name), s.kind.rawValue, number(s.lossOffUSD), number(s.lossOnUSD), number(s.preventedPercent),
                s.detectSeconds.map(number) ?? "", s.containSeconds.map(number) ?? "", String(s.falseAlarms),
                String(s.falsePauses), number(s.pauseHours), number(s.pauseCostUSD), String(s.liquidationsBlocked),
                String(s.seed),
            ]
            out += cells.joined(separator: ",") + "\n"
        }
        return out
    }

    static func number(_ x: Double) -> String { x.isFinite ? String(x) : "" }

    static func quote(_ s: String) -> String {
        guard s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return s }
        return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
