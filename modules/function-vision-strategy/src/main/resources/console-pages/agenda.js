// The common agenda in the web console: its versions with their adoption, the goals of the one in force, putting a
// draft to adoption (the structure model's bodies decide; the decision shows on the initiative's page), and drafting
// the next version, which starts as a copy of the latest one.
export async function render(element, context) {
  const { h, functionPage, api, showProblem, onSubmit, spoken } = context;
  const day = t => (t || '').slice(0, 10) || '—';
  await functionPage(element, context, {
    lists: [
      { title: 'Versions', path: 'versions', name: v => `version ${v.number}`,
        columns: [['Version', v => v.number], ['Status', v => spoken(v.status)],
          ['Goals', v => v.goals.map(g => `${g.number}. ${g.title}`).join('; ')], ['Adopted', v => day(v.adoptedAt)]],
        empty: 'No version of the agenda yet.',
        action: { label: 'Put to adoption', when: v => v.status === 'DRAFT', path: v => `versions/${v.number}/adoption`,
          body: () => ({ reason: 'Put to adoption from the console' }) } },
    ],
    extra: overview => overview.adoptedVersion
      ? h('p', {}, `Version ${overview.adoptedVersion} is in force since ${day(overview.adoptedAt)}.`)
      : h('p', { class: 'empty' }, 'No version has been adopted yet.'),
    after: (overview, [versions], again) => draftSection(versions[versions.length - 1], again),
  });

  // A version is written whole: the problem, the vision and every goal with its strategies; each goal keeps the
  // indicators linked to it in the version it was copied from.
  function draftSection(latest, again) {
    const base = `/initiatives/${encodeURIComponent(context.initiative.id)}/${context.page.functionId}`;
    const region = h('div', { 'aria-live': 'polite' });
    const goals = h('div', { class: 'stack' });
    let next = 0;
    const renumber = () => goals.querySelectorAll('legend').forEach((l, n) => { l.textContent = `Goal ${n + 1}`; });
    const text = (name, label, value, rows) => h('label', { for: `draft-${name}` }, label,
      rows ? h('textarea', { id: `draft-${name}`, name, rows }, value || '')
        : h('input', { id: `draft-${name}`, name, value: value || '' }));
    const addGoal = goal => {
      const i = next++;
      const set = h('fieldset', { 'data-goal': i, 'data-indicators': JSON.stringify(goal.indicatorIds || []) },
        h('legend', {}, `Goal ${goals.children.length + 1}`),
        text(`goals[${i}].title`, 'Title', goal.title),
        text(`goals[${i}].outcome`, 'Outcome it aims at', goal.outcome, 2),
        h('label', { for: `draft-goals[${i}].strategies` }, 'Strategies, one a line',
          h('span', { class: 'example' }, 'for example Summer reading for every child: library cards at school entry'),
          h('textarea', { id: `draft-goals[${i}].strategies`, name: `goals[${i}].strategies`, rows: 3 },
            (goal.strategies || []).map(s => s.description ? `${s.title}: ${s.description}` : s.title).join('\n'))),
        h('button', { type: 'button', class: 'secondary', onclick: () => { set.remove(); renumber(); } },
          'Remove this goal'));
      goals.append(set);
    };
    (latest ? latest.goals : [{}]).forEach(addGoal);
    const form = h('form', { class: 'stack', 'aria-label': 'Draft the next version' },
      text('problemStatement', 'The problem', latest && latest.problemStatement, 3),
      text('vision', 'The vision', latest && latest.vision, 2),
      goals,
      h('button', { type: 'button', class: 'secondary', onclick: () => addGoal({}) }, 'Add a goal'),
      h('button', { type: 'submit' }, 'Draft the next version'));
    onSubmit(form, async () => {
      const value = name => form.elements[name].value.trim() || null;
      // goals are sent in the order shown and numbered by the API; a fault names goals[n] in that order, so the
      // inputs are renamed to match before sending
      const sets = [...goals.querySelectorAll('fieldset')];
      sets.forEach((set, n) => set.querySelectorAll('[name]').forEach(input => {
        input.name = input.name.replace(/^goals\[\d+\]/, `goals[${n}]`);
      }));
      const body = { problemStatement: value('problemStatement'), vision: value('vision'),
        goals: sets.map((set, n) => ({ title: value(`goals[${n}].title`), outcome: value(`goals[${n}].outcome`),
          indicatorIds: JSON.parse(set.dataset.indicators),
          strategies: (value(`goals[${n}].strategies`) || '').split('\n').map(l => l.trim()).filter(Boolean)
            .map(line => {
              const colon = line.indexOf(':');
              return colon < 0 ? { title: line, description: null }
                : { title: line.slice(0, colon).trim(), description: line.slice(colon + 1).trim() || null };
            }) })) };
      try {
        await api(`${base}/versions`, { method: 'POST', body });
        await again();
      } catch (error) {
        showProblem(region, error, form);
      }
    });
    return h('section', {}, h('h2', {}, 'Draft the next version'),
      h('p', {}, latest ? `It starts as a copy of version ${latest.number}; change what the partners agreed to change.`
        : 'The first version of the common agenda.'), region, form);
  }
}
