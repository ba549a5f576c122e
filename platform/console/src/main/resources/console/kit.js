// What the console and the modules' pages share: building elements, calling the REST API as the signed-in person,
// showing its problems next to the field at fault, forms and whole function pages, the charts (charts.js) and the
// API's values in words (words.js). Module pages receive it as their context.
import { amount, spoken } from './words.js';

/** An element with attributes (on* keys are listeners) and children (strings become text, never HTML). */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key.startsWith('on')) el.addEventListener(key.slice(2), value);
    else el.setAttribute(key, value === true ? '' : value);
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

/** A refusal of the API: its problem details (RFC 9457) with the violations by field. */
export class Problem extends Error {
  constructor(status, body) {
    super((body && (body.detail || body.title)) || `The platform answered ${status}.`);
    this.status = status;
    this.body = body;
    this.violations = (body && body.violations) || [];
  }
}

const session = { csrfToken: null };

/** Remembers the CSRF token that signing in answered; writes carry it. */
export function useCsrfToken(token) { session.csrfToken = token; }

/** The longest Retry-After the console waits out by itself before sending a request again, in seconds. */
const RESEND_WITHIN_SECONDS = 5;

/**
 * Calls /api/v1{path}; answers the parsed JSON (or text), throws a Problem for any answer that is not 2xx. A 503
 * with Retry-After says nothing was done (the platform is starting, a module is being installed or removed, or the
 * records were busy): the request is sent once more after that wait, when it is short, so a person saving a form at
 * that moment is not shown the refusal. A 503 without Retry-After (a request stopped at its deadline) is not sent
 * again: it may have been done.
 */
export async function api(path, { method = 'GET', body, raw, headers: extra } = {}) {
  const headers = { 'X-Requested-With': 'console', Accept: 'application/json, application/problem+json, text/csv', ...extra };
  if (body !== undefined && !raw) headers['Content-Type'] = 'application/json';
  if (raw) headers['Content-Type'] = 'text/csv';
  if (method !== 'GET' && session.csrfToken) headers['X-CSRF-Token'] = session.csrfToken;
  const send = () => fetch('/api/v1' + path, {
    method, headers, credentials: 'same-origin',
    body: body === undefined ? undefined : raw ? body : JSON.stringify(body),
  });
  let answer = await send();
  const wait = answer.status === 503 ? resendAfter(answer.headers.get('Retry-After')) : null;
  if (wait !== null) {
    await answer.body?.cancel();
    await new Promise(resolve => setTimeout(resolve, wait * 1000));
    answer = await send();
  }
  const type = answer.headers.get('Content-Type') || '';
  const data = answer.status === 204 ? null : type.includes('json') ? await answer.json() : await answer.text();
  if (!answer.ok) throw new Problem(answer.status, typeof data === 'object' ? data : { detail: data });
  return data;
}

/** The seconds a Retry-After of whole seconds asks for, when the console waits that long by itself; else null. */
function resendAfter(header) {
  if (header === null || !/^\d+$/.test(header.trim())) return null;
  const seconds = Number(header.trim());
  return seconds <= RESEND_WITHIN_SECONDS ? seconds : null;
}

/**
 * A number typed by a person, for a JSON body: blank is null; a decimal goes as the number it reads as, every digit
 * kept (JSON.rawJSON where the browser has it, a double otherwise); anything else goes as typed, so that the API
 * refuses it beside its field ("must be a number") instead of receiving null.
 */
export function typedNumber(text) {
  const typed = String(text ?? '').trim();
  if (typed === '') return null;
  const decimal = /^(-?)0*(\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)$/.exec(typed);
  if (!decimal) return typed;
  const json = decimal[1] + decimal[2]; // "007" is 7: JSON has no leading zeros
  return typeof JSON.rawJSON === 'function' ? JSON.rawJSON(json) : Number(json);
}

/** The id of the list of an initiative's organisation names that organisation inputs offer (see organisationNames). */
const ORGANISATION_NAMES = 'organisation-names';

/**
 * The names (and aliases) of an initiative's registered organisations as a datalist that inputs of type
 * 'organisation' offer, so that staff pick "Riverbend Public Library" instead of typing a near-duplicate of it; empty
 * when the person may not read the registry (the API still resolves whatever is typed).
 */
export async function organisationNames(initiativeId) {
  const registry = await api(`/initiatives/${encodeURIComponent(initiativeId)}/organisations`).catch(() => []);
  const names = [...new Set(registry.flatMap(o => [o.name, ...(o.aliases || [])]))];
  return h('datalist', { id: ORGANISATION_NAMES }, names.map(n => h('option', { value: n })));
}

