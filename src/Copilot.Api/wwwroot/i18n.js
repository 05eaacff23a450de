// The pages' words in Chinese (the default) and English. Static text carries data-i18n="key" (its text) or
// data-i18n-attr="attribute:key;…"; code asks t(key). Switching language re-applies both and tells the page.
const words = {
  'caller.local': ['本机 · 未启用 API 密钥', 'This machine · no API keys'],
  'lang.switch': ['English', '中文'],
  'lang.switch.label': ['Switch to English', '切换到中文'],
  'key.label': ['API 密钥', 'API key'],
  'nav.review': ['合规审核', 'Compliance review'],
  'nav.workspace': ['投顾工作台', 'Advisor workspace'],
  'nav.api': ['API 文档', 'API reference'],
  'ws.title': ['投顾工作台', 'Advisor workspace'],
  'ws.tabs': ['工作区', 'Workspace'],
  'tab.chat': ['智能问答', 'Ask'],
  'tab.clients': ['客户与消息', 'Clients & messages'],
  'tab.leads': ['今日线索', "Today's leads"],
  'advisor.label': ['投顾编号', 'Advisor id'],
  'chat.conversations': ['对话', 'Conversations'],
  'chat.new': ['新对话', 'New conversation'],
  'chat.none': ['还没有对话', 'No conversations yet'],
  'chat.type': ['资料类型', 'Content type'],
  'chat.type.all': ['全部资料', 'All content'],
  'chat.type.research': ['研究', 'Research'],
  'chat.type.compliance': ['合规', 'Compliance'],
  'chat.type.product': ['产品', 'Product'],
  'chat.type.faq': ['常见问题', 'FAQ'],
  'chat.message': ['你的问题', 'Your question'],
  'chat.placeholder': ['问一个问题，例如：C2级客户能买R3的产品吗？', 'Ask, e.g. may a C2 client buy an R3 product?'],
  'chat.send': ['发送', 'Send'],
  'chat.sources': ['来源', 'Sources'],
  'chat.open': ['打开引用', 'Open the cited passage'],
  'chat.log': ['对话内容', 'Conversation'],
  'cite.close': ['关闭', 'Close'],
  'cite.publisher': ['发布方', 'Publisher'],
  'cite.published': ['日期', 'Date'],
  'cite.section': ['章节', 'Section'],
  'cite.missing': ['该段落已不在知识库中（文档可能已更新或删除）。', 'This passage is no longer in the knowledge base (the document may have been replaced or deleted).'],
  'clients.title': ['我的客户', 'My clients'],
  'clients.filter': ['筛选客户（编号或姓名）', 'Filter clients (id or name)'],
  'clients.pick': ['选择客户', 'Pick a client'],
  'clients.none': ['没有客户', 'No clients'],
  'clients.count': ['位客户', 'clients'],
  'draft.title': ['起草客户消息', 'Draft a message'],
  'draft.scenario': ['场景', 'Scenario'],
  'draft.channel': ['渠道', 'Channel'],
  'draft.notes': ['备注（可选）', 'Notes (optional)'],
  'draft.submit': ['生成草稿', 'Draft it'],
  'draft.pickFirst': ['请先选择一位客户。', 'Pick a client first.'],
  'draft.working': ['正在起草…', 'Drafting…'],
  'draft.mine': ['我的草稿', 'My drafts'],
  'draft.noneYet': ['还没有草稿', 'No drafts yet'],
  'draft.result': ['草稿', 'Draft'],
  'draft.findings': ['预审发现', 'Pre-check findings'],
  'draft.noFindings': ['预审未发现问题。', 'The pre-check found nothing.'],
  'draft.comment': ['审核意见', "Reviewer's comment"],
  'draft.revise': ['修改后重新提交', 'Revise and resubmit'],
  'draft.reviseText': ['修改后的文本', 'Revised text'],
  'draft.revised': ['已重新提交审核。', 'Sent back for review.'],
  'draft.citations': ['引用资料', 'Sources'],
  'leads.title': ['今日服务线索', "Today's service leads"],
  'leads.kind': ['线索类型', 'Lead kind'],
  'leads.kind.all': ['全部类型', 'All kinds'],
  'leadKind.care_after_loss': ['亏损关怀', 'Care after a loss'],
  'leadKind.fix_risk_mismatch': ['风险不匹配整改', 'Fix a risk mismatch'],
  'leadKind.renew_assessment': ['风险测评续期', 'Renew the risk assessment'],
  'leadKind.recall': ['召回', 'Recall a requalified account'],
  'leadKind.reactivate': ['激活', 'Reactivate'],
  'leadKind.bring_in_assets': ['归集', 'Bring in assets'],
  'leads.count': ['条线索', 'leads'],
  'leads.withheld': ['未显示', 'held back'],
  'leads.cap': ['7天触达上限', '7-day contact cap'],
  'leads.none': ['今天没有服务线索。', 'No service leads today.'],
  'leads.pickAdvisor': ['请先指定一位投顾。', 'Name an advisor first.'],
  'leads.score': ['评分', 'score'],
  'leads.since': ['起始', 'since'],
  'leads.parts': ['评分构成', 'How the score adds up'],
  'leads.suggested': ['建议', 'Suggested'],
  'leads.contacts': ['近7天已触达', 'contacted in 7 days'],
  'leads.done': ['完成', 'Done'],
  'leads.dismiss': ['忽略', 'Dismiss'],
  'leads.snooze': ['延后7天', 'Snooze 7 days'],
  'leads.done.ok': ['已完成', 'Marked done'],
  'leads.dismiss.ok': ['已忽略', 'Dismissed'],
  'leads.snooze.ok': ['已延后', 'Snoozed'],
  'leads.draft': ['为这些客户起草', 'Draft for these'],
  'leads.grouping': ['勾选线索后批量起草：每条线索按其建议的场景和渠道起草，场景或渠道不同的分成多个批量任务；草稿均进入合规审核。',
    'Tick leads, then draft in bulk: each client gets the scenario and channel its lead suggests; different scenarios or channels start separate campaigns. Every draft goes to compliance review.'],
  'leads.tickFirst': ['请先勾选线索。', 'Tick some leads first.'],
  'leads.starting': ['正在启动批量起草…', 'Starting the campaign…'],
  'leads.started': ['已启动批量任务：', 'Campaigns started:'],
  'leads.campaign': ['批量起草', 'Campaign'],
  'leads.drafts': ['查看这些草稿', 'See the drafts'],
  'campaign.Running': ['进行中', 'running'],
  'campaign.Completed': ['已完成', 'completed'],
  'campaign.Cancelled': ['已取消', 'cancelled'],
  'campaign.total': ['客户', 'Clients'],
  'campaign.drafted': ['已起草', 'Drafted'],
  'campaign.passed': ['预审通过', 'Passed'],
  'campaign.flagged': ['需关注', 'Flagged'],
  'campaign.failed': ['失败', 'Failed'],
  'campaign.eta': ['预计剩余', 'ETA'],
  'campaign.cancelled': ['已取消', 'Cancelled'],
  'campaign.cancel': ['取消任务', 'Cancel'],
  'campaign.cancelled.ok': ['已取消尚未起草的客户。', 'Clients not yet drafted were cancelled.'],
  'status.PendingReview': ['待审核', 'Pending review'],
  'status.ChangesRequested': ['待修改', 'Changes requested'],
  'status.Approved': ['已通过', 'Approved'],
  'status.Rejected': ['已驳回', 'Rejected'],
  'status.Sent': ['已发送', 'Sent'],
  'verdict.pass': ['预审通过', 'Pre-check passed'],
  'verdict.review': ['需人工关注', 'Needs a look'],
  'verdict.fail': ['预审未通过', 'Pre-check failed'],
  'verdict.any': ['全部预审结果', 'Any verdict'],
  'severity.block': ['拦截', 'block'],
  'severity.warn': ['提示', 'warn'],
  'finding.rule': ['规则', 'Rule'],
  'finding.source': ['来源', 'Source'],
  'scenario.any': ['全部场景', 'Any scenario'],
  'scenario.lifecycle': ['生命周期', 'Lifecycle'],
  'scenario.investment': ['投资场景', 'Investment'],
  'scenario.intraday': ['盘中行为', 'Intraday'],
  'scenario.emotion': ['情绪关怀', 'Emotion care'],
  'scenario.onboarding': ['新客开户', 'Onboarding'],
  'scenario.dormant_reactivation': ['休眠激活', 'Dormant reactivation'],
  'scenario.birthday': ['生日祝福', 'Birthday'],
  'scenario.account_anniversary': ['开户周年', 'Account anniversary'],
  'scenario.risk_assessment_expiring': ['风测即将到期', 'Risk assessment expiring'],
  'scenario.market_drop': ['市场下跌', 'Market drop'],
  'scenario.sector_rally': ['板块上涨', 'Sector rally'],
  'scenario.product_launch': ['新品发行', 'Product launch'],
  'scenario.fund_dividend': ['基金分红', 'Fund dividend'],
  'scenario.large_loss_today': ['当日大额亏损', 'Large loss today'],
  'scenario.login_without_trading': ['登录未交易', 'Logged in without trading'],
  'scenario.emotion_care': ['情绪安抚', 'Emotion care'],
  'channel.wechat': ['微信', 'WeChat'],
  'channel.sms': ['短信', 'SMS'],
  'channel.email': ['邮件', 'Email'],
  'review.title': ['合规审核', 'Compliance review'],
  'review.reviewer': ['审核人', 'Reviewer'],
  'review.filters': ['筛选', 'Filters'],
  'review.status': ['状态', 'Status'],
  'review.advisor': ['投顾', 'Advisor'],
  'review.rule': ['规则编号', 'Rule id'],
  'review.campaign': ['批量任务编号', 'Campaign id'],
  'review.queue': ['审核队列', 'Review queue'],
  'review.total': ['条', 'drafts'],
  'review.pick': ['选择一条草稿', 'Pick a draft'],
  'review.select': ['选中', 'Select'],
  'review.bulk': ['批量通过选中的无问题草稿', 'Approve the selected clean drafts'],
  'review.bulkDone': ['已通过', 'approved'],
  'review.bulkFailed': ['未通过', 'failed'],
  'review.bulkNone': ['请先勾选预审通过的草稿。', 'Tick drafts whose pre-check passed first.'],
  'review.edited': ['修改后的文本（改动后点“修改并通过”）', 'Edited text (change it, then “Edit and approve”)'],
  'review.comment': ['审核意见', 'Comment'],
  'review.commentRequired': ['除无问题直接通过外，请填写审核意见（comment）。', 'Give a comment for anything but a clean approve (comment).'],
  'review.override': ['预审未通过仍批准（在审核意见中写明理由）', 'Override the failed pre-check (give the reason in the comment)'],
  'review.approve': ['通过', 'Approve'],
  'review.editApprove': ['修改并通过', 'Edit and approve'],
  'review.requestChanges': ['退回修改', 'Request changes'],
  'review.reject': ['驳回', 'Reject'],
  'review.unchanged': ['文本未改动；直接点“通过”。', 'The text is unchanged; use Approve.'],
  'review.audit': ['审计记录', 'Audit trail'],
  'review.shortcuts': ['快捷键', 'Keyboard shortcuts'],
  'review.shortcutsList': ['j / k 下一条 / 上一条 · a 通过 · e 修改文本 · c 退回修改 · r 驳回 · x 勾选 · / 筛选规则 · ? 显示帮助',
    'j / k next / previous · a approve · e edit the text · c request changes · r reject · x tick · / filter by rule · ? help'],
  'review.by': ['创建人', 'by'],
  'review.revisions': ['自动修订', 'revisions'],
};

