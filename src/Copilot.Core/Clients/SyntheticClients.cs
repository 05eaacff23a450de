namespace Copilot.Clients;

/// <summary>
/// Believable synthetic portraits for demos, tests and benchmarks: log-normal assets (most accounts small and quiet, a few
/// large), about a third dormant, risk classes mostly C2–C3, and derived fields that agree with each other (weights sum to
/// at most 1, the last trade is never after the last login, trades in 30 days never exceed those in 90). The same seed, advisors
/// and date give the same clients.
/// </summary>
public static class SyntheticClients
{
    private static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "林", "罗", "高"];
    private static readonly string[] Given = ["伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超", "秀英", "霞", "平", "刚", "桂英", "建华", "文", "华", "玉兰", "志强", "海燕", "晓东", "雪"];
    private static readonly string[] Branches = ["上海浦东分公司", "北京金融街营业部", "深圳福田营业部", "杭州西湖营业部", "成都天府营业部", "武汉江汉营业部"];
    private static readonly string[] AgeBands = ["18-29", "30-39", "40-49", "50-59", "60+"];
    private static readonly double[] AgeBandShares = [0.14, 0.27, 0.25, 0.19, 0.15];
    private static readonly double[] ClassShares = [0.10, 0.32, 0.36, 0.16, 0.06];
    private static readonly int[] Horizons = [6, 12, 24, 36, 60, 120];
    private static readonly (string Code, string Name, int Risk)[] Products =
    [
        ("ES1001", "示例货币市场基金", 1), ("ES1002", "示例短债", 2), ("ES1003", "示例美元货币基金", 1), ("ES2001", "示例固收+12个月持有", 2),
        ("ES2002", "示例六个月持有债券", 2), ("ES3001", "示例稳健配置混合", 3), ("ES3002", "示例可转债基金", 3),
        ("ES4001", "示例先进制造股票基金", 4), ("ES4002", "示例中证半导体产业ETF", 4), ("ES5001", "示例雪球结构化票据", 5),
        ("600519", "贵州茅台", 4), ("601318", "中国平安", 4), ("300750", "宁德时代", 4), ("000001", "平安银行", 4), ("510300", "沪深300ETF", 4),
    ];

    /// <summary>The advisor ids the generate-clients command creates: adv-001, adv-002, ….</summary>
    public static string AdvisorId(int index) => $"adv-{index + 1:D3}";

    /// <param name="today">The date the portraits are as of (dates are relative to it).</param>
    public static IEnumerable<ClientPortrait> Generate(IReadOnlyList<string> advisorIds, int count, int seed, DateOnly today)
    {
        var random = new Random(seed);
        for (var i = 0; i < count; i++)
            yield return One(random, advisorIds[i % advisorIds.Count], $"sc-{seed}-{i + 1:D7}", today);
    }

    private static ClientPortrait One(Random r, string advisorId, string id, DateOnly today)
    {
        var riskLevel = Pick(r, ClassShares) + 1;
        var lowest = riskLevel == 1 && r.NextDouble() < 0.25;
        var opened = today.AddDays(-r.Next(30, 15 * 365));
        var dormant = r.NextDouble() < 0.35;
        var lastLogin = Max(opened, today.AddDays(dormant ? -r.Next(91, 1000) : -(int)Math.Min(89, Exponential(r, 8))));
        DateOnly? lastTrade = r.NextDouble() < 0.08 ? null : Max(opened, lastLogin.AddDays(-(int)Exponential(r, dormant ? 120 : 25)));
        var sinceTrade = lastTrade is { } t ? today.DayNumber - t.DayNumber : int.MaxValue;
        var trades90 = sinceTrade <= 90 ? 1 + (int)Exponential(r, riskLevel * 2.5) : 0;
        var trades30 = sinceTrade <= 30 ? Math.Min(trades90, 1 + (int)(trades90 * r.NextDouble() * 0.6)) : 0;
        // Log-normal: median about ¥60,000, one account in a hundred above ¥2.5M.
        var assets = Math.Round((decimal)Math.Exp(Math.Log(60_000) + 1.45 * Normal(r)), 2);
        var cash = Math.Round(Math.Clamp(dormant ? 0.3 + 0.7 * r.NextDouble() : Beta(r, 1.2, 4), 0, 1), 3);
        var holdings = Holdings(r, riskLevel, 1 - cash);
        var fund = Math.Round(holdings.Where(h => h.Code.StartsWith("ES") && h.Risk >= 3).Sum(h => h.Weight), 3);
        var equity = Math.Round(holdings.Where(h => !h.Code.StartsWith("ES")).Sum(h => h.Weight), 3);
        var bond = Math.Round(holdings.Where(h => h.Code.StartsWith("ES") && h.Risk == 2).Sum(h => h.Weight), 3);
        var money = Math.Round(holdings.Where(h => h.Risk == 1).Sum(h => h.Weight), 3);
        var pnl30 = Math.Round(assets * (decimal)(Normal(r) * (0.01 + 0.012 * riskLevel) * (1 - cash)), 2);
        var assessed = today.AddDays(-r.Next(0, 3 * 365));
        return new ClientPortrait
        {
            Id = id, AdvisorId = advisorId, Branch = Branches[StableIndex(advisorId, Branches.Length)],
            Name = Surnames[r.Next(Surnames.Length)] + Given[r.Next(Given.Length)] + (r.NextDouble() < 0.6 ? Given[r.Next(Given.Length)] : ""),
            AgeBand = AgeBands[Pick(r, AgeBandShares)], RiskClass = $"C{riskLevel}", LowestClass = lowest,
            RiskAssessedOn = assessed, RiskAssessmentExpiry = assessed.AddYears(2), HorizonMonths = Horizons[Math.Min(Horizons.Length - 1, r.Next(riskLevel + 2))],
            AccountOpenedOn = opened, LastLoginOn = lastLogin, LastTradeOn = lastTrade, Trades30d = trades30, Trades90d = trades90,
            TotalAssets = assets, AssetChange30d = pnl30 + (r.NextDouble() < 0.15 ? Math.Round(assets * (decimal)(r.NextDouble() - 0.4) * 0.3m, 2) : 0),
            CashRatio = cash, EquityWeight = equity, BondWeight = bond, MoneyMarketWeight = money, FundWeight = fund,
            TopHoldingConcentration = holdings.Count == 0 ? 0 : Math.Round(holdings.Max(h => h.Weight), 3),
            Pnl30d = pnl30, PnlYtd = Math.Round(assets * (decimal)((0.01 + Normal(r) * 0.04 * riskLevel) * (1 - cash)), 2),
            MaxDrawdown = Math.Round(Math.Clamp(Math.Abs(Normal(r)) * 0.05 * riskLevel * (1 - cash), 0, 0.9), 3),
            MarginAccount = riskLevel >= 3 && assets > 500_000 && r.NextDouble() < 0.3,
            Holdings = holdings.Select(h => new Holding(h.Code, h.Name, h.Weight, $"R{h.Risk}")).ToList(),
            PreferredChannel = r.NextDouble() switch { < 0.7 => "wechat", < 0.9 => "sms", _ => "email" },
            Language = r.NextDouble() < 0.97 ? "zh-CN" : "en",
            AppActiveDays30d = dormant ? 0 : Math.Min(30, (int)Exponential(r, 6)),
            Complaints12m = r.NextDouble() switch { < 0.965 => 0, < 0.995 => 1, _ => 2 },
            ContactConsent = r.NextDouble() < 0.92, BirthdayMonth = r.Next(1, 13),
        };
    }

    private static List<(string Code, string Name, int Risk, double Weight)> Holdings(Random r, int riskLevel, double invested)
    {
        var count = invested < 0.05 ? 0 : 1 + (int)Math.Min(7, Exponential(r, 1.6));
        // Mostly within the client's class; about one client in twenty holds something above it (a risk mismatch to fix).
        var pool = Products.Where(p => p.Risk <= riskLevel || r.NextDouble() < 0.05).ToArray();
        var picked = pool.OrderBy(_ => r.Next()).Take(count).ToList();
        var shares = picked.Select(_ => 0.2 + r.NextDouble()).ToList();
        var total = shares.Sum();
        return picked.Select((p, i) => (p.Code, p.Name, p.Risk, Math.Round(Math.Floor(invested * shares[i] / total * 1000) / 1000, 3))).ToList();
    }

    private static int StableIndex(string text, int modulo)
    {
        var hash = 17;
        foreach (var c in text) hash = unchecked(hash * 31 + c);
        return (int)((uint)hash % (uint)modulo);
    }

    private static int Pick(Random r, double[] shares)
    {
        var x = r.NextDouble();
        for (var i = 0; i < shares.Length; i++) if ((x -= shares[i]) < 0) return i;
        return shares.Length - 1;
    }

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;
    private static double Exponential(Random r, double mean) => -mean * Math.Log(1 - r.NextDouble());
    private static double Normal(Random r) => Math.Sqrt(-2 * Math.Log(1 - r.NextDouble())) * Math.Cos(2 * Math.PI * r.NextDouble());
    private static double Beta(Random r, double a, double b) { var x = Gamma(r, a); return x / (x + Gamma(r, b)); }

    // Marsaglia–Tsang; for shape < 1 boosted by U^(1/a).
    private static double Gamma(Random r, double shape)
    {
        if (shape < 1) return Gamma(r, shape + 1) * Math.Pow(r.NextDouble(), 1 / shape);
        var d = shape - 1.0 / 3; var c = 1 / Math.Sqrt(9 * d);
        while (true)
        {
            double x, v;
            do { x = Normal(r); v = 1 + c * x; } while (v <= 0);
            v = v * v * v;
            if (Math.Log(1 - r.NextDouble()) < 0.5 * x * x + d - d * v + d * Math.Log(v)) return d * v;
        }
    }
}
