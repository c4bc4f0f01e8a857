// The once-only rule: every Çerez module loads, and its code runs, once per page view.

/** Thrown when a Çerez module is requested or evaluated twice in one run: it stops the benchmark. */
export class LoadedTwice extends Error {}

/**
 * In one run, no Çerez URL may be requested twice, and no Çerez file served under two URLs (the module map
 * is keyed by URL, so that file's code would be evaluated twice). `responses` is the server's log for the
 * run, each with `url` and, for Çerez's files, `source`; `more`, problems found otherwise (scripts compiled
 * twice). Throws LoadedTwice naming each problem.
 */
export function checkLoadedOnce(runId, responses, more = []) {
  const byUrl = new Map();
  const bySource = new Map();
  for (const r of responses) {
    if (!r.source) continue;
    byUrl.set(r.url, (byUrl.get(r.url) ?? 0) + 1);
    if (!bySource.has(r.source)) bySource.set(r.source, new Set());
    bySource.get(r.source).add(r.url);
  }
  const problems = [...more];
  for (const [url, count] of byUrl) if (count > 1) problems.push(`${url} was requested ${count} times`);
  for (const [source, urls] of bySource)
    if (urls.size > 1)
      problems.push(
        `${source} was served under ${urls.size} URLs (${[...urls].join(', ')}), so its code ran ${urls.size} times`,
      );
  if (problems.length)
    throw new LoadedTwice(`${runId}: every Çerez module must load once per page view, but ${problems.join('; ')}.`);
}