const storageKey = 'advisor-copilot.lang';
let lang = localStorage.getItem(storageKey) === 'en' ? 'en' : 'zh';

export const language = () => lang;

/** The word for key in the page's language (the key itself when none is known, so a gap shows). */
export function t(key) {
  const entry = words[key];
  return entry ? entry[lang === 'en' ? 1 : 0] : key;
}

/** The word for key in a given language ('zh' or 'en'), for pages that keep their own language switch. */
export function wordIn(key, language) {
  const entry = words[key];
  return entry ? entry[language === 'en' ? 1 : 0] : key;
}

/** Fills every data-i18n element and attribute under root. */
export function translate(root = document) {
  document.documentElement.lang = lang === 'en' ? 'en' : 'zh-CN';
  for (const el of root.querySelectorAll('[data-i18n]')) el.textContent = t(el.dataset.i18n);
  for (const el of root.querySelectorAll('[data-i18n-attr]'))
    for (const pair of el.dataset.i18nAttr.split(';')) {
      const [attribute, key] = pair.split(':');
      el.setAttribute(attribute, t(key));
    }
}

/** Wires the language button; onChange re-renders what code drew. */
export function languageSwitch(button, onChange) {
  button.addEventListener('click', () => {
    lang = lang === 'en' ? 'zh' : 'en';
    localStorage.setItem(storageKey, lang);
    translate();
    onChange?.();
  });
  translate();
}
