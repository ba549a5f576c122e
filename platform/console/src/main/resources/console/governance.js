// An initiative's governance in the console: its open proposals with voting and withdrawal, the decision log, and
// the governance page (the model, bodies and seats, the rules in force, the history, proposing another model).
import { h, api, showProblem, table, formSection, actionCell, organisationNames, onSubmit, spoken, moment }
  from './kit.js';
import { session, page, initiative, redraw } from './shell.js';
import { functionsSection } from './setup.js';

/** What a kind of body is called: the model's name for it ("Fiscal host"), else its key in words ("Backbone team"). */
export function bodyTypeNamer(overview) {
  const required = new Map(overview.requiredBodies.map(r => [r.bodyType, r.name]));
  return type => required.get(type) || (type.charAt(0).toUpperCase() + type.slice(1)).replace(/-/g, ' ');
}

/** How a body type reads to people: the initiative's sitting bodies of that type by name, else what it is called. */
export function bodyNamer(overview) {
  const sitting = new Map();
  for (const b of overview.bodies.filter(b => !b.retiredAt)) {
    sitting.set(b.type, [...(sitting.get(b.type) || []), b.name]);
  }
  const typeName = bodyTypeNamer(overview);
  return type => (sitting.get(type) || []).join(' or ') || typeName(type);
}

/** The body namer of one initiative; where its governance cannot be read, a type reads as its words. */
export async function bodyNamesOf(initiativeId) {
  try {
    return bodyNamer(await api(`/initiatives/${encodeURIComponent(initiativeId)}/governance`));
  } catch (error) {
    return bodyNamer({ bodies: [], requiredBodies: [] });
  }
}

export async function initiativePage(id) {
  const [{ initiative: i }, bodyName] = await Promise.all([initiative(id), bodyNamesOf(id)]);
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
    open.length ? h('div', {}, open.map(p => proposalCard(id, p, bodyName)))
      : h('p', { class: 'empty' }, 'No proposal is open.'),
    h('h2', {}, 'Decision log'),
    decisionLog(id, log),
    await functionsSection(i));
}

/** The decision log with its filters (state, kind of decision, days proposed) and the CSV of what is shown. */
function decisionLog(id, log) {
  const base = `/initiatives/${encodeURIComponent(id)}/governance/decision-log`;
  const region = h('div', { 'aria-live': 'polite' });
  const download = h('a', { href: `/api/v1${base}.csv`, download: `${id}-decision-log.csv` },
    'Download the decision log (CSV)');
  const rows = h('div');
  const show = entries => rows.replaceChildren(table(entries, [
    { title: 'Proposal', cell: r => r.proposal.title },
    { title: 'Decision', cell: r => spoken(r.proposal.type) },
    { title: 'State', cell: r => h('span', { class: `status-${r.proposal.state}` }, spoken(r.proposal.state)) },
    { title: 'Votes', cell: r => r.votes.length ? h('ul', { class: 'votes' }, r.votes.map(v =>
        h('li', {}, `${v.voter}: ${spoken(v.choice)}: ${v.reason}`))) : '—' },
    { title: 'Proposed', cell: r => (r.proposal.createdAt || '').slice(0, 10) },
    { title: 'Decided', cell: r => (r.proposal.decidedAt || '').slice(0, 10) || '—' },
  ], 'No decision matches.'));
  const choice = (name, label, values) => h('label', { for: `log-${name}` }, label,
    h('select', { id: `log-${name}`, name }, h('option', { value: '' }, 'any'),
      values.map(v => h('option', { value: v }, spoken(v)))));
  const form = h('form', { class: 'filters', 'aria-label': 'Filter the decision log' },
    choice('state', 'State', ['OPEN', 'APPROVED', 'REJECTED', 'WITHDRAWN', 'EXPIRED']),
    choice('type', 'Decision', [...new Set(log.map(r => r.proposal.type))].sort()),
    h('label', { for: 'log-from' }, 'Proposed from', h('input', { id: 'log-from', name: 'from', type: 'date' })),
    h('label', { for: 'log-until' }, 'until', h('input', { id: 'log-until', name: 'until', type: 'date' })),
    h('button', { type: 'submit' }, 'Filter'));
  onSubmit(form, async () => {
    const query = new URLSearchParams([...new FormData(form)].filter(([, v]) => v)).toString();
    try {
      show(await api(`${base}${query ? `?${query}` : ''}`));
      download.href = `/api/v1${base}.csv${query ? `?${query}` : ''}`;
      region.replaceChildren();
    } catch (error) {
      showProblem(region, error, form);
    }
  });
  show(log);
  return h('section', {}, form, region, h('p', {}, download), rows);
}

