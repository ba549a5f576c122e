// Community engagement in the web console: communications and statements (publishing one in the initiative's name is
// decided by its bodies), engagement events, who may speak for the initiative; drafting a communication with its key
// messages, editing a draft, publishing it or putting it to the bodies as a statement, and recording an event with
// who took part or correcting one.
export async function render(element, context) {
  const { functionPage, spoken } = context;
  const day = t => (t || '').slice(0, 10) || '—';
  // a communication's fields, filled with what a draft holds when it is being edited; key messages one per line
  const communicationFields = (c, spokespeople) => [
    { name: 'kind', label: 'Kind', type: 'select', options: ['NEWS_RELEASE', 'REPORT', 'POST', 'NEWSLETTER', 'OTHER'],
      value: c.kind },
    { name: 'title', label: 'Title', value: c.title }, { name: 'body', label: 'Text', type: 'textarea', value: c.body },
    { name: 'keyMessages', label: 'Key messages, one per line', type: 'textarea', optional: true,
      value: c.keyMessages?.join('\n') },
    { name: 'spokesperson', label: 'Spokesperson', type: 'select', value: c.spokesperson || '',
      options: [['', 'nobody: the team\'s own'], ...spokespeople.map(p => [p, p])] }];
  const withKeyMessages = v => ({ ...v,
    keyMessages: (v.keyMessages || '').split('\n').map(m => m.trim()).filter(Boolean) });
  // an event's fields, filled with what it holds when it is being corrected; its participation is sent as a list
  const SECTORS = ['COMMUNITY_MEMBER', 'NONPROFIT', 'PUBLIC_AGENCY', 'EDUCATION', 'YOUTH', 'HEALTH', 'HOUSING',
    'WORKFORCE', 'FAITH', 'BUSINESS', 'FUNDER', 'PHILANTHROPY'];
  const eventFields = e => [
    { name: 'title', label: 'Event', value: e.title }, { name: 'heldOn', label: 'Held on', type: 'date', value: e.heldOn },
    { name: 'location', label: 'Where', optional: true, value: e.location },
    { name: 'communityMembersReached', label: 'Community members reached', type: 'number',
      value: e.communityMembersReached === undefined ? undefined : String(e.communityMembersReached) }];
  const sectorField = { name: 'sector', label: 'Most participants came from', type: 'select', options: SECTORS };
  const eventBody = (v, participation) => ({ title: v.title, heldOn: v.heldOn, location: v.location,
    communityMembersReached: v.communityMembersReached,
    participation: [...participation, ...(v.sector && v.count ? [{ sector: v.sector, count: v.count }] : [])] });
  await functionPage(element, context, {
    lists: [
      { title: 'Communications and statements', path: 'communications',
        columns: [['Title', c => c.title], ['Kind', c => spoken(c.kind)],
          ['Status', c => spoken(c.status)], ['Spokesperson', c => c.spokesperson || '—'],
          ['Published', c => day(c.publishedAt)]],
        empty: 'No communications yet.',
        actions: [
          // a draft is edited while it is one: what the bodies decide on is the text they were given
          { label: 'Edit', method: 'PUT', when: c => c.status === 'DRAFT', path: c => `communications/${c.id}`,
            fields: (c, [, , spokespeople]) => communicationFields(c, spokespeople), body: withKeyMessages },
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
        empty: 'No engagement events yet.',
        // a count mistyped, a day misremembered: each sector's count as recorded (0 takes it out), one more to add
        actions: [{ label: 'Correct', method: 'PUT', path: e => `events/${e.id}`,
          fields: e => [...eventFields(e), ...e.participation.map(p => ({ name: `count-${p.sector}`, type: 'number',
            label: `Participants who are ${spoken(p.sector)}`, value: String(p.count) })),
          { ...sectorField, label: 'Another sector that took part', options: [['', 'none'], ...SECTORS] },
          { name: 'count', label: 'How many of them', type: 'number', optional: true }],
          body: (v, e) => eventBody(v, [...e.participation.map(p => ({ sector: p.sector, count: v[`count-${p.sector}`] }))
            .filter(p => p.count !== 0)]) }] },
      { title: 'Who may speak for the initiative', path: 'spokespeople', columns: [['Person', p => p]],
        empty: 'Nobody yet: the structure model names the bodies whose members may.' },
    ],
    forms: (overview, [, , spokespeople]) => [
      { title: 'Draft a communication', path: 'communications', fields: communicationFields({}, spokespeople),
        body: withKeyMessages },
      { title: 'Record an event', path: 'events', fields: [...eventFields({}), sectorField,
          { name: 'count', label: 'How many of them', type: 'number' }], body: v => eventBody(v, []) },
    ],
  });
}
