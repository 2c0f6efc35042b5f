public import AntibodyCore
import AntibodyMath

/// What the typed contract bindings share: a deployed contract's address and the client that reads it.
public protocol ContractBinding: Sendable {
    /// The contract's address.
    var address: EthereumAddress { get }
    /// The client used for reads (`eth_call`).
    var client: JSONRPCClient { get }
}

extension ContractBinding {
    /// Calls a view function with `eth_call` and decodes its outputs.
    func read(
        _ function: ABIFunction, _ arguments: [ABIValue] = [], at block: BlockTag = .latest
    )
        async throws(ChainError) -> [ABIValue]
    {
        let data = try function.encodeCall(arguments)
        let output = try await client.call(to: address, data: data, at: block)
        do {
            return try function.decodeOutput(output)
        } catch {
            throw error.appending(" (reading \(function.signature) from \(address))")
        }
    }

    func readBool(_ function: ABIFunction, _ arguments: [ABIValue] = []) async throws(ChainError) -> Bool {
        guard let value = try await read(function, arguments).first?.boolValue else {
            throw .invalidABI("\(function.signature) did not return a bool")
        }
        return value
    }

    func readUInt(_ function: ABIFunction, _ arguments: [ABIValue] = []) async throws(ChainError) -> UInt256 {
        guard let value = try await read(function, arguments).first?.uintValue else {
            throw .invalidABI("\(function.signature) did not return a uint")
        }
        return value
    }

    func readUInt64(_ function: ABIFunction, _ arguments: [ABIValue] = []) async throws(ChainError) -> UInt64 {
        guard let value = try await readUInt(function, arguments).exactUInt64 else {
            throw .invalidABI("\(function.signature) returned a number above 64 bits")
        }
        return value
    }
}

extension ABIFunction {
    /// A function from a signature the bindings write by hand (tests check each against vyper).
    init(known signature: String, outputs: String = "") {
        do {
            try self.init(signature: signature, outputs: outputs)
        } catch {
            preconditionFailure("bad built-in ABI signature \(signature): \(error)")
        }
    }
}
