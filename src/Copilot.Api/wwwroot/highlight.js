// A draft's text with each pre-check finding's span (UTF-16 offsets, as the service counts them) wrapped in a <mark>
// that names its rule. Overlapping spans keep the earlier one; the finding list beside the text still shows them all.
export function highlighted(text, findings, describe) {
  const spans = findings
    .map((finding, index) => ({ finding, index }))
    .filter(({ finding }) => finding.end > finding.start && finding.start >= 0 && finding.end <= text.length)
    .sort((a, b) => a.finding.start - b.finding.start);
  const fragment = document.createDocumentFragment();
  let at = 0;
  for (const { finding, index } of spans) {
    if (finding.start < at) continue;
    fragment.append(text.slice(at, finding.start));
    const mark = document.createElement('mark');
    mark.className = finding.severity;
    mark.id = `finding-mark-${index}`;
    mark.dataset.rule = finding.ruleId;
    mark.title = describe ? describe(finding) : `${finding.ruleId}: ${finding.message}`;
    mark.textContent = text.slice(finding.start, finding.end);
    fragment.append(mark);
    at = finding.end;
  }
  fragment.append(text.slice(at));
  return fragment;
}
