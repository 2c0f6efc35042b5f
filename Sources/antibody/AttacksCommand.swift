import AntibodySim
import ArgumentParser
import Foundation

/// `antibody attacks`: replays the built-in attacker scenarios with the defence off.
struct AttacksCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "attacks",
        abstract: "Run the built-in attacker scenarios (defence off) and print their accounting.",
        discussion: """
            bZx flash-loan oracle manipulation, Inverse multi-block TWAP manipulation, Mango \
            self-manipulated collateral, ERC-4626 donation inflation, Beanstalk flash-loaned \
            governance, Nomad forged bridge messages and the adaptive attacker (bridge drain under \
            a $5M/h outflow limit for a day). Exact protocol maths; USD at the true price.
            """
    )

    @Flag(help: "Print JSON.") var json = false

    func run() throws {
        let none = NoDefence()
        let outcomes = [
            try FlashLoanOracleAttack().run(defence: none),
            try TWAPManipulationAttack().run(defence: none),
            try SelfCollateralAttack().run(defence: none),
            try VaultInflationAttack().run(defence: none),
            try GovernanceTakeoverAttack().run(defence: none),
            try BridgeForgeryAttack().run(defence: none),
            try AdaptiveAttacker.drainBridge(limit: 5_000_000, window: 3_600, horizon: 86_400, defence: none),
        ]
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            print(String(decoding: try encoder.encode(outcomes), as: UTF8.self))
            return
        }
        print(
            "scenario                               profit USD    bad debt USD  user loss USD  treasury USD  loss lands on"
        )
        for o in outcomes {
            print(
                o.scenario.padding(toLength: 38, withPad: " ", startingAt: 0)
                    + String(
                        format: " %13.0f %15.0f %14.0f %13.0f  ", o.attackerProfitUSD, o.badDebtUSD, o.userLossUSD,
                        o.treasuryLossUSD) + o.lossBearer.rawValue)
        }
    }
}
