/// A NAB scoring profile: the weights of a true positive, a false positive and a false negative.
public struct NABProfile: Hashable, Sendable {
    /// The profile's name as in NAB's `config/profiles.json` (`standard`, `reward_low_FP_rate`,
    /// `reward_low_FN_rate`).
    public var name: String
    /// Weight of the best detection in a window (scaled by the window position).
    public var tpWeight: Double
    /// Weight of a detection outside every window (scaled by its distance from the last window).
    public var fpWeight: Double
    /// Cost of a window with no detection.
    public var fnWeight: Double

    /// A profile with the given weights.
    public init(name: String, tpWeight: Double, fpWeight: Double, fnWeight: Double) {
        self.name = name
        self.tpWeight = tpWeight
        self.fpWeight = fpWeight
        self.fnWeight = fnWeight
    }

    /// NAB's `standard` profile: TP 1, FP 0.11, FN 1.
    public static let standard = NABProfile(name: "standard", tpWeight: 1, fpWeight: 0.11, fnWeight: 1)
    /// NAB's `reward_low_FP_rate` profile: TP 1, FP 0.22, FN 1.
    public static let rewardLowFP = NABProfile(name: "reward_low_FP_rate", tpWeight: 1, fpWeight: 0.22, fnWeight: 1)
    /// NAB's `reward_low_FN_rate` profile: TP 1, FP 0.11, FN 2.
    public static let rewardLowFN = NABProfile(name: "reward_low_FN_rate", tpWeight: 1, fpWeight: 0.11, fnWeight: 2)
    /// The three NAB v1.1 profiles, in the order NAB's scoreboard prints them.
    public static let all: [NABProfile] = [.standard, .rewardLowFP, .rewardLowFN]
}
