// The compliance officer's queue: filter by status, verdict, scenario, advisor and rule; each draft's findings highlighted
// at their spans beside the text; approve, edit and approve, request changes or reject (a comment on anything but a clean
// approve); the audit trail; bulk approve of clean drafts; and the keyboard (j/k, a, e, c, r, x, /, ?).
import { t, translate, languageSwitch } from './i18n.js';
import { api, whoAmI } from './session.js';
import { fillDraft, statusText, verdictText, scenarioText } from './draft-view.js';

const $ = id => document.getElementById(id);
const queue = $('queue');
const detail = $('detail');
const state = { me: null, drafts: [], current: null, checked: new Set(), advisors: new Set(), rules: new Set(), scenarios: [] };

const isClean = d => d.verdict === 'pass' && !d.flagged && d.status === 'PendingReview';

function reviewerId() {
  // With API keys the reviewer is the key's holder; without, whoever the field names.
  return state.me?.authentication === 'off' ? $('reviewer').value.trim() : null;
}

/** One decision on one draft, as POST /v1/drafts/{id}/review takes it. */
function review(draft, decision, comment, extra = {}) {
  return api(`/v1/drafts/${encodeURIComponent(draft.id)}/review`, {
    method: 'POST',
    body: { reviewerId: reviewerId(), decision, comment: comment || null, expectedVersion: draft.version, ...extra },
  });
}

/**
 * One decision for several drafts: POST /v1/drafts/review-batch re-checks and audits each on its own and refuses a flagged
 * draft from a bulk approve with its reason. Answers { results: [{ draftId, status, error? }] }.
 */
function reviewBatch(drafts, decision, comment) {
  return api('/v1/drafts/review-batch', {
    method: 'POST',
    body: { draftIds: drafts.map(d => d.id), decision, comment: comment || null, reviewerId: reviewerId() },
  });
}

function query() {
  const params = new URLSearchParams({ status: $('status').value, pageSize: '100' });
  for (const [name, id] of [['verdict', 'verdict'], ['scenario', 'scenario'], ['advisorId', 'advisor'], ['ruleId', 'rule'], ['campaignId', 'campaign']]) {
    const value = $(id).value.trim();
    if (value) params.set(name, value);
  }
  return params;
}

function fillDatalist(list, values) {
  list.replaceChildren(...[...values].sort().map(v => new Option(v, v)));
}

// Filters change on 'change' and on submit, so two loads can overlap: only the latest request's answer is shown, and the
// queue says which filters it shows (data-filters) once it shows them.
let loadSequence = 0;

async function loadQueue() {
  const sequence = ++loadSequence;
  const params = query();
  let page;
  try {
    page = await api(`/v1/drafts?${params}`);
  } catch (error) {
    if (sequence === loadSequence) $('total').textContent = error.message;
    return;
  }
  if (sequence !== loadSequence) return;
  state.drafts = page.drafts;
  for (const d of page.drafts) {
    state.advisors.add(d.advisorId);
    for (const f of d.findings) state.rules.add(f.ruleId);
  }
  fillDatalist($('advisors'), state.advisors);
  fillDatalist($('rules'), state.rules);
  for (const id of [...state.checked]) if (!page.drafts.some(d => d.id === id && isClean(d))) state.checked.delete(id);
  $('total').textContent = `${page.total} ${t('review.total')}`;
  renderQueue();
  queue.dataset.filters = params.toString();
}

