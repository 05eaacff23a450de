// The chat page: posts to /v1/chat with Accept: text/event-stream and renders the stream as it arrives.
const log = document.getElementById('log');
const form = document.getElementById('ask');
const input = document.getElementById('message');
const badge = document.getElementById('generator');
let conversationId = null;

function turn(role, text) {
  const div = document.createElement('div');
  div.className = `turn ${role}`;
  div.textContent = text;
  log.appendChild(div);
  log.scrollTop = log.scrollHeight;
  return div;
}

function showCitations(div, citations) {
  if (!citations.length) return;
  const list = document.createElement('ol');
  list.className = 'citations';
  for (const c of citations) {
    const item = document.createElement('li');
    item.value = c.index;
    item.textContent = `${c.title}${c.section ? ' · ' + c.section : ''} — ${c.snippet}`;
    list.appendChild(item);
  }
  div.appendChild(list);
}

async function* readEvents(response) {
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += decoder.decode(value, { stream: true });
    let end;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      let type = 'message', data = '';
      for (const line of block.split('\n')) {
        if (line.startsWith('event:')) type = line.slice(6).trim();
        else if (line.startsWith('data:')) data += line.slice(5).trim();
      }
      if (data) yield { type, data: JSON.parse(data) };
    }
  }
}

form.addEventListener('submit', async (e) => {
  e.preventDefault();
  const message = input.value.trim();
  if (!message) return;
  input.value = '';
  turn('user', message);
  const answer = turn('assistant', '');
  const type = document.getElementById('type').value;
  const response = await copilotSession.send('/v1/chat', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Accept': 'text/event-stream' },
    body: JSON.stringify({ message, conversationId, filters: type ? { type } : null }),
  });
  if (!response.ok) {
    const problem = await response.json();
    answer.classList.add('error');
    answer.textContent = problem.detail || problem.title;
    return;
  }
  for await (const event of readEvents(response)) {
    if (event.type === 'start') { conversationId = event.data.conversationId; badge.textContent = event.data.generator; }
    else if (event.type === 'delta') { answer.textContent += event.data.text; log.scrollTop = log.scrollHeight; }
    else if (event.type === 'done') { answer.textContent = event.data.answer; showCitations(answer, event.data.citations); }
    else if (event.type === 'error') { answer.classList.add('error'); answer.textContent += '\n' + event.data.title; }
  }
});

copilotSession.whoAmI();
document.getElementById('new').addEventListener('click', () => { conversationId = null; log.replaceChildren(); input.focus(); });
