// Community engagement in the web console: communications and statements (publishing one in the initiative's name is
// decided by its bodies), engagement events, and a form to draft a communication.
export async function render(element, context) {
  const { functionPage } = context;
  const day = t => (t || '').slice(0, 10) || '—';
  await functionPage(element, context, {
    lists: [
      { title: 'Communications and statements', path: 'communications',
        columns: [['Title', c => c.title], ['Kind', c => c.kind.toLowerCase().replace('_', ' ')],
          ['Status', c => c.status.toLowerCase().replace(/_/g, ' ')], ['Spokesperson', c => c.spokesperson || '—'],
          ['Published', c => day(c.publishedAt)]],
        empty: 'No communications yet.' },
      { title: 'Events', path: 'events',
        columns: [['Event', e => e.title], ['On', e => day(e.heldOn)], ['Where', e => e.location || '—'],
          ['Participants', e => e.participants], ['Community members reached', e => e.communityMembersReached]],
        empty: 'No engagement events yet.' },
    ],
    forms: [
      { title: 'Draft a communication', path: 'communications', fields: [
          { name: 'kind', label: 'Kind', type: 'select', options: ['NEWS_RELEASE', 'REPORT', 'POST', 'NEWSLETTER', 'OTHER'] },
          { name: 'title', label: 'Title' }, { name: 'body', label: 'Text', type: 'textarea' },
          { name: 'spokesperson', label: 'Spokesperson', optional: true }],
        body: v => ({ ...v, keyMessages: [] }) },
    ],
  });
}
