// An initiative's governance in the console: its open proposals with voting and withdrawal, the decision log, and
// the governance page (the model, bodies and seats, the rules in force, the history, proposing another model).
import { h, api, showProblem, table } from './kit.js';
import { session, page, initiative, redraw } from './shell.js';

export async function initiativePage(id) {
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
      redraw();
    } catch (error) {
      showProblem(region, error, form);
    }
  });
  const withdraw = session.me.user === p.proposedBy || session.me.platformAdmin ? h('button', { type: 'button', class: 'secondary',
    onclick: async () => {
      try {
        await api(`/initiatives/${encodeURIComponent(initiativeId)}/governance/proposals/${p.id}/withdraw`, { method: 'POST' });
        redraw();
      } catch (error) {
        showProblem(region, error);
      }
    } }, 'Withdraw this proposal') : null;
  return h('section', { class: 'card' }, h('h3', {}, p.title), h('p', {}, p.description || ''),
    h('p', {}, 'Chain: ', p.steps.map(s => `${s.bodyType} (${s.state.toLowerCase()})`).join(' → ')), region, form,
    withdraw);
}

export async function governancePage(id) {
  const { initiative: i } = await initiative(id);
  const base = `/initiatives/${encodeURIComponent(id)}`;
  const [overview, history] = await Promise.all([api(`${base}/governance`), api(`${base}/governance/history`)]);
  const seats = await Promise.all(overview.bodies.map(b => api(`${base}/bodies/${b.id}/members`)));
  const region = h('div', { 'aria-live': 'polite' });
  const form = h('form', { class: 'stack', 'aria-label': 'Propose another structure model' },
    h('label', { for: 'model-id' }, 'Structure model', h('select', { id: 'model-id', name: 'modelId' },
      ['stand-alone', 'nested', 'volunteer', 'seconded'].filter(m => m !== overview.structureModelId)
        .map(m => h('option', { value: m }, m)))),
    h('label', { for: 'model-reason' }, 'Why', h('textarea', { id: 'model-reason', name: 'reason', rows: 2 })),
    h('button', { type: 'submit' }, 'Propose the move'));
  form.addEventListener('submit', async event => {
    event.preventDefault();
    try {
      await api(`${base}/governance/structure`, { method: 'POST',
        body: { modelId: form.modelId.value, reason: form.reason.value || null } });
      location.hash = `#/i/${encodeURIComponent(id)}`;
    } catch (error) {
      showProblem(region, error, form);
    }
  });
  const chain = steps => steps.map(s => `${s.bodyType} (${s.rule.toLowerCase().replace(/_/g, ' ')})`).join(' → ');
  page(`Governance · ${i.name}`,
    h('p', {}, overview.model ? `${overview.model.name}: ${overview.model.description}`
      : `The structure model's module (${overview.missingModule}) is not installed: decisions wait until it is.`),
    overview.problems.length ? h('div', { class: 'problem' }, h('p', {}, 'Set-up problems:'),
      h('ul', {}, overview.problems.map(p => h('li', {}, p)))) : h('p', {}, 'Everything the model needs is in place.'),
    h('h2', {}, 'Bodies and seats'),
    overview.bodies.length ? overview.bodies.map((b, n) => h('section', { class: 'card' },
      h('h3', {}, `${b.name} (${b.type})`),
      table(seats[n], [
        { title: 'Member', cell: m => m.person || m.organisation },
        { title: 'Organisation', cell: m => m.organisation },
        { title: 'Role', cell: m => m.role },
        { title: 'Login', cell: m => m.username || '—' },
      ], 'No seats yet.'))) : h('p', { class: 'empty' }, 'No bodies yet.'),
    h('h2', {}, 'Rules in force'),
    table(overview.rules, [
      { title: 'Decision', cell: r => r.decisionType.toLowerCase().replace(/_/g, ' ') },
      { title: 'Who decides', cell: r => chain(r.steps) },
      { title: 'Why', cell: r => r.rationale },
    ], 'No rules: the structure model is not installed.'),
    h('h2', {}, 'History'),
    table(history.models, [
      { title: 'Model', cell: m => m.modelId },
      { title: 'From', cell: m => (m.from || '').slice(0, 10) },
      { title: 'Until', cell: m => (m.until || '').slice(0, 10) || 'now' },
    ], 'No change of model yet.'),
    table(history.rules, [
      { title: 'Decision', cell: r => r.decisionType.toLowerCase().replace(/_/g, ' ') },
      { title: 'Version', cell: r => r.version },
      { title: 'Who decides', cell: r => chain(r.steps) },
      { title: 'Since', cell: r => (r.effectiveAt || '').slice(0, 10) },
    ], 'No rule has been adjusted.'),
    h('h2', {}, 'Propose another structure model'), region, form);
}

