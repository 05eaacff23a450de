// The service dashboard: figures from GET /v1/dashboard as key numbers, three ECharts charts and a table; at the advisor
// level, the advisor's service leads with "draft for these" (the workspace's lead module).
import { send, whoAmI } from './session.js';
import { wordIn } from './i18n.js';
import { mountLeads } from './leads-view.js';

const form = document.getElementById('filters');
const fields = { level: document.getElementById('level'), id: document.getElementById('id'), from: document.getElementById('from'), to: document.getElementById('to') };
const languageButton = document.getElementById('language');
const languageKey = 'advisor-copilot.language';
let language = localStorage.getItem(languageKey) === 'en' ? 'en' : 'zh-CN';
let last = null;
const charts = {};

const t = key => dashboardText[language][key] ?? key;
const number = value => value == null ? '—' : new Intl.NumberFormat(language).format(value);
const percent = value => value == null ? '—' : new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 1 }).format(value);

function applyLanguage() {
  document.documentElement.lang = language;
  document.title = `${t('title')} · Advisor Copilot`;
  for (const element of document.querySelectorAll('[data-i18n]')) element.textContent = t(element.dataset.i18n);
  languageButton.textContent = t('switchTo');
  languageButton.lang = t('switchLang');
  if (last) { render(last); leads.load(); }
}

// The lead list belongs to one advisor: the advisor level with an id (an advisor's key fixes both).
const leadAdvisor = () => (fields.level.value === 'advisor' && fields.id.value.trim()) || null;
const leads = mountLeads(document.getElementById('leads'), {
  advisorId: leadAdvisor, text: key => wordIn(key, language === 'en' ? 'en' : 'zh'), language: () => (language === 'en' ? 'en' : 'zh'),
});

const kpiList = [
  ['clientsServed', f => number(f.clientsServed)], ['contacts', f => number(f.contacts)], ['generated', f => number(f.drafts.generated)],
  ['approved', f => number(f.drafts.approved)], ['rejected', f => number(f.drafts.rejected)], ['sent', f => number(f.drafts.sent)],
  ['opened', f => number(f.opened)], ['replied', f => number(f.replied)], ['reactivated', f => number(f.reactivated)],
  ['assetsBroughtIn', f => number(f.assetsBroughtIn)], ['recalled', f => number(f.recalled)], ['blockRate', f => percent(f.compliance.blockRate)],
  ['medianReview', f => number(f.compliance.medianReviewMinutes)],
];

function chart(id) {
  charts[id] ??= echarts.init(document.getElementById(id), null, { renderer: 'canvas' });
  return charts[id];
}

function bars(id, categories, series, horizontal = false) {
  const category = { type: 'category', data: categories, axisLabel: { interval: 0, overflow: 'truncate', width: 80 } };
  chart(id).setOption({
    animation: false, tooltip: { trigger: 'axis' }, legend: { top: 0, type: 'scroll' },
    grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
    xAxis: horizontal ? { type: 'value', minInterval: 1 } : category, yAxis: horizontal ? category : { type: 'value', minInterval: 1 },
    series: series.map(s => ({ type: 'bar', name: t(s.key), data: s.data, stack: s.stack, label: { show: true, position: s.stack ? 'inside' : horizontal ? 'right' : 'top', formatter: p => (p.value ? p.value : '') } })),
  }, true);
}

function render(dashboard) {
  const totals = dashboard.totals;
  document.getElementById('kpis').replaceChildren(...kpiList.map(([key, value]) => {
    const item = document.createElement('div');
    item.dataset.kpi = key;
    const term = document.createElement('dt');
    term.textContent = t(key);
    const figure = document.createElement('dd');
    figure.textContent = value(totals);
    item.append(term, figure);
    return item;
  }));

  const funnels = dashboard.funnels;
  bars('funnel-chart', funnels.map(f => f.key ?? t('noScenario')),
    ['sent', 'opened', 'replied', 'traded'].map(key => ({ key, data: funnels.map(f => f[key]) })));
  const rows = dashboard.rows.length ? dashboard.rows : dashboard.advisors;
  bars('drafts-chart', rows.map(r => r.name ?? r.id ?? '—'),
    ['approved', 'rejected', 'changesRequested', 'pending'].map(key => ({ key, stack: 'drafts', data: rows.map(r => r.figures.drafts[key]) })));
  bars('served-chart', dashboard.advisors.map(a => a.name ?? a.id),
    ['clientsServed', 'reactivated'].map(key => ({ key, data: dashboard.advisors.map(a => a.figures[key]) })), true);

  renderCampaigns(dashboard.campaignFunnels);

  const columns = [['name', r => r.name ?? r.id ?? '—'], ['clients', r => number(r.figures.clients)], ...kpiList.map(([key, value]) => [key, r => value(r.figures)])];
  const head = document.createElement('tr');
  head.append(...columns.map(([key]) => Object.assign(document.createElement('th'), { scope: 'col', textContent: t(key) })));
  document.querySelector('#rows thead').replaceChildren(head);
  document.querySelector('#rows tbody').replaceChildren(...(dashboard.rows.length ? dashboard.rows : dashboard.advisors).map(row => {
    const tr = document.createElement('tr');
    tr.append(...columns.map(([, value], i) => Object.assign(document.createElement(i === 0 ? 'th' : 'td'), { textContent: value(row), ...(i === 0 ? { scope: 'row' } : {}) })));
    return tr;
  }));
}

