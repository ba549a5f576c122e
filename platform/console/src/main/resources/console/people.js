// People, organisations and logins without the shell: an initiative's people with their seats and logins (its staff
// record people, seat them, create their logins and give new passwords), its organisation registry (staff register
// organisations, change one, and merge a duplicate into the one it is), and the platform's logins (platform admins
// only).
import { h, api, table, formSection, actionCell, showProblem, useCsrfToken, organisationNames, onSubmit, spoken,
  redrawSaying, oneWriteButton, Problem } from './kit.js';
import { page, initiative, navigation, session } from './shell.js';

// The API's Sector values (org.civicbackbone.api.initiative.Sector), in the order a person looks for them.
const SECTORS = ['NONPROFIT', 'COMMUNITY_MEMBER', 'PUBLIC_AGENCY', 'EDUCATION', 'YOUTH', 'HEALTH', 'HOUSING',
  'WORKFORCE', 'FAITH', 'BUSINESS', 'FUNDER', 'PHILANTHROPY'];

const NEW_PASSWORD = { name: 'password', label: 'New password (10 characters or more)', type: 'password' };

// the realm's rule for a login name (LoginSpec.NAME), shown by example
const LOGIN_NAME = { name: 'name', label: 'Login name (lower-case letters, digits, dots, dashes or underscores)', example: 'mlopez' };

export async function peoplePage(id) {
  const { initiative: i } = await initiative(id);
  const base = `/initiatives/${encodeURIComponent(id)}`;
  const again = () => peoplePage(id);
  const [people, bodies, names] = await Promise.all([api(`${base}/people`), api(`${base}/bodies`),
    organisationNames(id)]);
  const members = (await Promise.all(bodies.map(b => api(`${base}/bodies/${b.id}/members`)))).flat();
  const seatsOf = person => members.filter(m => m.personId === person.id && !m.retiredAt)
    .map(m => `${m.role}, ${(bodies.find(b => b.id === m.bodyId) || {}).name || m.bodyId}`);
  // a seat on the backbone team is a hire, proposed on the Governance page; the API refuses it here (409)
  const seatable = bodies.filter(b => b.type !== 'backbone-team');
  const element = h('div');
  const createLogin = {
    name: p => p.name,
    action: {
      label: 'Create a login', when: p => !p.username, path: p => `people/${p.id}/login`,
      fields: [LOGIN_NAME, NEW_PASSWORD],
      body: v => ({ name: v.name, password: v.password }),
    },
  };
  // a person's name and address as they are, to be changed; their login stays as it is (PUT replaces all three)
  const change = {
    name: p => p.name,
    action: { label: 'Change', path: p => `people/${p.id}`, method: 'PUT',
      fields: p => [{ name: 'name', label: 'Name', value: p.name },
        { name: 'email', label: 'E-mail address', optional: true, value: p.email || '' }],
      body: (v, p) => ({ name: v.name, username: p.username, email: v.email }) },
  };
  const reset = {
    name: p => p.name,
    action: { label: 'New password', when: p => !!p.username, path: p => `people/${p.id}/login/password`,
      method: 'PUT', fields: [NEW_PASSWORD] },
  };
  element.replaceChildren(names,
    h('p', {}, 'Everyone on the initiative\'s record once, with every seat they hold. A person\'s login is what they '
      + 'sign in with; their seats decide what it may do here. Staff create logins and give new passwords for '
      + 'their own people; a login on another initiative\'s record too is a platform admin\'s to reset.'),
    table(people, [
      { title: 'Name', cell: p => p.name },
      { title: 'Login', cell: p => p.username || '—' },
      { title: 'E-mail', cell: p => p.email || '—' },
      { title: 'Seats', cell: p => seatsOf(p).join('; ') || 'none' },
      { title: 'Action', cell: p => h('div', { class: 'row-actions' }, actionCell(base, change, p, element, again),
          actionCell(base, p.username ? reset : createLogin, p, element, again)) },
    ], 'Nobody is on record yet.'),
    formSection(base, { title: 'Record a person', path: 'people',
      fields: [{ name: 'name', label: 'Name' },
        { name: 'username', label: 'Existing login', optional: true, example: 'mlopez' },
        { name: 'email', label: 'E-mail address', optional: true, example: 'mlopez@example.org' }] },
    again),
    seatable.length && people.length ? formSection(base, { title: 'Give a person a seat', key: 'seat',
      path: v => `bodies/${v.bodyId}/members`,
      fields: [
        { name: 'personId', label: 'Person', type: 'select', options: people.map(p => [String(p.id), p.name]) },
        { name: 'bodyId', label: 'Body', type: 'select', options: seatable.map(b => [String(b.id), b.name]) },
        { name: 'organisation', label: 'Organisation', type: 'organisation' },
        { name: 'role', label: 'Role on the body' },
        { name: 'sector', label: 'Sector', type: 'select', options: SECTORS },
      ],
      body: v => ({ personId: Number(v.personId), organisation: v.organisation, role: v.role, sector: v.sector }),
    }, again) : null);
  page(`People · ${i.name}`, element);
}

