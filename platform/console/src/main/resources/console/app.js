// The console: sign-in, "my work", an initiative's page with its proposals, and the pages installed modules add.
// Every figure comes from the REST API as the signed-in person may see it; the console has no data of its own.
import { h, api, Problem, showProblem, table, lineChart, barChart, functionPage, useCsrfToken } from './kit.js';

const main = document.getElementById('main');
const nav = document.getElementById('nav');
const who = document.getElementById('who');
let me = null;

function page(title, ...content) {
  document.title = `${title} · Civic Backbone`;
  main.replaceChildren(h('h1', {}, title), ...content.flat().filter(c => c !== null && c !== undefined && c !== ''));
  main.focus();
}

function navigation(links) {
  nav.replaceChildren(h('ul', {}, links.map(([text, href]) =>
    h('li', {}, h('a', { href, 'aria-current': location.hash === href ? 'page' : null }, text)))));
}

async function signIn() {
  who.replaceChildren();
  navigation([]);
  const region = h('div', { 'aria-live': 'polite' });
  const form = h('form', { class: 'stack', novalidate: true },
    h('label', { for: 'user' }, 'User name', h('input', { id: 'user', name: 'user', autocomplete: 'username', required: true })),
    h('label', { for: 'password' }, 'Password',
      h('input', { id: 'password', name: 'password', type: 'password', autocomplete: 'current-password', required: true })),
    h('button', { type: 'submit' }, 'Sign in'));
  form.addEventListener('submit', async event => {
    event.preventDefault();
    try {
      me = await api('/session', { method: 'POST', body: { user: form.user.value, password: form.password.value } });
      useCsrfToken(me.csrfToken);
      signedIn();
      route();
    } catch (error) {
      showProblem(region, error, form);
    }
  });
  page('Sign in', h('p', {}, 'Sign in with your Civic Backbone login.'), region, form);
  form.user.focus();
}

function signedIn() {
  who.replaceChildren(me.platformAdmin ? h('a', { href: '#/admin/modules' }, 'Modules') : '',
    h('a', { href: '#/api' }, 'API'), h('span', {}, `Signed in as ${me.user}`),
    h('button', { type: 'button', onclick: signOut }, 'Sign out'));
}

async function signOut() {
  try { await api('/session', { method: 'DELETE' }); } catch (error) { /* signed out either way */ }
  me = null;
  useCsrfToken(null);
  location.hash = '#/';
  signIn();
}

async function home() {
  navigation([['My work', '#/']]);
  const [initiatives, awaiting] = await Promise.all([api('/initiatives'), api('/my-work/awaiting-my-vote')]);
  const names = new Map(initiatives.map(i => [i.id, i.name]));
  const attention = [];
  await Promise.all(initiatives.filter(i => i.enabledFunctionIds.includes('shared-measurement')).map(async i => {
    try {
      const overview = await api(`/initiatives/${encodeURIComponent(i.id)}/shared-measurement`);
      overview.status.filter(s => s.progress.status === 'OFF_TRACK' || s.progress.stale).forEach(s =>
        attention.push({ initiative: i, indicator: s.indicator, progress: s.progress }));
    } catch (error) { /* the module is not installed right now: nothing to flag */ }
  }));
  const coming = [];
  const now = new Date().toISOString();
  await Promise.all(initiatives.map(async i => {
    const base = `/initiatives/${encodeURIComponent(i.id)}`;
    if (i.enabledFunctionIds.includes('resources')) {
      try {
        const funding = await api(`${base}/resources`);
        [...funding.overdueDeadlines, ...funding.upcomingDeadlines].forEach(d => coming.push({ initiative: i,
          when: d.dueOn, what: `Report due: ${d.description} (${d.funder})`, late: d.dueOn < now.slice(0, 10) }));
      } catch (error) { /* the module is not installed right now */ }
    }
    if (i.enabledFunctionIds.includes('aligned-activities')) {
      try {
        const meetings = await api(`${base}/aligned-activities/meetings`);
        meetings.filter(m => m.heldAt >= now).forEach(m => coming.push({ initiative: i, when: m.heldAt.slice(0, 10),
          what: `Meeting: ${m.title}`, late: false }));
      } catch (error) { /* the module is not installed right now */ }
    }
  }));
  coming.sort((a, b) => a.when.localeCompare(b.when));
  page('My work',
    h('h2', {}, 'Waiting for my vote'),
    table(awaiting, [
      { title: 'Proposal', cell: p => h('a', { href: `#/i/${encodeURIComponent(p.initiativeId)}` }, p.title) },
      { title: 'Initiative', cell: p => names.get(p.initiativeId) || p.initiativeId },
      { title: 'Body', cell: p => (p.steps.find(s => s.state === 'OPEN') || {}).bodyType || '' },
      { title: 'Expires', cell: p => (p.expiresAt || '').slice(0, 10) },
    ], 'Nothing is waiting for your vote.'),
    h('h2', {}, 'My initiatives'),
    initiatives.length ? h('ul', { class: 'cards' }, initiatives.map(i => h('li', { class: 'card' },
      h('h3', {}, h('a', { href: `#/i/${encodeURIComponent(i.id)}` }, i.name)),
      h('p', {}, i.vision || i.problemStatement || ''),
      h('p', {}, `${i.enabledFunctionIds.length} functions · ${i.structureModelId} model`))))
      : h('p', { class: 'empty' }, 'You have no role in any initiative yet. An initiative\'s staff can give you a seat.'),
    h('h2', {}, 'Coming up'),
    table(coming, [
      { title: 'When', cell: c => c.late ? `${c.when} (overdue)` : c.when },
      { title: 'What', cell: c => c.what },
      { title: 'Initiative', cell: c => c.initiative.name },
    ], 'No reporting deadlines or meetings coming up.'),
    h('h2', {}, 'Indicators that need attention'),
    table(attention, [
      { title: 'Indicator', cell: a => h('a', { href: `#/i/${encodeURIComponent(a.initiative.id)}/p/shared-measurement/indicators` },
          a.indicator.name) },
      { title: 'Initiative', cell: a => a.initiative.name },
      { title: 'Why', cell: a => [a.progress.status === 'OFF_TRACK' ? 'off track' : null,
          a.progress.stale ? 'no recent values' : null].filter(Boolean).join(', ') },
    ], 'Every indicator is on track and reported.'));
}

