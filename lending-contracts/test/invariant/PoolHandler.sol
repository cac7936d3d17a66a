// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.30;

import {CreditOracle} from "../../contracts/CreditOracle.sol";
import {LendingPool} from "../../contracts/LendingPool.sol";
import {ICreditOracle} from "../../contracts/interfaces/ICreditOracle.sol";
import {ILendingPool} from "../../contracts/interfaces/ILendingPool.sol";

import {MockAggregator} from "../mocks/MockAggregator.sol";
import {TestERC20} from "../mocks/TestERC20.sol";
import {AttestationSigning} from "../utils/AttestationSigning.sol";

/// @notice Drives a LendingPool through random sequences of lender, borrower, liquidator, oracle, price and
/// time actions. Each action bounds its inputs to values that usually succeed; the few that still revert are
/// tolerated (fail_on_revert = false). Ghost variables record the properties that can only be checked at the
/// moment of an action (the borrow limit right after a borrow, share-price moves per action).
contract PoolHandler is AttestationSigning {
    uint256 internal constant USDC = 1e6;
    uint256 internal constant WETH = 1e18;
    int256 internal constant MIN_PRICE = 200e8;
    int256 internal constant MAX_PRICE = 5_000e8;

    LendingPool public pool;
    CreditOracle public oracle;
    TestERC20 public loan;
    TestERC20 public coll;
    MockAggregator public feed;
    address public governance;

    address[] internal _lenders;
    address[] internal _borrowers;
    address public liquidator;
    uint256 internal _nonce;

    /* ---------------------------------------------------------------- ghosts */

    uint256 public ghostLimitViolations;
    uint256 public ghostSharePriceViolations;
    uint256 public ghostBadDebt;
    uint256 public ghostLastSharePrice;
    uint256 public ghostBorrows; // successful borrows
    uint256 public ghostLiquidations; // successful liquidations
    uint256 public ghostWriteOffs; // liquidations that wrote off bad debt
    mapping(bytes32 => uint256) public calls;

    constructor(
        LendingPool pool_,
        CreditOracle oracle_,
        TestERC20 loan_,
        TestERC20 coll_,
        MockAggregator feed_,
        address governance_
    ) {
        pool = pool_;
        oracle = oracle_;
        loan = loan_;
        coll = coll_;
        feed = feed_;
        governance = governance_;
        for (uint256 i; i < 3; ++i) {
            _lenders.push(makeAddr(string.concat("lender", vm.toString(i))));
        }
        for (uint256 i; i < 4; ++i) {
            _borrowers.push(makeAddr(string.concat("borrower", vm.toString(i))));
        }
        liquidator = makeAddr("liquidator");
        ghostLastSharePrice = pool.convertToAssets(1e18);
    }

    /// @dev After every action: the share price may only fall when the action socialized a loss.
    modifier tracked(bytes32 name) {
        uint256 lossBefore = pool.totalSocializedLoss();
        _;
        calls[name] += 1;
        uint256 price = pool.convertToAssets(1e18);
        if (price < ghostLastSharePrice && pool.totalSocializedLoss() == lossBefore) ghostSharePriceViolations += 1;
        ghostLastSharePrice = price;
    }

    function borrowers() external view returns (address[] memory) {
        return _borrowers;
    }

    function lenders() external view returns (address[] memory) {
        return _lenders;
    }

    /* ---------------------------------------------------------------- lenders */

    function deposit(uint256 actorSeed, uint256 assets) external tracked("deposit") {
        address who = _lenders[actorSeed % _lenders.length];
        assets = _bound(assets, 1, 2_000_000 * USDC);
        loan.mint(who, assets);
        vm.startPrank(who);
        loan.approve(address(pool), assets);
        pool.deposit(assets, who);
        vm.stopPrank();
    }

    function withdraw(uint256 actorSeed, uint256 assets) external tracked("withdraw") {
        address who = _lenders[actorSeed % _lenders.length];
        uint256 max = pool.maxWithdraw(who);
        if (max == 0) return;
        assets = _bound(assets, 1, max);
        vm.prank(who);
        pool.withdraw(assets, who, who);
    }

    function redeem(uint256 actorSeed, uint256 shares) external tracked("redeem") {
        address who = _lenders[actorSeed % _lenders.length];
        uint256 max = pool.maxRedeem(who);
        if (max == 0) return;
        shares = _bound(shares, 1, max);
        vm.prank(who);
        pool.redeem(shares, who, who);
    }

    /* ---------------------------------------------------------------- borrowers */

    function supplyCollateral(uint256 actorSeed, uint256 amount) external tracked("supplyCollateral") {
        address who = _borrowers[actorSeed % _borrowers.length];
        amount = _bound(amount, 1, 200 * WETH);
        coll.mint(who, amount);
        vm.startPrank(who);
        coll.approve(address(pool), amount);
        pool.supplyCollateral(amount, who);
        vm.stopPrank();
    }

    function withdrawCollateral(uint256 actorSeed, uint256 amount) external tracked("withdrawCollateral") {
        address who = _borrowers[actorSeed % _borrowers.length];
        uint256 balance = pool.collateralOf(who);
        if (balance == 0) return;
        amount = _bound(amount, 1, balance);
        vm.prank(who);
        try pool.withdrawCollateral(amount, who) {
            _checkWithinLimit(who);
        } catch {}
    }

    function borrow(uint256 actorSeed, uint256 assets) external tracked("borrow") {
        address who = _borrowers[actorSeed % _borrowers.length];
        ILendingPool.PositionView memory p = pool.positionOf(who);
        uint256 limit = p.borrowLimit;
        uint256 secured = p.collateralValue + pool.tierParams(p.tier).creditCap;
        if (secured < limit) limit = secured;
        if (limit <= p.debt + 1) return;
        uint256 headroom = limit - p.debt - 1; // 1 unit of slack for share rounding
        uint256 liquidity = pool.availableLiquidity();
        if (liquidity < headroom) headroom = liquidity;
        if (headroom == 0) return;
        assets = _bound(assets, 1, headroom);
        vm.prank(who);
        try pool.borrow(assets, who) {
            ghostBorrows += 1;
            _checkWithinLimit(who);
        } catch {}
    }

    function borrowTooMuch(uint256 actorSeed, uint256 extra) external tracked("borrowTooMuch") {
        // Tries to go past the limit: must never succeed with a position over the limit.
        address who = _borrowers[actorSeed % _borrowers.length];
        ILendingPool.PositionView memory p = pool.positionOf(who);
        if (p.borrowLimit <= p.debt) return;
        uint256 assets = p.borrowLimit - p.debt + _bound(extra, 1, 1_000 * USDC);
        vm.prank(who);
        try pool.borrow(assets, who) {
            _checkWithinLimit(who);
        } catch {}
    }

    function repay(uint256 actorSeed, uint256 assets) external tracked("repay") {
        address who = _pick(actorSeed, false);
        uint256 debt = pool.debtOf(who);
        if (debt == 0) return;
        assets = _bound(assets, 1, debt + debt / 10);
        loan.mint(who, assets < debt ? assets : debt);
        vm.startPrank(who);
        loan.approve(address(pool), type(uint256).max);
        pool.repay(assets, who);
        vm.stopPrank();
    }

    /* ---------------------------------------------------------------- liquidators */

    function liquidate(uint256 actorSeed, uint256 assets) external tracked("liquidate") {
        address who = _pick(actorSeed, true);
        ILendingPool.PositionView memory p = pool.positionOf(who);
        if (!p.liquidatable) return;
        assets = _bound(assets, 1, p.debt);
        loan.mint(liquidator, assets);
        vm.startPrank(liquidator);
        loan.approve(address(pool), type(uint256).max);
        (uint256 repaid, uint256 seized) = pool.liquidate(who, assets, liquidator);
        vm.stopPrank();
        ghostLiquidations += 1;
        if (seized == p.collateral && p.debt > repaid) {
            ghostBadDebt += p.debt - repaid;
            ghostWriteOffs += 1;
        }
        if (pool.collateralOf(who) == 0 && pool.debtOf(who) != 0) ghostLimitViolations += 1;
    }

    /* ---------------------------------------------------------------- oracle, price, time, governance */

    function attestTier(uint256 actorSeed, uint256 tierSeed) external tracked("attest") {
        address who = _borrowers[actorSeed % _borrowers.length];
        uint8 tier = uint8(_bound(tierSeed, 1, 5));
        // A revocation in this very second makes an attestation issued now stale: the scorer signs a second later.
        // forge-lint: disable-next-line(block-timestamp)
        if (oracle.recordOf(who).issuedAt >= block.timestamp) vm.warp(block.timestamp + 1);
        attest(ICreditOracle(address(oracle)), SCORER_PK, who, tier, _nonce++);
    }

    function revokeAttestation(uint256 actorSeed) external tracked("revoke") {
        address who = _borrowers[actorSeed % _borrowers.length];
        vm.prank(governance);
        oracle.revoke(who);
    }

    function movePrice(uint256 moveBps, bool up) external tracked("movePrice") {
        moveBps = _bound(moveBps, 0, 3_000);
        int256 price = feed.answer();
        // forge-lint: disable-next-line(unsafe-typecast) -- moveBps <= 3000
        int256 delta = price * int256(moveBps) / 10_000;
        price = up ? price + delta : price - delta;
        if (price < MIN_PRICE) price = MIN_PRICE;
        if (price > MAX_PRICE) price = MAX_PRICE;
        feed.setPrice(price);
    }

    function warp(uint256 secondsAhead) external tracked("warp") {
        vm.warp(block.timestamp + _bound(secondsAhead, 1, 12 days));
        feed.setPrice(feed.answer()); // keepers keep the feed fresh
    }

    function accrue() external tracked("accrue") {
        pool.accrueInterest();
    }

    function withdrawReserve(uint256 amount) external tracked("withdrawReserve") {
        uint256 max = pool.withdrawableReserve();
        if (max == 0) return;
        amount = _bound(amount, 1, max);
        vm.prank(governance);
        pool.withdrawReserve(governance, amount);
    }

    /* ---------------------------------------------------------------- helpers */

    /// @dev The first borrower from `seed` on that is liquidatable (or, if `liquidatable` is false, that has
    /// debt); the seeded one if none is.
    function _pick(uint256 seed, bool liquidatable) internal view returns (address) {
        uint256 n = _borrowers.length;
        for (uint256 i; i < n; ++i) {
            address who = _borrowers[(seed % n + i) % n];
            if (liquidatable ? pool.positionOf(who).liquidatable : pool.debtOf(who) != 0) return who;
        }
        return _borrowers[seed % n];
    }

    /* ---------------------------------------------------------------- ghost checks */

    /// @dev Right after a borrow or collateral withdrawal the position must be within the borrow limit of the
    /// borrower's current tier and the unsecured part within the tier's credit cap.
    function _checkWithinLimit(address who) internal {
        ILendingPool.PositionView memory p = pool.positionOf(who);
        if (p.debt > p.borrowLimit) ghostLimitViolations += 1;
        if (p.debt > p.collateralValue && p.debt - p.collateralValue > pool.tierParams(p.tier).creditCap) {
            ghostLimitViolations += 1;
        }
    }
}
