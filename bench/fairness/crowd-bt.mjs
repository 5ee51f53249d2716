// Crowd-BT (Chen, Bennett, Collins-Thompson, Horvitz, "Pairwise ranking aggregation in a crowdsourced
// setting", WSDM 2013), the online variant Gavel uses: every item i has a Gaussian belief N(μ_i, σ²_i)
// over its Bradley-Terry score, every annotator k a Beta(α_k, β_k) belief over the probability η_k
// that they answer in earnest (with probability 1 − η_k they answer at random, i.e. reversed).
// One comparison "annotator k prefers w over l" updates both by moment matching (the paper's
// equations for the item update and for α, β through the first two moments of η), with the variance
// floored at κ. Priors as in Gavel: μ 0, σ² 1, α 10, β 1, κ 1e-4.
export const PRIORS = { mu: 0, sigmaSq: 1, alpha: 10, beta: 1, kappa: 1e-4 };

const { exp } = Math;

/** Updates the annotator's (α, β) after they preferred w over l. */
const updatedAnnotator = (alpha, beta, muW, s2W, muL, s2L) => {
  const eW = exp(muW);
  const eL = exp(muL);
  // P(w beats l) under the current beliefs, to second order in the item variances.
  const c1 = eW / (eW + eL) + (0.5 * (s2W + s2L) * (eW * eL * (eL - eW))) / (eW + eL) ** 3;
  const c2 = 1 - c1;
  const c = (c1 * alpha + c2 * beta) / (alpha + beta);
  const m1 = (c1 * (alpha + 1) * alpha + c2 * alpha * beta) / (c * (alpha + beta + 1) * (alpha + beta));
  const m2 =
    (c1 * (alpha + 2) * (alpha + 1) * alpha + c2 * (alpha + 1) * alpha * beta) /
    (c * (alpha + beta + 2) * (alpha + beta + 1) * (alpha + beta));
  const variance = m2 - m1 * m1;
  if (!(variance > 0)) return [alpha, beta];
  return [((m1 - m2) * m1) / variance, ((m1 - m2) * (1 - m1)) / variance];
};

/** Ranks items from comparisons `[annotator, winner, loser]` in the order they came; answers μ per item. */
export const crowdBT = (items, comparisons) => {
  const mu = new Map(items.map((i) => [i, PRIORS.mu]));
  const s2 = new Map(items.map((i) => [i, PRIORS.sigmaSq]));
  const annotators = new Map();
  for (const [k, w, l] of comparisons) {
    const [alpha, beta] = annotators.get(k) ?? [PRIORS.alpha, PRIORS.beta];
    const muW = mu.get(w);
    const muL = mu.get(l);
    const s2W = s2.get(w);
    const s2L = s2.get(l);
    const eW = exp(muW);
    const eL = exp(muL);
    const aW = alpha * eW;
    const bL = beta * eL;
    // Item means: gradient step scaled by the variances.
    const mult = aW / (aW + bL) - eW / (eW + eL);
    // Item variances: the curvature term, floored at κ.
    const multSq = (aW * bL) / (aW + bL) ** 2 - (eW * eL) / (eW + eL) ** 2;
    annotators.set(k, updatedAnnotator(alpha, beta, muW, s2W, muL, s2L));
    mu.set(w, muW + s2W * mult);
    mu.set(l, muL - s2L * mult);
    s2.set(w, s2W * Math.max(1 + s2W * multSq, PRIORS.kappa));
    s2.set(l, s2L * Math.max(1 + s2L * multSq, PRIORS.kappa));
  }
  return mu;
};
