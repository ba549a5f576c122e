// The learning questions of an initiative, with how much evidence and reflection each has, and a form to ask one.
export async function render(element, context) {
  const { initiative, api, h, table, showProblem, onSubmit } = context;
  const base = `/initiatives/${encodeURIComponent(initiative.id)}/learning-evaluation`;
  const questions = await api(`${base}/questions`);
  const region = h('div', { 'aria-live': 'polite' });
  const form = h('form', { class: 'stack', 'aria-label': 'Ask a learning question' },
    h('label', { for: 'question' }, 'Question', h('textarea', { id: 'question', name: 'question', rows: 2 })),
    h('button', { type: 'submit' }, 'Ask'));
  onSubmit(form, async () => {
    try {
      await api(`${base}/questions`, { method: 'POST', body: { question: form.question.value, indicatorIds: [] } });
      await render(element, context);
    } catch (error) {
      showProblem(region, error, form);
    }
  });
  element.replaceChildren(
    table(questions, [
      { title: 'Question', cell: q => q.question },
      { title: 'Asked by', cell: q => q.askedBy },
    ], 'No learning question yet.'),
    h('h2', {}, 'Ask a question'), region, form);
}
