// The shared measurement page of the web console: each indicator's progress, and per indicator a chart of its series
// with baseline and target, in total, by partner or by a disaggregation, a form to enter a value and one to change
// its definition; a CSV import, and a form for staff to define an indicator.
export async function render(element, context) {
  const { initiative, api, h, table, showProblem, lineChart, typedNumber, organisationNames, onSubmit,
    formSection, spoken, figure } = context;
  const base = `/initiatives/${encodeURIComponent(initiative.id)}/shared-measurement`;
  const overview = await api(base);
  const detail = h('section', { 'aria-live': 'polite' });
  const percent = p => (p.percentOfTarget === null ? null : Math.max(0, Math.min(100, Number(p.percentOfTarget))));
  element.replaceChildren(h('div', {},
    h('p', {}, `${overview.indicators} indicators: ${overview.onTrack} on track, ${overview.offTrack} off track, `
      + `${overview.targetMet} at target, ${overview.noData} without data.`),
    overview.noRecentValues.length
      ? h('p', { class: 'problem' }, `No recent values: ${overview.noRecentValues.join(', ')}.`) : null,
    table(overview.status, [
      { title: 'Indicator', cell: s => h('button', { type: 'button', class: 'secondary', onclick: () => show(s.indicator) },
          s.indicator.name) },
      { title: 'Latest', cell: s => s.progress.latestValue === null ? '—'
          : `${figure(s.progress.latestValue)} ${s.indicator.unit || ''} (${s.progress.latestPeriod})` },
      { title: 'Progress to target', cell: s => percent(s.progress) === null ? '—'
          : h('span', {}, h('progress', { max: 100, value: percent(s.progress),
              'aria-label': `${s.indicator.name}: ${figure(s.progress.percentOfTarget)}% of the way to target` }),
            ` ${figure(s.progress.percentOfTarget)}%`) },
      { title: 'Status', cell: s => h('span', { class: `status-${s.progress.status}` },
          spoken(s.progress.status)) },
    ], 'No indicators yet: the initiative\'s staff define them.')), detail, importSection(),
    formSection(base, { title: 'Define an indicator', path: 'indicators', fields: definitionFields() },
      () => render(element, context)));

  // CSV import as a job: all or nothing, its progress while it runs, every fault by row and column if refused
  function importSection() {
    const region = h('div', { 'aria-live': 'polite' });
    const file = h('input', { id: 'import-file', name: 'file', type: 'file', accept: '.csv,text/csv' });
    const form = h('form', { class: 'stack', 'aria-label': 'Import values from a CSV file' },
      h('p', {}, 'Columns: indicator, period, partner, value, and optionally dimension and category. '
        + 'A file with any faulty row stores nothing.'),
      h('label', { for: 'import-file' }, 'CSV file', file), h('button', { type: 'submit' }, 'Import'));
    onSubmit(form, async () => {
      if (!file.files.length) {
        showProblem(region, { message: 'Choose a CSV file first.', violations: [{ field: 'file', message: 'no file chosen' }] }, form);
        return;
      }
      try {
        let job = await api(`${base}/values/import`, { method: 'POST', raw: true, body: file.files[0],
          headers: { Prefer: 'respond-async' } });
        while (!['DONE', 'REFUSED', 'FAILED'].includes(job.state)) {
          region.replaceChildren(h('p', {}, `Import ${spoken(job.state)}: ${job.rowsRead} rows read, `
            + `${job.rowsChecked} checked, ${job.rowsStored} stored `),
            h('progress', { max: Math.max(job.bytes, 1), value: job.bytesRead, 'aria-label': 'Import progress' }));
          await new Promise(resolve => setTimeout(resolve, 500));
          job = await api(`${base}/values/imports/${job.id}`);
        }
        if (job.state === 'DONE') {
          await render(element, context);
          element.querySelector('[aria-live]').replaceChildren(h('p', { role: 'status' }, `Imported ${job.rowsStored} values.`));
          return;
        }
        region.replaceChildren(h('div', { class: 'problem', role: 'alert' },
          job.message || `Nothing was imported (${spoken(job.state)}).`),
          table(job.violations, [{ title: 'Where', cell: v => v.field }, { title: 'Fault', cell: v => v.message }],
            'No fault was listed.'));
      } catch (error) {
        showProblem(region, error, form);
      }
    });
    return h('section', {}, h('h2', {}, 'Import values'), region, form,
      h('p', {}, h('a', { href: `/api/v1${base}/values/export`, download: `${initiative.id}-values.csv` },
        'Export every value (CSV)')));
  }

  async function show(indicator) {
    const path = `${base}/indicators/${indicator.id}`;
    // Both reads at once: the chart waits on neither more than it must.
    const [values, names] = await Promise.all([api(`${path}/values`), organisationNames(initiative.id)]);
    const dimensions = [...new Set(values.map(v => v.dimension).filter(Boolean))];
    const by = h('select', { id: 'breakdown', name: 'breakdown' },
      h('option', { value: '' }, 'All partners'), h('option', { value: 'partner' }, 'By partner'),
      dimensions.map(d => h('option', { value: `dimension:${d}` }, `By ${d}`)));
    const chart = h('div', { class: 'chart-area' });
    async function draw() {
      let series;
      if (by.value === 'partner') {
        const partners = new Map();
        values.filter(v => !v.dimension).forEach(v => {
          if (!partners.has(v.partner)) partners.set(v.partner, []);
          partners.get(v.partner).push({ period: v.period, value: v.value });
        });
        series = [...partners].map(([name, points]) => ({ name, points: points.sort((a, b) => a.period.localeCompare(b.period)) }));
      } else if (by.value.startsWith('dimension:')) {
        const points = await api(`${path}/series?by=${encodeURIComponent(by.value.slice(10))}`);
        const categories = new Map();
        points.forEach(p => { if (!categories.has(p.category)) categories.set(p.category, []); categories.get(p.category).push(p); });
        series = [...categories].map(([name, list]) => ({ name, points: list }));
      } else {
        series = [{ name: 'All partners', points: await api(`${path}/series`) }];
      }
      chart.replaceChildren(series.some(x => x.points.length)
        ? lineChart({ title: `${indicator.name} (${indicator.unit || 'value'})`, series,
            baseline: indicator.baseline, target: indicator.target })
        : h('p', { class: 'empty' }, 'No values reported yet.'));
    }
    by.addEventListener('change', draw);
    const region = h('div', { 'aria-live': 'polite' });
    const form = h('form', { class: 'stack', 'aria-label': `Enter a value for ${indicator.name}` },
      h('label', { for: 'period' }, `Period (${{ MONTH: 'a month, for example 2026-03', QUARTER: 'a quarter, for example 2026-Q1',
        YEAR: 'a year, for example 2026' }[indicator.reportingPeriod] || indicator.reportingPeriod})`,
        h('input', { id: 'period', name: 'period', required: true })),
      h('label', { for: 'partner' }, 'Partner',
        h('input', { id: 'partner', name: 'partner', required: true, list: 'organisation-names', autocomplete: 'off' })),
      h('label', { for: 'value' }, `Value${bounds(indicator, figure)}`,
        h('input', { id: 'value', name: 'value', inputmode: 'decimal', required: true })),
      h('button', { type: 'submit' }, 'Enter value'));
    onSubmit(form, async () => {
      try {
        await api(`${path}/values`, { method: 'POST',
          body: { period: form.period.value, partner: form.partner.value, value: typedNumber(form.value.value) } });
        await render(element, context);
      } catch (error) {
        showProblem(region, error, form);
      }
    });
    // staff change the definition; the values reported must suit it (the API names what they would not)
    const change = h('details', {}, h('summary', {}, 'Change this indicator'),
      formSection(base, { title: `Change ${indicator.name}`, submit: 'Save the change', key: 'change-indicator',
        path: `indicators/${indicator.id}`, method: 'PUT', fields: definitionFields(indicator) },
      () => render(element, context), 'h3'));
    detail.replaceChildren(h('h2', { id: 'indicator-title', tabindex: '-1' }, indicator.name), names,
      h('p', {}, indicator.definition || ''),
      h('label', { for: 'breakdown' }, 'Show', by), chart,
      h('h3', {}, 'Enter a value'), region, form, change);
    await draw();
    detail.querySelector('#indicator-title').focus();
  }
}

