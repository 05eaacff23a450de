// An advisor's service leads (GET /v1/leads), shared by the workspace's "today's leads" tab and the dashboard: each lead with
// its client, kind, score and the parts that make it, its reasons in words and numbers, the suggested scenario and channel;
// done / dismiss / snooze; and "draft for these", which starts one campaign per suggested (scenario, channel) among the ticked
// leads — the content matrix cell each lead's reasons call for, never one scenario forced on clients whose leads differ — each
// followed live on its card (campaign-view.js), with a link to its drafts and Cancel. Text goes in as textContent only.
import { api, ApiError } from './session.js';
import { campaignCard } from './campaign-view.js';

const kinds = ['care_after_loss', 'fix_risk_mismatch', 'renew_assessment', 'recall', 'reactivate', 'bring_in_assets'];
const snoozeDays = 7;

function element(tag, props = {}, ...children) {
  const el = Object.assign(document.createElement(tag), props);
  el.append(...children.filter(c => c !== null && c !== undefined));
  return el;
}

function localDay(offsetDays) {
  const d = new Date();
  d.setDate(d.getDate() + offsetDays);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/**
 * Mounts the lead list into root. options: advisorId() the advisor the page acts for (null: nothing to show),
 * text(key) the page's words, language() 'zh' or 'en', top (how many leads), onCampaignDone(progress) when a campaign ends.
 * Returns { load, render }: load() fetches the leads again, render() redraws in the current language.
 */
export function mountLeads(root, { advisorId, text, language, top = 20, onCampaignDone } = {}) {
  const state = { list: null, checked: new Set(), campaigns: new Map(), error: '' };
  const uid = root.id || 'leads';

  const kindSelect = element('select', { id: `${uid}-kind` });
  const kindLabel = element('label', { htmlFor: kindSelect.id });
  const count = element('p', { className: 'muted lead-count' });
  const draftButton = element('button', { type: 'button', className: 'primary lead-draft' });
  const note = element('p', { className: 'muted lead-note' });
  const status = element('p', { className: 'lead-status' });
  status.setAttribute('role', 'status');
  const list = element('ul', { className: 'lead-list' });
  const campaigns = element('div', { className: 'lead-campaigns' });
  campaigns.setAttribute('aria-live', 'polite');
  const toolbar = element('div', { className: 'lead-toolbar' }, kindLabel, kindSelect, count, draftButton);
  root.replaceChildren(toolbar, note, status, list, campaigns);

  kindSelect.addEventListener('change', () => { state.checked.clear(); load(); });
  draftButton.addEventListener('click', () => draftForChecked());

  const channelText = c => text(`channel.${c}`);
  const scenarioLabel = s => text(`scenario.${s.code}`);

  function renderStatic() {
    kindLabel.textContent = text('leads.kind');
    const chosen = kindSelect.value;
    kindSelect.replaceChildren(new Option(text('leads.kind.all'), ''), ...kinds.map(k => new Option(text(`leadKind.${k}`), k, false, k === chosen)));
    draftButton.textContent = `${text('leads.draft')} (${state.checked.size})`;
    draftButton.disabled = state.checked.size === 0;
    note.textContent = text('leads.grouping');
  }

  function renderCount() {
    const data = state.list;
    if (!data) { count.textContent = state.error; return; }
    const w = data.withheld;
    count.textContent = `${data.items.length} / ${data.total} ${text('leads.count')} · ${text('leads.withheld')} ${w.optedOut + w.contactCap + w.dismissed + w.done + w.snoozed}`
      + ` (${text('leads.cap')} ${data.contactCapPer7Days})`;
  }

  function renderList() {
    const data = state.list;
    renderCount();
    if (!data) { list.replaceChildren(); return; }
    if (data.items.length === 0) { list.replaceChildren(element('li', { className: 'muted', textContent: text('leads.none') })); return; }
    list.replaceChildren(...data.items.map(leadItem));
  }

  function leadItem(lead) {
    const li = element('li', { className: 'lead card' });
    li.dataset.id = lead.id;
    li.dataset.client = lead.clientId;
    li.dataset.kind = lead.kind;
    const box = element('input', { type: 'checkbox', id: `${uid}-tick-${lead.id}`, checked: state.checked.has(lead.id) });
    box.addEventListener('change', () => {
      if (box.checked) state.checked.add(lead.id); else state.checked.delete(lead.id);
      renderStatic();
    });
    const who = element('label', { htmlFor: box.id, className: 'lead-client' },
      element('strong', { textContent: lead.clientName || lead.clientId }), ` · ${lead.clientId} · ${lead.riskClass}`);
    const kind = element('span', { className: `badge lead-kind ${lead.kind}`, textContent: lead.title });
    const score = element('span', { className: 'lead-score', textContent: `${text('leads.score')} ${lead.score}` });
    const head = element('div', { className: 'lead-head' }, box, who, kind, score);

    const reasons = element('ul', { className: 'lead-reasons' }, ...lead.reasons.map(r => element('li', { className: r.trigger ? 'trigger' : 'support' },
      element('span', { textContent: r.text }), element('small', { className: 'muted', textContent: ` · ${r.title} · ${text('leads.since')} ${r.since}` }))));
    const parts = element('details', { className: 'lead-parts' },
      element('summary', { textContent: text('leads.parts') }),
      element('ul', {}, ...lead.scoreParts.map(p => element('li', { textContent: `${p.points >= 0 ? '+' : ''}${p.points} · ${p.because}` }))));
    const suggestion = element('p', { className: 'lead-suggestion' },
      `${text('leads.suggested')}: `, element('span', { className: 'lead-scenario', textContent: scenarioLabel(lead.scenario) }),
      ` · ${channelText(lead.channel)}`,
      lead.contactsLast7Days ? ` · ${text('leads.contacts')} ${lead.contactsLast7Days}` : '');

    const actions = element('div', { className: 'lead-actions' }, ...[['done', 'leads.done'], ['dismiss', 'leads.dismiss'], ['snooze', 'leads.snooze']].map(([action, key]) => {
      const button = element('button', { type: 'button', className: `lead-${action}`, textContent: text(key) });
      button.setAttribute('aria-label', `${text(key)}: ${lead.clientName || lead.clientId} · ${lead.title}`);
      button.addEventListener('click', () => act(lead, action, li));
      return button;
    }));
    li.append(head, reasons, parts, suggestion, actions);
    return li;
  }

  async function act(lead, action, li) {
    const advisor = advisorId();
    try {
      await api(`/v1/leads/${encodeURIComponent(lead.id)}/${action}?advisorId=${encodeURIComponent(advisor)}`, {
        method: 'POST', body: action === 'snooze' ? { until: localDay(snoozeDays) } : {},
      });
    } catch (error) {
      status.textContent = error.message;
      return;
    }
    // Keyboard users keep their place: focus moves to the next lead's tick box (or the previous one's).
    const next = li.nextElementSibling ?? li.previousElementSibling;
    state.checked.delete(lead.id);
    state.list.items = state.list.items.filter(l => l.id !== lead.id);
    state.list.total -= 1;
    const held = { dismiss: 'dismissed', done: 'done', snooze: 'snoozed' }[action];
    state.list.withheld[held] += 1;
    li.remove();
    renderCount();
    status.textContent = `${text(`leads.${action}.ok`)}: ${lead.clientName || lead.clientId} · ${lead.title}`;
    renderStatic();
    if (state.list.items.length === 0) renderList();
    (next?.querySelector('input[type=checkbox]') ?? kindSelect).focus();
  }

  async function load() {
    const advisor = advisorId();
    state.error = '';
    // A fresh list (another kind, advisor or language): the last action's message no longer applies.
    status.textContent = '';
    if (!advisor) { state.list = null; state.error = text('leads.pickAdvisor'); render(); return; }
    const query = new URLSearchParams({ advisorId: advisor, top: String(top), language: language() === 'en' ? 'en' : 'zh' });
    if (kindSelect.value) query.set('kind', kindSelect.value);
    try {
      state.list = await api(`/v1/leads?${query}`);
    } catch (error) {
      state.list = null;
      state.error = error.message;
    }
    for (const id of [...state.checked]) if (!state.list?.items.some(l => l.id === id)) state.checked.delete(id);
    render();
    root.dataset.loaded = 'true';
  }

  // ---- campaigns for the ticked leads
  async function draftForChecked() {
    const leads = state.list?.items.filter(l => state.checked.has(l.id)) ?? [];
    if (leads.length === 0) { status.textContent = text('leads.tickFirst'); return; }
    const groups = new Map();
    for (const lead of leads) {
      const key = `${lead.scenario.kind}/${lead.scenario.code}/${lead.channel}`;
      if (!groups.has(key)) groups.set(key, { scenario: lead.scenario, channel: lead.channel, clientIds: new Set() });
      groups.get(key).clientIds.add(lead.clientId);
    }
    draftButton.disabled = true;
    status.textContent = text('leads.starting');
    const advisor = advisorId();
    const started = [];
    for (const group of groups.values()) {
      const body = { advisorId: advisor, clientIds: [...group.clientIds], scenario: { kind: group.scenario.kind, code: group.scenario.code }, channel: group.channel };
      // One key per group per click: a retry after a dropped connection gets the same campaign, never a second one.
      const key = crypto.randomUUID();
      try {
        let accepted;
        try {
          accepted = await api('/v1/campaigns', { method: 'POST', headers: { 'Idempotency-Key': key }, body });
        } catch (error) {
          if (error instanceof ApiError) throw error;
          accepted = await api('/v1/campaigns', { method: 'POST', headers: { 'Idempotency-Key': key }, body });
        }
        started.push(accepted.id);
        const view = campaignCard(accepted, group, { text, scenarioLabel, channelText, onDone: onCampaignDone });
        // Kept so a language switch redraws it too.
        state.campaigns.set(accepted.id, view);
        campaigns.prepend(view.root);
      } catch (error) {
        status.textContent = error.message;
      }
    }
    if (started.length) {
      status.textContent = `${text('leads.started')} ${started.length}`;
      state.checked.clear();
      for (const box of list.querySelectorAll('input[type=checkbox]')) box.checked = false;
    }
    renderStatic();
  }

  function render() {
    renderStatic();
    renderList();
    for (const view of state.campaigns.values()) view.draw();
  }

  renderStatic();
  return { load, render };
}
