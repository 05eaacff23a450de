// The compliance officer's queue: drafts by status, the text with findings highlighted, and the decision.
const queue = document.getElementById('queue');
const detail = document.getElementById('detail');
const statusFilter = document.getElementById('status');

let me = null;

async function api(path, options) {
  const response = await copilotSession.send(path, options);
  const body = await response.json();
  if (!response.ok) throw new Error(body.detail || body.title);
  return body;
}

async function loadQueue() {
  const page = await api(`/v1/drafts?status=${statusFilter.value}&pageSize=100`);
  document.getElementById('total').textContent = `${page.total}`;
  queue.replaceChildren(...page.drafts.map(draft => {
    const item = document.createElement('li');
    item.dataset.id = draft.id;
    item.innerHTML = `<div>${draft.flagged ? '<span class="flag">⚑ </span>' : ''}<strong></strong></div><small></small>`;
    item.querySelector('strong').textContent = `${draft.clientId} · ${draft.scenarioCode}`;
    item.querySelector('small').textContent = `${draft.advisorId} · ${draft.channel} · ${draft.verdict}`;
    item.addEventListener('click', () => show(draft.id));
    return item;
  }));
}

// The text with each finding's span wrapped in a mark; overlapping spans keep the first.
function highlighted(text, findings) {
  const spans = findings.filter(f => f.end > f.start).sort((a, b) => a.start - b.start);
  const fragment = document.createDocumentFragment();
  let at = 0;
  for (const f of spans) {
    if (f.start < at) continue;
    fragment.append(text.slice(at, f.start));
    const mark = document.createElement('mark');
    mark.className = f.severity;
    mark.title = `${f.ruleId}: ${f.message}`;
    mark.textContent = text.slice(f.start, f.end);
    fragment.append(mark);
    at = f.end;
  }
  fragment.append(text.slice(at));
  return fragment;
}

async function show(id) {
  for (const li of queue.children) li.classList.toggle('selected', li.dataset.id === id);
  const [draft, audit] = await Promise.all([api(`/v1/drafts/${id}`), api(`/v1/drafts/${id}/audit`)]);
  const view = document.getElementById('draft-template').content.cloneNode(true);
  view.querySelector('.title').textContent = `${draft.clientId} · ${draft.scenarioKind}/${draft.scenarioCode}`;
  view.querySelector('.meta').textContent = `${draft.advisorId} · ${draft.channel} · ${draft.generator} · v${draft.version} · ${draft.status}`
    + (draft.createdBy ? ` · by ${draft.createdBy}` : '') + (draft.override ? ` · override by ${draft.override.reviewerId}: ${draft.override.reason}` : '');
  const verdict = view.querySelector('.verdict');
  verdict.className = `verdict ${draft.verdict}`;
  verdict.textContent = `预审 Pre-check: ${draft.verdict}${draft.flagged ? ' ⚑' : ''} · revisions ${draft.revisions}`;
  view.querySelector('.text').append(highlighted(draft.text, draft.findings));
  view.querySelector('.findings').append(...draft.findings.map(f => {
    const li = document.createElement('li');
    li.textContent = `[${f.severity}] ${f.ruleId} — ${f.message} (${f.source})`;
    return li;
  }));
  view.querySelector('.citations').append(...draft.citations.map(c => {
    const li = document.createElement('li');
    li.textContent = `${c.title} · ${c.section}`;
    return li;
  }));
  view.querySelector('.audit ol').append(...audit.map(a => {
    const li = document.createElement('li');
    li.textContent = `${a.createdAtUtc} ${a.action} by ${a.actor}`;
    return li;
  }));
  const form = view.querySelector('.decide');
  form.editedText.value = draft.text;
  form.hidden = draft.status !== 'PendingReview';
  // Approving a draft whose pre-check fails takes an explicit override with a reason.
  form.querySelector('.override').hidden = draft.verdict !== 'fail';
  for (const button of form.querySelectorAll('button')) {
    button.addEventListener('click', async () => {
      const decision = button.dataset.decision;
      const edited = form.editedText.value.trim();
      try {
        await api(`/v1/drafts/${id}/review`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({
            // With API keys the reviewer is the key's holder; without, whoever the field names.
            reviewerId: me.authentication === 'off' ? document.getElementById('reviewer').value : null,
            decision,
            comment: form.comment.value || null,
            override: form.override.checked || null,
            editedText: decision === 'approve' && edited !== draft.text ? edited : null,
            expectedVersion: draft.version,
          }),
        });
        await loadQueue();
        await show(id);
      } catch (error) {
        form.querySelector('.error').textContent = error.message;
      }
    });
  }
  detail.replaceChildren(view);
}

statusFilter.addEventListener('change', loadQueue);
copilotSession.whoAmI().then(caller => {
  me = caller;
  if (!me) return;
  document.getElementById('reviewer-label').hidden = me.authentication !== 'off';
  loadQueue();
});