// what the indicator lets a value be, said beside the field: " (0 to 100)", " (at least 0)", or nothing
function bounds(indicator, figure) {
  const { minimum: low, maximum: high } = indicator;
  if (low != null && high != null) return ` (${figure(low)} to ${figure(high)})`;
  if (low != null) return ` (at least ${figure(low)})`;
  return high != null ? ` (at most ${figure(high)})` : '';
}

// the fields that define an indicator, filled with what it is now when it is changed
function definitionFields(current = {}) {
  return [
    { name: 'name', label: 'Name', value: current.name },
    { name: 'definition', label: 'Definition: what is counted, and how', type: 'textarea', value: current.definition },
    { name: 'unit', label: 'Unit', example: '%', value: current.unit },
    { name: 'direction', label: 'Better when it goes', type: 'select', options: [['UP', 'up'], ['DOWN', 'down']],
      value: current.direction },
    { name: 'aggregation', label: 'Partners\' values combine as', type: 'select',
      options: [['SUM', 'a sum (counts)'], ['MEAN', 'a mean (rates, shares)']], value: current.aggregation },
    { name: 'reportingPeriod', label: 'Reported by', type: 'select',
      options: [['MONTH', 'month'], ['QUARTER', 'quarter'], ['YEAR', 'year']], value: current.reportingPeriod },
    { name: 'baseline', label: 'Baseline', type: 'number', value: current.baseline },
    { name: 'baselineDate', label: 'Baseline date', type: 'date', value: current.baselineDate },
    { name: 'target', label: 'Target', type: 'number', value: current.target },
    { name: 'targetDate', label: 'Target date', type: 'date', value: current.targetDate },
    { name: 'minimum', label: 'Least a value may be', type: 'number', optional: true, value: current.minimum },
    { name: 'maximum', label: 'Most a value may be', type: 'number', optional: true, value: current.maximum },
  ];
}
