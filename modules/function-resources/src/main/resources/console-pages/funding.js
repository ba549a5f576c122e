// Resources in the web console: money in and out as a chart, funders, grants with their stage and receipts,
// reporting deadlines, this year's budget, allocations (decided by the structure model's bodies), and the forms to
// record a funder or correct one, apply for a grant, correct one not yet answered, move it through its stages, record
// money received, set a budget line and propose an allocation.
export async function render(element, context) {
  const { h, barChart, functionPage, spoken, amount } = context;
  const day = t => (t || '').slice(0, 10) || '—';
  const year = new Date().getFullYear();
  // a grant's fields, filled with what it holds when it is being corrected
  // a funder's fields, filled with what it holds when it is being corrected
  const funderFields = f => [
    { name: 'name', label: 'Name', type: 'organisation', value: f.name },
    { name: 'sector', label: 'Sector', type: 'select', value: f.sector, options: ['FUNDER', 'PHILANTHROPY',
      'PUBLIC_AGENCY', 'BUSINESS', 'NONPROFIT', 'EDUCATION', 'YOUTH', 'HEALTH', 'FAITH', 'WORKFORCE', 'HOUSING',
      'COMMUNITY_MEMBER'] },
    { name: 'contact', label: 'Contact', optional: true, value: f.contact }];
  const grantFields = (g, funders) => [
    { name: 'funderId', label: 'Funder', type: 'select', value: g.funderId && String(g.funderId),
      options: funders.map(f => [String(f.id), f.name]) },
    { name: 'title', label: 'Title', value: g.title },
    { name: 'amountRequested', label: 'Amount requested', type: 'number',
      value: g.amountRequested && String(g.amountRequested) },
    { name: 'periodStart', label: 'Period starts', type: 'date', optional: true, value: g.periodStart },
    { name: 'periodEnd', label: 'Period ends', type: 'date', optional: true, value: g.periodEnd }];
  const grantBody = v => ({ funderId: Number(v.funderId), title: v.title, amountRequested: v.amountRequested,
    periodStart: v.periodStart, periodEnd: v.periodEnd });
  await functionPage(element, context, {
    extra: overview => h('div', {}, barChart({ title: 'Money in and out', bars: [
      { label: 'budget this year', value: overview.budgetThisYear ?? 0, colour: '#4a5561' },
      { label: 'awarded', value: overview.totals.awarded },
      { label: 'received', value: overview.totals.received, colour: '#1e6b34' },
      { label: 'allocated', value: overview.totals.allocated, colour: '#a1260d' },
      { label: 'pending', value: overview.totals.pending, colour: '#7a4f01' }] })),
    lists: [
      { title: 'Grants', path: 'grants',
        columns: [['Grant', g => g.title], ['Funder', g => g.funder], ['Status', g => spoken(g.status)],
          ['Requested', g => amount(g.amountRequested)], ['Awarded', g => amount(g.amountAwarded)],
          ['Received', g => amount(g.received)]],
        empty: 'No grants yet.',
        actions: [
          // corrected until the funder answers: after that its figures are the funder's and the bodies decide on them
          { label: 'Correct', method: 'PUT', when: g => ['OPPORTUNITY', 'SUBMITTED'].includes(g.status),
            path: g => `grants/${g.id}`, fields: (g, [, , , , funders]) => grantFields(g, funders), body: grantBody },
          { label: 'Add a reporting deadline', path: g => `grants/${g.id}/deadlines`, fields: [
            { name: 'dueOn', label: 'Due on', type: 'date' }, { name: 'description', label: 'What is due' }] },
          { label: 'Move to a stage', when: g => ['OPPORTUNITY', 'SUBMITTED'].includes(g.status),
            // a submitted grant is answered; an opportunity may also be submitted. Only an award has an amount
            path: g => `grants/${g.id}/stage`, method: 'PUT', fields: g => [
            { name: 'stage', label: 'Stage', type: 'select',
              options: [...(g.status === 'OPPORTUNITY' ? ['SUBMITTED'] : []), 'AWARDED', 'DECLINED'] },
            { name: 'amountAwarded', label: 'Amount awarded (for an award only)', type: 'number' }] },
          { label: 'Put its acceptance to the bodies', when: g => ['AWARDED', 'NOT_ACCEPTED'].includes(g.status),
            path: g => `grants/${g.id}/acceptance`, fields: [{ name: 'reason', label: 'Why accept it', type: 'textarea' }] },
          { label: 'Record money received', when: g => g.status === 'ACTIVE', path: g => `grants/${g.id}/receipts`,
            fields: [{ name: 'amount', label: 'Amount', type: 'number' }, { name: 'receivedOn', label: 'Received on', type: 'date' }] },
        ] },
      { title: 'Reporting deadlines', path: 'deadlines',
        columns: [['Due', d => day(d.dueOn)], ['What', d => d.description], ['Grant', d => d.grant], ['State', d => spoken(d.state)]],
        empty: 'No reporting deadlines.' },
      { title: `Budget ${year}`, path: `budget/${year}`, rows: budget => budget.lines,
        columns: [['Category', l => l.category], ['Amount', l => amount(l.amount)]],
        empty: `No budget for ${year} yet.` },
      { title: 'Allocations', path: 'allocations',
        columns: [['Recipient', a => a.recipient], ['Amount', a => amount(a.amount)], ['Purpose', a => a.purpose || ''],
          ['Decision', a => spoken(a.state)]],
        empty: 'No allocations yet.' },
      { title: 'Funders', path: 'funders',
        columns: [['Funder', f => f.name], ['Sector', f => spoken(f.sector)], ['Contact', f => f.contact || '—']],
        empty: 'No funders yet.',
        // a new programme officer, a sector set wrong: the funder as it is, to be corrected
        action: { label: 'Correct the funder', method: 'PUT', path: f => `funders/${f.id}`,
          fields: f => funderFields(f) } },
    ],
    forms: (overview, [grants, , budget, , funders]) => [
      { title: 'Apply for a grant', path: 'grants', fields: grantFields({}, funders), body: grantBody },
      { title: `Set a budget line for ${year}`, path: `budget/${year}`, method: 'PUT', fields: [
          { name: 'category', label: 'Category' }, { name: 'amount', label: 'Amount', type: 'number' }],
        // the budget is replaced whole: the other lines stay as they are, this one is added or changed
        body: v => ({ lines: [...budget.lines.filter(l => l.category !== v.category),
          { category: v.category, amount: v.amount }] }) },
      { title: 'Propose an allocation', path: 'allocations', fields: [
          { name: 'recipientKind', label: 'Recipient is', type: 'select', options: ['PARTNER', 'ACTIVITY'] },
          { name: 'recipient', label: 'Recipient (partner or activity)', type: 'organisation' },
          { name: 'partnerOrganisation', label: 'Organisation that runs the activity', type: 'organisation', optional: true },
          { name: 'amount', label: 'Amount', type: 'number' },
          { name: 'purpose', label: 'Purpose' },
          { name: 'grantId', label: 'From grant', type: 'select',
            options: [['', 'no particular grant'], ...grants.map(g => [String(g.id), g.title])] }],
        body: v => ({ ...v, grantId: v.grantId ? Number(v.grantId) : null }) },
      { title: 'Record a funder', path: 'funders', fields: funderFields({}) },
    ],
  });
}
