// Who a page acts as. With API keys configured, the key typed here goes with every request; it is kept for this tab only.
const copilotSession = (() => {
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

  async function send(path, options = {}) {
    const response = await fetch(path, { ...options, headers: withKey(options.headers) });
    if (response.status === 401) askForKey();
    return response;
  }

  // The caller as the service sees it, or null until a valid key is given.
  async function whoAmI() {
    const response = await send('/v1/me');
    if (!response.ok) return null;
    const me = await response.json();
    document.getElementById('caller').textContent = me.authentication === 'off' ? '本机 · no API keys' : `${me.name} · ${me.role}`;
    return me;
  }

  keyField.addEventListener('change', () => {
    sessionStorage.setItem(storageKey, keyField.value.trim());
    location.reload();
  });

  return { send, whoAmI };
})();