export async function organisationsPage(id) {
  const { initiative: i } = await initiative(id);
  const base = `/initiatives/${encodeURIComponent(id)}`;
  const again = () => organisationsPage(id);
  const organisations = await api(`${base}/organisations`);
  const element = h('div');
  const aliasList = text => (text || '').split(',').map(a => a.trim()).filter(Boolean);
  // a record's name, other names and sectors as they are, to be changed (PUT replaces all three)
  const change = {
    name: o => o.name,
    action: { label: 'Change', path: o => `organisations/${o.id}`, method: 'PUT',
      fields: o => [{ name: 'name', label: 'Name', value: o.name },
        { name: 'aliases', label: 'Other names, separated by commas', optional: true, value: o.aliases.join(', ') },
        { name: 'sectors', label: 'Sectors', type: 'choices', options: SECTORS, value: o.sectors }],
      body: v => ({ name: v.name, aliases: aliasList(v.aliases), sectors: v.sectors }) },
  };
  // merging offers every organisation but the row's own (ADR 0025)
  const merge = o => ({
    name: m => m.name,
    action: { label: 'Merge into', when: () => organisations.length > 1, path: m => `organisations/${m.id}/merge`,
      fields: [{ name: 'into', label: 'The organisation it is', type: 'select',
        options: organisations.filter(other => other.id !== o.id).map(other => [String(other.id), other.name]) }],
      body: v => ({ into: Number(v.into) }) },
  });
  element.replaceChildren(
    h('p', {}, 'Every organisation of the initiative once: seats, partners\' values, activity owners, funders and '
      + 'stances point to these records, and another spelling or an alias of a name is the same organisation. Two '
      + 'records that turn out to be one are merged: the duplicate\'s names become aliases of the one kept, and '
      + 'everything that pointed to it follows. A merge cannot be undone.'),
    table(organisations, [
      { title: 'Name', cell: o => o.name },
      { title: 'Also known as', cell: o => o.aliases.join(', ') || '—' },
      { title: 'Sectors', cell: o => o.sectors.map(spoken).join(', ') },
      { title: 'Action', cell: o => h('div', { class: 'row-actions' },
          actionCell(base, change, o, element, again), actionCell(base, merge(o), o, element, again)) },
    ], 'No organisation is on record yet.'),
    formSection(base, { title: 'Register an organisation', path: 'organisations',
      fields: [{ name: 'name', label: 'Name' },
        { name: 'aliases', label: 'Other names, separated by commas', optional: true },
        { name: 'sectors', label: 'Sectors', type: 'choices', options: SECTORS }],
      body: v => ({ name: v.name, aliases: aliasList(v.aliases), sectors: v.sectors }) }, again));
  page(`Organisations · ${i.name}`, element);
}

export async function loginsPage() {
  navigation([['My work', '#/'], ['Logins', '#/admin/logins']]);
  const logins = await api('/logins');
  const element = h('div');
  const again = () => loginsPage();
  const name = l => encodeURIComponent(l.name);
  const notMine = l => l.name !== session.me.user;
  const actions = [
    { label: 'New password', path: l => `${name(l)}/password`, method: 'PUT', fields: [NEW_PASSWORD] },
    { label: 'Make platform admin', when: l => !l.platformAdmin, path: l => `${name(l)}/platform-admin`,
      method: 'PUT', body: () => ({ platformAdmin: true }) },
    { label: 'No longer platform admin', when: l => l.platformAdmin && notMine(l),
      path: l => `${name(l)}/platform-admin`, method: 'PUT', body: () => ({ platformAdmin: false }) },
    { label: 'Remove', when: notMine, path: name, method: 'DELETE',
      confirm: l => `Remove the login ${l.name}? Its sessions end and its password stops working at once.` },
  ].map(action => ({ name: l => l.name, action }));
  element.replaceChildren(
    h('p', {}, 'Every login of the platform\'s realm. A new password, a change of platform admin or a removal ends '
      + 'that login\'s console sessions, nobody else\'s; the last platform admin stays one. To let a login act in an '
      + 'initiative, give its person a seat there (the initiative\'s People page).'),
    table(logins, [
      { title: 'Login', cell: l => l.name },
      { title: 'Platform admin', cell: l => l.platformAdmin ? 'yes' : 'no' },
      { title: 'Roles', cell: l => l.roles.join(', ') },
      { title: 'Actions', cell: l => h('div', { class: 'actions' },
        actions.map(list => actionCell('/logins', list, l, element, again))) },
    ], 'The realm has no logins the platform can list.'),
    formSection('', { title: 'Create a login', path: 'logins',
      fields: [LOGIN_NAME, { name: 'password', label: 'Password (10 characters or more)',
        type: 'password' }, { name: 'platformAdmin', label: 'Platform admin', type: 'select',
        options: [['false', 'no'], ['true', 'yes']] }],
      body: v => ({ name: v.name, password: v.password, platformAdmin: v.platformAdmin === 'true' }) }, again));
  page('Logins', element);
}