function proposalCard(initiativeId, p, bodyName) {
  const region = h('div', { 'aria-live': 'polite' });
  const key = `vote-${p.id}`;
  const form = h('form', { class: 'stack', 'aria-label': `Vote on ${p.title}` },
    h('label', { for: `${key}-choice` }, 'Your vote', h('select', { id: `${key}-choice`, name: 'choice' },
      ['APPROVE', 'OBJECT', 'BLOCK', 'ABSTAIN'].map(c => h('option', { value: c }, spoken(c)))),
    ),
    h('label', { for: `${key}-reason` }, 'Reason', h('textarea', { id: `${key}-reason`, name: 'reason', rows: 2 })),
    h('button', { type: 'submit' }, 'Vote'));
  onSubmit(form, async () => {
    try {
      await api(`/initiatives/${encodeURIComponent(initiativeId)}/governance/proposals/${p.id}/votes`,
        { method: 'POST', body: { choice: form.choice.value, reason: form.reason.value } });
      redraw();
    } catch (error) {
      showProblem(region, error, form);
    }
  });
  const withdraw = session.me.user === p.proposedBy || session.me.platformAdmin ? h('button', { type: 'button', class: 'secondary',
    onclick: async event => {
      const button = event.currentTarget;
      if (button.disabled) return;
      button.disabled = true; // until answered: a second click would send it twice
      try {
        await api(`/initiatives/${encodeURIComponent(initiativeId)}/governance/proposals/${p.id}/withdraw`, { method: 'POST' });
        redraw();
      } catch (error) {
        showProblem(region, error);
      } finally {
        button.disabled = false;
      }
    } }, 'Withdraw this proposal') : null;
  return h('section', { class: 'card' }, h('h3', {}, p.title), h('p', {}, p.description || ''),
    h('p', {}, `Proposed by ${p.proposedBy}${p.expiresAt ? `; voting closes ${moment(p.expiresAt)}` : ''}`),
    h('p', {}, 'Chain: ', p.steps.map(s => `${bodyName(s.bodyType)} (${spoken(s.state)})`).join(' → ')), region, form,
    withdraw);
}

