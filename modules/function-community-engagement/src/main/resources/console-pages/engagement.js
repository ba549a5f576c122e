// Community engagement in the web console: communications and statements (publishing one in the initiative's name is
// decided by its bodies), engagement events, who may speak for the initiative; drafting a communication, publishing
// it or putting it to the bodies as a statement, and recording an event with who took part.
export async function render(element, context) {
  const { functionPage, spoken } = context;
  const day = t => (t || '').slice(0, 10) || '—';
  await functionPage(element, context, {
    lists: [
      { title: 'Communications and statements', path: 'communications',
        columns: [['Title', c => c.title], ['Kind', c => spoken(c.kind)],
          ['Status', c => spoken(c.status)], ['Spokesperson', c => c.spokesperson || '—'],
          ['Published', c => day(c.publishedAt)]],
        empty: 'No communications yet.',
        actions: [
          // the team publishes in its own name; a draft naming a spokesperson speaks for the initiative, which only
          // the bodies' decision makes it
          { label: 'Publish', when: c => c.status === 'DRAFT' && !c.spokesperson,
            path: c => `communications/${c.id}/publication` },
          { label: 'Put to the bodies as a statement', when: c => c.status === 'DRAFT' && c.spokesperson,
            path: c => `communications/${c.id}/statement`,
            fields: [{ name: 'reason', label: 'Why the initiative should say this', type: 'textarea' }] },
        ] },
      { title: 'Events', path: 'events',
        columns: [['Event', e => e.title], ['On', e => day(e.heldOn)], ['Where', e => e.location || '—'],
          ['Participants', e => e.participants], ['Community members reached', e => e.communityMembersReached]],
        empty: 'No engagement events yet.' },
      { title: 'Who may speak for the initiative', path: 'spokespeople', columns: [['Person', p => p]],
        empty: 'Nobody yet: the structure model names the bodies whose members may.' },
    ],
    forms: (overview, [, , spokespeople]) => [
      { title: 'Draft a communication', path: 'communications', fields: [
          { name: 'kind', label: 'Kind', type: 'select', options: ['NEWS_RELEASE', 'REPORT', 'POST', 'NEWSLETTER', 'OTHER'] },
          { name: 'title', label: 'Title' }, { name: 'body', label: 'Text', type: 'textarea' },
          { name: 'spokesperson', label: 'Spokesperson', type: 'select',
            options: [['', 'nobody: the team\'s own'], ...spokespeople.map(p => [p, p])] }],
        body: v => ({ ...v, keyMessages: [] }) },
      { title: 'Record an event', path: 'events', fields: [
          { name: 'title', label: 'Event' }, { name: 'heldOn', label: 'Held on', type: 'date' },
          { name: 'location', label: 'Where', optional: true },
          { name: 'communityMembersReached', label: 'Community members reached', type: 'number' },
          { name: 'sector', label: 'Most participants came from', type: 'select', options: ['COMMUNITY_MEMBER', 'NONPROFIT',
            'PUBLIC_AGENCY', 'EDUCATION', 'YOUTH', 'HEALTH', 'HOUSING', 'WORKFORCE', 'FAITH', 'BUSINESS', 'FUNDER', 'PHILANTHROPY'] },
          { name: 'count', label: 'How many of them', type: 'number' }],
        body: v => ({ title: v.title, heldOn: v.heldOn, location: v.location,
          communityMembersReached: v.communityMembersReached,
          participation: v.count ? [{ sector: v.sector, count: v.count }] : [] }) },
    ],
  });
}
