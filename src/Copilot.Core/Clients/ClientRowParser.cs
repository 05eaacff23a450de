using System.Globalization;
using System.Text.Json;
using Copilot.Common;

namespace Copilot.Clients;

/// <summary>
/// Turns one import row (field name → text as written) into a portrait, or names the first field that is wrong and why.
/// Reasons never quote the value: rows carry personal data.
/// </summary>
public static class ClientRowParser
{
    private static readonly string[] Channels = ["wechat", "sms", "email"];

    public static (ClientPortrait? Portrait, RejectedRow? Rejection) Parse(int row, IReadOnlyDictionary<string, string?> fields, int maxHoldings)
    {
        try
        {
            return (Build(fields, maxHoldings), null);
        }
        catch (RowException e)
        {
            return (null, new RejectedRow(row, e.Field, e.Message));
        }
    }

    private static ClientPortrait Build(IReadOnlyDictionary<string, string?> f, int maxHoldings)
    {
        string? Text(string name, int max)
        {
            var value = f.GetValueOrDefault(name)?.Trim();
            if (string.IsNullOrEmpty(value)) return null;
            if (value.Length > max) throw new RowException(name, $"Up to {max} characters.");
            if (value.Any(char.IsControl)) throw new RowException(name, "Control characters are not allowed.");
            return value;
        }
        string Required(string name, int max) => Text(name, max) ?? throw new RowException(name, "Required.");
        int? Int(string name, int min, int max)
        {
            if (Text(name, 16) is not { } value) return null;
            return int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max
                ? n : throw new RowException(name, $"Use a whole number from {min} to {max:N0}.");
        }
        decimal? Amount(string name, bool signed)
        {
            if (Text(name, 24) is not { } value) return null;
            return decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out var d) && Math.Abs(d) < 1e14m && (signed || d >= 0)
                ? d : throw new RowException(name, signed ? "Use an amount in yuan, e.g. -1234.56." : "Use an amount in yuan of 0 or more, e.g. 1234.56.");
        }
        double? Ratio(string name)
        {
            if (Text(name, 24) is not { } value) return null;
            return double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var r) && r is >= 0 and <= 1
                ? r : throw new RowException(name, "Use a ratio from 0 to 1.");
        }
        DateOnly? Date(string name)
        {
            if (Text(name, 10) is not { } value) return null;
            return DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
                ? d : throw new RowException(name, "Use a date as yyyy-MM-dd.");
        }
        bool? Flag(string name) => Text(name, 5)?.ToLowerInvariant() switch
        {
            null => null,
            "true" or "1" or "yes" or "y" => true,
            "false" or "0" or "no" or "n" => false,
            _ => throw new RowException(name, "Use true or false."),
        };

        var riskClass = Required("riskClass", 2).ToUpperInvariant();
        if (riskClass[0] != 'C' || RiskLevels.Level(riskClass) is null) throw new RowException("riskClass", "Use C1 to C5.");
        var lowest = Flag("lowestClass");
        if (lowest == true && riskClass != "C1") throw new RowException("lowestClass", "The lowest category is part of C1; the risk class says otherwise.");
        var trades30 = Int("trades30d", 0, 100_000);
        var trades90 = Int("trades90d", 0, 100_000);
        if (trades30 > trades90) throw new RowException("trades30d", "More trades in 30 days than in 90.");
        var channel = Text("preferredChannel", 16)?.ToLowerInvariant();
        if (channel is not null && !Channels.Contains(channel)) throw new RowException("preferredChannel", "Use wechat, sms or email.");
        var language = Text("language", 16);
        if (language is not null && ComplianceLanguage(language) is null) throw new RowException("language", "Use zh-CN or en.");
        var assessed = Date("riskAssessedOn");
        var expiry = Date("riskAssessmentExpiry");
        if (assessed is { } a && expiry is { } e && e < a) throw new RowException("riskAssessmentExpiry", "Before the assessment date.");

        return new ClientPortrait
        {
            Id = Required("clientId", 64), AdvisorId = Required("advisorId", 64), Branch = Text("branch", 64), Name = Required("name", 64),
            AgeBand = Text("ageBand", 16), RiskClass = riskClass, LowestClass = lowest, RiskAssessedOn = assessed, RiskAssessmentExpiry = expiry,
            HorizonMonths = Int("horizonMonths", 0, 600), AccountOpenedOn = Date("accountOpenedOn"), LastLoginOn = Date("lastLoginOn"),
            LastTradeOn = Date("lastTradeOn"), Trades30d = trades30, Trades90d = trades90,
            TotalAssets = Amount("totalAssets", signed: false), AssetChange30d = Amount("assetChange30d", signed: true),
            CashRatio = Ratio("cashRatio"), EquityWeight = Ratio("equityWeight"), BondWeight = Ratio("bondWeight"),
            MoneyMarketWeight = Ratio("moneyMarketWeight"), FundWeight = Ratio("fundWeight"), TopHoldingConcentration = Ratio("topHoldingConcentration"),
            Pnl30d = Amount("pnl30d", signed: true), PnlYtd = Amount("pnlYtd", signed: true), MaxDrawdown = Ratio("maxDrawdown"),
            MarginAccount = Flag("marginAccount"), Holdings = Holdings(f.GetValueOrDefault("holdings"), maxHoldings),
            PreferredChannel = channel, Language = language, AppActiveDays30d = Int("appActiveDays30d", 0, 30),
            Complaints12m = Int("complaints12m", 0, 1000), ContactConsent = Flag("contactConsent"), BirthdayMonth = Int("birthdayMonth", 1, 12),
        };
    }

    private static string? ComplianceLanguage(string language) => Compliance.ComplianceRequestValidator.LanguageKey(language);

    private static List<Holding>? Holdings(string? json, int max)
    {
        if (string.IsNullOrWhiteSpace(json)) return null;
        List<Holding?>? holdings;
        try
        {
            holdings = JsonSerializer.Deserialize<List<Holding?>>(json, CopilotJson.Options);
        }
        catch (JsonException)
        {
            throw new RowException("holdings", "Use a JSON array of { code, name, weight, riskLevel }.");
        }
        if (holdings is null) return null;
        if (holdings.Count > max) throw new RowException("holdings", $"Up to {max} holdings.");
        for (var i = 0; i < holdings.Count; i++)
        {
            var h = holdings[i] ?? throw new RowException($"holdings[{i}]", "A holding must not be null.");
            if (string.IsNullOrWhiteSpace(h.Code) || h.Code.Length > 64) throw new RowException($"holdings[{i}].code", "Each holding needs a code (up to 64 characters).");
            if (h.Name is { Length: > 64 }) throw new RowException($"holdings[{i}].name", "Up to 64 characters.");
            if (h.RiskLevel is not null && (h.RiskLevel.Length != 2 || h.RiskLevel[0] != 'R' || RiskLevels.Level(h.RiskLevel) is null))
                throw new RowException($"holdings[{i}].riskLevel", "Use R1 to R5.");
            if (h.Weight is { } w && !(w is >= 0 and <= 1)) throw new RowException($"holdings[{i}].weight", "Use a share between 0 and 1.");
        }
        return holdings!;
    }

    private sealed class RowException(string field, string message) : Exception(message)
    {
        public string Field { get; } = field;
    }
}
