/**
 * The standard normal distribution, precise enough to match Excel's NORM.S.INV to ~1e-15 relative:
 * an initial rational approximation (Acklam's, relative error ≈ 1e-9) polished by one Halley step against an
 * accurate complementary error function. Written for this project from the published formulas.
 */

const SQRT2 = Math.SQRT2;
const SQRT_PI = Math.sqrt(Math.PI);
const SQRT_2PI = Math.sqrt(2 * Math.PI);

/**
 * erfc(y) for y ≥ 0.
 * - y < 2: 1 − erf(y), with erf from its all-positive series 2/√π·e^(−y²)·Σ (2y²)^n·y / (1·3·…·(2n+1)); no
 *   cancellation inside the sum, and 1 − erf loses little because erfc(2) ≈ 0.005.
 * - y ≥ 2: the continued fraction e^(−y²)/√π · 1/(y + (1/2)/(y + 1/(y + (3/2)/(y + …)))), evaluated from the tail.
 */
export function erfc(y: number): number {
  if (y < 0) return 2 - erfc(-y);
  if (y < 2) {
    const y2 = y * y;
    let term = y;
    let sum = y;
    for (let n = 1; n < 200; n++) {
      term *= (2 * y2) / (2 * n + 1);
      sum += term;
      if (term < sum * 1e-17) break;
    }
    return 1 - ((2 / SQRT_PI) * Math.exp(-y2) * sum);
  }
  let tail = y;
  for (let k = 120; k >= 1; k--) {
    tail = y + k / 2 / tail;
  }
  return Math.exp(-y * y) / SQRT_PI / tail;
}

/** Φ(x), the standard normal cumulative distribution. */
export function normalCdf(x: number): number {
  return 0.5 * erfc(-x / SQRT2);
}

// Acklam's coefficients for the central region and the tails.
const A = [-39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716, 2.506628277459239];
const B = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572];
const C = [-0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
const D = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
const P_LOW = 0.02425;

/** First approximation for 0 < p ≤ 0.5. */
function acklam(p: number): number {
  if (p < P_LOW) {
    const q = Math.sqrt(-2 * Math.log(p));
    return (
      (((((C[0] * q + C[1]) * q + C[2]) * q + C[3]) * q + C[4]) * q + C[5]) /
      ((((D[0] * q + D[1]) * q + D[2]) * q + D[3]) * q + 1)
    );
  }
  const q = p - 0.5;
  const r = q * q;
  return (
    ((((((A[0] * r + A[1]) * r + A[2]) * r + A[3]) * r + A[4]) * r + A[5]) * q) /
    (((((B[0] * r + B[1]) * r + B[2]) * r + B[3]) * r + B[4]) * r + 1)
  );
}

/**
 * Φ⁻¹(p) for 0 < p < 1 (callers check the range). For p > 0.5 it uses −Φ⁻¹(1 − p): 1 − p is exact there, and the
 * refinement then always works in the lower tail where erfc keeps full relative precision.
 */
export function inverseNormal(p: number): number {
  if (p === 0.5) return 0;
  if (p > 0.5) return -inverseNormal(1 - p);
  const x = acklam(p);
  const e = normalCdf(x) - p;
  const u = e * SQRT_2PI * Math.exp((x * x) / 2);
  const refined = x - u / (1 + (x * u) / 2);
  return Number.isFinite(refined) ? refined : x;
}