function renderQueue() {
  queue.replaceChildren(...state.drafts.map(draft => {
    const item = document.createElement('li');
    item.dataset.id = draft.id;
    item.classList.toggle('selected', draft.id === state.current?.id);
    const box = document.createElement('input');
    box.type = 'checkbox';
    box.disabled = !isClean(draft);
    box.checked = state.checked.has(draft.id);
    box.setAttribute('aria-label', `${t('review.select')} ${draft.clientId}`);
    box.addEventListener('change', () => { if (box.checked) state.checked.add(draft.id); else state.checked.delete(draft.id); });
    const open = document.createElement('button');
    open.type = 'button';
    open.className = 'item';
    const title = document.createElement('strong');
    title.textContent = `${draft.flagged ? '⚑ ' : ''}${draft.clientId} · ${scenarioText(draft.scenarioCode)}`;
    const line = document.createElement('small');
    line.className = `verdict ${draft.verdict}`;
    line.textContent = `${draft.advisorId} · ${t(`channel.${draft.channel}`)} · ${verdictText(draft.verdict)}`
      + (draft.findings.length ? ` · ${[...new Set(draft.findings.map(f => f.ruleId))].join(', ')}` : '');
    open.append(title, line);
    open.addEventListener('click', () => show(draft.id));
    item.append(box, open);
    return item;
  }));
}

function auditLine(entry) {
  const li = document.createElement('li');
  const when = document.createElement('time');
  when.dateTime = entry.createdAtUtc;
  when.textContent = new Date(entry.createdAtUtc).toLocaleString();
  const what = document.createElement('span');
  what.textContent = ` ${entry.action} · ${entry.actor}${entry.onBehalfOf ? ` (${entry.onBehalfOf})` : ''}`;
  li.append(when, what);
  return li;
}

async function show(id) {
  // An advisor's key may read its drafts but not their audit trail: the draft still shows.
  const [draft, audit] = await Promise.all([api(`/v1/drafts/${encodeURIComponent(id)}`),
    api(`/v1/drafts/${encodeURIComponent(id)}/audit`).catch(() => [])]);
  state.current = draft;
  for (const li of queue.children) li.classList.toggle('selected', li.dataset.id === id);
  const view = $('draft-template').content.cloneNode(true);
  view.querySelector('.title').textContent = `${draft.clientId} · ${scenarioText(draft.scenarioCode)} (${draft.scenarioKind}/${draft.scenarioCode})`;
  // The status is written as the API names it too (Approved, Rejected …), so it reads the same in either language.
  view.querySelector('.meta').textContent = `${draft.advisorId} · ${t(`channel.${draft.channel}`)} · ${draft.generator} · v${draft.version} · `
    + `${statusText(draft.status)} ${draft.status}` + (draft.createdBy ? ` · ${t('review.by')} ${draft.createdBy}` : '')
    + (draft.override ? ` · override by ${draft.override.reviewerId}: ${draft.override.reason}` : '')
    + (draft.reviewComment ? ` · ${t('draft.comment')}: ${draft.reviewComment}` : '');
  const verdict = view.querySelector('.verdict');
  verdict.className = `verdict ${draft.verdict}`;
  verdict.textContent = `${verdictText(draft.verdict)} (${draft.verdict})${draft.flagged ? ' ⚑' : ''} · ${t('review.revisions')} ${draft.revisions}`;
  fillDraft(view.querySelector('.text'), view.querySelector('.findings'), draft);
  view.querySelector('.citations').append(...draft.citations.map(c => {
    const li = document.createElement('li');
    li.textContent = `${c.title} · ${c.section}`;
    return li;
  }));
  view.querySelector('.audit ol').append(...audit.map(auditLine));
  const form = view.querySelector('.decide');
  form.editedText.value = draft.text;
  form.hidden = draft.status !== 'PendingReview';
  // Approving a draft whose pre-check fails takes an explicit override with a reason.
  form.querySelector('.override').hidden = draft.verdict !== 'fail';
  for (const button of form.querySelectorAll('button')) button.addEventListener('click', () => decide(form, draft, button.dataset.decision));
  detail.replaceChildren(view);
  translate(detail);
}

async function decide(form, draft, decision) {
  const error = form.querySelector('.error');
  const comment = form.comment.value.trim();
  const edited = form.editedText.value.trim();
  const changed = edited !== draft.text.trim();
  const clean = decision === 'approve' && draft.verdict === 'pass' && !draft.flagged;
  if (decision === 'edit_approve' && !changed) { error.textContent = t('review.unchanged'); form.editedText.focus(); return; }
  if (!clean && !comment) { error.textContent = t('review.commentRequired'); form.comment.focus(); return; }
  error.textContent = '';
  try {
    await review(draft, decision === 'edit_approve' ? 'approve' : decision, comment, {
      override: form.override.checked || null,
      editedText: decision === 'edit_approve' ? edited : null,
    });
    await loadQueue();
    await show(draft.id);
  } catch (failure) {
    error.textContent = failure.message;
  }
}