/** Shows a problem at the top of a form (or region) and each violation next to its field (by the input's name). */
export function showProblem(region, error, form) {
  const violations = error.violations || [];
  const placed = form ? markFields(form, violations) : [];
  // a fault shown beside its input is not listed again above the form
  const unplaced = violations.filter(v => !placed.includes(v));
  region.replaceChildren(h('div', { class: 'problem', role: 'alert' }, error.message,
    unplaced.length ? h('ul', {}, unplaced.map(v => h('li', {}, `${v.field}: ${v.message}`))) : null));
}

/**
 * The input a violation's field names: the one named by the whole path (goals[1].title), else by the nearest path
 * above it (goals[1].strategies[0].title is the goals[1].strategies input), else, in a flat form, by its last segment
 * without an index (spec.goalNumbers[1] is the goalNumbers input).
 */
function inputFor(form, field) {
  const named = name => form.querySelector(`[name="${CSS.escape(name)}"]`);
  for (let path = String(field), above; path; path = above) {
    if (named(path)) return named(path);
    above = path.replace(/(\.[^.[\]]*|\[\d+\])$/, '');
    if (above === path) break;
  }
  return named(String(field).split('.').pop().replace(/\[\d+\]$/, ''));
}

/** Marks each input a violation names (see inputFor) and answers the violations so placed. */
function markFields(form, violations) {
  form.querySelectorAll('.field-error').forEach(e => e.remove());
  form.querySelectorAll('[aria-invalid]').forEach(e => e.removeAttribute('aria-invalid'));
  const placed = [];
  for (const v of violations) {
    const input = inputFor(form, v.field);
    if (!input) continue;
    const id = `${input.id || input.name.replace(/\W/g, '-')}-error`;
    input.setAttribute('aria-invalid', 'true');
    input.setAttribute('aria-describedby', id);
    // under a group of check boxes' legend, else beside its input
    const error = h('span', { class: 'field-error', id }, v.message);
    const group = input.closest('fieldset.choices');
    if (group) group.querySelector('legend').after(error);
    else input.closest('label').append(error);
    placed.push(v);
  }
  return placed;
}

/** A table, or a sentence saying there is nothing yet. */
export function table(rows, columns, emptyText) {
  if (!rows.length) return h('p', { class: 'empty' }, emptyText);
  // a table wider than the screen scrolls sideways: focusable, so a keyboard can scroll it too. On a phone each row
  // stands as a block whose cells name their column (style.css); the roles keep it a table to screen readers, which
  // drop a table's meaning once its display is changed
  return h('div', { class: 'table-wrap', tabindex: 0, role: 'region',
    'aria-label': `Table: ${columns.map(c => c.title).filter(Boolean).join(', ')}` }, h('table', { role: 'table' },
    h('thead', { role: 'rowgroup' }, h('tr', { role: 'row' },
      columns.map(c => h('th', { scope: 'col', role: 'columnheader' }, c.title)))),
    h('tbody', { role: 'rowgroup' }, rows.map(r => h('tr', { role: 'row' }, columns.map(c => cell(c.title, c.cell(r))))))));
}

// a cell, named by its column; one that starts with a day (2026-12-16, due dates and meetings) keeps it on one line,
// not broken at a hyphen
function cell(column, content) {
  const day = typeof content === 'string' && /^\d{4}-\d{2}-\d{2}/.test(content);
  return h('td', { role: 'cell', class: day ? 'day' : null, 'data-column': column || null }, content);
}

export { lineChart, barChart } from './charts.js';
export { spoken, amount, moment, figure } from './words.js';

const words = key => key.replace(/([A-Z])/g, ' $1').toLowerCase();

/**
 * A function's page from a description of it: the overview's figures and what needs attention, each list as a
 * table (with an optional action per row), and each form posting to the API; after a write the page draws itself
 * again. Paths are relative to the function's REST root for the initiative.
 *   spec = { lists: [{ title, path, rows(answer) (when the answer is not the list itself), columns: [[title,
 *                      row => cell]], empty, name(row),
 *                      actions: [{ label, when(row), path(row), method, fields, body(values, row) }] }],
 *            forms: [{ title, path, fields: [{ name, label, type, options, optional }], body(values) }], or
 *                   forms(overview, answers) when a form needs what the lists hold (a select of funders),
 *            figures: { key: value → text } the overview's figures a module puts in words of its own (others read
 *                     "working groups: 1"),
 *            extra(overview) → elements shown under the figures,
 *            after(overview, answers, again) → elements shown after the forms (a form of its own making) }
 */
