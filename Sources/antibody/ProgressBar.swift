import Foundation
import Synchronization

/// A thread-safe progress bar on standard error (redrawn in place; silent when stderr is not a
/// terminal, so logs and CI output stay clean).
final class ProgressBar: Sendable {
    private let total: Int
    private let label: String
    private let lastDrawn = Mutex<Int>(-1)
    private let interactive: Bool

    init(total: Int, label: String) {
        self.total = max(1, total)
        self.label = label
        self.interactive = isatty(STDERR_FILENO) != 0
    }

    /// Redraws for `done` finished items (at most once per whole percent).
    func update(_ done: Int) {
        guard interactive else { return }
        let percent = min(100, done * 100 / total)
        let shouldDraw = lastDrawn.withLock { last -> Bool in
            guard percent > last else { return false }
            last = percent
            return true
        }
        guard shouldDraw else { return }
        let width = 30
        let filled = percent * width / 100
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
        FileHandle.standardError.write(Data("\r\(label) \(bar) \(percent)% (\(done)/\(total))".utf8))
    }

    /// Ends the bar's line.
    func finish() {
        guard interactive else { return }
        FileHandle.standardError.write(Data("\n".utf8))
    }
}
