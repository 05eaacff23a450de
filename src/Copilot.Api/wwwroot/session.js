// Who a page acts as. With API keys configured, the key typed here goes with every request; it is kept for this tab only.
import { t } from './i18n.js';

const storageKey = 'advisor-copilot.api-key';
const keyField = document.getElementById('api-key');
const keyLabel = keyField.closest('label');

function withKey(headers) {
  const key = sessionStorage.getItem(storageKey);
  return key ? { ...headers, 'X-Api-Key': key } : { ...headers };
}

function askForKey() {
  keyLabel.hidden = false;
  keyField.focus();
}

/** fetch with the tab's key; a 401 asks for one. */
export async function send(path, options = {}) {
  const response = await fetch(path, { ...options, headers: withKey(options.headers) });
  if (response.status === 401) askForKey();
  return response;
}

/** An API problem as an Error whose message names the fields the service named. */
export class ApiError extends Error {
  constructor(status, problem) {
    const fields = problem.errors ? Object.entries(problem.errors).map(([field, messages]) => `${field}: ${[].concat(messages).join(' ')}`) : [];
    super([problem.detail || problem.title || `HTTP ${status}`, ...fields].join(' · '));
    this.status = status;
    this.problem = problem;
  }
}

/** JSON in, JSON out; a problem becomes an ApiError. */
export async function api(path, { method = 'GET', body, headers } = {}) {
  const response = await send(path, {
    method,
    headers: body === undefined ? headers : { 'Content-Type': 'application/json', ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  const json = text ? JSON.parse(text) : null;
  if (!response.ok) throw new ApiError(response.status, json || {});
  return json;
}

/** The caller as the service sees it, or null until a valid key is given. */
export async function whoAmI() {
  const response = await send('/v1/me');
  if (!response.ok) return null;
  const me = await response.json();
  document.getElementById('caller').textContent = me.authentication === 'off' ? t('caller.local') : `${me.name} · ${me.role}`;
  return me;
}

keyField.addEventListener('change', () => {
  sessionStorage.setItem(storageKey, keyField.value.trim());
  location.reload();
});
