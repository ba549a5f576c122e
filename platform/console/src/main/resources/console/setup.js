// Setting initiatives up in the console: platform admins create initiatives with their model and functions; an
// initiative's staff choose which installed functions it uses. Installed modules are read from /health.
import { h, api, showProblem, table, onSubmit } from './kit.js';
import { page, navigation, redraw } from './shell.js';

/** The installed modules of one kind, as { id (without its kind's prefix), name }. */
async function installed(kind) {
  let health;
  try {
    health = await api('/health');
  } catch (error) { // 503 while the platform settles (a module coming or going): the list is in the answer still
    if (!(error.body && error.body.modules)) throw error;
    health = error.body;
  }
  return health.modules.filter(m => m.kind === kind)
    .map(m => ({ id: m.id.replace(/^(function|structure)-/, ''), name: m.name }));
}

export async function initiativesPage() {
  navigation([['My work', '#/'], ['Initiatives', '#/admin/initiatives']]);
  const [initiatives, models, functions] = await Promise.all([api('/initiatives'), installed('structure'),
    installed('function')]);
  const region = h('div', { 'aria-live': 'polite' });
  const form = h('form', { class: 'stack', 'aria-label': 'Create an initiative' },
    h('label', { for: 'new-name' }, 'Name', h('input', { id: 'new-name', name: 'name' })),
    h('label', { for: 'new-id' }, 'Short id for addresses (optional: made from the name)', h('input', { id: 'new-id', name: 'id' })),
    h('label', { for: 'new-model' }, 'Structure model', h('select', { id: 'new-model', name: 'structureModelId' },
      models.map(m => h('option', { value: m.id }, m.name)))),
    h('label', { for: 'new-problem' }, 'The problem it works on (optional)',
      h('textarea', { id: 'new-problem', name: 'problemStatement', rows: 2 })),
    h('label', { for: 'new-vision' }, 'Its shared vision (optional)', h('textarea', { id: 'new-vision', name: 'vision', rows: 2 })),
    h('fieldset', { class: 'choices' }, h('legend', {}, 'Functions it uses'),
      functions.map(f => h('label', { class: 'choice' },
        h('input', { type: 'checkbox', name: 'functions', value: f.id, checked: true }), f.name))),
    h('button', { type: 'submit' }, 'Create the initiative'));
  onSubmit(form, async () => {
    const text = name => form.elements[name].value.trim() || null;
    try {
      const created = await api('/initiatives', { method: 'POST', body: { id: text('id'), name: text('name'),
        structureModelId: form.structureModelId.value, problemStatement: text('problemStatement'),
        vision: text('vision'),
        enabledFunctionIds: [...form.querySelectorAll('[name=functions]:checked')].map(c => c.value) } });
      location.hash = `#/i/${encodeURIComponent(created.id)}/governance`;
    } catch (error) {
      showProblem(region, error, form);
    }
  });
  page('Initiatives', h('p', {}, 'Every initiative on the platform. A new one starts with no bodies: its governance '
    + 'page lists what its structure model needs.'),
  table(initiatives, [
    { title: 'Initiative', cell: i => h('a', { href: `#/i/${encodeURIComponent(i.id)}` }, i.name) },
    { title: 'Model', cell: i => i.structureModelId },
    { title: 'Functions', cell: i => i.enabledFunctionIds.join(', ') || 'none' },
  ], 'No initiatives yet.'),
  h('h2', {}, 'Create an initiative'), region, form);
}

/** The functions an initiative uses, for its page: staff turn installed ones on and off. */
export async function functionsSection(initiative) {
  const base = `/initiatives/${encodeURIComponent(initiative.id)}/functions`;
  const region = h('div', { 'aria-live': 'polite' });
  let functions = [];
  try {
    functions = await installed('function');
  } catch (error) {
    showProblem(region, error); // the rest of the initiative's page stands without this list
  }
  const uses = new Set(initiative.enabledFunctionIds);
  const toggle = async (f, on) => {
    try {
      await api(`${base}/${encodeURIComponent(f.id)}`, { method: on ? 'PUT' : 'DELETE' });
      redraw();
    } catch (error) {
      showProblem(region, error);
    }
  };
  return h('section', {}, h('h2', {}, 'Functions'),
    h('p', {}, 'What this initiative uses of the functions installed here; its staff turn them on and off. Turning one '
      + 'off keeps its data.'), region,
    table(functions, [
      { title: 'Function', cell: f => f.name },
      { title: 'Used', cell: f => (uses.has(f.id) ? 'yes' : 'no') },
      { title: 'Change', cell: f => h('button', { type: 'button', class: 'secondary',
          'aria-label': `${uses.has(f.id) ? 'Stop using' : 'Use'} ${f.name}`, onclick: () => toggle(f, !uses.has(f.id)) },
        uses.has(f.id) ? 'Stop using' : 'Use') },
    ], 'No function modules are installed.'));
}
