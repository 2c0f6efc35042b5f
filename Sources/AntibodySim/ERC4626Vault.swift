public import AntibodyMath

/// An ERC-4626 tokenised vault with the standard's rounding (solmate / OpenZeppelin): deposits and
/// redeems round shares/assets *down* (in the vault's favour), mints and withdraws round *up*.
/// `totalAssets` is the vault's token balance, so a direct transfer (a "donation") raises the
/// share price — the lever of the share-inflation attack. With `decimalsOffset > 0` the vault
/// uses OpenZeppelin 4.9's virtual shares and assets (`supply + 10^offset`, `assets + 1`), the
/// standard defence that makes the attack unprofitable.
public struct ERC4626Vault: Hashable, Sendable {
    /// The vault's balance of the underlying asset.
    public private(set) var totalAssets: UInt256 = .zero
    /// Shares outstanding.
    public private(set) var totalSupply: UInt256 = .zero
    /// Shares per holder.
    public private(set) var shares: [Int: UInt256] = [:]
    /// OpenZeppelin's virtual-share offset (0 = no virtual shares, the vulnerable classic vault).
    public let decimalsOffset: Int
    private let virtualShares: UInt256
    private let virtualAssets: UInt256

    /// An empty vault.
    ///
    /// - Throws: ``SimError`` unless `0 ≤ decimalsOffset ≤ 18`.
    public init(decimalsOffset: Int = 0) throws(SimError) {
        guard (0...18).contains(decimalsOffset) else { throw .invalidInput("decimalsOffset must be 0…18") }
        self.decimalsOffset = decimalsOffset
        var v: UInt256 = 1
        for _ in 0..<decimalsOffset { v *= 10 }
        self.virtualShares = decimalsOffset == 0 ? .zero : v
        self.virtualAssets = decimalsOffset == 0 ? .zero : 1
    }

    /// Shares of `holder`.
    public func shares(of holder: Int) -> UInt256 { shares[holder] ?? .zero }

    /// `convertToShares` / `previewDeposit`: assets → shares, rounded down.
    public func previewDeposit(_ assets: UInt256) throws(SimError) -> UInt256 {
        if decimalsOffset == 0, totalSupply.isZero { return assets }
        return try EVM.mulDiv(assets, totalSupply + virtualShares, totalAssets + virtualAssets)
    }

    /// `convertToAssets` / `previewRedeem`: shares → assets, rounded down.
    public func previewRedeem(_ shareAmount: UInt256) throws(SimError) -> UInt256 {
        if decimalsOffset == 0, totalSupply.isZero { return shareAmount }
        return try EVM.mulDiv(shareAmount, totalAssets + virtualAssets, totalSupply + virtualShares)
    }

    /// `previewMint`: assets needed for `shareAmount`, rounded up.
    public func previewMint(_ shareAmount: UInt256) throws(SimError) -> UInt256 {
        if decimalsOffset == 0, totalSupply.isZero { return shareAmount }
        return try Self.mulDivUp(shareAmount, totalAssets + virtualAssets, totalSupply + virtualShares)
    }

    /// `previewWithdraw`: shares burned for `assets`, rounded up.
    public func previewWithdraw(_ assets: UInt256) throws(SimError) -> UInt256 {
        if decimalsOffset == 0, totalSupply.isZero { return assets }
        return try Self.mulDivUp(assets, totalSupply + virtualShares, totalAssets + virtualAssets)
    }

    /// Deposits `assets` for `receiver` and returns the shares minted (solmate reverts on zero shares).
    @discardableResult
    public mutating func deposit(_ assets: UInt256, receiver: Int) throws(SimError) -> UInt256 {
        let minted = try previewDeposit(assets)
        guard !minted.isZero else { throw .revert("ZERO_SHARES") }
        totalAssets = try EVM.add(totalAssets, assets)
        totalSupply = try EVM.add(totalSupply, minted)
        shares[receiver] = try EVM.add(shares(of: receiver), minted)
        return minted
    }

    /// Mints exactly `shareAmount` for `receiver` and returns the assets taken.
    @discardableResult
    public mutating func mint(_ shareAmount: UInt256, receiver: Int) throws(SimError) -> UInt256 {
        let assets = try previewMint(shareAmount)
        totalAssets = try EVM.add(totalAssets, assets)
        totalSupply = try EVM.add(totalSupply, shareAmount)
        shares[receiver] = try EVM.add(shares(of: receiver), shareAmount)
        return assets
    }

    /// Redeems `shareAmount` of `owner` and returns the assets paid out (solmate reverts on zero).
    @discardableResult
    public mutating func redeem(_ shareAmount: UInt256, owner: Int) throws(SimError) -> UInt256 {
        guard shares(of: owner) >= shareAmount else { throw .revert("panic: arithmetic underflow") }
        let assets = try previewRedeem(shareAmount)
        guard !assets.isZero else { throw .revert("ZERO_ASSETS") }
        shares[owner] = shares(of: owner) - shareAmount
        totalSupply -= shareAmount
        totalAssets = try EVM.sub(totalAssets, assets)
        return assets
    }

    /// Withdraws exactly `assets` for `owner` and returns the shares burned.
    @discardableResult
    public mutating func withdraw(_ assets: UInt256, owner: Int) throws(SimError) -> UInt256 {
        let burned = try previewWithdraw(assets)
        guard shares(of: owner) >= burned else { throw .revert("panic: arithmetic underflow") }
        shares[owner] = shares(of: owner) - burned
        totalSupply -= burned
        totalAssets = try EVM.sub(totalAssets, assets)
        return burned
    }

    /// Transfers `assets` straight to the vault without minting shares (a donation).
    public mutating func donate(_ assets: UInt256) throws(SimError) {
        totalAssets = try EVM.add(totalAssets, assets)
    }

    static func mulDivUp(_ a: UInt256, _ b: UInt256, _ d: UInt256) throws(SimError) -> UInt256 {
        let q = try EVM.mulDiv(a, b, d)
        let product = a.multipliedFullWidth(by: b)
        let remainder = d.dividingFullWidth(product).remainder
        return remainder.isZero ? q : try EVM.add(q, 1)
    }
}
