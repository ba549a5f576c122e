// Administration in the console: the modules (install and uninstall with their progress) and the REST API's
// description, the database's backups, and the daily e-mail digest.
import { h, api, showProblem, table, spoken, figure, moment, formSection, oneWriteButton, redrawSaying }
  from './kit.js';
import { page, navigation } from './shell.js';

export async function apiPage() {
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
  const schemaName = s => (s && s.$ref ? s.$ref.split('/').pop() : s && s.type === 'array' && s.items
    ? `list of ${schemaName(s.items)}` : (s && s.type) || '');
  // a body's fields, each with what the API refuses in words, under its name (the same limits refuse it with 400)
  const body = s => {
    const record = s && s.$ref && doc.components.schemas[s.$ref.split('/').pop()];
    if (!record || !record.properties) return schemaName(s);
    const required = new Set(record.required || []);
    return h('details', { class: 'body-fields' }, h('summary', {}, schemaName(s)),
      table(Object.entries(record.properties), [
        { title: 'Field', cell: ([field]) => h('code', {}, field) },
        { title: 'Type', cell: ([, f]) => schemaName(f) },
        { title: 'Must be', cell: ([field, f]) => limits(f, required.has(field)) },
      ], ''));
  };
  const limits = (f, required) => {
    const said = required ? ['required'] : [];
    if (f.minLength === 1) said.push(f.pattern === '\\S' ? 'not blank' : 'not empty');
    else if (f.minLength) said.push(`at least ${f.minLength} characters`);
    if (f.maxLength !== undefined) said.push(`at most ${f.maxLength} characters`);
    if (f.minItems) said.push(`at least ${f.minItems} in the list`);
    if (f.maxItems !== undefined) said.push(`at most ${f.maxItems} in the list`);
    if (f.minimum !== undefined) said.push(`${f.exclusiveMinimum ? 'more than' : 'at least'} ${figure(f.minimum)}`);
    if (f.maximum !== undefined) said.push(`${f.exclusiveMaximum ? 'less than' : 'at most'} ${figure(f.maximum)}`);
    if (f.multipleOf !== undefined) said.push(`in steps of ${figure(f.multipleOf)}`);
    if (f.format === 'email') said.push('an e-mail address');
    if (f.description) said.push(f.description);
    else if (f.pattern && f.pattern !== '\\S') said.push(`matching ${f.pattern}`);
    const named = f.$ref && doc.components.schemas[f.$ref.split('/').pop()];
    if (named && named.enum) said.push(`one of ${named.enum.join(', ')}`);
    const each = f.items ? limits(f.items, false) : '';
    if (each) said.push(`each ${each}`);
    return said.join('; ');
  };
  page('The REST API',
    h('p', {}, `OpenAPI ${doc.openapi} description of every resource of the platform and its installed modules: `,
      h('a', { href: '/api/v1/openapi.json' }, 'openapi.json'), '. Errors are problem details (RFC 9457). ',
      'Open a body to see its fields and what each must be.'),
    [...byTag].sort(([a], [b]) => a.localeCompare(b)).map(([tag, operations]) => h('section', {},
      h('h2', {}, tag),
      table(operations, [
        { title: 'Method', cell: o => o.verb.toUpperCase() },
        { title: 'Address', cell: o => h('code', {}, o.path) },
        { title: 'Who may call', cell: o => spoken(o.op['x-audience']) },
        { title: 'Body', cell: o => o.op.requestBody
            ? body(Object.values(o.op.requestBody.content)[0].schema) : '' },
        { title: 'Answer', cell: o => o.op.responses['200'].content
            ? schemaName(Object.values(o.op.responses['200'].content)[0].schema) : '' },
      ], ''))));
}

export async function modulesPage() {
  navigation([['My work', '#/'], ['Modules', '#/admin/modules']]);
  const modules = await api('/modules');
  const region = h('div', { 'aria-live': 'polite', role: 'status' });
  async function change(module, install, button) {
    button.disabled = true; // an install runs for seconds: a second click would ask for it twice
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
      document.getElementById('main').querySelector('[role=status]').replaceChildren(focus);
    } catch (error) {
      button.disabled = false;
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
        onclick: event => change(m, !m.installed, event.currentTarget) }, m.installed ? 'Uninstall' : 'Install') },
  ], 'No modules are known.'));
}


