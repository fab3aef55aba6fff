import { sellerScore, TRUST_V1, type SellerRating, type SellerScore, type TrustParameters } from '@/lib/trust';

/** A seller's folded ratings: frozen weighted sums (db seller_counters). */
export interface FoldedSellerSums {
  ratings: number;
  weight: number;
  safeYes: number; safeNo: number;
  reliableYes: number; reliableNo: number;
}

/**
 * sellerScore over her stored ratings plus the folded ones. sellerScore's evidence per dimension
 * is Σw over present flags and Σw over false flags, so four pseudo-ratings carrying the frozen
 * sums give it the same k and n; sampleSize and trustedWeight still count the folded ratings
 * themselves, not the four stand-ins.
 */
export function sellerScoreWithFolded(live: readonly SellerRating[], folded: FoldedSellerSums | undefined, p: TrustParameters = TRUST_V1): SellerScore {
  if (!folded) return sellerScore(live, p);
  const pseudo: SellerRating[] = [
    { safe: true, reliable: null, raterInfluence: folded.safeYes },
    { safe: false, reliable: null, raterInfluence: folded.safeNo },
    { safe: null, reliable: true, raterInfluence: folded.reliableYes },
    { safe: null, reliable: false, raterInfluence: folded.reliableNo },
  ];
  const own = sellerScore(live, p);
  return {
    ...sellerScore([...live, ...pseudo], p),
    sampleSize: own.sampleSize + folded.ratings,
    trustedWeight: own.trustedWeight + folded.weight,
  };
}
