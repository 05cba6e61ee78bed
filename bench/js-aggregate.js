// A straightforward JavaScript implementation of the aggregate statistics, written for
// the benchmark: score each response, then per foundation n, mean, median, quartiles,
// min, max, sample sd, don't-know rate and split; and the same per group.
window.jsAggregate = function (fw, responses, groupBy) {
  const { min, max } = fw.scale;
  const minAnswered = fw.scoring?.minAnswered ?? 0.5;
  const spread = fw.consensus ? (fw.consensus.spread / (max - min)) * 100 : null;
  const scoreOne = (r) =>
    fw.foundations.map((f) => {
      let w = 0, wv = 0, n = 0, dk = 0;
      for (const it of f.items) {
        const a = r.answers[it.id];
        if (a === "dontKnow") dk++;
        else if (typeof a === "number") {
          const v = it.reverse ? min + max - a : a;
          const weight = it.weight ?? 1;
          w += weight; wv += weight * v; n++;
        }
      }
      const ok = n > 0 && n + 1e-9 >= minAnswered * f.items.length;
      return { percent: ok ? ((wv / w - min) / (max - min)) * 100 : null, dk };
    });
  const q = (s, p) => { const h = (s.length - 1) * p, lo = Math.floor(h); return s[lo] + (h - lo) * (s[Math.ceil(h)] - s[lo]); };
  const stats = (scored) =>
    fw.foundations.map((f, i) => {
      const xs = scored.map((s) => s[i].percent).filter((x) => x !== null).sort((a, b) => a - b);
      const dk = scored.reduce((t, s) => t + s[i].dk, 0);
      const n = xs.length;
      if (!n) return { id: f.id, n };
      const mean = xs.reduce((a, b) => a + b, 0) / n;
      const median = q(xs, 0.5);
      const sd = n > 1 ? Math.sqrt(xs.reduce((t, x) => t + (x - mean) ** 2, 0) / (n - 1)) : null;
      const outside = spread === null ? null : xs.filter((x) => Math.abs(x - median) > spread + 1e-9).length / n;
      return { id: f.id, n, mean, median, q1: q(xs, 0.25), q3: q(xs, 0.75), min: xs[0], max: xs[n - 1], sd, dontKnowRate: dk / (scored.length * f.items.length), outside, split: outside !== null && outside > fw.consensus.maxOutside };
    });
  const scored = responses.map(scoreOne);
  const out = { respondents: responses.length, foundations: stats(scored), groups: [] };
  const field = fw.respondentFields.find((f) => f.id === groupBy);
  if (field) for (const o of field.options) {
    const members = scored.filter((_, k) => responses[k].respondent?.[groupBy] === o.id);
    out.groups.push({ field: groupBy, option: o.id, n: members.length, foundations: members.length >= 3 ? stats(members) : [] });
  }
  return out;
};
