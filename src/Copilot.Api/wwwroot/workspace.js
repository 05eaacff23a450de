// The advisor's workspace: ask the copilot (streamed, cited, follow-ups, past conversations), pick one of the advisor's
// clients and draft a message, watch its pre-check and review, revise what compliance sent back.
import { t, translate, languageSwitch, language } from './i18n.js';
import { api, send, whoAmI, ApiError } from './session.js';
import { readEvents } from './sse.js';
import { renderMarkdown } from './markdown.js';
import { fillDraft, statusText, verdictText, scenarioText } from './draft-view.js';
import { mountLeads } from './leads-view.js';

const $ = id => document.getElementById(id);
const state = { me: null, conversationId: null, clients: [], scenarios: [], draft: null, drafts: [] };

// ---- who acts: an advisor's key acts for its advisor; the CRM, an admin or this machine without keys name one.
function advisorId() {
  if (state.me?.role === 'Advisor') return state.me.advisorId;
  return $('advisor').value.trim() || null;
}

// ---- tabs (arrow keys move between them, as the ARIA tabs pattern has it)
const tabs = [...document.querySelectorAll('[role=tab]')];
function selectTab(tab) {
  for (const other of tabs) {
    const selected = other === tab;
    other.setAttribute('aria-selected', String(selected));
    other.tabIndex = selected ? 0 : -1;
    $(other.getAttribute('aria-controls')).hidden = !selected;
  }
  tab.focus();
}
for (const tab of tabs) {
  tab.addEventListener('click', () => selectTab(tab));
  tab.addEventListener('keydown', e => {
    const at = tabs.indexOf(tab);
    if (e.key === 'ArrowRight') selectTab(tabs[(at + 1) % tabs.length]);
    else if (e.key === 'ArrowLeft') selectTab(tabs[(at - 1 + tabs.length) % tabs.length]);
  });
}

// ---- the cited passage, in a dialog
async function openPassage(citation) {
  const dialog = $('passage');
  $('passage-title').textContent = citation.title;
  $('passage-meta').textContent = citation.section;
  $('passage-text').replaceChildren(renderMarkdown(citation.snippet));
  dialog.showModal();
  if (!citation.chunkId) return;
  try {
    const chunk = await api(`/v1/knowledge/chunks/${encodeURIComponent(citation.chunkId)}`);
    const d = chunk.document;
    $('passage-title').textContent = d.title;
    $('passage-meta').textContent = [chunk.section && `${t('cite.section')}: ${chunk.section}`, d.publisher && `${t('cite.publisher')}: ${d.publisher}`,
      d.published && `${t('cite.published')}: ${d.published}`, d.type].filter(Boolean).join(' · ');
    $('passage-text').replaceChildren(renderMarkdown(chunk.text));
  } catch (error) {
    const note = document.createElement('p');
    note.className = 'muted';
    note.textContent = error instanceof ApiError && error.status === 404 ? t('cite.missing') : error.message;
    $('passage-text').prepend(note);
  }
}

function citationList(citations) {
  const list = document.createElement('ol');
  list.className = 'citations';
  list.setAttribute('aria-label', t('chat.sources'));
  for (const c of citations) {
    const item = document.createElement('li');
    item.value = c.index;
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'link';
    button.textContent = `${c.title}${c.section ? ' · ' + c.section : ''}`;
    button.addEventListener('click', () => openPassage(c));
    const snippet = document.createElement('small');
    snippet.textContent = ` — ${c.snippet}`;
    item.append(button, snippet);
    list.append(item);
  }
  return list;
}

// ---- chat
const log = $('log');
function turn(role) {
  const div = document.createElement('div');
  div.className = `turn ${role}`;
  log.append(div);
  log.scrollTop = log.scrollHeight;
  return div;
}

