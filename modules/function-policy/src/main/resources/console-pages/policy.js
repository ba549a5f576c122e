// Policy in the web console: the policy agenda's items with their stage, partners' stances and outcome; putting an
// item on the agenda, changing one being worked out, recording a stance, moving it to research, putting its position
// to the bodies (adopting it is decided by the structure model's bodies), recording the outcome of an adopted
// position and dropping an item.
export async function render(element, context) {
  const { functionPage, spoken } = context;
  // partners by their stance, as a person counts them: "2 endorsing, 1 neutral, 0 dissenting"
  const stanceWords = { ENDORSE: 'endorsing', NEUTRAL: 'neutral', DISSENT: 'dissenting' };
  // an item's fields, filled with what it holds when it is being changed
  const itemFields = i => [
    { name: 'title', label: 'Title', value: i.title },
    { name: 'problem', label: 'The problem', type: 'textarea', value: i.problem },
    { name: 'proposedPosition', label: 'Proposed position', type: 'textarea', value: i.proposedPosition },
    { name: 'targetKind', label: 'What it targets', type: 'select', value: i.targetKind,
      options: ['BODY', 'BILL', 'REGULATION', 'BUDGET', 'OTHER'] },
    { name: 'target', label: 'Target (the body, bill or budget)', value: i.target }];
  await functionPage(element, context, {
    lists: [
      { title: 'Policy items', path: 'items',
        columns: [['Item', i => i.title], ['Target', i => `${i.target} (${spoken(i.targetKind)})`],
          ['Status', i => spoken(i.status)],
          ['Stances', i => Object.entries(i.stances || {})
            .map(([k, n]) => `${n} ${stanceWords[k] || spoken(k)}`).join(', ') || '—'],
          ['Outcome', i => i.outcome ? spoken(i.outcome) : '—']],
        empty: 'Nothing on the policy agenda yet.',
        actions: [
          // an item's text is worked out until its position goes to the bodies (the API keeps the position and target
          // as they are once a partner has taken a stance on them)
          { label: 'Change', method: 'PUT', when: i => ['IDEA', 'RESEARCHING'].includes(i.status),
            path: i => `items/${i.id}`, fields: i => itemFields(i) },
          { label: 'Record a stance', when: i => i.status !== 'CLOSED', path: i => `items/${i.id}/stances`, fields: [
            { name: 'organisation', label: 'Partner organisation', type: 'organisation' },
            { name: 'stance', label: 'Stance', type: 'select', options: ['ENDORSE', 'NEUTRAL', 'DISSENT'] },
            { name: 'note', label: 'Note', type: 'textarea', optional: true }],
            body: values => ({ ...values, named: true }) },
          { label: 'Start researching', when: i => i.status === 'IDEA', method: 'PUT', path: i => `items/${i.id}/stage`,
            body: () => ({ stage: 'RESEARCHING' }) },
          { label: 'Put the position to the bodies', when: i => ['IDEA', 'RESEARCHING'].includes(i.status),
            path: i => `items/${i.id}/adoption`, fields: [{ name: 'reason', label: 'Why adopt it', type: 'textarea' }] },
          // an adopted position has an outcome; any other open item can only be dropped
          { label: 'Record the outcome', when: i => i.status === 'POSITION_ADOPTED', method: 'PUT',
            path: i => `items/${i.id}/outcome`, fields: [
            { name: 'outcome', label: 'Outcome', type: 'select', options: ['ENACTED', 'PARTLY_ENACTED', 'DEFEATED', 'STALLED', 'DROPPED'] },
            { name: 'note', label: 'Note', type: 'textarea', optional: true }] },
          { label: 'Drop it', when: i => !['POSITION_ADOPTED', 'CLOSED'].includes(i.status), method: 'PUT',
            path: i => `items/${i.id}/outcome`, fields: [{ name: 'note', label: 'Why it is dropped', type: 'textarea', optional: true }],
            body: values => ({ ...values, outcome: 'DROPPED' }) },
        ] },
    ],
    forms: [
      { title: 'Add a policy item', path: 'items', fields: itemFields({}) },
    ],
  });
}
