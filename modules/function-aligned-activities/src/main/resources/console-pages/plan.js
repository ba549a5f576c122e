// The joint plan in the web console: activities by goal and owner, working groups with their former members,
// meetings with their materials, attendance and action items, and forms to add an activity or edit one, form a working
// group, rename it, add its members, change a member's role or let one leave, schedule a meeting or change one, record
// who attended, share its materials, record its minutes and its action items, hand over or postpone an action item, and
// set how long before a meeting its materials are due.
export async function render(element, context) {
  const { h, functionPage, typedNumber, spoken } = context;
  const day = t => (t || '').slice(0, 10) || '—';
  // each material opens in a new tab; a link recorded before links had to be web addresses shows as its title only
  const material = x => /^https?:\/\//i.test(x.link)
    ? h('a', { href: x.link, target: '_blank', rel: 'noopener noreferrer' }, x.title) : x.title;
  // a held working-group meeting: how many of its members came, and who did not; '—' for any other meeting
  const attended = m => !m.attendance ? '—' : !m.attendance.recorded ? 'not recorded'
    : `${m.attendance.present.length} of ${m.attendance.members.length} present`
      + (m.attendance.guests ? `, and ${m.attendance.guests} guest${m.attendance.guests === 1 ? '' : 's'}` : '')
      + (m.attendance.absent.length ? `; absent: ${m.attendance.absent.map(a => a.person).join(', ')}` : '');
  const materials = m => m.materials.length
    ? m.materials.flatMap((x, i) => i ? [', ', material(x)] : [material(x)]) : '—';
  // an activity's fields, filled with what it holds when it is being edited
  const activityFields = a => [
    { name: 'title', label: 'Activity', value: a.title },
    { name: 'description', label: 'Description', type: 'textarea', optional: true, value: a.description },
    { name: 'ownerOrganisation', label: 'Owner organisation', type: 'organisation', value: a.ownerOrganisation },
    { name: 'goalNumbers', label: 'Goal numbers, separated by commas', example: '1, 3', value: a.goalNumbers?.join(', ') },
    { name: 'startOn', label: 'Starts on', type: 'date', value: a.startOn },
    { name: 'endOn', label: 'Ends on', type: 'date', optional: true, value: a.endOn }];
  const memberField = g => ({ name: 'member', label: 'Member', type: 'select',
    options: g.members.map(m => [String(m.id), `${m.person} (${m.organisation}, ${spoken(m.role)})`]) });
  // a meeting's fields, filled with what it holds when it is being changed; its moment in the browser's time zone
  const local = t => {
    const at = new Date(t);
    return new Date(at.getTime() - at.getTimezoneOffset() * 60000).toISOString().slice(0, 16);
  };
  const meetingFields = (m, groups) => [
    { name: 'title', label: 'Meeting', value: m.title },
    { name: 'heldAt', label: 'When', type: 'datetime-local', value: m.heldAt && local(m.heldAt) },
    { name: 'workingGroupId', label: 'Working group', type: 'select', value: m.workingGroupId ? String(m.workingGroupId) : '',
      options: [['', 'the whole collaborative'], ...groups.map(g => [String(g.id), g.name])] },
    { name: 'agenda', label: 'Agenda', type: 'textarea', value: m.agenda }];
  const meetingBody = v => ({ ...v, heldAt: v.heldAt ? new Date(v.heldAt).toISOString() : null,
    workingGroupId: v.workingGroupId ? Number(v.workingGroupId) : null });
  const goalList = v => ({ ...v,
    goalNumbers: (v.goalNumbers || '').split(',').map(n => n.trim()).filter(Boolean).map(typedNumber) });
  await functionPage(element, context, {
    figures: { materialsDaysBefore: n => `meeting materials due ${n} ${n === 1 ? 'day' : 'days'} before` },
    lists: [
      { title: 'Activities', path: 'activities',
        columns: [['Activity', a => a.title], ['Owner', a => a.ownerOrganisation], ['Goals', a => a.goalNumbers.join(', ')],
          ['Status', a => spoken(a.status)], ['From', a => day(a.startOn)], ['To', a => day(a.endOn)]],
        empty: 'No activities in the joint plan yet.',
        actions: [
          { label: 'Change the status', method: 'PUT', path: a => `activities/${a.id}/status`, fields: [
            { name: 'status', label: 'Status', type: 'select', options: ['PLANNED', 'UNDERWAY', 'DONE', 'STALLED', 'DROPPED'] }] },
          // plans change: the activity's fields as they are, to be corrected, extended or handed over
          { label: 'Edit', method: 'PUT', path: a => `activities/${a.id}`, fields: a => activityFields(a),
            body: goalList },
        ] },
      { title: 'Working groups', path: 'working-groups',
        columns: [['Group', g => g.name], ['Purpose', g => g.purpose || ''],
          ['Members', g => g.members.map(m => `${m.person} (${m.organisation}${m.joinedOn ? `, since ${m.joinedOn}` : ''})`)
            .join(', ') || '—'],
          // who worked in the group before: a membership that ended stays on record with its days
          ['Former members', g => g.formerMembers.map(m => `${m.person} (${m.organisation}, ${spoken(m.role)}, `
            + `${m.joinedOn ? `${m.joinedOn} to ` : 'until '}${m.leftOn})`).join(', ') || '—']],
        empty: 'No working groups yet.',
        actions: [
          { label: 'Add a member', path: g => `working-groups/${g.id}/members`, fields: [
            { name: 'person', label: 'Person' }, { name: 'organisation', label: 'Organisation', type: 'organisation' },
            { name: 'role', label: 'Role', type: 'select', options: ['MEMBER', 'CO_CHAIR'] },
            { name: 'joinedOn', label: 'Joined on (today if blank)', type: 'date', optional: true }] },
          // co-chairs rotate and members leave: the form chooses the member
          { label: "Change a member's role", method: 'PUT', when: g => g.members.length > 0,
            path: (g, v) => `working-groups/${g.id}/members/${v.member}`,
            fields: g => [memberField(g), { name: 'role', label: 'Role', type: 'select', options: ['MEMBER', 'CO_CHAIR'] }],
            body: v => ({ role: v.role }) },
          { label: 'A member leaves', method: 'DELETE', when: g => g.members.length > 0,
            path: (g, v) => `working-groups/${g.id}/members/${v.member}${v.leftOn ? `?leftOn=${v.leftOn}` : ''}`,
            fields: g => [memberField(g), { name: 'leftOn', label: 'Left on (today if blank)', type: 'date', optional: true }],
            body: () => undefined },
          { label: 'Change its name or purpose', method: 'PUT', path: g => `working-groups/${g.id}`, fields: g => [
            { name: 'name', label: 'Name', value: g.name },
            { name: 'purpose', label: 'Purpose', type: 'textarea', optional: true, value: g.purpose }] },
        ] },
      { title: 'Meetings', path: 'meetings',
        columns: [['Meeting', m => m.title], ['When', m => day(m.heldAt)],
          ['Materials', materials], ['Attendance', attended],
          ['Open action items', m => m.actionItems.filter(a => !a.doneOn).map(a => `${a.description} (${a.owner})`).join('; ') || '—']],
        empty: 'No meetings yet.',
        actions: [
          // a meeting moves and its agenda is revised; one with minutes was held and stays in the past
          { label: 'Change', method: 'PUT', path: m => `meetings/${m.id}`,
            fields: (m, [, groups]) => meetingFields(m, groups), body: meetingBody },
          // who came, from the group's members on the meeting's day; recorded again, the whole list replaces the last
          { label: 'Record who attended', method: 'PUT', path: m => `meetings/${m.id}/attendance`,
            when: m => m.attendance && m.attendance.members.length > 0,
            fields: m => [{ name: 'present', label: 'Present', type: 'choices',
              options: m.attendance.members.map(a => [String(a.memberId), `${a.person} (${a.organisation})`]),
              value: m.attendance.present.map(a => String(a.memberId)) },
            { name: 'guests', label: 'Others who came (guests)', type: 'number', optional: true,
              value: m.attendance.recorded ? String(m.attendance.guests) : '' }],
            body: v => ({ present: v.present.map(Number), guests: v.guests }) },
          { label: 'Share a material', path: m => `meetings/${m.id}/materials`, fields: [
            { name: 'title', label: 'Title' }, { name: 'link', label: 'Link', example: 'https://example.org/minutes.pdf' }] },
          { label: 'Add an action item', path: m => `meetings/${m.id}/action-items`, fields: [
            { name: 'description', label: 'What is to be done' }, { name: 'owner', label: 'Who' },
            { name: 'dueOn', label: 'Due on', type: 'date' }] },
          // an open item changes hands or days: what is left blank stays as it is
          { label: 'Hand over or postpone an action item', method: 'PUT', when: m => m.actionItems.some(a => !a.doneOn),
            path: (m, v) => `meetings/${m.id}/action-items/${v.actionItem}`, fields: m => [
            { name: 'actionItem', label: 'Action item', type: 'select', options: m.actionItems.filter(a => !a.doneOn)
              .map(a => [String(a.id), `${a.description} (${a.owner}, due ${a.dueOn})`]) },
            { name: 'owner', label: 'Who does it now', optional: true },
            { name: 'dueOn', label: 'Due on now', type: 'date', optional: true }],
            body: (v, m) => {
              const item = m.actionItems.find(a => String(a.id) === v.actionItem);
              return { description: item.description, owner: v.owner || item.owner, dueOn: v.dueOn || item.dueOn };
            } },
          // minutes are kept of a meeting once it has been held
          { label: 'Record the minutes', when: m => new Date(m.heldAt) <= new Date(), method: 'PUT',
            path: m => `meetings/${m.id}/minutes`,
            fields: [{ name: 'minutes', label: 'Minutes', type: 'textarea' }] },
        ] },
    ],
    forms: (overview, [, groups]) => [
      { title: 'Add an activity', path: 'activities', fields: activityFields({}), body: goalList },
      { title: 'Form a working group', path: 'working-groups', fields: [
          { name: 'name', label: 'Name' }, { name: 'purpose', label: 'Purpose', type: 'textarea', optional: true }] },
      { title: 'Schedule a meeting', path: 'meetings', fields: meetingFields({}, groups), body: meetingBody },
      // staff's setting: a meeting's materials count as late from this many days before it
      { title: 'Set when meeting materials are due', path: 'settings', method: 'PUT', fields: [
          { name: 'materialsDaysBefore', label: 'Days before a meeting (0 to 60)', type: 'number',
            value: String(overview.materialsDaysBefore) }] },
    ],
  });
}