function showAnswer(div, answer, citations) {
  const byIndex = new Map(citations.map(c => [c.index, c]));
  const body = document.createElement('div');
  body.className = 'markdown';
  body.append(renderMarkdown(answer, n => {
    const c = byIndex.get(n);
    if (!c) return null;
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'cite';
    button.textContent = `[${n}]`;
    button.title = `${t('chat.open')}: ${c.title}`;
    button.setAttribute('aria-label', `${t('chat.open')} ${n}: ${c.title}`);
    button.addEventListener('click', () => openPassage(c));
    return button;
  }));
  div.replaceChildren(body);
  if (citations.length) div.append(citationList(citations));
}

function showUser(text) {
  turn('user').textContent = text;
}

$('ask').addEventListener('submit', async e => {
  e.preventDefault();
  const input = $('message');
  const message = input.value.trim();
  if (!message) return;
  input.value = '';
  showUser(message);
  const answer = turn('assistant');
  answer.classList.add('streaming');
  const type = $('type').value;
  const response = await send('/v1/chat', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Accept': 'text/event-stream' },
    body: JSON.stringify({ message, conversationId: state.conversationId, filters: type ? { type } : null, advisorId: advisorId() }),
  });
  if (!response.ok) {
    const problem = await response.json().catch(() => ({}));
    answer.classList.add('error');
    answer.textContent = new ApiError(response.status, problem).message;
    return;
  }
  for await (const event of readEvents(response)) {
    if (event.type === 'start') { state.conversationId = event.data.conversationId; $('generator').textContent = event.data.generator; }
    else if (event.type === 'delta') { answer.textContent += event.data.text; log.scrollTop = log.scrollHeight; }
    else if (event.type === 'done') { answer.classList.remove('streaming'); showAnswer(answer, event.data.answer, event.data.citations); }
    else if (event.type === 'error') { answer.classList.add('error'); answer.textContent += '\n' + (event.data.detail || event.data.title); }
  }
  log.scrollTop = log.scrollHeight;
  loadConversations();
});

async function loadConversations() {
  const list = $('conversation-list');
  const { conversations } = await api('/v1/chat/conversations');
  if (conversations.length === 0) {
    const li = document.createElement('li');
    li.className = 'muted';
    li.textContent = t('chat.none');
    list.replaceChildren(li);
    return;
  }
  list.replaceChildren(...conversations.map(c => {
    const li = document.createElement('li');
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'item';
    button.dataset.id = c.id;
    if (c.id === state.conversationId) button.setAttribute('aria-current', 'true');
    const title = document.createElement('span');
    title.textContent = c.title;
    const when = document.createElement('small');
    when.textContent = new Date(c.updatedAtUtc).toLocaleString();
    button.append(title, when);
    button.addEventListener('click', () => openConversation(c.id));
    li.append(button);
    return li;
  }));
}

async function openConversation(id) {
  const conversation = await api(`/v1/chat/conversations/${encodeURIComponent(id)}`);
  state.conversationId = id;
  log.replaceChildren();
  for (const m of conversation.messages) {
    if (m.role === 'user') showUser(m.content);
    else showAnswer(turn('assistant'), m.content, m.citations ?? []);
  }
  loadConversations();
  $('message').focus();
}

$('new').addEventListener('click', () => { state.conversationId = null; log.replaceChildren(); loadConversations(); $('message').focus(); });

// ---- clients
const maxClientPages = 50;

function clientLabel(c) {
  return `${c.name ?? c.id} · ${c.id} · ${c.riskClass ?? '—'}`;
}

function showClients() {
  const filter = $('client-filter').value.trim().toLowerCase();
  const select = $('client');
  const chosen = select.value;
  const shown = state.clients.filter(c => !filter || c.id.toLowerCase().includes(filter) || (c.name ?? '').toLowerCase().includes(filter));
  select.replaceChildren(...shown.map(c => new Option(clientLabel(c), c.id, false, c.id === chosen)));
  $('client-count').textContent = shown.length ? `${shown.length} / ${state.clientTotal ?? state.clients.length} ${t('clients.count')}` : t('clients.none');
}

