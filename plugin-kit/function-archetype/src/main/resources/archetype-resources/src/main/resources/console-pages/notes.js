// The function's page in the web console: render(element, context) draws it. The context holds the initiative, this
// page ({ functionId, id, title, script }); its api calls the REST API as the signed-in person, h builds elements,
// table lists rows, showProblem puts a refusal next to the field at fault, onSubmit sends a form once however often
// it is clicked.
export async function render(element, context) {
  const { initiative, page, api, h, table, showProblem, onSubmit } = context;
  const base = `/initiatives/${encodeURIComponent(initiative.id)}/${page.functionId}`;
  const notes = await api(`${base}/notes`);
  const region = h('div', { 'aria-live': 'polite' });
  const form = h('form', { class: 'stack', 'aria-label': 'Write a note' },
    h('label', { for: 'title' }, 'Title', h('input', { id: 'title', name: 'title' })),
    h('label', { for: 'text' }, 'Text', h('textarea', { id: 'text', name: 'text', rows: 3 })),
    h('button', { type: 'submit' }, 'Write'));
  onSubmit(form, async () => {
    try {
      await api(`${base}/notes`, { method: 'POST', body: { title: form.title.value, text: form.text.value } });
      await render(element, context);
    } catch (error) {
      showProblem(region, error, form);
    }
  });
  element.replaceChildren(
    table(notes, [{ title: 'Title', cell: n => n.title }, { title: 'By', cell: n => n.author }], 'No notes yet.'),
    h('h2', {}, 'Write a note'), region, form);
}
