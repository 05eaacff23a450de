// Markdown for answers and passages, rendered without ever parsing text as HTML: every piece of the model's or a
// document's text reaches the page through textContent, inside elements this file creates. So a "<script>" or an
// "onerror=" in an answer is shown as the characters it is. Covers what answers use: paragraphs, headings, lists,
// tables, quotes, code, bold, emphasis, inline code, and [n] citation markers (buttons, when the caller gives a handler).

const tableSeparator = /^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$/;
const bullet = /^\s*[-*+]\s+(.*)$/;
const numbered = /^\s*\d{1,3}[.)]\s+(.*)$/;
const heading = /^(#{1,6})\s+(.*)$/;
const inlineToken = /(\*\*[^*\n]+\*\*|\*[^*\s][^*\n]*\*|`[^`\n]+`|[[【]\d{1,2}[\]】])/g;

function cells(line) {
  let body = line.trim();
  if (body.startsWith('|')) body = body.slice(1);
  if (body.endsWith('|')) body = body.slice(0, -1);
  return body.split('|').map(cell => cell.trim());
}

/** Inline text: bold, code and citation markers become elements, everything else text nodes. */
export function inline(text, onCite) {
  const fragment = document.createDocumentFragment();
  for (const part of text.split(inlineToken)) {
    if (!part) continue;
    if (part.startsWith('**') && part.endsWith('**') && part.length > 4) {
      const strong = document.createElement('strong');
      strong.textContent = part.slice(2, -2);
      fragment.append(strong);
    } else if (part.startsWith('*') && part.endsWith('*') && part.length > 2) {
      const em = document.createElement('em');
      em.textContent = part.slice(1, -1);
      fragment.append(em);
    } else if (part.startsWith('`') && part.endsWith('`') && part.length > 2) {
      const code = document.createElement('code');
      code.textContent = part.slice(1, -1);
      fragment.append(code);
    } else if (/^[[【]\d{1,2}[\]】]$/.test(part) && onCite) {
      const n = Number(part.slice(1, -1));
      const button = onCite(n, part);
      fragment.append(button ?? document.createTextNode(part));
    } else {
      fragment.append(document.createTextNode(part));
    }
  }
  return fragment;
}

function paragraph(lines, onCite) {
  const p = document.createElement('p');
  lines.forEach((line, i) => {
    if (i > 0) p.append(document.createElement('br'));
    p.append(inline(line, onCite));
  });
  return p;
}

function table(header, rows, onCite) {
  const wrap = document.createElement('div');
  wrap.className = 'table-wrap';
  const tableEl = document.createElement('table');
  const head = tableEl.createTHead().insertRow();
  for (const cell of header) {
    const th = document.createElement('th');
    th.scope = 'col';
    th.append(inline(cell, onCite));
    head.append(th);
  }
  const body = tableEl.createTBody();
  for (const row of rows) {
    const tr = body.insertRow();
    for (let i = 0; i < header.length; i++) tr.insertCell().append(inline(row[i] ?? '', onCite));
  }
  wrap.append(tableEl);
  return wrap;
}

/**
 * The text as a fragment of safe elements.
 * @param {string} text Markdown from the model, a template answer or a document.
 * @param {(n: number, marker: string) => Node | null} [onCite] Makes the element for a [n] marker.
 */
export function renderMarkdown(text, onCite) {
  const fragment = document.createDocumentFragment();
  const lines = String(text ?? '').replace(/\r\n?/g, '\n').split('\n');
  let i = 0;
  while (i < lines.length) {
    const line = lines[i];
    if (!line.trim()) { i++; continue; }
    if (line.trim().startsWith('```')) {
      const code = [];
      for (i++; i < lines.length && !lines[i].trim().startsWith('```'); i++) code.push(lines[i]);
      i++;
      const pre = document.createElement('pre');
      const el = document.createElement('code');
      el.textContent = code.join('\n');
      pre.append(el);
      fragment.append(pre);
      continue;
    }
    const h = heading.exec(line);
    if (h) {
      const el = document.createElement(h[1].length <= 1 ? 'h3' : h[1].length === 2 ? 'h4' : 'h5');
      el.append(inline(h[2], onCite));
      fragment.append(el);
      i++;
      continue;
    }
    if (line.includes('|') && i + 1 < lines.length && tableSeparator.test(lines[i + 1])) {
      const header = cells(line);
      const rows = [];
      for (i += 2; i < lines.length && lines[i].includes('|') && lines[i].trim(); i++) rows.push(cells(lines[i]));
      fragment.append(table(header, rows, onCite));
      continue;
    }
    if (bullet.test(line) || numbered.test(line)) {
      const ordered = !bullet.test(line);
      const pattern = ordered ? numbered : bullet;
      const list = document.createElement(ordered ? 'ol' : 'ul');
      for (; i < lines.length && pattern.test(lines[i]); i++) {
        const li = document.createElement('li');
        li.append(inline(pattern.exec(lines[i])[1], onCite));
        list.append(li);
      }
      fragment.append(list);
      continue;
    }
    if (line.trimStart().startsWith('>')) {
      const quoted = [];
      for (; i < lines.length && lines[i].trimStart().startsWith('>'); i++) quoted.push(lines[i].trimStart().replace(/^>\s?/, ''));
      const quote = document.createElement('blockquote');
      quote.append(renderMarkdown(quoted.join('\n'), onCite));
      fragment.append(quote);
      continue;
    }
    const block = [];
    for (; i < lines.length && lines[i].trim() && !heading.test(lines[i]) && !bullet.test(lines[i]) && !numbered.test(lines[i])
      && !lines[i].trim().startsWith('```') && !(lines[i].includes('|') && i + 1 < lines.length && tableSeparator.test(lines[i + 1])); i++)
      block.push(lines[i]);
    if (block.length === 0) { block.push(line); i++; }
    fragment.append(paragraph(block, onCite));
  }
  return fragment;
}
