import { suppressCount, suppressRate } from './suppress';

// Pure: turns the weekly aggregates into the dashboard's figures, every one through suppression.

export interface WeekInputs {
  codes: { generated: number; sellers: number; redeemed: number; sellerRated: number };
  redemptions: { redeemed: number; buyers: number; buyerRated: number };
  unsafe: { flags: number; sellers: number };
  repeatOffenders: number;
  signUps: number;
  activity: { active: number; before: number; retained: number };
}

export interface WeekMetrics {
  week: string;
  /** Encounters recorded (codes generated). */
  encounters: number | null;
  /** Redeemed / generated, by the week the codes were generated. Target > 60 %. */
  codeUsage: number | null;
  /** Buyer ratings / redeemed codes, by the week of redemption. Target > 50 %. */
  buyerRatingRate: number | null;
  /** Seller ratings / encounters, by the week the codes were generated. */
  sellerRatingRate: number | null;
  /** Of the sellers active in the 4 weeks before the current 4-week window, the share active in it. Target > 80 %. */
  retention: number | null;
  unsafeFlags: number | null;
  /** Buyers flagged unsafe by ≥ 2 distinct sellers, up to that week. */
  repeatOffenders: number | null;
  signUps: number | null;
  activeSellers: number | null;
}

export const TARGETS = { codeUsage: 0.6, buyerRatingRate: 0.5, retention: 0.8 } as const;

export const EMPTY_INPUTS: WeekInputs = {
  codes: { generated: 0, sellers: 0, redeemed: 0, sellerRated: 0 },
  redemptions: { redeemed: 0, buyers: 0, buyerRated: 0 },
  unsafe: { flags: 0, sellers: 0 },
  repeatOffenders: 0,
  signUps: 0,
  activity: { active: 0, before: 0, retained: 0 },
};

export function weekMetrics(week: string, i: WeekInputs): WeekMetrics {
  return {
    week,
    encounters: suppressCount(i.codes.generated, i.codes.sellers),
    codeUsage: suppressRate(i.codes.redeemed, i.codes.generated, i.codes.sellers),
    buyerRatingRate: suppressRate(i.redemptions.buyerRated, i.redemptions.redeemed, i.redemptions.buyers),
    sellerRatingRate: suppressRate(i.codes.sellerRated, i.codes.generated, i.codes.sellers),
    retention: suppressRate(i.activity.retained, i.activity.before, i.activity.before),
    unsafeFlags: suppressCount(i.unsafe.flags, i.unsafe.sellers),
    repeatOffenders: suppressCount(i.repeatOffenders, i.repeatOffenders),
    signUps: suppressCount(i.signUps, i.signUps),
    activeSellers: suppressCount(i.activity.active, i.activity.active),
  };
}
