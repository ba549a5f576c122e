// The joint plan in the web console: activities by goal and owner, working groups, meetings with their materials and
// action items, and forms to add an activity and a working group.
export async function render(element, context) {
  const { functionPage } = context;
  const day = t => (t || '').slice(0, 10) || '—';
  await functionPage(element, context, {
    lists: [
      { title: 'Activities', path: 'activities',
        columns: [['Activity', a => a.title], ['Owner', a => a.ownerOrganisation], ['Goals', a => a.goalNumbers.join(', ')],
          ['Status', a => a.status.toLowerCase()], ['From', a => day(a.startOn)], ['To', a => day(a.endOn)]],
        empty: 'No activities in the joint plan yet.',
        action: { label: 'Change the status', method: 'PUT', path: a => `activities/${a.id}/status`, fields: [
          { name: 'status', label: 'Status', type: 'select', options: ['PLANNED', 'UNDERWAY', 'DONE', 'STALLED', 'DROPPED'] }] } },
      { title: 'Working groups', path: 'working-groups',
        columns: [['Group', g => g.name], ['Purpose', g => g.purpose || ''],
          ['Members', g => g.members.map(m => `${m.person} (${m.organisation})`).join(', ')]],
        empty: 'No working groups yet.' },
      { title: 'Meetings', path: 'meetings',
        columns: [['Meeting', m => m.title], ['When', m => day(m.heldAt)],
          ['Materials', m => m.materials.map(x => x.title).join(', ') || '—'],
          ['Open action items', m => m.actionItems.filter(a => !a.doneOn).map(a => `${a.description} (${a.owner})`).join('; ') || '—']],
        empty: 'No meetings yet.' },
    ],
    forms: [
      { title: 'Add an activity', path: 'activities', fields: [
          { name: 'title', label: 'Activity' }, { name: 'ownerOrganisation', label: 'Owner organisation' },
          { name: 'goalNumbers', label: 'Goal numbers, separated by commas' },
          { name: 'startOn', label: 'Starts on', type: 'date' }, { name: 'endOn', label: 'Ends on', type: 'date', optional: true }],
        body: v => ({ ...v, goalNumbers: (v.goalNumbers || '').split(',').map(n => n.trim()).filter(Boolean).map(Number) }) },
      { title: 'Form a working group', path: 'working-groups', fields: [
          { name: 'name', label: 'Name' }, { name: 'purpose', label: 'Purpose', type: 'textarea', optional: true }] },
    ],
  });
}
