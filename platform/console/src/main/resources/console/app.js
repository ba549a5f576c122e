// The console: sign-in, "my work", an initiative's page with its proposals, and the pages installed modules add.
// Every figure comes from the REST API as the signed-in person may see it; the console has no data of its own.
import { h, api, Problem, showProblem, table, lineChart, barChart, functionPage, formSection, typedNumber,
  organisationNames, useCsrfToken, onSubmit, spoken, amount, moment, figure } from './kit.js';
import { session, page, navigation, initiative, onRedraw } from './shell.js';
import { initiativePage, governancePage, bodyNamesOf } from './governance.js';
import { apiPage, modulesPage, backupsPage, mailPage } from './admin.js';
import { peoplePage, organisationsPage, loginsPage, passwordPage, myMailPage, stopMailPage } from './people.js';
import { initiativesPage } from './setup.js';

const who = document.getElementById('who');

async function signIn() {
  who.replaceChildren();
  navigation([]);
  const region = h('div', { 'aria-live': 'polite' });
  const form = h('form', { class: 'stack', novalidate: true },
    h('label', { for: 'user' }, 'User name', h('input', { id: 'user', name: 'user', autocomplete: 'username', required: true })),
    h('label', { for: 'password' }, 'Password',
      h('input', { id: 'password', name: 'password', type: 'password', autocomplete: 'current-password', required: true })),
    h('button', { type: 'submit' }, 'Sign in'));
  onSubmit(form, async () => {
    try {
      session.me = await api('/session', { method: 'POST', body: { user: form.user.value, password: form.password.value } });
      useCsrfToken(session.me.csrfToken);
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
  who.replaceChildren(session.me.platformAdmin ? h('a', { href: '#/admin/modules' }, 'Modules') : '',
    session.me.platformAdmin ? h('a', { href: '#/admin/logins' }, 'Logins') : '',
    session.me.platformAdmin ? h('a', { href: '#/admin/initiatives' }, 'Initiatives') : '',
    session.me.platformAdmin ? h('a', { href: '#/admin/backups' }, 'Backups') : '',
    session.me.platformAdmin ? h('a', { href: '#/admin/mail' }, 'Mail') : '',
    h('a', { href: '#/api' }, 'API'), h('a', { href: '#/me/password' }, 'My password'),
    h('a', { href: '#/me/mail' }, 'My e-mail'),
    h('span', {}, `Signed in as ${session.me.user}`),
    h('button', { type: 'button', onclick: signOut }, 'Sign out'));
}

async function signOut() {
  try { await api('/session', { method: 'DELETE' }); } catch (error) { /* signed out either way */ }
  session.me = null;
  useCsrfToken(null);
  location.hash = '#/';
  signIn();
}

async function home() {
  navigation([['My work', '#/']]);
  // what the installed modules have coming up or needing attention, across my initiatives, in one request
  const [initiatives, awaiting, items] = await Promise.all([api('/initiatives'), api('/my-work/awaiting-my-vote'),
    api('/my-work/items')]);
  const names = new Map(initiatives.map(i => [i.id, i.name]));
  // the body each vote waits in, by its name in that initiative (few initiatives have a proposal waiting on me)
  const waitingIn = [...new Set(awaiting.map(p => p.initiativeId))];
  const bodyNames = new Map(await Promise.all(waitingIn.map(async id => [id, await bodyNamesOf(id)])));
  const openBody = p => {
    const step = p.steps.find(s => s.state === 'OPEN');
    return step ? bodyNames.get(p.initiativeId)(step.bodyType) : '';
  };
  const coming = items.filter(item => item.kind === 'COMING_UP');
  const attention = items.filter(item => item.kind === 'NEEDS_ATTENTION');
  const itemLink = item => item.page
    ? h('a', { href: `#/i/${encodeURIComponent(item.initiativeId)}/p/${encodeURIComponent(item.functionId)}/${encodeURIComponent(item.page)}` }, item.what)
    : item.what;
  page('My work',
    h('h2', {}, 'Waiting for my vote'),
    table(awaiting, [
      { title: 'Proposal', cell: p => h('a', { href: `#/i/${encodeURIComponent(p.initiativeId)}` }, p.title) },
      { title: 'Initiative', cell: p => names.get(p.initiativeId) || p.initiativeId },
      { title: 'Body', cell: openBody },
      // the moment voting closes (the calendar file gives it in the reader's own zone)
      { title: 'Voting closes', cell: p => moment(p.expiresAt) },
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
      { title: 'What', cell: itemLink },
      { title: 'Initiative', cell: c => c.initiative },
    ], 'No reporting deadlines or meetings coming up.'),
    // a calendar app reminds the person of the days above and of when voting closes; one that subscribes asks for
    // the feed again now and then, with the login's own name and password
    h('p', {}, 'Your calendar app can remind you of these days and of when voting closes: ',
      h('a', { href: '/api/v1/my-work/calendar', download: 'my-work.ics' }, 'download them as a calendar file'),
      ' to import, or subscribe to ', h('code', {}, `${location.origin}/api/v1/my-work/calendar`),
      ' with your login and password.'),
    h('h2', {}, 'Needs attention'),
    table(attention, [
      { title: 'What', cell: itemLink },
      { title: 'Initiative', cell: a => a.initiative },
    ], 'Nothing needs attention: every indicator is on track and reported.'));
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
    { initiative: i, page: wanted, api, h, table, showProblem, lineChart, barChart, functionPage, formSection,
      typedNumber, organisationNames, Problem, onSubmit, spoken, amount, moment, figure });
}

// Navigations started, the latest one finished, and whether an earlier one drew over a later one still loading. A page
// that loads slowly must not stay over a later one: an initiative's page shows its navigation before its proposals
// have loaded, and a page chosen there meanwhile draws its heading before its module's script has loaded.
let routesStarted = 0;
let routeDrawn = 0;
let drawnOver = false;

async function route() {
  const turn = ++routesStarted;
  performance.mark('backbone:route'); // what a page costs to show, data included: the browser tests report it
  const parts = location.hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
  try {
    if (parts[0] === 'stop-mail') stopMailPage(parts[1], parts[2]);
    else if (parts[0] === 'api') await apiPage();
    else if (parts[0] === 'admin' && parts[1] === 'modules') await modulesPage();
    else if (parts[0] === 'admin' && parts[1] === 'logins') await loginsPage();
    else if (parts[0] === 'admin' && parts[1] === 'initiatives') await initiativesPage();
    else if (parts[0] === 'admin' && parts[1] === 'backups') await backupsPage();
    else if (parts[0] === 'admin' && parts[1] === 'mail') await mailPage();
    else if (parts[0] === 'me' && parts[1] === 'password') await passwordPage();
    else if (parts[0] === 'me' && parts[1] === 'mail') await myMailPage();
    else if (parts[0] === 'i' && parts[2] === 'people') await peoplePage(parts[1]);
    else if (parts[0] === 'i' && parts[2] === 'organisations') await organisationsPage(parts[1]);
    else if (parts[0] === 'i' && parts[2] === 'p') await contributedPage(parts[1], parts[3], parts[4]);
    else if (parts[0] === 'i' && parts[2] === 'governance') await governancePage(parts[1]);
    else if (parts[0] === 'i') await initiativePage(parts[1]);
    else await home();
  } catch (error) {
    if (error instanceof Problem && error.status === 401) { session.me = null; signIn(); return; }
    const region = h('div');
    page('Something went wrong', region);
    showProblem(region, error);
  }
  performance.measure('backbone:render', 'backbone:route');
  if (turn < routesStarted) { // a later navigation started while this one loaded: this page may cover that one's
    if (routeDrawn === routesStarted) route(); // that one has finished: draw the page the address names
    else drawnOver = true; // that one draws it again when it finishes
    return;
  }
  routeDrawn = turn;
  if (drawnOver) {
    drawnOver = false;
    route(); // an earlier navigation drew over this one while this one was loading
  }
}

onRedraw(route);
window.addEventListener('hashchange', () => { if (session.me || location.hash.startsWith('#/stop-mail/')) route(); });
// a letter's link that stops the digest is for whoever reads the letter: no sign-in, no session
const stopping = location.hash.match(/^#\/stop-mail\/([^/]+)\/([^/]+)$/);
if (stopping) {
  stopMailPage(decodeURIComponent(stopping[1]), stopping[2]);
} else {
  try {
    session.me = await api('/session');
    useCsrfToken(session.me.csrfToken);
    signedIn();
    route();
  } catch (error) {
    signIn();
  }
}