/** The signed-in person changes their own password; their session goes on, their other sessions end. */
export async function passwordPage() {
  navigation([['My work', '#/'], ['My password', '#/me/password']]);
  const region = h('div', { 'aria-live': 'polite' });
  const field = (name, label, autocomplete) => h('label', { for: `me-${name}` }, label,
    h('input', { id: `me-${name}`, name, type: 'password', autocomplete }));
  const form = h('form', { class: 'stack', 'aria-label': 'Change my password' },
    field('currentPassword', 'Current password', 'current-password'),
    field('password', 'New password (10 characters or more)', 'new-password'),
    field('again', 'The new password again', 'new-password'),
    h('button', { type: 'submit' }, 'Change my password'));
  onSubmit(form, async () => {
    if (form.password.value !== form.again.value) {
      showProblem(region, { message: 'The new password was not typed the same twice.',
        violations: [{ field: 'again', message: 'differs from the new password' }] }, form);
      return;
    }
    try {
      session.me = await api('/session/password', { method: 'PUT',
        body: { currentPassword: form.currentPassword.value, password: form.password.value } });
      useCsrfToken(session.me.csrfToken);
      form.reset();
      region.replaceChildren(h('p', { role: 'status' }, 'Your password is changed. Your other sign-ins have ended.'));
    } catch (error) {
      showProblem(region, error, form);
    }
  });
  page('My password', h('p', {}, `Signed in as ${session.me.user}.`), region, form);
}

/** The signed-in person's own e-mail digest: where it goes and how often they want it. */
export async function myMailPage() {
  navigation([['My work', '#/'], ['My e-mail', '#/me/mail']]);
  let mine;
  try {
    mine = await api('/mail/mine');
  } catch (error) {
    if (error.status !== 404) throw error;
    page('My e-mail', h('p', {}, 'This platform sends no e-mail.'));
    return;
  }
  const region = h('div', { 'aria-live': 'polite', role: 'status' });
  page('My e-mail',
    h('p', {}, 'A digest of what waits for you (votes, days coming up, what needs attention) goes to the addresses '
      + 'on your records.'),
    h('p', {}, mine.addresses.length ? `Your addresses: ${mine.addresses.join(', ')}.`
      : 'No e-mail address is on your records: ask your initiative\'s staff to add one on its People page.'),
    h('p', {}, mine.sent ? `Digests go out at ${mine.sendAt} (${mine.zone}).`
      : 'This platform does not send the digests now; your choice counts once it does.'),
    region,
    formSection('', { title: 'Choose how often', path: 'mail/mine', method: 'PUT',
      fields: [{ name: 'frequency', label: 'How often', type: 'select', value: mine.frequency,
        options: [['DAILY', 'Every day'], ['WEEKLY', 'On Mondays'], ['NONE', 'Never']] }] },
    () => redrawSaying(myMailPage, 'Your choice is kept.')));
}

/**
 * A letter's link that stops the digest, nobody signing in: it asks first (a mail program or a link checker that opens
 * the link stops nothing), then posts the link's login and token without the browser's session.
 */
export function stopMailPage(login, token) {
  navigation([]); // the page is the letter reader's, signed in or not
  const region = h('div', { 'aria-live': 'polite', role: 'status' });
  const stopped = () => page('Stop my e-mail', region);
  const stop = async () => {
    const answer = await fetch(`/api/v1/mail/stop?login=${encodeURIComponent(login)}&token=${encodeURIComponent(token)}`,
      { method: 'POST', credentials: 'omit', headers: { Accept: 'application/json, application/problem+json' } });
    if (!answer.ok) throw new Problem(answer.status, await answer.json());
    return answer.json();
  };
  page('Stop my e-mail',
    h('p', {}, `No more digests go to ${login} once you press the button. Signed in, you can choose them again on `
      + 'My e-mail.'),
    region,
    oneWriteButton('Stop my digest', region, 'Stopping…', stop, stopped,
      () => `Stopped: no more digests go to ${login}.`));
}