export async function functionPage(element, context, spec) {
  const base = `/initiatives/${encodeURIComponent(context.initiative.id)}/${context.page.functionId}`;
  const again = () => functionPage(element, context, spec);
  const [overview, names, ...answers] = await Promise.all([api(base), organisationNames(context.initiative.id),
    ...spec.lists.map(l => api(`${base}/${l.path}`))]);
  const lists = answers.map((answer, i) => (spec.lists[i].rows ? spec.lists[i].rows(answer) : answer));
  const forms = typeof spec.forms === 'function' ? spec.forms(overview, answers) : spec.forms || [];
  const figures = Object.entries(overview).filter(([, v]) => typeof v === 'number');
  const attention = overview.needsAttention || [];
  const columns = list => {
    const shown = list.columns.map(([title, cell]) => ({ title, cell }));
    const actions = list.actions || (list.action ? [list.action] : []);
    return actions.length ? [...shown, { title: 'Action', cell: row => h('div', { class: 'row-actions' },
      actions.map(action => actionCell(base, { ...list, action }, row, element, again, answers))) }] : shown;
  };
  element.replaceChildren(h('div', {}, names,
    figures.length ? h('p', {}, figures.map(([k, v]) => (spec.figures && spec.figures[k] ? spec.figures[k](v)
      : `${words(k)}: ${amount(v)}`)).join(' · ')) : null,
    attention.length ? h('div', { class: 'problem' }, h('p', {}, 'Needs attention:'),
      h('ul', {}, attention.map(a => h('li', {}, a)))) : null,
    spec.extra ? spec.extra(overview) : null,
    spec.lists.map((list, i) => h('section', {}, h('h2', {}, list.title),
      table(lists[i], columns(list), list.empty || 'Nothing yet.'),
      h('div', { class: 'region', 'aria-live': 'polite' }))),
    forms.map(form => formSection(base, form, again)),
    spec.after ? spec.after(overview, answers, again) : null));
}

/**
 * A row's action: a button, or a small form that opens under it when the action takes fields. list = { action:
 * { label, when(row), path(row) (or path(row, values), when the form chooses what in the row it acts on: one of a
 * group's members), method, fields (or fields(row, answers), when what the row may become depends on it or on the
 * page's lists, answers in the order of spec.lists), body(values, row) }, name(row) }.
 */
export function actionCell(base, list, row, element, again, answers = []) {
  const action = list.action;
  if (action.when && !action.when(row)) return '';
  const label = `${action.label}: ${(list.name || (r => r.title || r.name || r.id))(row)}`;
  if (action.fields) {
    return h('details', {}, h('summary', {}, action.label),
      formSection(base, { title: label, submit: action.label, method: action.method,
        ...(action.path.length > 1 ? { path: values => action.path(row, values), key: `${action.label}-${row.id}` }
          : { path: action.path(row) }),
        fields: typeof action.fields === 'function' ? action.fields(row, answers) : action.fields,
        body: action.body && (values => action.body(values, row)) }, again, 'h3'));
  }
  return h('button', { type: 'button', class: 'secondary', 'aria-label': label, onclick: async event => {
    const button = event.currentTarget;
    if (button.disabled || (action.confirm && !window.confirm(action.confirm(row)))) return;
    button.disabled = true; // until answered: a second click would send it twice
    try {
      const method = action.method || 'POST';
      await api(`${base}/${action.path(row)}`, { method,
        body: action.body ? action.body({}, row) : method === 'DELETE' ? undefined : {} });
      await again();
    } catch (error) {
      showProblem(button.closest('section').querySelector('.region') || element, error);
    } finally {
      button.disabled = false;
    }
  } }, action.label);
}

/**
 * Sends a form by work() when it is submitted. While it is being sent its buttons are disabled and it is marked busy,
 * so that a second click (or a second Enter) before the answer sends nothing twice.
 */
export function onSubmit(form, work) {
  form.addEventListener('submit', async event => {
    event.preventDefault();
    if (form.getAttribute('aria-busy') === 'true') return;
    const buttons = [...form.querySelectorAll('button')].filter(b => !b.disabled);
    form.setAttribute('aria-busy', 'true');
    buttons.forEach(b => { b.disabled = true; });
    try {
      await work();
    } finally {
      form.removeAttribute('aria-busy');
      buttons.forEach(b => { b.disabled = false; });
    }
  });
}

