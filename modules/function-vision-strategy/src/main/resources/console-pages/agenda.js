// The common agenda in the web console: its versions with their adoption, the goals of the one in force, and putting
// a draft to adoption (the structure model's bodies decide; the decision shows on the initiative's page).
export async function render(element, context) {
  const { h, functionPage } = context;
  const day = t => (t || '').slice(0, 10) || '—';
  await functionPage(element, context, {
    lists: [
      { title: 'Versions', path: 'versions', name: v => `version ${v.number}`,
        columns: [['Version', v => v.number], ['Status', v => v.status.toLowerCase()],
          ['Goals', v => v.goals.map(g => `${g.number}. ${g.title}`).join('; ')], ['Adopted', v => day(v.adoptedAt)]],
        empty: 'No version of the agenda yet.',
        action: { label: 'Put to adoption', when: v => v.status === 'DRAFT', path: v => `versions/${v.number}/adoption`,
          body: () => ({ reason: 'Put to adoption from the console' }) } },
    ],
    extra: overview => overview.adoptedVersion
      ? h('p', {}, `Version ${overview.adoptedVersion} is in force since ${day(overview.adoptedAt)}.`)
      : h('p', { class: 'empty' }, 'No version has been adopted yet.'),
  });
}
