import AntibodyCore

@testable import AntibodyTrust

/// Bytes from a hex literal in a test (traps on a typo in the test itself).
func hex(_ string: String) -> [UInt8] {
    do {
        return try Hex.decode(string)
    } catch {
        fatalError("bad hex literal in a test: \(error)")
    }
}

func word(_ string: String) -> Bytes32 { Bytes32(bytes: hex(string))! }

func key(_ string: String) -> Secp256k1PrivateKey {
    do {
        return try Secp256k1PrivateKey(bytes: hex(string))
    } catch {
        fatalError("bad key literal in a test: \(error)")
    }
}

func address(_ string: String) -> EthereumAddress {
    do {
        return try EthereumAddress(hex: string)
    } catch {
        fatalError("bad address literal in a test: \(error)")
    }
}