// a select's or a choice's option: its value and the words shown for it
const option = o => Array.isArray(o) ? o : [o, spoken(o)];

/** Draws the page again, then says in its status region (role=status) what was just done. */
export async function redrawSaying(draw, text) {
  await draw();
  document.getElementById('main').querySelector('[role=status]').replaceChildren(h('p', {}, text));
}

/**
 * A button for one write that takes a while (a backup, a round of letters): disabled once clicked, so one click is
 * one write; it says what it is doing in the region, then draws the page again and says there what was done
 * (said(answer)). A problem shows in the region and the button can be clicked again.
 */
export function oneWriteButton(label, region, doing, write, draw, said) {
  return h('button', { type: 'button', onclick: async event => {
    const button = event.currentTarget;
    button.disabled = true;
    region.replaceChildren(h('p', {}, doing));
    try {
      const answer = await write();
      await redrawSaying(draw, said(answer));
    } catch (error) {
      button.disabled = false;
      showProblem(region, error);
    }
  } }, label);
}

/**
 * A titled form that sends its fields to {base}/{path} and then calls again(). spec = { title, submit, path (or
 * path(values)), key (for element ids when path is a function), method, fields: [{ name, label, type, options,
 * optional, example, value }], body(values) }. A select's options are values, or [value, label] pairs; 'choices'
 * are such options as check boxes, sent as the list of those checked (a value fills them with a list); an
 * 'organisation' is text that offers the page's organisation names (organisationNames); an example is shown with the
 * label; a value fills the field at first (a record being changed). Numbers are sent through typedNumber, passwords
 * as typed, other text trimmed (blank as null).
 */
export function formSection(base, spec, again, level = 'h2') {
  const region = h('div', { 'aria-live': 'polite' });
  const key = (spec.key || spec.path).replace(/\W/g, '-');
  const form = h('form', { class: 'stack', 'aria-label': spec.title }, spec.fields.map(f => {
    const id = `${key}-${f.name}`;
    if (f.type === 'choices') {
      // a group of check boxes is a fieldset named by its legend, not one label around one input
      return h('fieldset', { id, class: 'choices' }, h('legend', {}, f.label + (f.optional ? ' (optional)' : '')),
        f.options.map(o => {
          const [value, label] = option(o);
          return h('label', { class: 'choice' }, h('input', { type: 'checkbox', name: f.name, value,
            checked: (f.value || []).includes(value) }), label);
        }));
    }
    const input = f.type === 'textarea' ? h('textarea', { id, name: f.name, rows: 3 }, f.value ?? null)
      : f.type === 'select' ? h('select', { id, name: f.name }, f.options.map(o => {
        const [value, label] = option(o);
        return h('option', { value, selected: f.value !== undefined && value === f.value }, label);
      }))
      : f.type === 'organisation' ? h('input', { id, name: f.name, list: ORGANISATION_NAMES, autocomplete: 'off',
        value: f.value ?? null })
      : h('input', { id, name: f.name, type: f.type || 'text', step: f.type === 'number' ? 'any' : null,
        autocomplete: f.type === 'password' ? 'new-password' : null, value: f.value ?? null });
    return h('label', { for: id }, f.label + (f.optional ? ' (optional)' : ''),
      f.example ? h('span', { class: 'example' }, `for example ${f.example}`) : null, input);
  }), h('button', { type: 'submit' }, spec.submit || spec.title));
  onSubmit(form, async () => {
    const values = Object.fromEntries(spec.fields.map(f => {
      if (f.type === 'choices') {
        return [f.name, [...form.querySelectorAll(`input[name="${CSS.escape(f.name)}"]:checked`)].map(c => c.value)];
      }
      // by namedItem: a field named as one of the collection's own members (item, length) would get that member
      const value = form.elements.namedItem(f.name).value;
      if (f.type === 'number') return [f.name, typedNumber(value)];
      return [f.name, (f.type === 'password' ? value : value.trim()) || null];
    }));
    const path = typeof spec.path === 'function' ? spec.path(values) : spec.path;
    try {
      await api(`${base}/${path}`, { method: spec.method || 'POST', body: spec.body ? spec.body(values) : values });
      await again();
    } catch (error) {
      showProblem(region, error, form);
    }
  });
  return h('section', {}, h(level, {}, spec.title), region, form);
}