/** A size in the units people read: "585.2 kB", "34.1 MB". */
const size = bytes => (bytes >= 1e6 ? `${figure(Math.round(bytes / 1e5) / 10)} MB` : `${figure(Math.round(bytes / 100) / 10)} kB`);

/** The embedded database's backups: those in the folder, when the next is due, one taken now, each downloadable. */
export async function backupsPage() {
  navigation([['My work', '#/'], ['Backups', '#/admin/backups']]);
  const state = await api('/backups');
  const region = h('div', { 'aria-live': 'polite', role: 'status' });
  if (!state.available) {
    page('Backups', h('p', {}, 'The platform runs on PostgreSQL: back it up with PostgreSQL\'s own tools (pg_dump), '
      + 'as the README\'s "Backups" section says.'));
    return;
  }
  page('Backups',
    h('p', {}, `Backups of the platform's database, in ${state.folder}. Each is taken while the platform serves and `
      + 'checked by opening it. A backup holds every partner\'s data and every login\'s password hash: download one '
      + 'to keep it somewhere safe off this machine.'),
    h('p', {}, state.nextDue ? `Next scheduled backup: ${moment(state.nextDue)}. The newest ${state.keep} are kept.`
      : 'No backup is scheduled (etc/org.civicbackbone.backup.cfg).'),
    state.copiedTo ? h('p', {}, `Each scheduled backup is also copied to ${state.copiedTo} (${state.copies} there `
      + 'now).', state.copyFailure ? h('strong', {}, ` The last copy failed: ${state.copyFailure}`) : null) : null,
    // a backup of a large database takes seconds
    oneWriteButton('Take a backup now', region, 'Taking a backup and checking it…',
      () => api('/backups', { method: 'POST' }), backupsPage, taken => `Backed up ${figure(taken.rows)} rows in `
        + `${taken.tables} tables to ${taken.backup.name}, and checked it.`),
    region,
    table(state.backups, [
      { title: 'Taken', cell: b => moment(b.takenAt) },
      { title: 'Size', cell: b => size(b.bytes) },
      { title: 'File', cell: b => h('a', { href: `/api/v1/backups/${encodeURIComponent(b.name)}`, download: b.name },
          b.name) },
    ], 'No backup has been taken yet.'));
}

/** The daily e-mail digest: on or off (and why), a test letter to check the settings, today's digests sent now. */
export async function mailPage() {
  navigation([['My work', '#/'], ['Mail', '#/admin/mail']]);
  let state;
  try {
    state = await api('/mail');
  } catch (error) {
    if (error.status !== 404) throw error;
    page('Mail', h('p', {}, 'This distribution has no e-mail module (the feature backbone-mail).'));
    return;
  }
  const region = h('div', { 'aria-live': 'polite', role: 'status' });
  page('Mail',
    h('p', {}, 'Once a day each person with a login and an e-mail address on an initiative\'s record gets what waits '
      + 'for them: votes, days coming up and what needs attention. Nobody with nothing waiting gets a letter.'),
    h('p', {}, state.enabled ? `The digests go out at ${state.sendAt} (${state.zone}) through ${state.server}, `
      + `from ${state.from}.` : state.off),
    region,
    state.enabled ? oneWriteButton('Send today\'s digests now', region, 'Sending today\'s digests…',
      () => api('/mail/digests', { method: 'POST' }), mailPage,
      log => `Sent ${figure(log.filter(d => d.state === 'SENT').length)} of today's digests in all.`) : null,
    formSection('', { title: 'Send a test letter', path: 'mail/test',
      fields: [{ name: 'to', label: 'To', example: 'you@example.org' }] },
    () => redrawSaying(mailPage, 'The mail server took the letter: look for it in that inbox.')),
    h('h2', {}, `Today's digests (${state.day})`),
    table(state.digests, [
      { title: 'Login', cell: d => d.login },
      { title: 'Address', cell: d => d.address },
      { title: 'State', cell: d => spoken(d.state) },
      { title: 'Things told', cell: d => figure(d.items) },
      { title: 'Tries', cell: d => figure(d.attempts) },
      { title: 'When', cell: d => moment(d.notedAt) },
      { title: 'What the server said', cell: d => d.error || '—' },
    ], 'None yet today.'));
}