$('bulk-approve').addEventListener('click', async () => {
  const chosen = state.drafts.filter(d => state.checked.has(d.id) && isClean(d));
  const result = $('bulk-result');
  if (chosen.length === 0) { result.textContent = t('review.bulkNone'); return; }
  const { results } = await reviewBatch(chosen, 'approve', null);
  const failed = results.filter(r => r.error);
  result.textContent = `${results.length - failed.length} ${t('review.bulkDone')}` + (failed.length ? ` · ${failed.length} ${t('review.bulkFailed')}: ${failed.map(f => `${f.draftId} ${f.error}`).join('; ')}` : '');
  state.checked.clear();
  await loadQueue();
});

// ---- keyboard: not while typing; Escape leaves a field
function move(step) {
  if (state.drafts.length === 0) return;
  const at = state.drafts.findIndex(d => d.id === state.current?.id);
  const next = state.drafts[Math.min(state.drafts.length - 1, Math.max(0, at < 0 ? 0 : at + step))];
  show(next.id).then(() => queue.querySelector(`li[data-id="${CSS.escape(next.id)}"] button`)?.focus());
}

document.addEventListener('keydown', e => {
  const typing = e.target.closest('input, textarea, select');
  if (e.key === 'Escape' && typing) { e.target.blur(); return; }
  if (typing || e.ctrlKey || e.metaKey || e.altKey) return;
  const form = detail.querySelector('form.decide:not([hidden])');
  const press = decision => form?.querySelector(`button[data-decision="${decision}"]`)?.click();
  switch (e.key) {
    case 'j': move(1); break;
    case 'k': move(-1); break;
    case 'a': press('approve'); break;
    case 'c': press('request_changes'); break;
    case 'r': press('reject'); break;
    case 'e': form?.editedText.focus(); break;
    case 'x': {
      const box = queue.querySelector(`li[data-id="${CSS.escape(state.current?.id ?? '')}"] input[type=checkbox]`);
      if (box && !box.disabled) { box.checked = !box.checked; box.dispatchEvent(new Event('change')); }
      break;
    }
    case '/': $('rule').focus(); break;
    case '?': $('shortcuts').open = !$('shortcuts').open; break;
    default: return;
  }
  e.preventDefault();
});

function showScenarioFilter() {
  const select = $('scenario');
  const chosen = select.value;
  select.replaceChildren(new Option(t('scenario.any'), ''), ...state.scenarios.map(s => new Option(scenarioText(s.code), s.code, false, s.code === chosen)));
}

for (const id of ['status', 'verdict', 'scenario']) $(id).addEventListener('change', loadQueue);
for (const id of ['advisor', 'rule', 'campaign']) $(id).addEventListener('change', loadQueue);
$('filters').addEventListener('submit', e => { e.preventDefault(); loadQueue(); });

languageSwitch($('lang'), () => {
  showScenarioFilter();
  loadQueue();
  if (state.current) show(state.current.id);
});

whoAmI().then(async caller => {
  state.me = caller;
  if (!caller) return;
  $('reviewer-label').hidden = caller.authentication !== 'off';
  state.scenarios = await api('/v1/scenarios');
  showScenarioFilter();
  // A link can open the queue filtered (the lead list links a campaign's drafts as ?campaignId=&status=).
  const linked = new URLSearchParams(location.search);
  for (const [name, id] of [['status', 'status'], ['verdict', 'verdict'], ['scenario', 'scenario'], ['advisorId', 'advisor'], ['ruleId', 'rule'], ['campaignId', 'campaign']])
    if (linked.has(name)) $(id).value = linked.get(name);
  await loadQueue();
});
