// One draft as both pages show it: status, verdict, the text with each finding highlighted at its span, and the
// findings (rule, severity, reason, source) each pointing at its mark.
import { t } from './i18n.js';
import { highlighted } from './highlight.js';

export function findingText(f) {
  return `${f.ruleId} · ${t(`severity.${f.severity}`)} — ${f.message} (${t('finding.source')}: ${f.source})`;
}

/** Fills the text box and the findings list of a draft view. */
export function fillDraft(textBox, findingsList, draft) {
  textBox.replaceChildren(highlighted(draft.text, draft.findings, findingText));
  if (draft.findings.length === 0) {
    const li = document.createElement('li');
    li.className = 'muted';
    li.textContent = t('draft.noFindings');
    findingsList.replaceChildren(li);
    return;
  }
  findingsList.replaceChildren(...draft.findings.map((f, index) => {
    const li = document.createElement('li');
    li.className = `finding ${f.severity}`;
    li.dataset.rule = f.ruleId;
    const rule = document.createElement('strong');
    rule.textContent = f.ruleId;
    const severity = document.createElement('span');
    severity.className = `severity ${f.severity}`;
    severity.textContent = t(`severity.${f.severity}`);
    const reason = document.createElement('span');
    reason.className = 'reason';
    reason.textContent = f.message;
    const source = document.createElement('small');
    source.className = 'muted';
    source.textContent = `${t('finding.source')}: ${f.source}`;
    const quoted = document.createElement('q');
    quoted.textContent = f.end > f.start ? draft.text.slice(f.start, f.end) : '';
    li.append(rule, ' ', severity, ' ', reason, ' ', quoted, ' ', source);
    // Hovering or focusing a finding lights its mark in the text.
    const mark = textBox.querySelector(`#finding-mark-${index}`);
    if (mark) {
      li.tabIndex = 0;
      li.addEventListener('mouseenter', () => mark.classList.add('active'));
      li.addEventListener('mouseleave', () => mark.classList.remove('active'));
      li.addEventListener('focus', () => mark.classList.add('active'));
      li.addEventListener('blur', () => mark.classList.remove('active'));
    }
    return li;
  }));
}

export const statusText = status => t(`status.${status}`);
export const verdictText = verdict => t(`verdict.${verdict}`);
export const scenarioText = code => t(`scenario.${code}`);
