// Turns the raw samples into medians and ranges, and those into Markdown.

const FRAME_MS = 16.7;

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/** Every measure: key, label, unit, which states it applies to, and whether `none` has it. */
export const MEASURES = [
  { key: 'requests', label: 'Requests (whole page)', unit: 'count' },
  { key: 'bytesRaw', label: 'Bytes loaded, whole page (raw)', unit: 'B' },
  { key: 'addedRaw', label: 'Bytes the banner added (raw)', unit: 'B', banner: true },
  { key: 'addedGzip', label: 'Bytes the banner added (gzip -9)', unit: 'B', banner: true },
  { key: 'addedBrotli', label: 'Bytes the banner added (brotli 11)', unit: 'B', banner: true },
  { key: 'firstPaint', label: 'First paint', unit: 'ms' },
  { key: 'fcp', label: 'First contentful paint', unit: 'ms' },
  {
    key: 'bannerVisible',
    label: 'Banner visible (from navigation start)',
    unit: 'ms',
    banner: true,
    states: ['first'],
  },
  {
    key: 'bannerAfterBareFP',
    label: "Banner visible after bare page's first paint",
    unit: 'ms',
    banner: true,
    states: ['first'],
  },
  {
    key: 'bannerVisiblePoll',
    label: '… by the same DOM poll for every library (MutationObserver + rAF)',
    unit: 'ms',
    banner: true,
    states: ['first'],
  },
  { key: 'scriptMs', label: 'Main-thread script time (ScriptDuration)', unit: 'ms' },
  { key: 'taskMs', label: 'Main-thread task time (TaskDuration)', unit: 'ms' },
  { key: 'tbt', label: 'Total blocking time (FCP → end)', unit: 'ms' },
  { key: 'cls', label: 'Cumulative layout shift', unit: 'cls' },
  { key: 'heapUsed', label: 'JS heap after GC', unit: 'kB' },
  { key: 'heapDelta', label: 'JS heap after GC, minus none', unit: 'kB', banner: true },
  {
    key: 'clickToHidden',
    label: 'Click "accept all" → hidden and stored',
    unit: 'ms',
    banner: true,
    states: ['first'],
  },
  { key: 'clickFrames', label: '… in frames (ms / 16.7)', unit: 'frames', banner: true, states: ['first'] },
  {
    key: 'clickToStateHidden',
    label: '… to the library\'s "closed" state (before any fade-out)',
    unit: 'ms',
    banner: true,
    states: ['first'],
  },
  { key: 'cookieBytes', label: 'Consent cookie (name=value)', unit: 'B', banner: true, states: ['first'] },
];

/** Adds the values that depend on other samples (differences from `none`), then the statistics. */
export function summarize(samples, libs, states) {
  const of = (lib, state) => samples.filter((s) => s.lib === lib && s.state === state);
  const values = new Map(); // `${state}/${lib}/${key}` → number[]
  const push = (state, lib, key, v) => {
    if (v === null || v === undefined || Number.isNaN(v)) return;
    const id = `${state}/${lib}/${key}`;
    if (!values.has(id)) values.set(id, []);
    values.get(id).push(v);
  };
  for (const state of states) {
    const bare = of('none', state);
    const bareMedian = (key) => (bare.length ? median(bare.map((s) => s[key])) : null);
    const bareFP = new Map(bare.map((s) => [s.round, s.firstPaint]));
    for (const lib of libs) {
      for (const s of of(lib, state)) {
        for (const key of [
          'requests',
          'bytesRaw',
          'firstPaint',
          'fcp',
          'bannerVisible',
          'scriptMs',
          'taskMs',
          'tbt',
          'cls',
        ])
          push(state, lib, key, s[key]);
        push(state, lib, 'heapUsed', s.heapUsed / 1000);
        if (lib === 'none') continue;
        push(state, lib, 'addedRaw', s.bytesRaw - bareMedian('bytesRaw'));
        push(state, lib, 'addedGzip', s.bytesGzip - bareMedian('bytesGzip'));
        push(state, lib, 'addedBrotli', s.bytesBrotli - bareMedian('bytesBrotli'));
        push(state, lib, 'heapDelta', (s.heapUsed - bareMedian('heapUsed')) / 1000);
        if (s.state === 'first') push(state, lib, 'bannerVisiblePoll', s.bannerVisiblePoll);
        if (s.bannerVisible !== null) {
          // Against the median first paint of the bare page (same state, all rounds), and, in the JSON only,
          // against the bare page's first paint in the same round (noisier: one sample against one sample).
          push(state, lib, 'bannerAfterBareFP', s.bannerVisible - bareMedian('firstPaint'));
          const fp = bareFP.get(s.round);
          if (fp != null) push(state, lib, 'bannerAfterBareFPSameRound', s.bannerVisible - fp);
        }
        if (s.click) {
          push(state, lib, 'clickToHidden', s.click.clickToHidden);
          push(state, lib, 'clickFrames', s.click.clickToHidden / FRAME_MS);
          push(state, lib, 'clickToStateHidden', s.click.clickToStateHidden);
          push(state, lib, 'cookieBytes', s.click.cookieBytes);
        }
      }
    }
  }
  const stats = {};
  for (const [id, xs] of values) {
    const [state, lib, key] = id.split('/');
    stats[state] ??= {};
    stats[state][lib] ??= {};
    stats[state][lib][key] = { median: median(xs), min: Math.min(...xs), max: Math.max(...xs), n: xs.length };
  }
  // What each page loaded, from its first successful run (the files do not change between runs).
  const files = {};
  for (const state of states) {
    files[state] = {};
    for (const lib of libs) {
      const first = of(lib, state)[0];
      if (first)
        files[state][lib] = first.responses.map(({ path, status, type, bytes, gzip, brotli }) => ({
          path,
          status,
          type,
          bytes,
          gzip,
          brotli,
        }));
    }
  }
  return { stats, files };
}