async function loadClients() {
  const advisor = advisorId();
  if (!advisor) return;
  // An advisor serves thousands of clients: the first page shows at once, the rest follow a page at a time.
  const url = n => `/v1/clients?advisorId=${encodeURIComponent(advisor)}&pageSize=200&page=${n}`;
  let page = await api(url(1));
  state.clients = page.items;
  state.clientTotal = page.total;
  showClients();
  for (let n = 2; state.clients.length < page.total && n <= maxClientPages && advisor === advisorId(); n++) {
    page = await api(url(n));
    if (page.items.length === 0) break;
    state.clients = state.clients.concat(page.items);
    showClients();
  }
}

function showClientCard() {
  const c = state.clients.find(x => x.id === $('client').value);
  const card = $('client-card');
  card.hidden = !c;
  if (!c) return;
  const rows = [['ID', c.id], ['C', c.riskClass + (c.lowestClass ? ' (最低类别 lowest)' : '')], ['¥', c.totalAssets?.toLocaleString()],
    ['⏱', c.lastLoginOn], ['✉', c.preferredChannel]].filter(([, v]) => v !== undefined && v !== null);
  const dl = document.createElement('dl');
  for (const [k, v] of rows) {
    const dt = document.createElement('dt');
    dt.textContent = k;
    const dd = document.createElement('dd');
    dd.textContent = v;
    dl.append(dt, dd);
  }
  const name = document.createElement('strong');
  name.textContent = c.name ?? c.id;
  card.replaceChildren(name, dl);
  if (c.preferredChannel && [...$('channel').options].some(o => o.value === c.preferredChannel)) $('channel').value = c.preferredChannel;
}

$('client-filter').addEventListener('input', showClients);
$('client').addEventListener('change', showClientCard);

// ---- scenarios (the content matrix), grouped by kind
function showScenarios() {
  const select = $('scenario');
  const chosen = select.value;
  const groups = new Map();
  for (const s of state.scenarios) {
    if (!groups.has(s.kind)) {
      const group = document.createElement('optgroup');
      group.label = t(`scenario.${s.kind}`);
      groups.set(s.kind, group);
    }
    groups.get(s.kind).append(new Option(scenarioText(s.code), `${s.kind}/${s.code}`, false, `${s.kind}/${s.code}` === chosen));
  }
  select.replaceChildren(...groups.values());
}

// ---- drafting
$('draft-form').addEventListener('submit', async e => {
  e.preventDefault();
  const error = $('draft-error');
  error.textContent = '';
  const clientId = $('client').value;
  if (!clientId) { error.textContent = t('draft.pickFirst'); $('client').focus(); return; }
  const [kind, code] = $('scenario').value.split('/');
  const button = e.submitter ?? e.target.querySelector('button[type=submit]');
  button.disabled = true;
  error.textContent = t('draft.working');
  try {
    const draft = await api('/v1/drafts', {
      method: 'POST',
      // One key per click: a retried request (a flaky network) returns the same draft, never a second one.
      headers: { 'Idempotency-Key': crypto.randomUUID() },
      body: { advisorId: advisorId(), client: { id: clientId }, scenario: { kind, code, notes: $('notes').value.trim() || null }, channel: $('channel').value },
    });
    error.textContent = '';
    showDraft(draft);
    loadDrafts();
  } catch (failure) {
    error.textContent = failure.message;
  } finally {
    button.disabled = false;
  }
});