async function initiative(id) {
  const [initiative, contributed] = await Promise.all([api(`/initiatives/${encodeURIComponent(id)}`), api('/console/pages')]);
  const pages = contributed.filter(p => initiative.enabledFunctionIds.includes(p.functionId));
  navigation([['My work', '#/'], [initiative.name, `#/i/${encodeURIComponent(id)}`],
    ...pages.map(p => [p.title, `#/i/${encodeURIComponent(id)}/p/${p.functionId}/${p.id}`])]);
  return { initiative, pages };
}

async function initiativePage(id) {
  const { initiative: i } = await initiative(id);
  const region = h('div', { 'aria-live': 'polite' });
  let log = [];
  try {
    log = await api(`/initiatives/${encodeURIComponent(id)}/governance/decision-log`);
  } catch (error) {
    showProblem(region, error);
  }
  const open = log.map(r => r.proposal).filter(p => p.state === 'OPEN');
  page(i.name, h('p', {}, i.vision || ''), h('p', {}, `Structure model: ${i.structureModelId}`), region,
    h('h2', {}, 'Open proposals'),
    open.length ? h('div', {}, open.map(p => proposalCard(id, p))) : h('p', { class: 'empty' }, 'No proposal is open.'),
    h('h2', {}, 'Decision log'),
    h('p', {}, h('a', { href: `/api/v1/initiatives/${encodeURIComponent(id)}/governance/decision-log.csv`,
      download: `${id}-decision-log.csv` }, 'Download the decision log (CSV)')),
    table(log, [
      { title: 'Proposal', cell: r => r.proposal.title },
      { title: 'State', cell: r => h('span', { class: `status-${r.proposal.state}` }, r.proposal.state.toLowerCase()) },
      { title: 'Votes', cell: r => r.votes.length ? h('ul', { class: 'votes' }, r.votes.map(v =>
          h('li', {}, `${v.voter}: ${v.choice.toLowerCase()}: ${v.reason}`))) : '—' },
      { title: 'Decided', cell: r => (r.proposal.decidedAt || '').slice(0, 10) || '—' },
    ], 'Nothing has been proposed yet.'));
}

function proposalCard(initiativeId, p) {
  const region = h('div', { 'aria-live': 'polite' });
  const key = `vote-${p.id}`;
  const form = h('form', { class: 'stack', 'aria-label': `Vote on ${p.title}` },
    h('label', { for: `${key}-choice` }, 'Your vote', h('select', { id: `${key}-choice`, name: 'choice' },
      ['APPROVE', 'OBJECT', 'BLOCK', 'ABSTAIN'].map(c => h('option', { value: c }, c.toLowerCase()))),
    ),
    h('label', { for: `${key}-reason` }, 'Reason', h('textarea', { id: `${key}-reason`, name: 'reason', rows: 2 })),
    h('button', { type: 'submit' }, 'Vote'));
  form.addEventListener('submit', async event => {
    event.preventDefault();
    try {
      await api(`/initiatives/${encodeURIComponent(initiativeId)}/governance/proposals/${p.id}/votes`,
        { method: 'POST', body: { choice: form.choice.value, reason: form.reason.value } });
      route();
    } catch (error) {
      showProblem(region, error, form);
    }
  });
  return h('section', { class: 'card' }, h('h3', {}, p.title), h('p', {}, p.description || ''),
    h('p', {}, 'Chain: ', p.steps.map(s => `${s.bodyType} (${s.state.toLowerCase()})`).join(' → ')), region, form);
}