function format(v, unit) {
  switch (unit) {
    case 'B':
    case 'count':
      return Math.round(v).toLocaleString('en-US');
    case 'kB':
      return v.toLocaleString('en-US', { maximumFractionDigits: 0 });
    case 'cls':
      return v.toFixed(3);
    case 'frames':
      return v.toFixed(1);
    default:
      return Math.abs(v) >= 100 ? v.toFixed(0) : v.toFixed(1);
  }
}
const UNIT_SUFFIX = { B: ' B', kB: ' kB', ms: ' ms', count: '', cls: '', frames: '' };

function cell(stat, unit) {
  if (!stat) return '—';
  const m = format(stat.median, unit);
  const lo = format(stat.min, unit);
  const hi = format(stat.max, unit);
  return lo === hi ? `${m}${UNIT_SUFFIX[unit]}` : `${m}${UNIT_SUFFIX[unit]} (${lo}–${hi})`;
}

export function markdown(meta, { stats, files }, libs, states) {
  const title = {
    first: 'First visit (no stored choice: the banner shows)',
    returning: 'Returning visit (a valid stored choice: no banner)',
  };
  const lines = [
    '# Cookie banner benchmark',
    '',
    `${meta.date} · Chromium ${meta.chromium} (headless) · ${meta.runs} runs per library and state, interleaved · ` +
      `CPU throttled ×${meta.cpuThrottlingRate} · viewport ${meta.viewport.width}×${meta.viewport.height} · ` +
      `took ${meta.durationSeconds} s · load average ${meta.loadAverage.start} → ${meta.loadAverage.end} on ${meta.cores} cores`,
    '',
    `Çerez ${meta.versions.cerez} (dist/, ${meta.versions.cerezBuild}), vanilla-cookieconsent ${meta.versions['vanilla-cookieconsent']}, ` +
      `Orejime ${meta.versions.orejime}. Median (min–max); byte counts are exact. See bench/README.md for how each is taken.`,
  ];
  if (meta.failures.length)
    lines.push('', `${meta.failures.length} failed attempt(s), retried once; see results/latest.json.`);
  for (const state of states) {
    lines.push('', `## ${title[state]}`, '', `| Measure | ${libs.map((l) => meta.libraries[l]).join(' | ')} |`);
    lines.push(`| --- | ${libs.map(() => '---:').join(' | ')} |`);
    for (const m of MEASURES) {
      if (m.states && !m.states.includes(state)) continue;
      const row = libs.map((lib) => (m.banner && lib === 'none' ? '—' : cell(stats[state]?.[lib]?.[m.key], m.unit)));
      lines.push(`| ${m.label} | ${row.join(' | ')} |`);
    }
  }
  lines.push('', '## What each page loaded (one run; bytes raw / gzip -9 / brotli 11)', '');
  for (const state of states) {
    for (const lib of libs) {
      const list = files[state]?.[lib];
      if (!list) continue;
      const parts = list.map(
        (f) => `\`${f.path}\`${f.status === 200 ? '' : ` (${f.status})`} ${f.bytes} / ${f.gzip} / ${f.brotli}`,
      );
      lines.push(`- ${meta.libraries[lib]}, ${state} visit: ${parts.join('; ')}`);
    }
  }
  lines.push('');
  return lines.join('\n');
}
