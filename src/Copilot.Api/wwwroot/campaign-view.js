// One campaign's progress card on the lead list: its figures live (SSE from GET /v1/campaigns/{id}, polling if the stream
// breaks), a link to its drafts in the review queue (by campaign id, so another campaign's drafts of the same advisor and
// scenario are not mixed in), and Cancel while it runs (POST /v1/campaigns/{id}/cancel). Text goes in as textContent only.
import { api, send, ApiError } from './session.js';
import { readEvents } from './sse.js';

function element(tag, props = {}, ...children) {
  const el = Object.assign(document.createElement(tag), props);
  el.append(...children.filter(c => c !== null && c !== undefined));
  return el;
}

/**
 * A card for an accepted campaign ({ id, estimate }) of one group ({ scenario, channel, clientIds }). options: text(key),
 * scenarioLabel(scenario), channelText(channel), onDone(progress). Returns { root, draw }: draw() redraws in the current language.
 */
export function campaignCard(accepted, group, { text, scenarioLabel, channelText, onDone }) {
  const title = element('h3');
  const bar = element('progress', { max: 1, value: 0, id: `campaign-${accepted.id}-bar` });
  const figures = element('dl', { className: 'campaign-figures' });
  const failures = element('ul', { className: 'campaign-failures error' });
  const link = element('a', { className: 'campaign-drafts' });
  const cancel = element('button', { type: 'button', className: 'campaign-cancel' });
  const message = element('p', { className: 'campaign-message' });
  message.setAttribute('role', 'status');
  const root = element('article', { className: 'campaign card' }, title, bar, figures, failures, element('p', { className: 'campaign-actions' }, link, ' ', cancel), message);
  root.dataset.id = accepted.id;
  const url = `/v1/campaigns/${encodeURIComponent(accepted.id)}`;
  let progress = null;

  function draw() {
    const p = progress;
    const running = !p || p.status === 'Running';
    title.textContent = `${text('leads.campaign')} · ${scenarioLabel(group.scenario)} · ${channelText(group.channel)} · ${text(`campaign.${p?.status ?? 'Running'}`)}`;
    bar.setAttribute('aria-label', title.textContent);
    const total = p?.total ?? accepted.estimate?.clients ?? group.clientIds.size;
    bar.max = Math.max(total, 1);
    bar.value = p ? p.drafted + p.failed + p.cancelled : 0;
    const eta = p?.etaSeconds == null ? '—' : `${Math.ceil(p.etaSeconds)} s`;
    const rows = [['total', total], ['drafted', p?.drafted ?? 0], ['passed', p?.passed ?? 0], ['flagged', p?.flagged ?? 0], ['failed', p?.failed ?? 0]];
    if (p?.cancelled) rows.push(['cancelled', p.cancelled]);
    rows.push(['eta', running ? eta : '—']);
    figures.replaceChildren(...rows.flatMap(([key, value]) => {
      const dd = element('dd', { textContent: String(value) });
      dd.dataset.figure = key;
      return [element('dt', { textContent: text(`campaign.${key}`) }), dd];
    }));
    failures.replaceChildren(...(p?.failures ?? []).map(f => element('li', { textContent: `${f.reason} (${f.clients})` })));
    link.textContent = text('leads.drafts');
    // Every status: a campaign's drafts are pending at first, then approved, rejected or sent; the queue starts on pending.
    link.href = `/review?${new URLSearchParams({ campaignId: accepted.id, status: 'PendingReview' })}`;
    cancel.textContent = text('campaign.cancel');
    cancel.setAttribute('aria-label', `${text('campaign.cancel')}: ${title.textContent}`);
    cancel.hidden = !running;
  }

  cancel.addEventListener('click', async () => {
    cancel.disabled = true;
    try {
      progress = await api(`${url}/cancel`, { method: 'POST', body: {} });
      message.textContent = text('campaign.cancelled.ok');
    } catch (error) {
      // 409: it finished (or was cancelled elsewhere) meanwhile; show where it stands rather than only the refusal.
      message.textContent = error.message;
      if (error instanceof ApiError) { try { progress = await api(url); } catch { /* the follower redraws it */ } }
    }
    cancel.disabled = false;
    draw();
  });

  async function follow() {
    try {
      const response = await send(url, { headers: { Accept: 'text/event-stream' } });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      for await (const event of readEvents(response)) {
        // A cancel answered already: a late running event must not bring the button back.
        if (progress?.status !== 'Cancelled') progress = event.data;
        draw();
        if (event.type === 'done') break;
      }
    } catch {
      // The stream broke (a proxy that buffers, a dropped connection): poll instead.
    }
    while (!progress || progress.status === 'Running') {
      try { progress = await api(url); draw(); } catch { /* the next poll tries again */ }
      if (progress?.status !== 'Running') break;
      await new Promise(resolve => setTimeout(resolve, 1500));
    }
    root.dataset.status = progress.status;
    draw();
    onDone?.(progress);
  }

  draw();
  follow();
  return { root, draw };
}
