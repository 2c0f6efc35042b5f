import AntibodyReport
import AntibodyScenario
import Foundation
import Testing

@Suite struct ScenarioLoaderTests {
    func error(_ source: String, file: String = scenariosFolder + "/x.toml") -> ScenarioError? {
        do {
            _ = try ScenarioLoader.load(source: source, file: file)
            return nil
        } catch {
            return error
        }
    }

    @Test func syntaxErrorHasLineAndColumn() throws {
        let e = try #require(error("[scenario]\nname = \"a\"\nkind = = 3\n"))
        #expect(e.line == 3)
        #expect(e.column > 1)
        #expect(e.description.contains("x.toml:3:"))
        #expect(e.description.contains("hint:"))
    }

    @Test func unknownKeyIsPointedAt() throws {
        let src = """
            [scenario]
            name = "a"
            kind = "attack"
            model = "flash-loan-oracle"
            policy = "policies/spot-oracle-lending.toml"
            colour = "red"
            """
        let e = try #require(error(src))
        #expect(e.line == 6 && e.column == 1)
        #expect(e.message.contains("colour"))
        #expect(e.hint.contains("allowed keys"))
    }

    @Test func badKindAndModelAndParameter() throws {
        let base = """
            [scenario]
            name = "a"
            kind = "attack"
            model = "repeated-exploit"
            policy = "policies/yield-vault.toml"
            [parameters]
            transactions = -4
            """
        let e = try #require(error(base))
        #expect(e.line == 7)
        #expect(e.message.contains("transactions"))
        let m = try #require(error(base.replacingOccurrences(of: "repeated-exploit", with: "teleport")))
        #expect(m.line == 4)
        #expect(m.hint.contains("flash-loan-oracle"))
        let k = try #require(error(base.replacingOccurrences(of: "\"attack\"", with: "\"drill\"")))
        #expect(k.line == 3)
    }

    @Test func missingPriceFileNamesThePath() throws {
        let src = """
            [scenario]
            name = "a"
            kind = "control"
            model = "recorded-prices"
            policy = "policies/stable-collateral.toml"
            [parameters]
            price_file = "nowhere/prices.csv"
            """
        let e = try #require(error(src))
        #expect(e.missingPath?.hasSuffix("nowhere/prices.csv") == true)
        #expect(e.description.contains("nowhere/prices.csv"))
        #expect(e.line == 7)
    }

    @Test func missingPolicyAndUnmappedAsset() throws {
        let src = """
            [scenario]
            name = "a"
            kind = "attack"
            model = "flash-loan-oracle"
            policy = "policies/none.toml"
            """
        #expect(try #require(error(src)).missingPath?.hasSuffix("policies/none.toml") == true)
        let src2 =
            src.replacingOccurrences(of: "none.toml", with: "spot-oracle-lending.toml")
            + "\n[streams]\n\"TOKEN/USD\" = \"asset:NOPE\"\n"
        let e = try #require(error(src2))
        #expect(e.message.contains("NOPE"))
        #expect(e.line == 7)
    }

    @Test func everyBuiltInFileLoads() throws {
        let files = ScenarioLibrary.files(in: scenariosFolder)
        #expect(files.count >= 18)
        var attacks = 0, controls = 0
        for file in files {
            let loaded = Result { () throws(ScenarioError) -> ScenarioSpec in try ScenarioLoader.load(contentsOf: file)
            }
            switch loaded {
            case .success(let spec):
                if spec.kind == .attack { attacks += 1 } else { controls += 1 }
                #expect(!spec.facts.isEmpty, "\(file) has no facts")
            case .failure(let error):
                #expect(error.missingPath != nil && !marketDataPresent, "\(error)")
            }
        }
        #expect(attacks >= 12)
        #expect(controls >= 3)
    }
}
