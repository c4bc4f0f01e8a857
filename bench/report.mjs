// Turns the raw samples into medians and ranges, and those into Markdown.

const FRAME_MS = 16.7;

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
/** The p-quantile, linearly interpolated between the sorted samples. */
const quantile = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  const i = (s.length - 1) * p;
  const lo = Math.floor(i);
  return s[lo] + (s[Math.min(lo + 1, s.length - 1)] - s[lo]) * (i - lo);
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
    key: 'bannerShowEvent',
    label: "… Çerez's consent-show event (end of its first render, before that frame)",
    unit: 'ms',
    banner: true,
    states: ['first'],
  },
  { key: 'fpDelta', label: 'First paint, minus none', unit: 'ms', banner: true },
  { key: 'scriptMs', label: 'Main-thread script time (ScriptDuration)', unit: 'ms' },
  { key: 'scriptDelta', label: 'Main-thread script time, minus none', unit: 'ms', banner: true },
  { key: 'taskMs', label: 'Main-thread task time (TaskDuration)', unit: 'ms' },
  { key: 'taskDelta', label: 'Main-thread task time, minus none', unit: 'ms', banner: true },
  { key: 'tbt', label: 'Total blocking time (FCP → end)', unit: 'ms' },
  { key: 'tbtDelta', label: 'Total blocking time, minus none', unit: 'ms', banner: true },
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
          'bytesBrotli',
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
        if (s.firstPaint !== null) push(state, lib, 'fpDelta', s.firstPaint - bareMedian('firstPaint'));
        push(state, lib, 'scriptDelta', s.scriptMs - bareMedian('scriptMs'));
        push(state, lib, 'taskDelta', s.taskMs - bareMedian('taskMs'));
        push(state, lib, 'tbtDelta', s.tbt - bareMedian('tbt'));
        if (s.state === 'first') push(state, lib, 'bannerShowEvent', s.bannerShowEvent);
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
    stats[state][lib][key] = {
      median: median(xs),
      min: Math.min(...xs),
      max: Math.max(...xs),
      q1: quantile(xs, 0.25),
      q3: quantile(xs, 0.75),
      n: xs.length,
    };
  }
  // What each page loaded, from its first successful run (the files do not change between runs).
  const files = {};
  for (const state of states) {
    files[state] = {};
    for (const lib of libs) {
      const first = of(lib, state)[0];
      if (first)
        files[state][lib] = first.responses.map(({ path, url, status, type, bytes, gzip, brotli }) => ({
          path,
          url,
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

/**
 * The README's table: every target of issue 15 (plus click-to-hidden and layout shift), one row per measure
 * and state, a column per page, medians. A library's cell is what it adds to `none` (its sample minus the
 * median of `none` in the same state), with ✓ (target met) or ✗ (missed); the `none` column gives that base.
 */
const NOISE_FLOOR_MS = FRAME_MS; // paint times are frame-aligned: less than a frame is no delay
export const TARGETS = [
  {
    label: "Banner visible after the bare page's first paint",
    state: 'first',
    key: 'bannerAfterBareFP',
    base: 'firstPaint',
    unit: 'ms',
    target: '≤ 150 ms',
    limit: 150,
  },
  ...['first', 'returning'].map((state) => ({
    label: `Host page's first paint delayed, ${state} visit`,
    state,
    key: 'fpDelta',
    base: 'firstPaint',
    unit: 'ms',
    // "None, within noise": at most a frame, or the spread (interquartile range) of the bare page's own first paint.
    noise: true,
  })),
  ...['first', 'returning'].map((state) => ({
    label: `Total blocking time added, ${state} visit`,
    state,
    key: 'tbtDelta',
    base: 'tbt',
    unit: 'ms',
    target: '0',
    limit: 0,
  })),
  ...['first', 'returning'].map((state) => ({
    label: `Main-thread script time added, ${state} visit`,
    state,
    key: 'scriptDelta',
    base: 'scriptMs',
    unit: 'ms',
    target: '≤ 30 ms',
    limit: 30,
  })),
  ...['first', 'returning'].map((state) => ({
    label: `JS heap added after GC, ${state} visit`,
    state,
    key: 'heapDelta',
    base: 'heapUsed',
    unit: 'kB',
    target: '≤ 100 kB',
    limit: 100,
  })),
  {
    label: 'First visit, bytes added (brotli)',
    state: 'first',
    key: 'addedBrotli',
    base: 'bytesBrotli',
    unit: 'B',
    target: '≤ 26 KB',
    limit: 26_000,
  },
  {
    label: 'Returning visit, bytes added (brotli)',
    state: 'returning',
    key: 'addedBrotli',
    base: 'bytesBrotli',
    unit: 'B',
    target: '≤ 6 KB (aim 4 KB)',
    limit: 6_000,
  },
  {
    label: 'Consent cookie (name=value, 4 categories)',
    state: 'first',
    key: 'cookieBytes',
    unit: 'B',
    target: '≤ 160 B',
    limit: 160,
  },
  {
    label: 'Click to hidden and stored',
    state: 'first',
    key: 'clickToHidden',
    unit: 'ms',
    target: '≤ 1 frame',
    limit: 1, // in frames, compared as shown (one decimal)
    frames: true,
  },
  { label: 'Cumulative layout shift, first visit', state: 'first', key: 'cls', unit: 'cls', target: '0', limit: 0 },
];

/** A number as the README table shows it, and the same rounding for comparing it with its target. */
const shown = (v, unit) => (unit === 'cls' ? Number(v.toFixed(3)) : Math.round(v));
const showNumber = (v, unit) =>
  (unit === 'cls' ? (shown(v, unit) === 0 ? '0' : v.toFixed(3)) : shown(v, unit).toLocaleString('en-US')).replace(
    /^-/,
    '−',
  );
const show = (v, unit) => `${showNumber(v, unit)}${UNIT_SUFFIX[unit]}`;

/** Rows of the README table, with each cell's value and verdict (also what `latest.json` keeps). */
export function targetRows(stats, libs) {
  return TARGETS.map((row) => {
    const get = (lib, key) => stats[row.state]?.[lib]?.[key]?.median ?? null;
    let { target, limit } = row;
    if (row.noise) {
      const fp = stats[row.state]?.none?.firstPaint;
      limit = Math.round(Math.max(NOISE_FLOOR_MS, fp ? fp.q3 - fp.q1 : 0));
      target = `none (within noise: ≤ ${limit} ms)`;
    }
    const cells = {};
    for (const lib of libs) {
      if (lib === 'none') {
        const base = row.base ? get('none', row.base) : row.unit === 'cls' ? get('none', row.key) : null;
        cells.none = { value: base, text: base === null ? '—' : `${row.base ? 'base ' : ''}${show(base, row.unit)}` };
        continue;
      }
      const value = get(lib, row.key);
      if (value === null) {
        cells[lib] = { value, met: null, text: '—' };
        continue;
      }
      const frames = row.frames ? Number((get(lib, 'clickFrames') ?? value / FRAME_MS).toFixed(1)) : null;
      const met = row.frames ? frames <= limit : shown(value, row.unit) <= limit;
      const text = row.frames ? `${show(value, row.unit)} (${frames.toFixed(1)} frames)` : show(value, row.unit);
      cells[lib] = { value, met, over: row.frames ? frames - limit : shown(value, row.unit) - limit, text };
    }
    return { label: row.label, state: row.state, key: row.key, unit: row.unit, target, limit, cells };
  });
}

/**
 * The README's block: the header sentence and the table, exactly as the README's "Performance" section has
 * them; then the targets Çerez misses, by how much (the README's list says why).
 */
export function readmeBlock(meta, rows, libs) {
  const date = meta.date.replace('T', ' ').replace(/:\d\d\.\d+Z$/, ' UTC');
  const noisy = meta.loadAverage.start > meta.cores ? ', more than the cores: the timings are noisy' : '';
  const lines = [
    `The latest run, **${date}**: Chromium ${meta.chromium} headless, ${meta.runs} interleaved ` +
      `run${meta.runs === 1 ? '' : 's'} per page and state, CPU throttled ×${meta.cpuThrottlingRate}, load average ${meta.loadAverage.start} → ` +
      `${meta.loadAverage.end} on ${meta.cores} cores${noisy}. Medians; a library's figure is what it adds to the ` +
      `page without a banner (\`none\`, whose own figure is the base); byte and cookie sizes are exact.`,
    '',
    `| Measure | ${libs.map((l) => meta.libraries[l]).join(' | ')} | Target |`,
    `| --- | ${libs.map(() => '---:').join(' | ')} | ---: |`,
  ];
  const mark = (c) => (c.met === null || c.met === undefined ? c.text : `${c.text} ${c.met ? '✓' : '✗'}`);
  for (const r of rows) lines.push(`| ${r.label} | ${libs.map((l) => mark(r.cells[l])).join(' | ')} | ${r.target} |`);
  const missed = rows.filter((r) => r.cells.cerez?.met === false);
  lines.push('', '### Targets Çerez misses in this run', '');
  if (!missed.length) lines.push(`None: Çerez meets all ${rows.length}.`);
  else {
    lines.push(`${missed.length} of ${rows.length}:`, '');
    for (const r of missed) {
      const c = r.cells.cerez;
      const over = r.key === 'clickToHidden' ? `${c.over.toFixed(1)} frames` : show(c.over, r.unit);
      lines.push(`- ${r.label}: ${c.text} against ${r.target}, ${over} over.`);
    }
  }
  return lines.join('\n');
}

/**
 * The floors: each floor page's figures minus the median of `none` on a first visit in the same run, medians over
 * the rounds: bytes added (brotli), JS heap added after GC, script time and blocking time added; and, for a floor
 * that renders the notice, when it is visible after the bare page's first paint (as a banner's is measured).
 */
export function floorRows(samples, floors) {
  const bare = samples.filter((s) => s.lib === 'none' && s.state === 'first');
  const base = (key) => median(bare.map((s) => s[key]));
  return Object.entries(floors).map(([name, label]) => {
    const runs = samples.filter((s) => s.lib === `floor-${name}`);
    const visible = runs.filter((s) => s.bannerVisible != null);
    const added = (key, scale = 1) => (runs.length ? median(runs.map((s) => (s[key] - base(key)) / scale)) : null);
    return {
      name,
      label,
      runs: runs.length,
      bytesBrotli: added('bytesBrotli'),
      heapKB: added('heapUsed', 1000),
      scriptMs: added('scriptMs'),
      tbtMs: added('tbt'),
      visibleMs: visible.length ? median(visible.map((s) => s.bannerVisible - base('firstPaint'))) : null,
    };
  });
}

/** The floors' table, as the README shows it under the targets' table. */
export function floorTable(rows) {
  const n = (v, unit) => (v === null ? '—' : `${format(v, unit)}${UNIT_SUFFIX[unit]}`);
  const lines = [
    "| The fixed stack alone, on the same page (a first visit) | Bytes added (brotli) | JS heap added after GC | Script time added | Blocking time added | Notice visible after the bare page's first paint |",
    '| --- | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const r of rows)
    lines.push(
      `| ${r.label} | ${n(r.bytesBrotli, 'B')} | ${n(r.heapKB, 'kB')} | ${n(r.scriptMs, 'ms')} | ${n(r.tbtMs, 'ms')} | ${n(r.visibleMs, 'ms')} |`,
    );
  return lines.join('\n');
}

export function markdown(meta, { stats, files }, libs, states, floors = []) {
  const title = {
    first: 'First visit (no stored choice: the banner shows)',
    returning: 'Returning visit (a valid stored choice: no banner)',
  };
  const lines = [
    '# Cookie banner benchmark',
    '',
    '## The README\'s table (paste the sentence and the table into its "Performance" section)',
    '',
    readmeBlock(meta, targetRows(stats, libs), libs),
    '',
    ...(floors.length
      ? [
          "## The floors (paste under the README's table)",
          '',
          'The least the fixed stack costs, measured in the same run: each page is the bare article with one small ' +
            "module of `bench/floors/` (built minified with the repository's Vite), minus `none` on a first visit.",
          '',
          floorTable(floors),
          '',
        ]
      : []),
    '## Every measure',
    '',
    `${meta.date} · Chromium ${meta.chromium} (headless) · ${meta.runs} runs per library and state, interleaved · ` +
      `CPU throttled ×${meta.cpuThrottlingRate} · viewport ${meta.viewport.width}×${meta.viewport.height} · ` +
      `took ${meta.durationSeconds} s · load average ${meta.loadAverage.start} → ${meta.loadAverage.end} on ${meta.cores} cores`,
    '',
    `Çerez ${meta.versions.cerez} (dist/, ${meta.versions.cerezBuild}, served as \`${meta.cerezEntry}\`), vanilla-cookieconsent ${meta.versions['vanilla-cookieconsent']}, ` +
      `Orejime ${meta.versions.orejime}. Median (min–max); byte counts are exact. See bench/README.md for how each is taken.`,
  ];
  if (meta.failures.length)
    lines.push('', `${meta.failures.length} failed attempt(s), retried once; see results/latest.json.`);
  for (const state of states) {
    lines.push('', `### ${title[state]}`, '', `| Measure | ${libs.map((l) => meta.libraries[l]).join(' | ')} |`);
    lines.push(`| --- | ${libs.map(() => '---:').join(' | ')} |`);
    for (const m of MEASURES) {
      if (m.states && !m.states.includes(state)) continue;
      const row = libs.map((lib) => (m.banner && lib === 'none' ? '—' : cell(stats[state]?.[lib]?.[m.key], m.unit)));
      lines.push(`| ${m.label} | ${row.join(' | ')} |`);
    }
  }
  if (meta.coverage?.length) {
    lines.push(
      '',
      '### What a returning visit runs of the code it loads (one visit each, not throttled; V8 block coverage)',
      '',
      'Bytes of each script file that ran at least once. "Ran, brotli" is the code that ran, cut out and compressed ' +
        'alone: about what a file holding only that code would weigh (an estimate).',
      '',
      '| Library | File | Loaded: raw / brotli | Ran: raw (share) | Ran, brotli |',
      '| --- | --- | ---: | ---: | ---: |',
    );
    const withModules = [];
    for (const { label, files } of meta.coverage) {
      for (const f of files) {
        const share = f.bytes ? Math.round((100 * f.ranBytes) / f.bytes) : 0;
        lines.push(
          `| ${label} | \`${f.path}\` | ${f.bytes} / ${f.brotli} | ${f.ranBytes} (${share} %) | ${f.ranBrotli} |`,
        );
        if (f.modules) withModules.push([label, f]);
      }
    }
    for (const [label, f] of withModules) {
      lines.push(
        '',
        `${label}: \`${f.path}\` by source module (its source map), most code run first: minified bytes, ` +
          'bytes that ran, and those alone in brotli.',
        '',
        '| Module | Bytes | Ran | Ran, brotli |',
        '| --- | ---: | ---: | ---: |',
        ...f.modules.map((m) => `| \`${m.module}\` | ${m.bytes} | ${m.ranBytes} | ${m.ranBrotli} |`),
      );
    }
  }
  lines.push('', '### What each page loaded (one run; bytes raw / gzip -9 / brotli 11)', '');
  for (const state of states) {
    for (const lib of libs) {
      const list = files[state]?.[lib];
      if (!list) continue;
      const parts = list.map(
        (f) => `\`${f.url ?? f.path}\`${f.status === 200 ? '' : ` (${f.status})`} ${f.bytes} / ${f.gzip} / ${f.brotli}`,
      );
      lines.push(`- ${meta.libraries[lib]}, ${state} visit: ${parts.join('; ')}`);
    }
  }
  lines.push('');
  return lines.join('\n');
}