export async function governancePage(id) {
  const { initiative: i } = await initiative(id);
  const base = `/initiatives/${encodeURIComponent(id)}`;
  const again = () => governancePage(id);
  const [overview, history, names] = await Promise.all([api(`${base}/governance`), api(`${base}/governance/history`),
    organisationNames(id)]);
  const seats = await Promise.all(overview.bodies.map(b => api(`${base}/bodies/${b.id}/members`)));
  const region = h('div', { 'aria-live': 'polite' });
  const form = h('form', { class: 'stack', 'aria-label': 'Propose another structure model' },
    h('label', { for: 'model-id' }, 'Structure model', h('select', { id: 'model-id', name: 'modelId' },
      ['stand-alone', 'nested', 'volunteer', 'seconded'].filter(m => m !== overview.structureModelId)
        .map(m => h('option', { value: m }, m)))),
    h('label', { for: 'model-reason' }, 'Why', h('textarea', { id: 'model-reason', name: 'reason', rows: 2 })),
    h('button', { type: 'submit' }, 'Propose the move'));
  onSubmit(form, async () => {
    try {
      await api(`${base}/governance/structure`, { method: 'POST',
        body: { modelId: form.modelId.value, reason: form.reason.value || null } });
      location.hash = `#/i/${encodeURIComponent(id)}`;
    } catch (error) {
      showProblem(region, error, form);
    }
  });
  const bodyName = bodyNamer(overview);
  const kindOf = bodyTypeNamer(overview);
  const typeName = b => `${kindOf(b.type)}${b.custom ? ', the initiative\'s own kind' : ''}`;
  const chain = steps => steps.map(s => `${bodyName(s.bodyType)} (${spoken(s.rule)})`).join(' → ');
  page(`Governance · ${i.name}`, names,
    h('p', {}, overview.model ? `${overview.model.name}: ${overview.model.description}`
      : `The structure model's module (${overview.missingModule}) is not installed: decisions wait until it is.`),
    overview.problems.length ? h('div', { class: 'problem' }, h('p', {}, 'Set-up problems:'),
      h('ul', {}, overview.problems.map(p => h('li', {}, p)))) : h('p', {}, 'Everything the model needs is in place.'),
    h('h2', {}, 'Bodies and seats'),
    h('p', {}, 'Staff change a seat\'s role or retire it (a retired seat votes on nothing; its history stays), rename '
      + 'or retire a body, and add bodies; seats are given on the People page. Seats on the backbone team come from an '
      + 'approved hire.'),
    overview.bodies.length ? overview.bodies.map((b, n) => bodyCard(base, b, seats[n], typeName(b), again))
      : h('p', { class: 'empty' }, 'No bodies yet.'),
    addBodyForm(base, overview, again),
    h('h2', {}, 'Rules in force'),
    table(overview.rules, [
      { title: 'Decision', cell: r => spoken(r.decisionType) },
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
      { title: 'Decision', cell: r => spoken(r.decisionType) },
      { title: 'Version', cell: r => r.version },
      { title: 'Who decides', cell: r => chain(r.steps) },
      { title: 'Since', cell: r => (r.effectiveAt || '').slice(0, 10) },
    ], 'No rule has been adjusted.'),
    h('section', {}, h('h2', {}, 'Propose another structure model'), region, form),
    ruleChangeForm(base, overview, id));
}

/**
 * Adding a body of a kind the model or the platform names, or of a kind of the initiative's own (a youth council),
 * whose key the API takes in lower case with hyphens.
 */
function addBodyForm(base, overview, again) {
  const kindOf = bodyTypeNamer(overview);
  const kinds = [...new Set([...overview.requiredBodies.map(r => r.bodyType), 'partners', 'observers', 'backbone-team'])];
  const key = words => (words || '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  return formSection(base, { title: 'Add a body', path: 'bodies', fields: [
    { name: 'type', label: 'Kind', type: 'select', options: [...kinds.map(t => [t, kindOf(t)]),
      ['', 'Another kind, named below']] },
    { name: 'kind', label: 'Its kind, when another', optional: true, example: 'youth council' },
    { name: 'name', label: 'Name' }],
    body: v => v.type ? { type: v.type, name: v.name } : { type: key(v.kind), name: v.name, custom: true } }, again);
}

/** A body with its seats; each seat can be changed or retired, the body renamed or retired. */
function bodyCard(base, body, seats, typeName, again) {
  const element = h('section', { class: 'card' });
  const seatName = m => `${m.person || m.organisation}, ${body.name}`;
  const change = { name: seatName, action: { label: 'Change', path: m => `bodies/${body.id}/members/${m.id}`,
    // what is left blank stays as it is
    method: 'PUT', fields: [{ name: 'role', label: 'New role', optional: true },
      { name: 'organisation', label: 'New organisation', type: 'organisation', optional: true }],
    body: (v, m) => ({ personId: m.personId, person: m.person, username: m.username, organisation: v.organisation || m.organisation,
      role: v.role || m.role, sector: m.sector }) } };
  const retire = { name: seatName, action: { label: 'Retire', path: m => `bodies/${body.id}/members/${m.id}`,
    method: 'DELETE' } };
  const rename = { name: b => b.name, action: { label: 'Rename', path: b => `bodies/${b.id}`, method: 'PUT',
    fields: [{ name: 'name', label: 'New name' }], body: (v, b) => ({ type: b.type, name: v.name, custom: b.custom }) } };
  const retireBody = { name: b => b.name, action: { label: 'Retire the body', path: b => `bodies/${b.id}`,
    method: 'DELETE', when: b => b.type !== 'backbone-team' } };
  element.replaceChildren(h('h3', {}, `${body.name} (${typeName})`),
    table(seats.filter(m => !m.retiredAt), [
      { title: 'Member', cell: m => m.person || m.organisation },
      { title: 'Organisation', cell: m => m.organisation },
      { title: 'Role', cell: m => m.role },
      { title: 'Login', cell: m => m.username || '—' },
      { title: 'Change', cell: m => body.type === 'backbone-team' ? '' : actionCell(base, change, m, element, again) },
      { title: 'Retire', cell: m => actionCell(base, retire, m, element, again) },
    ], 'No seats yet.'),
    h('div', { class: 'region', 'aria-live': 'polite' }),
    h('div', { class: 'actions' }, actionCell(base, rename, body, element, again),
      actionCell(base, retireBody, body, element, again)));
  return element;
}

