// The dashboard's words in Chinese (the default) and English.
const dashboardText = {
  'zh-CN': {
    title: '服务看板', apiKey: 'API 密钥', chat: '投顾助手', review: '合规审核', level: '层级', firm: '公司', branch: '分支机构', advisor: '投顾',
    id: '编号', from: '开始日期', to: '结束日期', refresh: '刷新', kpis: '关键指标', funnel: '触达漏斗（按场景）', draftsChart: '草稿审核结果',
    servedChart: '各投顾服务客户数', breakdown: '明细', switchTo: 'English', switchLang: 'en',
    clientsServed: '服务客户', contacts: '触达次数', generated: '生成草稿', approved: '已通过', rejected: '已驳回', changesRequested: '待修改',
    pending: '待审核', sent: '已发送', opened: '已读', replied: '已回复', traded: '已交易', reactivated: '激活沉睡客户', assetsBroughtIn: '归集资产（元）',
    recalled: '召回达标账户', blockRate: '合规拦截率', medianReview: '审核时长中位数（分钟）', clients: '客户数', name: '名称', noScenario: '无草稿',
    definitions: '统计窗口内触达（发送）的客户；激活：触达时已连续 90 天未登录、触达后 30 天内有交易；归集：触达后 30 天内的入金合计（每笔只计一次）；'
      + '召回：触达时总资产低于服务门槛、触达时资产加 30 天内入金达到门槛；拦截率：首次预审未通过的草稿占比；审核时长：从生成到首次审核决定。',
    loadFailed: '加载失败：', leadsTitle: '投顾服务线索',
    campaignChart: '触达漏斗（按批量任务）', campaignsTitle: '批量任务漏斗', campaign: '批量任务', scenario: '场景', channel: '渠道', started: '启动时间',
    status: '状态', noCampaign: '非批量任务', noCampaigns: '窗口内没有批量任务的触达。',
  },
  en: {
    title: 'Service dashboard', apiKey: 'API key', chat: 'Advisor Copilot', review: 'Compliance review', level: 'Level', firm: 'Firm', branch: 'Branch',
    advisor: 'Advisor', id: 'Id', from: 'From', to: 'To', refresh: 'Refresh', kpis: 'Key figures', funnel: 'Funnel by scenario',
    draftsChart: 'Drafts by review outcome', servedChart: 'Clients served per advisor', breakdown: 'Breakdown', switchTo: '中文', switchLang: 'zh-CN',
    clientsServed: 'Clients served', contacts: 'Contacts', generated: 'Drafts generated', approved: 'Approved', rejected: 'Rejected',
    changesRequested: 'Changes requested', pending: 'Pending', sent: 'Sent', opened: 'Opened', replied: 'Replied', traded: 'Traded',
    reactivated: 'Dormant clients reactivated', assetsBroughtIn: 'Assets brought in (¥)', recalled: 'Accounts recalled', blockRate: 'Compliance block rate',
    medianReview: 'Median review time (min)', clients: 'Clients', name: 'Name', noScenario: 'no draft',
    definitions: 'Clients contacted (sent) in the window. Reactivated: no login for 90 days at contact, traded within 30 days after it. Assets brought in: '
      + 'deposits within 30 days after a contact, each once. Recalled: below the service threshold at contact, and assets then plus deposits within 30 days reach it. '
      + 'Block rate: drafts whose first pre-check failed. Review time: from creation to the first decision.',
    loadFailed: 'Could not load: ', leadsTitle: "The advisor's service leads",
    campaignChart: 'Funnel by campaign', campaignsTitle: 'Campaign funnels', campaign: 'Campaign', scenario: 'Scenario', channel: 'Channel', started: 'Started',
    status: 'Status', noCampaign: 'outside campaigns', noCampaigns: 'No campaign contacts in the window.',
  },
};