// A campaign's label: its scenario and the day it started (ids are for the table and the review link).
const campaignLabel = c => (c.campaignId ? `${c.scenario ?? c.campaignId} · ${(c.createdAtUtc ?? '').slice(5, 10)}` : t('noCampaign'));
const chartedCampaigns = 10;

function renderCampaigns(campaigns) {
  // The chart shows the campaigns with the most contacts (the rest of the level sums in the table); the table shows them all.
  const charted = campaigns.filter(c => c.campaignId).sort((a, b) => b.sent - a.sent).slice(0, chartedCampaigns);
  bars('campaign-chart', charted.map(campaignLabel),
    ['sent', 'opened', 'replied', 'traded'].map(key => ({ key, data: charted.map(c => c[key]) })));
  const columns = [
    ['campaign', c => campaignLabel(c)], ['advisor', c => c.advisorId ?? '—'], ['channel', c => (c.channel ? wordIn(`channel.${c.channel}`, language === 'en' ? 'en' : 'zh') : '—')],
    ['status', c => (c.status ? wordIn(`campaign.${c.status[0].toUpperCase()}${c.status.slice(1)}`, language === 'en' ? 'en' : 'zh') : '—')],
    ...['sent', 'opened', 'replied', 'traded'].map(key => [key, c => number(c[key])]),
  ];
  const head = document.createElement('tr');
  head.append(...columns.map(([key]) => Object.assign(document.createElement('th'), { scope: 'col', textContent: t(key) })));
  document.querySelector('#campaigns thead').replaceChildren(head);
  const body = document.querySelector('#campaigns tbody');
  body.replaceChildren();
  if (!campaigns.some(c => c.campaignId)) {
    const none = document.createElement('tr');
    none.append(Object.assign(document.createElement('td'), { colSpan: columns.length, textContent: t('noCampaigns') }));
    body.append(none);
  }
  body.append(...campaigns.map(c => {
    const tr = document.createElement('tr');
    tr.dataset.campaign = c.campaignId ?? '';
    tr.append(...columns.map(([key, value], i) => {
      const cell = document.createElement(i === 0 ? 'th' : 'td');
      if (i === 0) cell.scope = 'row';
      cell.dataset.figure = key;
      if (i === 0 && c.campaignId) {
        // The campaign's drafts in the review queue, by its id.
        const link = Object.assign(document.createElement('a'), { href: `/review?${new URLSearchParams({ campaignId: c.campaignId, status: 'Sent' })}`, textContent: value(c) });
        cell.append(link);
      } else cell.textContent = value(c);
      return cell;
    }));
    return tr;
  }));
}

async function load() {
  const error = document.getElementById('error');
  error.textContent = '';
  const query = new URLSearchParams({ level: fields.level.value, from: fields.from.value, to: fields.to.value });
  if (fields.id.value.trim()) query.set('id', fields.id.value.trim());
  history.replaceState(null, '', `?${query}`);
  const response = await send(`/v1/dashboard?${query}`);
  const body = await response.json();
  if (!response.ok) {
    error.textContent = t('loadFailed') + (body.errors ? Object.entries(body.errors).map(([k, v]) => `${k}: ${v.join(' ')}`).join('; ') : body.detail ?? body.title);
    return;
  }
  last = body;
  render(body);
  await leads.load();
  document.body.dataset.loaded = 'true';
}

async function start() {
  const params = new URLSearchParams(location.search);
  const today = new Date();
  const day = date => date.toISOString().slice(0, 10);
  fields.to.value = params.get('to') ?? day(today);
  fields.from.value = params.get('from') ?? day(new Date(today.getTime() - 29 * 86400000));
  fields.level.value = params.get('level') ?? 'firm';
  fields.id.value = params.get('id') ?? '';
  const me = await whoAmI();
  if (me?.role === 'Advisor') {
    // An advisor's key sees its own figures only.
    fields.level.value = 'advisor';
    fields.level.disabled = true;
    fields.id.value = me.advisorId;
    fields.id.readOnly = true;
  }
  applyLanguage();
  if (me) await load();
}

form.addEventListener('submit', event => { event.preventDefault(); load(); });
languageButton.addEventListener('click', () => {
  language = language === 'en' ? 'zh-CN' : 'en';
  localStorage.setItem(languageKey, language);
  applyLanguage();
});
window.addEventListener('resize', () => Object.values(charts).forEach(c => c.resize()));
start();