/** Proposing a new rule for one decision type: up to three approval steps, each a body type and a rule. */
function ruleChangeForm(base, overview, id) {
  const region = h('div', { 'aria-live': 'polite' });
  const types = [...new Set([...overview.requiredBodies.map(r => r.bodyType), ...overview.bodies.map(b => b.type)])];
  const bodyName = bodyNamer(overview);
  const rules = ['MAJORITY', 'TWO_THIRDS', 'CONSENSUS', 'ACCOUNTABLE_OFFICER'];
  // inputs named as the API names the fields (steps[0].rule), so that a fault is shown beside its input
  const body = n => form.elements[`steps[${n - 1}].bodyType`];
  const rule = n => form.elements[`steps[${n - 1}].rule`];
  const step = n => h('fieldset', {}, h('legend', {}, `Step ${n}${n > 1 ? ' (optional)' : ''}`),
    h('label', { for: `rule-step${n}-body` }, 'Body', h('select', { id: `rule-step${n}-body`,
      name: `steps[${n - 1}].bodyType` },
      n > 1 ? h('option', { value: '' }, 'none') : null, types.map(t => h('option', { value: t }, bodyName(t))))),
    h('label', { for: `rule-step${n}-rule` }, 'Rule', h('select', { id: `rule-step${n}-rule`, name: `steps[${n - 1}].rule` },
      rules.map(r => h('option', { value: r }, spoken(r))))));
  const form = h('form', { class: 'stack', 'aria-label': 'Propose a rule change' },
    h('label', { for: 'rule-decision' }, 'Decision', h('select', { id: 'rule-decision', name: 'decisionType' },
      overview.rules.map(r => h('option', { value: r.decisionType }, spoken(r.decisionType))))),
    step(1), step(2), step(3),
    h('label', { for: 'rule-reason' }, 'Why', h('textarea', { id: 'rule-reason', name: 'reason', rows: 2 })),
    h('button', { type: 'submit' }, 'Propose the rule'));
  // the rule in force as the starting point: a model lets an initiative tighten its rules, never loosen them
  const showRuleInForce = () => {
    const inForce = overview.rules.find(r => r.decisionType === form.decisionType.value);
    [1, 2, 3].forEach(n => {
      const s = inForce && inForce.steps[n - 1];
      body(n).value = s ? s.bodyType : (n > 1 ? '' : types[0]);
      if (s) rule(n).value = s.rule;
    });
  };
  form.decisionType.addEventListener('change', showRuleInForce);
  showRuleInForce();
  onSubmit(form, async () => {
    const steps = [1, 2, 3].filter(n => body(n).value).map(n => ({ bodyType: body(n).value, rule: rule(n).value }));
    try {
      await api(`${base}/governance/rules`, { method: 'POST',
        body: { decisionType: form.decisionType.value, steps, reason: form.reason.value || null } });
      location.hash = `#/i/${encodeURIComponent(id)}`;
    } catch (error) {
      showProblem(region, error, form);
    }
  });
  return overview.rules.length ? h('section', {}, h('h2', {}, 'Propose a rule change'), h('p', {}, 'The new rule takes '
    + 'effect when the proposal is approved under the rules in force.'), region, form) : null;
}