async function contributedPage(id, functionId, pageId) {
  const { initiative: i, pages } = await initiative(id);
  const wanted = pages.find(p => p.functionId === functionId && p.id === pageId);
  if (!wanted) {
    page('Page not available', h('p', { class: 'problem', role: 'alert' },
      `The module behind this page is not installed, or ${i.name} does not use it.`),
      h('p', {}, h('a', { href: `#/i/${encodeURIComponent(id)}` }, `Back to ${i.name}`)));
    return;
  }
  const container = h('div');
  page(`${wanted.title} · ${i.name}`, container);
  const module = await import(wanted.script);
  await module.render(container,
    { initiative: i, page: wanted, api, h, table, showProblem, lineChart, barChart, functionPage, Problem });
}

async function apiPage() {
  navigation([['My work', '#/'], ['API', '#/api']]);
  const doc = await api('/openapi.json');
  const byTag = new Map();
  for (const [path, operations] of Object.entries(doc.paths)) {
    for (const [verb, op] of Object.entries(operations)) {
      const tag = op.tags[0];
      if (!byTag.has(tag)) byTag.set(tag, []);
      byTag.get(tag).push({ path, verb, op });
    }
  }
  const schemaName = s => (s && s.$ref ? s.$ref.split('/').pop() : s && s.type === 'array' && s.items && s.items.$ref
    ? `list of ${s.items.$ref.split('/').pop()}` : (s && s.type) || '');
  page('The REST API',
    h('p', {}, `OpenAPI ${doc.openapi} description of every resource of the platform and its installed modules: `,
      h('a', { href: '/api/v1/openapi.json' }, 'openapi.json'), '. Errors are problem details (RFC 9457).'),
    [...byTag].sort(([a], [b]) => a.localeCompare(b)).map(([tag, operations]) => h('section', {},
      h('h2', {}, tag),
      table(operations, [
        { title: 'Method', cell: o => o.verb.toUpperCase() },
        { title: 'Address', cell: o => h('code', {}, o.path) },
        { title: 'Who may call', cell: o => o.op['x-audience'].toLowerCase().replace('_', ' ') },
        { title: 'Body', cell: o => o.op.requestBody
            ? schemaName(Object.values(o.op.requestBody.content)[0].schema) : '' },
        { title: 'Answer', cell: o => o.op.responses['200'].content
            ? schemaName(Object.values(o.op.responses['200'].content)[0].schema) : '' },
      ], ''))));
}

async function modulesPage() {
  navigation([['My work', '#/'], ['Modules', '#/admin/modules']]);
  const modules = await api('/modules');
  const region = h('div', { 'aria-live': 'polite', role: 'status' });
  async function change(module, install) {
    try {
      let status = await api(`/modules/${encodeURIComponent(module.id)}`, { method: install ? 'PUT' : 'DELETE' });
      while (status.state === 'installing' || status.state === 'uninstalling') {
        region.replaceChildren(h('p', {}, `${module.name}: ${status.state}…`));
        await new Promise(resolve => setTimeout(resolve, 500));
        status = await api(`/modules/${encodeURIComponent(module.id)}`);
      }
      region.replaceChildren(h('p', {}, `${module.name}: ${status.state}. ${status.message || ''}`));
      const focus = region.firstChild;
      await modulesPage();
      main.querySelector('[role=status]').replaceChildren(focus);
    } catch (error) {
      showProblem(region, error);
    }
  }
  page('Modules', h('p', {}, 'Install or uninstall a function or structure model while the platform runs; '
    + 'an initiative keeps its data when a module it uses goes, and finds it again when the module comes back.'),
  region,
  table(modules, [
    { title: 'Module', cell: m => m.name },
    { title: 'Kind', cell: m => m.kind },
    { title: 'State', cell: m => m.state },
    { title: 'Used by', cell: m => (m.usedBy || []).join(', ') || '—' },
    { title: 'Action', cell: m => h('button', { type: 'button', class: 'secondary',
        'aria-label': `${m.installed ? 'Uninstall' : 'Install'} ${m.name}`,
        onclick: () => change(m, !m.installed) }, m.installed ? 'Uninstall' : 'Install') },
  ], 'No modules are known.'));
}

async function route() {
  const parts = location.hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
  try {
    if (parts[0] === 'api') await apiPage();
    else if (parts[0] === 'admin' && parts[1] === 'modules') await modulesPage();
    else if (parts[0] === 'i' && parts[2] === 'p') await contributedPage(parts[1], parts[3], parts[4]);
    else if (parts[0] === 'i') await initiativePage(parts[1]);
    else await home();
  } catch (error) {
    if (error instanceof Problem && error.status === 401) { me = null; signIn(); return; }
    const region = h('div');
    page('Something went wrong', region);
    showProblem(region, error);
  }
}

window.addEventListener('hashchange', () => { if (me) route(); });
try {
  me = await api('/session');
  useCsrfToken(me.csrfToken);
  signedIn();
  route();
} catch (error) {
  signIn();
}
