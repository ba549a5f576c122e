// The console's frame, shared by its pages: the signed-in person, the page title and content, the navigation, and
// drawing the current address again after a change.
import { h, api } from './kit.js';

const main = document.getElementById('main');
const nav = document.getElementById('nav');

/** Who is signed in ({ user, platformAdmin, csrfToken }), or null. */
export const session = { me: null };

let router = () => {};

/** Sets what draws the current address. */
export function onRedraw(draw) { router = draw; }

/** Draws the current address again (after a write). */
export function redraw() { return router(); }

/** Shows a page: its title as the heading and the document's title, its content, the focus on it. */
export function page(title, ...content) {
  document.title = `${title} · Civic Backbone`;
  main.replaceChildren(h('h1', {}, title), ...content.flat().filter(c => c !== null && c !== undefined && c !== ''));
  main.focus();
}

/** The navigation: [text, address] pairs; the current one is marked for screen readers. */
export function navigation(links) {
  nav.replaceChildren(h('ul', {}, links.map(([text, href]) =>
    h('li', {}, h('a', { href, 'aria-current': location.hash === href ? 'page' : null }, text)))));
}

/** An initiative and the pages of the functions it uses, with its navigation shown. */
export async function initiative(id) {
  const [initiative, contributed] = await Promise.all([api(`/initiatives/${encodeURIComponent(id)}`), api('/console/pages')]);
  const pages = contributed.filter(p => initiative.enabledFunctionIds.includes(p.functionId));
  navigation([['My work', '#/'], [initiative.name, `#/i/${encodeURIComponent(id)}`],
    ['Governance', `#/i/${encodeURIComponent(id)}/governance`], ['People', `#/i/${encodeURIComponent(id)}/people`],
    ['Organisations', `#/i/${encodeURIComponent(id)}/organisations`],
    ...pages.map(p => [p.title, `#/i/${encodeURIComponent(id)}/p/${p.functionId}/${p.id}`])]);
  return { initiative, pages };
}