function showDraft(draft) {
  state.draft = draft;
  const view = $('draft-view');
  view.replaceChildren($('draft-template').content.cloneNode(true));
  translate(view);
  view.hidden = false;
  view.dataset.id = draft.id;
  const client = state.clients.find(c => c.id === draft.clientId);
  view.querySelector('.draft-client').textContent = `· ${client?.name ?? draft.clientId} · ${scenarioText(draft.scenarioCode)}`;
  const status = view.querySelector('.status');
  status.textContent = statusText(draft.status);
  status.dataset.status = draft.status;
  const verdict = view.querySelector('.verdict');
  verdict.textContent = verdictText(draft.verdict);
  verdict.className = `verdict ${draft.verdict}`;
  view.querySelector('.details').textContent = `${t(`channel.${draft.channel}`)} · ${draft.generator} · v${draft.version}`;
  fillDraft(view.querySelector('.draft-text'), view.querySelector('.findings'), draft);
  const citations = view.querySelector('.citations');
  view.querySelector('.citations-title').hidden = draft.citations.length === 0;
  citations.replaceWith(citationList(draft.citations));
  if (draft.reviewComment) {
    const comment = view.querySelector('.review-comment');
    comment.hidden = false;
    comment.querySelector('span').textContent = draft.reviewComment;
  }
  const revise = view.querySelector('form.revise');
  revise.hidden = draft.status !== 'ChangesRequested';
  revise.text.value = draft.text;
  revise.addEventListener('submit', async e => {
    e.preventDefault();
    try {
      const revised = await api(`/v1/drafts/${encodeURIComponent(draft.id)}/revise`, {
        method: 'POST', body: { advisorId: advisorId(), text: revise.text.value, expectedVersion: draft.version },
      });
      showDraft(revised);
      view.querySelector('.revise .error').textContent = '';
      loadDrafts();
    } catch (failure) {
      revise.querySelector('.error').textContent = failure.message;
    }
  });
  view.querySelector('h2').scrollIntoView({ block: 'nearest' });
}

async function loadDrafts() {
  const advisor = advisorId();
  const list = $('draft-list');
  const page = await api(`/v1/drafts?pageSize=50${advisor ? `&advisorId=${encodeURIComponent(advisor)}` : ''}`);
  state.drafts = page.drafts;
  if (page.drafts.length === 0) {
    const li = document.createElement('li');
    li.className = 'muted';
    li.textContent = t('draft.noneYet');
    list.replaceChildren(li);
    return;
  }
  list.replaceChildren(...page.drafts.map(d => {
    const li = document.createElement('li');
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'item';
    button.dataset.id = d.id;
    const who = document.createElement('span');
    const client = state.clients.find(c => c.id === d.clientId);
    who.textContent = `${client?.name ?? d.clientId} · ${scenarioText(d.scenarioCode)}`;
    const status = document.createElement('small');
    status.className = `state ${d.status}`;
    status.textContent = `${statusText(d.status)} · ${verdictText(d.verdict)}`;
    button.append(who, status);
    button.addEventListener('click', async () => showDraft(await api(`/v1/drafts/${encodeURIComponent(d.id)}`)));
    li.append(button);
    return li;
  }));
}

// ---- today's leads: the same module as the dashboard's lead list
const leads = mountLeads($('leads'), { advisorId, text: t, language, onCampaignDone: () => loadDrafts().catch(() => {}) });

// ---- start
function rerender() {
  leads.load();
  showScenarios();
  showClients();
  if (state.draft) showDraft(state.draft);
  loadDrafts().catch(() => {});
  loadConversations().catch(() => {});
}
languageSwitch($('lang'), rerender);

async function start() {
  state.me = await whoAmI();
  if (!state.me) return;
  $('advisor-label').hidden = state.me.role === 'Advisor';
  // A conversation belongs to the advisor it was started for: another advisor starts afresh.
  $('advisor').addEventListener('change', () => {
    state.conversationId = null;
    log.replaceChildren();
    loadClients();
    loadDrafts();
    leads.load();
  });
  state.scenarios = await api('/v1/scenarios');
  showScenarios();
  await Promise.all([loadConversations(), loadClients().catch(() => {}), loadDrafts().catch(() => {}), leads.load()]);
}
start();
