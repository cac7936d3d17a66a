// SPDX-License-Identifier: Apache-2.0
pragma solidity 0.8.30;

import {AccessControl} from "@openzeppelin/contracts/access/AccessControl.sol";
import {IERC20, IERC20Metadata, ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";
import {ERC4626} from "@openzeppelin/contracts/token/ERC20/extensions/ERC4626.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";
import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";
import {Pausable} from "@openzeppelin/contracts/utils/Pausable.sol";
import {ReentrancyGuardTransient} from "@openzeppelin/contracts/utils/ReentrancyGuardTransient.sol";

import {AggregatorV3Interface} from "./interfaces/AggregatorV3Interface.sol";
import {ICreditOracle} from "./interfaces/ICreditOracle.sol";
import {IIrm} from "./interfaces/IIrm.sol";
import {ILendingPool} from "./interfaces/ILendingPool.sol";
import {MathLib} from "./libraries/MathLib.sol";
import {SharesMathLib} from "./libraries/SharesMathLib.sol";
import {Tiers} from "./libraries/Tiers.sol";

/// @title LendingPool
/// @notice An isolated credit-tiered lending market. Lenders deposit the loan token through ERC-4626 shares;
/// borrowers post one collateral token and borrow at the collateral ratio, unsecured credit cap and rate premium
/// of the tier the CreditOracle answers for them. A tier-5 borrower may borrow more than its collateral is worth
/// (up to the tier's credit cap); an unscored borrower only two thirds of it.
/// @dev Accounting (all loan-token units):
///   - `cash` is the loan token the pool holds by its own books (deposits, repayments, minus borrows and
///     payouts). Tokens sent to the pool without a call (donations) are not counted, so they cannot move the
///     share price; they stay in the contract.
///   - Debt lives in one bucket per tier (assets + shares, Morpho-style virtual shares). A borrower's debt sits
///     in the bucket of the tier it had at its last borrow or repay (or liquidation) and accrues at the base rate
///     of the interest rate model plus that tier's premium.
///   - `reserve` is the protocol's first-loss buffer, fed by `reserveFactorBps` of all interest. It is a claim on
///     cash: lenders and borrowers can only take `cash - reserve`.
///   - totalAssets() = cash + totalDebt - reserve, so totalAssets() + reserve == cash + totalDebt at all times.
/// Interest accrues per second with a third-order Taylor expansion of e^(rate * elapsed) - 1 (Morpho's
/// wTaylorCompounded), on every state-changing entry point that touches debt or liquidity, before anything else.
/// Rounding always favours the pool: debt and debt shares round up, collateral value and payouts round down,
/// seized collateral rounds up.
/// Order inside each entry point (Morpho Blue): checks, accrue, effects, event, token transfers.
contract LendingPool is ILendingPool, ERC4626, AccessControl, Pausable, ReentrancyGuardTransient {
    using SafeERC20 for IERC20;
    using SafeCast for uint256;
    using MathLib for uint256;
    using SharesMathLib for uint256;

    /* ================================================================ constants */

    /// @notice Role allowed to pause and unpause.
    bytes32 public constant GUARDIAN_ROLE = keccak256("GUARDIAN_ROLE");

    /// @notice Highest reserve factor governance may set.
    uint256 public constant MAX_RESERVE_FACTOR_BPS = 5_000;

    /// @notice Highest liquidation bonus governance may set.
    uint256 public constant MAX_LIQUIDATION_BONUS_BPS = 2_000;

    /// @notice Highest maxPriceAge governance may set.
    uint256 public constant MAX_PRICE_AGE_LIMIT = 2 days;

    /// @notice Lowest liquidation ratio a tier may have (debt up to twice the collateral value).
    uint256 public constant MIN_LIQUIDATION_RATIO_BPS = 5_000;

    /// @notice Highest yearly rate premium a tier may have.
    uint256 public constant MAX_RATE_PREMIUM_BPS = 5_000;

    /// @notice Part of the total debt the reserve keeps for first losses: governance can only withdraw above it.
    uint256 public constant RESERVE_FLOOR_BPS = 500;

    uint256 private constant BPS = 10_000;
    uint256 private constant WAD = 1e18;
    uint256 private constant BPS_TO_WAD = 1e14;
    uint256 private constant YEAR = 365 days;
    uint8 private constant DECIMALS_OFFSET = 6;

    /* ================================================================ storage */

    /// @dev Cash and total debt, the two numbers every borrow, repay and lender action moves (one slot).
    struct Market {
        uint128 cash;
        uint128 totalDebt;
    }

    /// @dev Reserve, accrual clock, the bitmap of non-empty buckets and the scalar parameters (one slot).
    struct Config {
        uint128 reserve;
        uint40 lastUpdate;
        uint8 activeBuckets; // bit t set iff bucket t has shares
        uint16 reserveFactorBps;
        uint16 liquidationBonusBps;
        uint32 maxPriceAge;
    }

    /// @dev One tier's debt: assets include accrued interest.
    struct Bucket {
        uint128 assets;
        uint128 shares;
    }

    /// @dev One borrower (one slot).
    struct Position {
        uint128 debtShares;
        uint120 collateral;
        uint8 debtTier;
    }

    IERC20 private immutable _collateralToken;
    AggregatorV3Interface private immutable _priceFeed;
    /// @dev collateralValue = collateral * answer * _scaleMul / _scaleDiv; one of the two is 1.
    uint256 private immutable _scaleMul;
    uint256 private immutable _scaleDiv;

    Market private _market;
    Config private _config;
    IIrm private _irm;
    ICreditOracle private _creditOracle;
    uint256 private _totalSocializedLoss;
    // Length Tiers.COUNT (6), spelled as a literal because array lengths cannot name library constants.
    TierParams[6] private _tierParams;
    Bucket[6] private _buckets;
    mapping(address borrower => Position) private _positions;

    /* ================================================================ constructor */

    /// @param loanToken The token lent and borrowed (the ERC-4626 asset).
    /// @param collateralToken_ The token borrowers post; must differ from the loan token.
    /// @param priceFeed_ Chainlink-style feed: price of one whole collateral token in loan-token terms.
    /// @param creditOracle_ Answers borrowers' tiers.
    /// @param irm_ Base rate model.
    /// @param governance Receives DEFAULT_ADMIN_ROLE (in production a TimelockController).
    /// @param guardian Receives GUARDIAN_ROLE (pause and unpause).
    /// @param name_ Name of the lender share token.
    /// @param symbol_ Symbol of the lender share token.
    constructor(
        IERC20 loanToken,
        IERC20 collateralToken_,
        AggregatorV3Interface priceFeed_,
        ICreditOracle creditOracle_,
        IIrm irm_,
        address governance,
        address guardian,
        string memory name_,
        string memory symbol_
    ) ERC20(name_, symbol_) ERC4626(loanToken) {
        if (
            address(loanToken) == address(0) || address(collateralToken_) == address(0)
                || address(priceFeed_) == address(0) || address(creditOracle_) == address(0)
                || address(irm_) == address(0) || governance == address(0) || guardian == address(0)
        ) revert LendingPoolZeroAddress();
        if (address(loanToken) == address(collateralToken_)) revert LendingPoolInvalidParams();

        uint256 loanDecimals = IERC20Metadata(address(loanToken)).decimals();
        uint256 scaleDown = uint256(priceFeed_.decimals()) + IERC20Metadata(address(collateralToken_)).decimals();
        if (loanDecimals >= scaleDown) {
            _scaleMul = 10 ** (loanDecimals - scaleDown);
            _scaleDiv = 1;
        } else {
            _scaleMul = 1;
            _scaleDiv = 10 ** (scaleDown - loanDecimals);
        }

        _collateralToken = collateralToken_;
        _priceFeed = priceFeed_;
        _creditOracle = creditOracle_;
        _irm = irm_;
        _config = Config({
            reserve: 0,
            lastUpdate: uint40(block.timestamp),
            activeBuckets: 0,
            reserveFactorBps: 1_000,
            liquidationBonusBps: 500,
            maxPriceAge: 3_600
        });

        uint256 unit = 10 ** loanDecimals;
        _setDefaultTier(0, 15_000, 12_500, 800, 0);
        _setDefaultTier(1, 14_000, 12_000, 600, 0);
        _setDefaultTier(2, 12_500, 11_000, 400, 0);
        _setDefaultTier(3, 11_000, 10_000, 250, 0);
        _setDefaultTier(4, 9_500, 8_500, 150, 5_000 * unit);
        _setDefaultTier(5, 8_000, 7_000, 100, 20_000 * unit);

        _grantRole(DEFAULT_ADMIN_ROLE, governance);
        _grantRole(GUARDIAN_ROLE, guardian);

        emit ReserveFactorSet(1_000);
        emit LiquidationBonusSet(500);
        emit MaxPriceAgeSet(3_600);
        emit IrmSet(address(irm_));
        emit CreditOracleSet(address(creditOracle_));
    }

    /* ================================================================ lenders (ERC-4626) */

    /// @notice Deposits `assets` loan tokens and mints shares to `receiver`. Accrues interest first.
    /// @dev Reverts while paused, and with LendingPoolUnsupportedToken if the pool receives less than `assets`.
    function deposit(uint256 assets, address receiver) public override nonReentrant whenNotPaused returns (uint256) {
        _accrue();
        return super.deposit(assets, receiver);
    }

    /// @notice Mints exactly `shares` to `receiver` for the loan tokens previewMint answers. Accrues interest first.
    function mint(uint256 shares, address receiver) public override nonReentrant whenNotPaused returns (uint256) {
        _accrue();
        return super.mint(shares, receiver);
    }

    /// @notice Burns `owner`'s shares for exactly `assets` loan tokens sent to `receiver`. Accrues interest first.
    /// @dev Open while paused. Limited by available liquidity (cash minus reserve), see maxWithdraw.
    function withdraw(uint256 assets, address receiver, address owner) public override nonReentrant returns (uint256) {
        _accrue();
        return super.withdraw(assets, receiver, owner);
    }

    /// @notice Burns exactly `shares` of `owner` for loan tokens sent to `receiver`. Accrues interest first.
    /// @dev Open while paused. Limited by available liquidity (cash minus reserve), see maxRedeem.
    function redeem(uint256 shares, address receiver, address owner) public override nonReentrant returns (uint256) {
        _accrue();
        return super.redeem(shares, receiver, owner);
    }

    /// @notice Cash plus total debt (interest accrued up to now) minus the reserve.
    function totalAssets() public view override returns (uint256) {
        (uint256 cash, uint256 debt, uint256 reserve_) = _accruedTotals();
        return cash + debt - reserve_;
    }

    /// @notice Zero while paused, else unlimited.
    function maxDeposit(address) public view override returns (uint256) {
        return paused() ? 0 : type(uint256).max;
    }

    /// @notice Zero while paused, else unlimited.
    function maxMint(address) public view override returns (uint256) {
        return paused() ? 0 : type(uint256).max;
    }

    /// @notice The owner's assets, limited by available liquidity.
    function maxWithdraw(address owner) public view override returns (uint256) {
        return _convertToAssets(balanceOf(owner), Math.Rounding.Floor).min(availableLiquidity());
    }

    /// @notice The owner's shares, limited by the shares available liquidity pays out.
    function maxRedeem(address owner) public view override returns (uint256) {
        return balanceOf(owner).min(_convertToShares(availableLiquidity(), Math.Rounding.Floor));
    }

    /* ================================================================ borrowers */

    /// @inheritdoc ILendingPool
    /// @dev Open while paused (adding collateral only makes positions safer). Does not accrue: it moves neither
    /// debt nor liquidity. Reverts with LendingPoolUnsupportedToken if the pool receives less than `amount`.
    function supplyCollateral(uint256 amount, address onBehalf) external nonReentrant {
        if (amount == 0) revert LendingPoolZeroAmount();
        if (onBehalf == address(0)) revert LendingPoolZeroAddress();

        Position storage position = _positions[onBehalf];
        position.collateral = (position.collateral + amount).toUint120();

        emit SupplyCollateral(msg.sender, onBehalf, amount);
        _pullExact(_collateralToken, msg.sender, amount);
    }

    /// @inheritdoc ILendingPool
    /// @dev Stopped while paused. With debt outstanding the price must be fresh and the remaining position must
    /// pass the same collateral-ratio and credit-cap checks as a borrow, at the borrower's current tier.
    function withdrawCollateral(uint256 amount, address receiver) external nonReentrant whenNotPaused {
        if (amount == 0) revert LendingPoolZeroAmount();
        if (receiver == address(0)) revert LendingPoolZeroAddress();
        (, Config memory cfg) = _accrue();

        Position memory position = _positions[msg.sender];
        if (amount > position.collateral) {
            revert LendingPoolInsufficientCollateralBalance(msg.sender, amount, position.collateral);
        }
        uint256 remaining = position.collateral - amount;
        if (position.debtShares != 0) {
            uint256 price = _freshPrice(cfg.maxPriceAge);
            _checkBorrowLimit(msg.sender, _debtOf(position), remaining, price, _tierParams[_tierOf(msg.sender)]);
        }
        // forge-lint: disable-next-line(unsafe-typecast) -- remaining < position.collateral, a uint120
        _positions[msg.sender].collateral = uint120(remaining);

        emit WithdrawCollateral(msg.sender, receiver, amount);
        _collateralToken.safeTransfer(receiver, amount);
    }

    /// @inheritdoc ILendingPool
    /// @dev Stopped while paused. Needs a fresh, positive price. The caller's whole debt (old and new) moves to
    /// the bucket of its current tier, and must then be within collateralValue * 10000 / collateralRatioBps and
    /// exceed the collateral value by at most the tier's credit cap.
    function borrow(uint256 assets, address receiver) external nonReentrant whenNotPaused {
        if (assets == 0) revert LendingPoolZeroAmount();
        if (receiver == address(0)) revert LendingPoolZeroAddress();
        (Market memory m, Config memory cfg) = _accrue();

        uint256 price = _freshPrice(cfg.maxPriceAge);
        uint8 tier = _tierOf(msg.sender);
        TierParams memory params = _tierParams[tier];
        Position memory position = _positions[msg.sender];

        uint256 oldDebt = _debtOf(position);
        uint256 debt = _setDebt(position, m, cfg, oldDebt, oldDebt + assets, tier);
        _checkBorrowLimit(msg.sender, debt, position.collateral, price, params);
        uint256 liquidity = uint256(m.cash).zeroFloorSub(cfg.reserve);
        if (assets > liquidity) revert LendingPoolInsufficientLiquidity(assets, liquidity);
        // forge-lint: disable-next-line(unsafe-typecast) -- assets <= liquidity <= m.cash, a uint128
        m.cash -= uint128(assets);

        _positions[msg.sender] = position;
        _market = m;
        _config = cfg;

        emit Borrow(msg.sender, receiver, assets, tier, params.collateralRatioBps);
        IERC20(asset()).safeTransfer(receiver, assets);
    }

    /// @inheritdoc ILendingPool
    /// @dev Open while paused. Anyone may repay for anyone. A partial repayment moves the remaining debt to the
    /// bucket of `onBehalf`'s current tier. Reverts with LendingPoolNoDebt if there is nothing to repay.
    function repay(uint256 assets, address onBehalf) external nonReentrant returns (uint256 repaid) {
        if (assets == 0) revert LendingPoolZeroAmount();
        if (onBehalf == address(0)) revert LendingPoolZeroAddress();
        (Market memory m, Config memory cfg) = _accrue();

        Position memory position = _positions[onBehalf];
        if (position.debtShares == 0) revert LendingPoolNoDebt(onBehalf);
        uint256 debt = _debtOf(position);
        repaid = assets.min(debt);
        // A full repayment leaves nothing to re-bucket, so it skips the oracle call.
        uint8 tier = repaid == debt ? position.debtTier : _tierOf(onBehalf);
        _setDebt(position, m, cfg, debt, debt - repaid, tier);
        m.cash = (m.cash + repaid).toUint128();

        _positions[onBehalf] = position;
        _market = m;
        _config = cfg;

        emit Repay(msg.sender, onBehalf, repaid);
        _pullExact(IERC20(asset()), msg.sender, repaid);
    }

    /// @inheritdoc ILendingPool
    /// @dev Open while paused, but needs a fresh, positive price. Liquidatable when
    /// debt > collateralValue * 10000 / liquidationRatioBps at the borrower's current tier. The liquidator pays
    /// `repaid` loan tokens and receives repaid * (10000 + bonus) / 10000 worth of collateral (rounded up); if that
    /// exceeds the borrower's collateral, all collateral is seized and `repaid` shrinks to its value divided by
    /// the bonus factor (rounded up). Debt left after all collateral is gone is bad debt: written off against the
    /// reserve first, the rest against lenders (totalAssets), recorded in totalSocializedLoss.
    function liquidate(address borrower, uint256 repayAssets, address collateralReceiver)
        external
        nonReentrant
        returns (uint256 repaid, uint256 seized)
    {
        if (repayAssets == 0) revert LendingPoolZeroAmount();
        if (collateralReceiver == address(0)) revert LendingPoolZeroAddress();
        if (borrower == msg.sender) revert LendingPoolSelfLiquidation();
        (Market memory m, Config memory cfg) = _accrue();

        Position memory position = _positions[borrower];
        if (position.debtShares == 0) revert LendingPoolNoDebt(borrower);
        uint8 tier = _tierOf(borrower);
        uint256 debt = _debtOf(position);
        uint256 badDebt;
        {
            uint256 price = _freshPrice(cfg.maxPriceAge);
            uint256 collateral = position.collateral;
            if (debt <= _value(collateral, price) * BPS / _tierParams[tier].liquidationRatioBps) {
                revert LendingPoolPositionHealthy(borrower);
            }
            (repaid, seized, badDebt) = _seizure(debt, repayAssets, collateral, price, cfg.liquidationBonusBps);
            // forge-lint: disable-next-line(unsafe-typecast) -- seized <= collateral, a uint120
            position.collateral = uint120(collateral - seized);
        }
        uint256 coveredByReserve = _writeOff(cfg, badDebt);
        _setDebt(position, m, cfg, debt, debt - repaid - badDebt, tier);
        m.cash = (m.cash + repaid).toUint128();

        _positions[borrower] = position;
        _market = m;
        _config = cfg;

        emit Liquidate(msg.sender, borrower, repaid, seized, badDebt);
        if (badDebt != 0) emit BadDebtWrittenOff(borrower, badDebt, coveredByReserve, badDebt - coveredByReserve);
        if (repaid != 0) _pullExact(IERC20(asset()), msg.sender, repaid);
        if (seized != 0) _collateralToken.safeTransfer(collateralReceiver, seized);
    }

    /// @inheritdoc ILendingPool
    function accrueInterest() external nonReentrant {
        _accrue();
    }

    /* ================================================================ governance */

    /// @inheritdoc ILendingPool
    /// @dev Reverts with LendingPoolInvalidTier for tier > Tiers.MAX and LendingPoolInvalidParams unless:
    /// MIN_LIQUIDATION_RATIO_BPS <= liquidationRatioBps < collateralRatioBps, ratePremiumBps <=
    /// MAX_RATE_PREMIUM_BPS, creditCap == 0 when collateralRatioBps >= 10000 (no unsecured part is possible),
    /// and the unscored tier stays over-collateralized (collateralRatioBps >= 10000). Accrues first, so the old
    /// premium applies up to now. Takes effect for existing positions at once (limits, liquidation, premium).
    function setTierParams(uint8 tier, TierParams calldata params) external nonReentrant onlyRole(DEFAULT_ADMIN_ROLE) {
        if (tier > Tiers.MAX) revert LendingPoolInvalidTier(tier);
        uint256 cr = params.collateralRatioBps;
        uint256 lr = params.liquidationRatioBps;
        if (
            lr < MIN_LIQUIDATION_RATIO_BPS || lr >= cr || params.ratePremiumBps > MAX_RATE_PREMIUM_BPS
                || (cr >= BPS && params.creditCap != 0) || (tier == Tiers.UNSCORED && cr < BPS)
        ) revert LendingPoolInvalidParams();
        _accrue();
        _tierParams[tier] = params;
        emit TierParamsSet(tier, params);
    }

    /// @inheritdoc ILendingPool
    /// @dev Accrues first, so the old factor applies up to now.
    function setReserveFactor(uint256 reserveFactorBps_) external nonReentrant onlyRole(DEFAULT_ADMIN_ROLE) {
        if (reserveFactorBps_ > MAX_RESERVE_FACTOR_BPS) revert LendingPoolInvalidParams();
        _accrue();
        // forge-lint: disable-next-line(unsafe-typecast) -- <= MAX_RESERVE_FACTOR_BPS
        _config.reserveFactorBps = uint16(reserveFactorBps_);
        emit ReserveFactorSet(reserveFactorBps_);
    }

    /// @inheritdoc ILendingPool
    function setLiquidationBonus(uint256 liquidationBonusBps_) external nonReentrant onlyRole(DEFAULT_ADMIN_ROLE) {
        if (liquidationBonusBps_ > MAX_LIQUIDATION_BONUS_BPS) revert LendingPoolInvalidParams();
        // forge-lint: disable-next-line(unsafe-typecast) -- <= MAX_LIQUIDATION_BONUS_BPS
        _config.liquidationBonusBps = uint16(liquidationBonusBps_);
        emit LiquidationBonusSet(liquidationBonusBps_);
    }

    /// @inheritdoc ILendingPool
    function setMaxPriceAge(uint256 maxPriceAge_) external nonReentrant onlyRole(DEFAULT_ADMIN_ROLE) {
        if (maxPriceAge_ == 0 || maxPriceAge_ > MAX_PRICE_AGE_LIMIT) revert LendingPoolInvalidParams();
        // forge-lint: disable-next-line(unsafe-typecast) -- <= MAX_PRICE_AGE_LIMIT
        _config.maxPriceAge = uint32(maxPriceAge_);
        emit MaxPriceAgeSet(maxPriceAge_);
    }

    /// @inheritdoc ILendingPool
    /// @dev Accrues at the old model first.
    function setIrm(IIrm newIrm) external nonReentrant onlyRole(DEFAULT_ADMIN_ROLE) {
        if (address(newIrm) == address(0)) revert LendingPoolZeroAddress();
        _accrue();
        _irm = newIrm;
        emit IrmSet(address(newIrm));
    }

    /// @inheritdoc ILendingPool
    /// @dev Tiers change for every borrower at once; existing debt stays in its bucket until the next borrow/repay.
    function setCreditOracle(ICreditOracle newCreditOracle) external nonReentrant onlyRole(DEFAULT_ADMIN_ROLE) {
        if (address(newCreditOracle) == address(0)) revert LendingPoolZeroAddress();
        _creditOracle = newCreditOracle;
        emit CreditOracleSet(address(newCreditOracle));
    }

    /// @inheritdoc ILendingPool
    /// @dev Only the surplus above RESERVE_FLOOR_BPS of total debt, and only from cash: the floor is the
    /// first-loss buffer lenders rely on, so it is never withdrawable. Leaves totalAssets() unchanged. Reverts
    /// with LendingPoolReserveLocked above withdrawableReserve().
    function withdrawReserve(address receiver, uint256 amount) external nonReentrant onlyRole(DEFAULT_ADMIN_ROLE) {
        if (amount == 0) revert LendingPoolZeroAmount();
        if (receiver == address(0)) revert LendingPoolZeroAddress();
        (Market memory m, Config memory cfg) = _accrue();

        uint256 withdrawable = _withdrawableReserve(m.cash, m.totalDebt, cfg.reserve);
        if (amount > withdrawable) revert LendingPoolReserveLocked(amount, withdrawable);
        // amount <= withdrawable <= min(cash, reserve), both uint128, so the casts cannot truncate.
        // forge-lint: disable-next-line(unsafe-typecast)
        _market.cash = m.cash - uint128(amount);
        // forge-lint: disable-next-line(unsafe-typecast)
        _config.reserve = cfg.reserve - uint128(amount);

        emit ReserveWithdrawn(receiver, amount);
        IERC20(asset()).safeTransfer(receiver, amount);
    }

    /// @inheritdoc ILendingPool
    /// @dev Guardian only. Stops deposit/mint, borrow and withdrawCollateral. Repay, supplyCollateral, liquidate
    /// and lender withdraw/redeem stay open, so that borrowers can always cure positions, liquidations keep bad
    /// debt from growing, and lenders are never locked in.
    function pause() external onlyRole(GUARDIAN_ROLE) {
        _pause();
    }

    /// @inheritdoc ILendingPool
    function unpause() external onlyRole(GUARDIAN_ROLE) {
        _unpause();
    }

    /* ================================================================ views */

    /// @inheritdoc ILendingPool
    /// @dev Uses the latest answer even if stale (a non-positive one counts as zero), so keepers can always read.
    /// borrowLimit is the effective one: min(value * 10000 / collateralRatioBps, value + creditCap).
    function positionOf(address borrower) external view returns (PositionView memory view_) {
        Position memory position = _positions[borrower];
        uint8 tier = _tierOf(borrower);
        TierParams memory params = _tierParams[tier];
        uint256 value = collateralValue(position.collateral);
        view_.collateral = position.collateral;
        view_.debt = debtOf(borrower);
        view_.collateralValue = value;
        uint256 limit = value * BPS / params.collateralRatioBps;
        view_.borrowLimit = limit.min(value + params.creditCap);
        view_.tier = tier;
        view_.debtTier = position.debtTier;
        view_.liquidatable = view_.debt > value * BPS / params.liquidationRatioBps;
    }

    /// @inheritdoc ILendingPool
    function debtOf(address borrower) public view returns (uint256) {
        Position memory position = _positions[borrower];
        if (position.debtShares == 0) return 0;
        (uint256 assets, uint256 shares) = debtBucket(position.debtTier);
        return uint256(position.debtShares).toAssetsUp(assets, shares);
    }

    /// @inheritdoc ILendingPool
    function collateralOf(address borrower) external view returns (uint256) {
        return _positions[borrower].collateral;
    }

    /// @inheritdoc ILendingPool
    function collateralRatioBpsOf(address borrower) external view returns (uint256) {
        return _tierParams[_tierOf(borrower)].collateralRatioBps;
    }

    /// @inheritdoc ILendingPool
    function totalDebt() external view returns (uint256 debt) {
        (, debt,) = _accruedTotals();
    }

    /// @inheritdoc ILendingPool
    function reserve() external view returns (uint256 reserve_) {
        (,, reserve_) = _accruedTotals();
    }

    /// @inheritdoc ILendingPool
    function totalSocializedLoss() external view returns (uint256) {
        return _totalSocializedLoss;
    }

    /// @inheritdoc ILendingPool
    function tierParams(uint8 tier) external view returns (TierParams memory) {
        if (tier > Tiers.MAX) revert LendingPoolInvalidTier(tier);
        return _tierParams[tier];
    }

    /// @inheritdoc ILendingPool
    function withdrawableReserve() external view returns (uint256) {
        (uint256 cash, uint256 debt, uint256 reserve_) = _accruedTotals();
        return _withdrawableReserve(cash, debt, reserve_);
    }

    /// @inheritdoc ILendingPool
    function availableLiquidity() public view returns (uint256) {
        (uint256 cash,, uint256 reserve_) = _accruedTotals();
        return cash.zeroFloorSub(reserve_);
    }

    /// @inheritdoc ILendingPool
    function debtBucket(uint8 tier) public view returns (uint256 assets, uint256 shares) {
        if (tier > Tiers.MAX) revert LendingPoolInvalidTier(tier);
        Bucket memory bucket = _buckets[tier];
        Config memory cfg = _config;
        assets = bucket.assets;
        shares = bucket.shares;
        uint256 elapsed = block.timestamp - cfg.lastUpdate;
        if (elapsed != 0 && _isActive(cfg.activeBuckets, tier)) {
            Market memory m = _market;
            assets += _bucketInterest(tier, assets, _baseRate(m.cash, m.totalDebt, cfg.reserve), elapsed);
        }
    }

    /// @inheritdoc ILendingPool
    function collateralValue(uint256 collateral) public view returns (uint256) {
        (, int256 answer,,,) = _priceFeed.latestRoundData();
        // forge-lint: disable-next-line(unsafe-typecast) -- answer > 0
        return answer > 0 ? _value(collateral, uint256(answer)) : 0;
    }

    /// @inheritdoc ILendingPool
    function reserveFactorBps() external view returns (uint256) {
        return _config.reserveFactorBps;
    }

    /// @inheritdoc ILendingPool
    function liquidationBonusBps() external view returns (uint256) {
        return _config.liquidationBonusBps;
    }

    /// @inheritdoc ILendingPool
    function maxPriceAge() external view returns (uint256) {
        return _config.maxPriceAge;
    }

    /// @inheritdoc ILendingPool
    function lastAccrual() external view returns (uint256) {
        return _config.lastUpdate;
    }

    /// @inheritdoc ILendingPool
    function irm() external view returns (IIrm) {
        return _irm;
    }

    /// @inheritdoc ILendingPool
    function creditOracle() external view returns (ICreditOracle) {
        return _creditOracle;
    }

    /// @inheritdoc ILendingPool
    function priceFeed() external view returns (AggregatorV3Interface) {
        return _priceFeed;
    }

    /// @inheritdoc ILendingPool
    function collateralToken() external view returns (IERC20) {
        return _collateralToken;
    }

    /* ================================================================ internal: ERC-4626 hooks */

    /// @dev 1e6 virtual shares per virtual asset: a first-depositor donation/inflation attack would have to burn
    /// a million times what it could steal. Cash is booked, not read from balanceOf, so donations do not move
    /// the share price at all.
    function _decimalsOffset() internal pure override returns (uint8) {
        return DECIMALS_OFFSET;
    }

    /// @dev Pulls first (OpenZeppelin's order for ERC-777 safety), refuses fee-on-transfer tokens, books cash.
    function _deposit(address caller, address receiver, uint256 assets, uint256 shares) internal override {
        _pullExact(IERC20(asset()), caller, assets);
        _market.cash = (_market.cash + assets).toUint128();
        _mint(receiver, shares);
        emit Deposit(caller, receiver, assets, shares);
    }

    /// @dev Burns, books cash, then pays. maxWithdraw/maxRedeem already limited `assets` to available liquidity.
    function _withdraw(address caller, address receiver, address owner, uint256 assets, uint256 shares)
        internal
        override
    {
        if (caller != owner) _spendAllowance(owner, caller, shares);
        _burn(owner, shares);
        // forge-lint: disable-next-line(unsafe-typecast) -- assets <= maxWithdraw <= cash, a uint128
        _market.cash -= uint128(assets);
        emit Withdraw(caller, receiver, owner, assets, shares);
        IERC20(asset()).safeTransfer(receiver, assets);
    }

    /* ================================================================ internal: interest */

    /// @dev Accrues every non-empty bucket from lastUpdate to now in one pass, all at the base rate of the
    /// utilization before accrual plus the bucket's premium, and writes the result. Returns the updated state
    /// for the caller to modify and write back.
    function _accrue() private returns (Market memory m, Config memory cfg) {
        m = _market;
        cfg = _config;
        uint256 elapsed = block.timestamp - cfg.lastUpdate;
        if (elapsed == 0) return (m, cfg);
        cfg.lastUpdate = uint40(block.timestamp);

        uint256 active = cfg.activeBuckets;
        if (active != 0) {
            uint256 baseRate = _baseRate(m.cash, m.totalDebt, cfg.reserve);
            uint256 interest;
            for (uint256 tier; tier < Tiers.COUNT; ++tier) {
                if (!_isActive(active, tier)) continue;
                Bucket storage bucket = _buckets[tier];
                uint256 assets = bucket.assets;
                uint256 bucketInterest = _bucketInterest(tier, assets, baseRate, elapsed);
                if (bucketInterest != 0) {
                    bucket.assets = (assets + bucketInterest).toUint128();
                    interest += bucketInterest;
                }
            }
            if (interest != 0) {
                uint256 toReserve = interest * cfg.reserveFactorBps / BPS;
                m.totalDebt = (m.totalDebt + interest).toUint128();
                cfg.reserve = (cfg.reserve + toReserve).toUint128();
                _market.totalDebt = m.totalDebt;
                emit InterestAccrued(interest, toReserve);
            }
        }
        _config = cfg;
    }

    /// @dev cash, totalDebt and reserve as _accrue would leave them now.
    function _accruedTotals() private view returns (uint256 cash, uint256 debt, uint256 reserve_) {
        Market memory m = _market;
        Config memory cfg = _config;
        cash = m.cash;
        debt = m.totalDebt;
        reserve_ = cfg.reserve;
        uint256 elapsed = block.timestamp - cfg.lastUpdate;
        uint256 active = cfg.activeBuckets;
        if (elapsed == 0 || active == 0) return (cash, debt, reserve_);

        uint256 baseRate = _baseRate(cash, debt, reserve_);
        uint256 interest;
        for (uint256 tier; tier < Tiers.COUNT; ++tier) {
            if (!_isActive(active, tier)) continue;
            interest += _bucketInterest(tier, _buckets[tier].assets, baseRate, elapsed);
        }
        debt += interest;
        reserve_ += interest * cfg.reserveFactorBps / BPS;
    }

    /// @dev The interest rate model's rate at utilization totalDebt / (totalDebt + cash - reserve).
    function _baseRate(uint256 cash, uint256 debt, uint256 reserve_) private view returns (uint256) {
        uint256 supplied = debt + cash.zeroFloorSub(reserve_);
        return _irm.borrowRatePerSecond(supplied == 0 ? 0 : debt.mulDivDown(WAD, supplied));
    }

    /// @dev Interest on `assets` over `elapsed` seconds at baseRate + the tier's premium, rounded up.
    function _bucketInterest(uint256 tier, uint256 assets, uint256 baseRate, uint256 elapsed)
        private
        view
        returns (uint256)
    {
        uint256 rate = baseRate + uint256(_tierParams[tier].ratePremiumBps) * BPS_TO_WAD / YEAR;
        return assets.mulDivUp(rate.wTaylorCompounded(elapsed), WAD);
    }

    /* ================================================================ internal: positions */

    /// @dev Debt of a position against the stored (accrued) bucket, rounded up.
    function _debtOf(Position memory position) private view returns (uint256) {
        if (position.debtShares == 0) return 0;
        Bucket storage bucket = _buckets[position.debtTier];
        return uint256(position.debtShares).toAssetsUp(bucket.assets, bucket.shares);
    }

    /// @dev Takes the position's `oldDebt` out of its bucket and puts `newDebt` into the bucket of `tier`, with
    /// shares rounded up. Updates the position, m.totalDebt and the active-bucket bitmap (the caller writes those
    /// back) and the buckets (written here). Returns the debt the position now records (>= newDebt).
    /// The old bucket loses at most its assets: rounding dust a borrower did not pay stays with the bucket.
    function _setDebt(
        Position memory position,
        Market memory m,
        Config memory cfg,
        uint256 oldDebt,
        uint256 newDebt,
        uint8 tier
    ) private returns (uint256) {
        uint256 debt = m.totalDebt;
        if (position.debtShares != 0) {
            Bucket storage oldBucket = _buckets[position.debtTier];
            uint256 removed = oldDebt.min(oldBucket.assets);
            uint128 sharesLeft = oldBucket.shares - position.debtShares;
            // forge-lint: disable-next-line(unsafe-typecast) -- removed <= oldBucket.assets, a uint128
            oldBucket.assets -= uint128(removed);
            oldBucket.shares = sharesLeft;
            debt -= removed;
            if (sharesLeft == 0) cfg.activeBuckets &= ~_bit(position.debtTier);
            position.debtShares = 0;
        }
        uint256 recorded;
        if (newDebt != 0) {
            Bucket storage newBucket = _buckets[tier];
            uint256 assets = newBucket.assets;
            uint256 shares = newBucket.shares;
            uint256 newShares = newDebt.toSharesUp(assets, shares);
            assets += newDebt;
            shares += newShares;
            newBucket.assets = assets.toUint128();
            newBucket.shares = shares.toUint128();
            debt += newDebt;
            cfg.activeBuckets |= _bit(tier);
            position.debtShares = newShares.toUint128();
            position.debtTier = tier;
            recorded = newShares.toAssetsUp(assets, shares);
        }
        m.totalDebt = debt.toUint128();
        return recorded;
    }

    /// @dev Splits a liquidation: `repaid` = min(repayAssets, debt); `seized` = repaid's value plus the bonus in
    /// collateral, rounded up; if that exceeds the collateral, all of it is seized and `repaid` drops to the
    /// collateral's value (rounded up) divided by the bonus factor (rounded up). When all collateral is seized,
    /// the debt left over is `badDebt`.
    function _seizure(uint256 debt, uint256 repayAssets, uint256 collateral, uint256 price, uint256 bonusBps)
        private
        view
        returns (uint256 repaid, uint256 seized, uint256 badDebt)
    {
        uint256 bonusFactor = BPS + bonusBps;
        repaid = repayAssets.min(debt);
        seized = (repaid * bonusFactor).fullMulDivUp(_scaleDiv, price * _scaleMul * BPS);
        if (seized >= collateral) {
            if (seized > collateral) {
                seized = collateral;
                repaid = repaid.min(collateral.fullMulDivUp(price * _scaleMul, _scaleDiv).mulDivUp(BPS, bonusFactor));
            }
            badDebt = debt - repaid;
        }
    }

    /// @dev Charges `badDebt` to the reserve first and the rest to lenders (recorded in totalSocializedLoss; the
    /// debt itself leaves totalDebt in _setDebt, which is what lowers totalAssets). Returns the reserve's part.
    function _writeOff(Config memory cfg, uint256 badDebt) private returns (uint256 coveredByReserve) {
        if (badDebt == 0) return 0;
        coveredByReserve = badDebt.min(cfg.reserve);
        // forge-lint: disable-next-line(unsafe-typecast) -- coveredByReserve <= cfg.reserve, a uint128
        cfg.reserve -= uint128(coveredByReserve);
        _totalSocializedLoss += badDebt - coveredByReserve;
    }

    /// @dev Reverts unless debt <= value * 10000 / collateralRatioBps and debt - value <= creditCap.
    function _checkBorrowLimit(
        address borrower,
        uint256 debt,
        uint256 collateral,
        uint256 price,
        TierParams memory params
    ) private view {
        uint256 value = _value(collateral, price);
        uint256 limit = value * BPS / params.collateralRatioBps;
        if (debt > limit) revert LendingPoolInsufficientCollateral(borrower, debt, limit);
        if (debt > value && debt - value > params.creditCap) {
            revert LendingPoolCreditCapExceeded(borrower, debt - value, params.creditCap);
        }
    }

    /// @dev The reserve above the floor, at most the cash.
    function _withdrawableReserve(uint256 cash, uint256 debt, uint256 reserve_) private pure returns (uint256) {
        return reserve_.zeroFloorSub(debt.mulDivUp(RESERVE_FLOOR_BPS, BPS)).min(cash);
    }

    /* ================================================================ internal: oracles and tokens */

    /// @dev The borrower's tier; reverts with LendingPoolInvalidTier if the oracle answers beyond Tiers.MAX.
    function _tierOf(address borrower) private view returns (uint8 tier) {
        tier = _creditOracle.tierOf(borrower);
        if (tier > Tiers.MAX) revert LendingPoolInvalidTier(tier);
    }

    /// @dev The latest answer; reverts if older than maxPriceAge or not positive.
    function _freshPrice(uint256 maxAge) private view returns (uint256) {
        (, int256 answer,, uint256 updatedAt,) = _priceFeed.latestRoundData();
        // A timestamp comparison is the point here; validator drift of seconds is irrelevant against maxPriceAge.
        // forge-lint: disable-next-line(block-timestamp)
        if (block.timestamp > updatedAt && block.timestamp - updatedAt > maxAge) {
            revert LendingPoolStalePrice(updatedAt);
        }
        if (answer <= 0) revert LendingPoolInvalidPrice(answer);
        // forge-lint: disable-next-line(unsafe-typecast) -- answer > 0
        return uint256(answer);
    }

    /// @dev Loan-token value of `collateral` at `price`, rounded down.
    function _value(uint256 collateral, uint256 price) private view returns (uint256) {
        return collateral.fullMulDivDown(price * _scaleMul, _scaleDiv);
    }

    /// @dev Pulls exactly `amount` from `from`; reverts with LendingPoolUnsupportedToken if the pool's balance
    /// grows by anything else (fee-on-transfer and rebasing-on-transfer tokens).
    function _pullExact(IERC20 token, address from, uint256 amount) private {
        uint256 balanceBefore = token.balanceOf(address(this));
        token.safeTransferFrom(from, address(this), amount);
        if (token.balanceOf(address(this)) != balanceBefore + amount) {
            revert LendingPoolUnsupportedToken(address(token));
        }
    }

    /// @dev Bit of `tier` in the active-bucket bitmap.
    function _bit(uint256 tier) private pure returns (uint8) {
        // forge-lint: disable-next-line(unsafe-typecast) -- tier <= Tiers.MAX (5): at most 32
        return uint8(2 ** tier);
    }

    /// @dev Whether bucket `tier` has shares according to the bitmap.
    function _isActive(uint256 activeBuckets, uint256 tier) private pure returns (bool) {
        return (activeBuckets >> tier) & 1 != 0;
    }

    /// @dev Constructor helper for the default tier table.
    function _setDefaultTier(uint8 tier, uint16 cr, uint16 lr, uint16 premium, uint256 cap) private {
        TierParams memory params = TierParams(cr, lr, premium, cap.toUint128());
        _tierParams[tier] = params;
        emit TierParamsSet(tier, params);
    }
}
