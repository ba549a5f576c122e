// Resources in the web console: money in and out as a chart, funders, grants with their stage and receipts,
// reporting deadlines, allocations (decided by the structure model's bodies), and a form to record a funder.
export async function render(element, context) {
  const { h, barChart, functionPage } = context;
  const day = t => (t || '').slice(0, 10) || '—';
  await functionPage(element, context, {
    extra: overview => h('div', {}, barChart({ title: 'Money in and out', bars: [
      { label: 'budget this year', value: overview.budgetThisYear ?? 0, colour: '#4a5561' },
      { label: 'awarded', value: overview.totals.awarded },
      { label: 'received', value: overview.totals.received, colour: '#1e6b34' },
      { label: 'allocated', value: overview.totals.allocated, colour: '#a1260d' },
      { label: 'pending', value: overview.totals.pending, colour: '#7a4f01' }] })),
    lists: [
      { title: 'Grants', path: 'grants',
        columns: [['Grant', g => g.title], ['Funder', g => g.funder], ['Status', g => g.status.toLowerCase()],
          ['Requested', g => g.amountRequested], ['Awarded', g => g.amountAwarded ?? '—'], ['Received', g => g.received]],
        empty: 'No grants yet.',
        action: { label: 'Add a reporting deadline', path: g => `grants/${g.id}/deadlines`, fields: [
          { name: 'dueOn', label: 'Due on', type: 'date' }, { name: 'description', label: 'What is due' }] } },
      { title: 'Reporting deadlines', path: 'deadlines',
        columns: [['Due', d => day(d.dueOn)], ['What', d => d.description], ['Grant', d => d.grant], ['State', d => d.state.toLowerCase()]],
        empty: 'No reporting deadlines.' },
      { title: 'Allocations', path: 'allocations',
        columns: [['Recipient', a => a.recipient], ['Amount', a => a.amount], ['Purpose', a => a.purpose || ''],
          ['Decision', a => a.state.toLowerCase()]],
        empty: 'No allocations yet.' },
      { title: 'Funders', path: 'funders',
        columns: [['Funder', f => f.name], ['Sector', f => f.sector.toLowerCase().replace('_', ' ')], ['Contact', f => f.contact || '—']],
        empty: 'No funders yet.' },
    ],
    forms: [
      { title: 'Record a funder', path: 'funders', fields: [
          { name: 'name', label: 'Name' },
          { name: 'sector', label: 'Sector', type: 'select', options: ['FUNDER', 'PHILANTHROPY', 'PUBLIC_AGENCY', 'BUSINESS',
            'NONPROFIT', 'EDUCATION', 'YOUTH', 'HEALTH', 'FAITH', 'WORKFORCE', 'HOUSING', 'COMMUNITY_MEMBER'] },
          { name: 'contact', label: 'Contact', optional: true }] },
    ],
  });
}
