public import AntibodyCore

/// Parses the timestamps of recorded files: Unix seconds (an integer, or with a fractional part) or
/// ISO-8601 UTC `YYYY-MM-DDTHH:MM:SS[.fff]Z` (as in the Binance kline files under shared data).
public enum RecordedTime {
    /// The latest accepted time: 9999-12-31T23:59:59Z.
    public static let latest = Timestamp(seconds: 253_402_300_799)

    /// `text` as a timestamp, or `nil` if it is neither form or lies outside 1970…9999.
    public static func parse<S: StringProtocol>(_ text: S) -> Timestamp? {
        let s = String(text)
        if let seconds = Int64(s) {
            guard seconds >= 0, seconds <= latest.seconds else { return nil }
            return Timestamp(seconds: seconds)
        }
        if s.contains("T") { return parseISO(s) }
        if let value = Double(s), value.isFinite, value >= 0, value <= Double(latest.seconds) {
            return Timestamp(milliseconds: Int64((value * 1000).rounded()))
        }
        return nil
    }

    static func parseISO(_ s: String) -> Timestamp? {
        var text = Substring(s)
        guard text.hasSuffix("Z") else { return nil }
        text = text.dropLast()
        let parts = text.split(separator: "T")
        guard parts.count == 2 else { return nil }
        let date = parts[0].split(separator: "-")
        let time = parts[1].split(separator: ":")
        guard date.count == 3, time.count == 3, let y = Int64(date[0]), let mo = Int64(date[1]), let d = Int64(date[2]),
            let h = Int64(time[0]), let mi = Int64(time[1])
        else { return nil }
        let secondParts = time[2].split(separator: ".", maxSplits: 1)
        guard let sec = Int64(secondParts[0]) else { return nil }
        var millis: Int64 = 0
        if secondParts.count == 2 {
            let digits = secondParts[1].prefix(3)
            guard !digits.isEmpty, let fraction = Int64(digits), secondParts[1].allSatisfy(\.isNumber) else { return nil }
            millis = fraction * [1, 100, 10, 1][digits.count]
        }
        guard (1970...9999).contains(y), (1...12).contains(mo), (1...31).contains(d), (0...23).contains(h),
            (0...59).contains(mi), (0...60).contains(sec)
        else { return nil }
        // Days from civil (Howard Hinnant's algorithm).
        let yy = mo <= 2 ? y - 1 : y
        let era = yy / 400
        let yoe = yy - era * 400
        let mp = (mo + 9) % 12
        let doy = (153 * mp + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        let days = era * 146_097 + doe - 719_468
        let seconds = days * 86_400 + h * 3_600 + mi * 60 + sec
        return Timestamp(milliseconds: seconds * 1000 + millis)
    }
}

extension RecordedTime {
    /// `timestamp` as ISO-8601 UTC, `YYYY-MM-DDTHH:MM:SSZ` (milliseconds appended when not zero).
    public static func iso8601(_ timestamp: Timestamp) -> String {
        let ms = timestamp.milliseconds
        let seconds = ms >= 0 ? ms / 1000 : -((-ms + 999) / 1000)
        let millis = ms - seconds * 1000
        var days = seconds >= 0 ? seconds / 86_400 : -((-seconds + 86_399) / 86_400)
        let secondOfDay = seconds - days * 86_400
        // Civil from days (Howard Hinnant's algorithm).
        days += 719_468
        let era = (days >= 0 ? days : days - 146_096) / 146_097
        let doe = days - era * 146_097
        let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        let y = yoe + era * 400 + (m <= 2 ? 1 : 0)
        func pad(_ v: Int64, _ width: Int) -> String {
            let s = String(v)
            return String(repeating: "0", count: max(0, width - s.count)) + s
        }
        var text = "\(pad(y, 4))-\(pad(m, 2))-\(pad(d, 2))T\(pad(secondOfDay / 3_600, 2)):"
            + "\(pad(secondOfDay % 3_600 / 60, 2)):\(pad(secondOfDay % 60, 2))"
        if millis != 0 { text += "." + pad(millis, 3) }
        return text + "Z"
    }
}
